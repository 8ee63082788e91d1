"""Assembling the Telegram application: settings, store, handlers, command menus."""

from __future__ import annotations

from typing import cast

from telegram import BotCommand
from telegram.ext import AIORateLimiter, ApplicationBuilder, ContextTypes

from bot.assistant import Assistant
from bot.runtime import BotApplication, BotData, Runtime
from bot.settings import Settings
from bot.texts import COMMANDS, LANGUAGES
from handlers import register
from scheduler.jobs import start_digests
from store.store import Store
from store.users import ensure_admins


async def open_runtime(settings: Settings) -> Runtime:
    """Open the store (migrated and seeded), make the first admins, build the assistant."""
    store = await Store.open(settings.database_url)
    async with store.unit() as session:
        await ensure_admins(session, admin_ids=settings.admin_ids)
    assistant = Assistant(
        store,
        zone=settings.zone,
        admin_ids=settings.admin_ids,
        open_access=settings.access == "open",
    )
    return Runtime(settings=settings, store=store, assistant=assistant)


async def set_command_menus(application: BotApplication) -> None:
    """The command menu in each language, and bokmål as the default."""
    for language in (*LANGUAGES, None):
        commands = [BotCommand(name, texts[language or "nb"]) for name, texts in COMMANDS.items()]
        await application.bot.set_my_commands(commands, language_code=language)


def build_application(settings: Settings) -> BotApplication:
    """The python-telegram-bot application, ready for run_polling."""
    assert settings.telegram_bot_token is not None

    async def post_init(application: BotApplication) -> None:
        application.bot_data["runtime"] = await open_runtime(settings)
        await start_digests(application)
        await set_command_menus(application)

    async def post_shutdown(application: BotApplication) -> None:
        runtime = application.bot_data.get("runtime")
        if isinstance(runtime, Runtime):
            await runtime.store.close()

    application = cast(
        BotApplication,
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_base_url)
        .base_file_url(settings.telegram_base_file_url)
        .context_types(ContextTypes(bot_data=BotData))
        .rate_limiter(AIORateLimiter(overall_max_rate=0, group_max_rate=0, max_retries=3))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build(),
    )
    register(application)
    return application
