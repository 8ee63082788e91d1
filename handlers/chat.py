"""Telegram callbacks: read the update, ask the assistant, send the replies."""

from __future__ import annotations

import logging

from telegram import CallbackQuery, Update
from telegram.error import BadRequest

from bot.caller import Caller
from bot.runtime import BotContext
from bot.texts import text
from handlers.replies import send_replies

log = logging.getLogger(__name__)


async def caller_of(update: Update, context: BotContext) -> Caller:
    """The caller behind an update, with role and language."""
    user = update.effective_user
    assert user is not None
    return await context.bot_data.runtime.assistant.caller(user.id, user.language_code)


async def on_message(update: Update, context: BotContext) -> None:
    """Any text or command: the assistant answers it."""
    message = update.effective_message
    if message is None:
        return
    caller = await caller_of(update, context)
    replies = await context.bot_data.runtime.assistant.handle(message.text or message.caption or "", caller)
    await send_replies(message, replies)


async def on_button(update: Update, context: BotContext) -> None:
    """A button press: acknowledge it and answer the question it stands for."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    await query.answer()
    if context.bot_data.runtime.assistant.is_one_time_button(query.data):
        await remove_buttons(query)
    caller = await caller_of(update, context)
    replies = await context.bot_data.runtime.assistant.choose(query.data, caller)
    if isinstance(query.message, type(update.effective_message)) and query.message is not None:
        await send_replies(query.message, replies)


async def remove_buttons(query: CallbackQuery) -> None:
    """Save or Cancel is pressed once: the buttons go at the first press (a double tap finds them gone)."""
    try:
        await query.edit_message_reply_markup(None)
    except BadRequest as error:
        if "not modified" not in error.message:
            raise


async def on_error(update: object, context: BotContext) -> None:
    """Log the error with its traceback first, then tell the user politely."""
    log.error("error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_message is not None:
        user = update.effective_user
        language = "nb" if user is None else (await caller_of(update, context)).language
        await update.effective_message.reply_text(text("error", language))
