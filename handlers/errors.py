"""The error handler: log the failure, tell the user politely, tell the operator chat once per kind."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable

from telegram import Update
from telegram.error import BadRequest

from bot.caller import telegram_language
from bot.runtime import BotContext
from bot.texts import text
from store.db import out_of_reach
from store.vocabulary import COMMAND

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Log the error with its traceback first, then tell the user and, where set, the operator chat.

    Nothing here reads the store (it may be what failed), and nothing here raises.
    """
    what = asked(update, context)
    failed = describe(update, what)
    log.error("error while handling %s", failed, exc_info=context.error)
    log.debug("%s came from %s", failed, sender(update))  # user ids only at DEBUG
    await attempt(tell_user(update, apology(context.error)), failed)
    await attempt(tell_operators(context, what, failed), failed)


async def attempt(report: Awaitable[None], failed: str) -> None:
    """Make one report; the error handler is the last resort, so its own failure is logged, not raised."""
    try:
        await report
    except Exception:
        log.exception("could not report the error while handling %s", failed)


def asked(update: object, context: BotContext) -> str:
    """What failed: the command word, the button's data, "text", or the job; never what a user wrote."""
    if not isinstance(update, Update):
        return f"job {context.job.name}" if context.job is not None else "no update"
    if update.callback_query is not None:
        return f"button {update.callback_query.data}"
    message = update.effective_message
    command = COMMAND.match((message.text or message.caption or "") if message else "")
    if command:
        return f"/{command.group(1)}"
    return "document" if message is not None and message.document is not None else "text"


def apology(error: BaseException | None) -> str:
    """The reply's text key: the figures are unavailable when the database is out of reach, else sorry."""
    return "unavailable" if out_of_reach(error) else "error"


def describe(update: object, what: str) -> str:
    """The failed update for the log: its id, the kind of chat and what was asked (no user or chat id)."""
    if not isinstance(update, Update):
        return what
    chat = update.effective_chat
    return f"update {update.update_id} ({chat.type if chat else 'no'} chat, {what})"


def sender(update: object) -> str:
    """Who sent an update and where, by ids, for the DEBUG log."""
    if not isinstance(update, Update):
        return "no update"
    user, chat = update.effective_user, update.effective_chat
    return f"user {user.id if user else '-'} in chat {chat.id if chat else '-'}"


async def tell_user(update: object, key: str) -> None:
    """A polite reply (the text `key`) in the user's Telegram language; a pressed button's spinner is stopped too."""
    if not isinstance(update, Update):
        return
    if update.callback_query is not None:
        with contextlib.suppress(BadRequest):  # the handler answered it before it failed
            await update.callback_query.answer()
    if update.effective_message is not None:
        user = update.effective_user
        language = telegram_language(user.language_code if user else None)
        await update.effective_message.reply_text(text(key, language))


async def tell_operators(context: BotContext, what: str, failed: str) -> None:
    """One short notice to the operator chat per kind of error (exception and command) per ten minutes."""
    runtime = context.bot_data.runtime
    chat_id = runtime.settings.ops_chat_id
    kind = (type(context.error).__name__, what.partition(":")[0])  # a button's kind is its prefix
    if chat_id is None or not runtime.notices.due(kind):
        return
    await context.bot.send_message(
        chat_id, f"⚠️ {kind[0]} while handling {failed}. The same again within ten minutes is only logged."
    )
