"""Assembling the Telegram application: settings, store, handlers, command menus."""

from __future__ import annotations

import asyncio
import gc
import logging
from datetime import timedelta
from functools import partial
from typing import cast

from telegram import Bot, BotCommand, BotCommandScopeAllGroupChats, BotCommandScopeChat
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden
from telegram.ext import ApplicationBuilder, ContextTypes
from telegram.request import BaseRequest

from bot.assistant import Assistant
from bot.groups import GROUP_COMMANDS
from bot.refresh import admin_languages, refresh
from bot.runtime import BotApplication, BotContext, BotData, Runtime
from bot.service import start_http
from bot.settings import Settings
from bot.texts import ADMIN_COMMANDS, COMMANDS, LANGUAGES
from handlers import register
from scheduler.delivery import Broadcaster
from scheduler.jobs import JOB_OPTIONS, DigestJobs
from scheduler.telegram import AiohttpRequest, FloodWaits, TelegramSender
from store.conversations import KEPT_FOR
from store.held import HeldFigures
from store.store import Store
from store.users import list_users

log = logging.getLogger(__name__)
REFRESH_JOB = "imdi-refresh"
PRUNE_CONTEXTS_JOB = "privacy:contexts"
WARM_UP_JOB = "warm-up"
# Seconds from start-up to the warm-up: lingua holds the GIL while it loads, and the first getUpdates must
# leave before (the job runs once the application has started, while that request may still be on its way).
WARM_UP_AFTER = 1.0
KEEP_WARM_JOB = "keep-warm"
# Seconds between looks for changed data (reading ahead after one takes 3–7 s of CPU on national data).
KEEP_WARM_EVERY = 30.0


async def open_runtime(settings: Settings) -> Runtime:
    """Open the store (migrated and seeded), make the first admins, build the assistant."""
    store = await Store.open(settings.database_url, admins=settings.admin_ids)
    await store.watch()  # looks now, while nothing is held yet, then every two seconds
    assistant = Assistant(
        store,
        zone=settings.zone,
        admin_ids=settings.admin_ids,
        open_access=settings.access == "open",
        retention_weeks=settings.retention_weeks,
    )
    return Runtime(settings=settings, store=store, assistant=assistant)


async def start_digests(application: BotApplication) -> None:
    """The broadcaster and a job per subscription; subscriptions changed in chat are rescheduled."""
    assert application.job_queue is not None
    runtime = application.bot_data.runtime
    broadcaster = Broadcaster(
        runtime.store,
        TelegramSender(application.bot, on_moved=runtime.assistant.groups.moved),
        compose=runtime.assistant.digests.composer,
        zone=runtime.settings.zone,
        open_access=runtime.assistant.open_access,
        clock=runtime.assistant.clock,
    )
    retention = timedelta(weeks=runtime.settings.retention_weeks)
    runtime.digest_jobs = DigestJobs(application.job_queue, broadcaster, retention=retention)
    runtime.assistant.digests.on_change = runtime.digest_jobs.reschedule
    runtime.assistant.digests.resender = runtime.digest_jobs.resend
    await runtime.digest_jobs.start()


def start_refresh(application: BotApplication) -> None:
    """The nightly refresh of IMDi's statistics as a named daily job, when IMDI_CSV_URL is set."""
    assert application.job_queue is not None
    settings = application.bot_data.runtime.settings
    for job in application.job_queue.get_jobs_by_name(REFRESH_JOB):
        job.schedule_removal()
    if settings.imdi_csv_url:
        application.job_queue.run_daily(
            refresh_job, settings.refresh_time, name=REFRESH_JOB, job_kwargs=JOB_OPTIONS
        )


def start_context_pruning(application: BotApplication) -> None:
    """Follow-up contexts stored in the database (PostgreSQL) are deleted once older than half an hour."""
    assert application.job_queue is not None
    if application.bot_data.runtime.assistant.conversations.shared:
        application.job_queue.run_repeating(prune_contexts_job, KEPT_FOR, name=PRUNE_CONTEXTS_JOB)


async def prune_contexts_job(context: BotContext) -> None:
    """Delete the follow-up contexts older than half an hour."""
    assistant = context.bot_data.runtime.assistant
    pruned = await assistant.conversations.prune(assistant.clock())
    log.info("follow-up contexts: %d older than %s deleted", pruned, KEPT_FOR)


async def refresh_job(context: BotContext) -> None:
    """Fetch and import IMDi's statistics, then tell every admin in one message each."""
    runtime = context.bot_data.runtime
    outcome = await refresh(runtime.store, runtime.settings.imdi_csv_url, runtime.assistant.today())
    log.info("IMDi refresh: %s", outcome.key)
    for user_id, language in (await admin_languages(runtime.store)).items():
        try:
            await context.bot.send_message(user_id, outcome.message(language), parse_mode=ParseMode.HTML)
        except (BadRequest, Forbidden) as error:  # an admin who never wrote to the bot, or blocked it
            log.warning("IMDi refresh not told to admin %s: %s", user_id, error.message)


async def warm_up(context: BotContext) -> None:
    """What questions and charts need and start-up need not wait for, loaded in a worker thread once polling runs."""
    # A question that comes first loads what it needs itself; one that comes meanwhile waits for lingua.
    await asyncio.to_thread(context.bot_data.runtime.assistant.warm_up)
    gc.freeze()  # what was loaded lives as long as the process, as start-up's objects do


async def keep_warm(context: BotContext) -> None:
    """After start-up and each change of the data, the places' statements read ahead (see HeldFigures.keep_warm)."""
    await read_ahead(context.bot_data.runtime.store.figures)


async def read_ahead(figures: HeldFigures) -> None:
    """Read ahead with the garbage collector paused, then keep what was read out of its full collections.

    What is held lasts until the data changes and holds no reference cycles (refcounting frees it then): on
    national data some 400 000 objects, over which each full collection took 5-100 ms while reading ahead and
    over 100 ms after, the event loop stalled meanwhile. Frozen, they are left out (as start-up's objects are).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        if await figures.keep_warm():
            gc.freeze()
    finally:
        if enabled:
            gc.enable()


def menu(commands: dict[str, dict[str, str]], language: str | None) -> list[BotCommand]:
    """A command menu in a language (bokmål for Telegram's default)."""
    return [BotCommand(name, texts[language or "nb"]) for name, texts in commands.items()]


async def set_command_menus(application: BotApplication) -> None:
    """Everyone's command menu in each language (bokmål by default), groups' without what works only in
    private, and each admin's own with more."""
    for language in (*LANGUAGES, None):
        await application.bot.set_my_commands(menu(COMMANDS, language), language_code=language)
        await application.bot.set_my_commands(
            menu(GROUP_COMMANDS, language), scope=BotCommandScopeAllGroupChats(), language_code=language
        )
    async with application.bot_data.runtime.store.unit() as session:
        admins = [user.id for user in await list_users(session) if user.role == "admin"]
    for user_id in admins:
        await set_admin_menu(application.bot, user_id, "admin")


async def set_admin_menu(bot: Bot, user_id: int, role: str | None) -> None:
    """An admin's private chat shows the admin commands too; anyone else's, everyone's menu."""
    scope = BotCommandScopeChat(user_id)
    try:
        for language in (*LANGUAGES, None):
            if role == "admin":
                commands = menu({**COMMANDS, **ADMIN_COMMANDS}, language)
                await bot.set_my_commands(commands, scope=scope, language_code=language)
            else:
                await bot.delete_my_commands(scope=scope, language_code=language)
    except (BadRequest, Forbidden) as error:  # a user who never wrote to the bot has no chat yet
        log.warning("a user's command menu was not changed: %s", error.message)
        log.debug("the menu not changed was user %s's", user_id)  # user ids only at DEBUG


def check_inline_mode(bot: Bot) -> None:
    """Inline answers need inline mode switched on at BotFather: say how when getMe says it is off."""
    if not bot.supports_inline_queries:
        log.warning(
            "inline mode is off: `@%s Melhus 2015` gets no answers. Switch it on at @BotFather: "
            "/mybots → the bot → Bot Settings → Inline Mode → Turn on (then /setinlinefeedback is optional)",
            bot.username,
        )


def build_application(settings: Settings, request: BaseRequest | None = None) -> BotApplication:
    """The python-telegram-bot application, ready to poll or serve a webhook; tests give a `request` that records calls."""
    assert settings.telegram_bot_token is not None

    async def post_init(_: object) -> None:  # the application built below
        application.bot_data["runtime"] = runtime = await open_runtime(settings)
        await runtime.store.index()  # the place index, built before the first question
        await start_digests(application)
        start_refresh(application)
        start_context_pruning(application)
        await set_command_menus(application)
        check_inline_mode(application.bot)
        application.bot_data.runtime.assistant.members.on_role_change = partial(
            set_admin_menu, application.bot
        )
        runtime.http = await start_http(application, settings)
        gc.freeze()  # start-up's objects live as long as the process: keep them out of full collections
        gc.enable()  # python -m bot left it off while starting
        assert application.job_queue is not None
        application.job_queue.run_once(warm_up, WARM_UP_AFTER, name=WARM_UP_JOB)
        application.job_queue.run_repeating(
            keep_warm, KEEP_WARM_EVERY, first=WARM_UP_AFTER, name=KEEP_WARM_JOB, job_kwargs=JOB_OPTIONS
        )

    async def post_shutdown(_: object) -> None:
        runtime = application.bot_data.get("runtime")
        if isinstance(runtime, Runtime):
            if runtime.http is not None:
                await runtime.http.cleanup()
            await runtime.store.close()

    builder = (
        ApplicationBuilder()
        .application_class(BotApplication)
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_base_url)
        .base_file_url(settings.telegram_base_file_url)
        .context_types(ContextTypes(bot_data=BotData))
        .rate_limiter(FloodWaits())
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    # python-telegram-bot's own pools unless one is given: 256 connections for requests, one for getUpdates
    requests = (request, request) if request is not None else (AiohttpRequest(256), AiohttpRequest(1))
    builder = builder.request(requests[0]).get_updates_request(requests[1])
    application = cast(BotApplication, builder.build())
    application.requests = requests
    register(application)
    return application
