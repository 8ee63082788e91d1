"""Telegram callbacks: read the update, ask the assistant, send the replies."""

from __future__ import annotations

from dataclasses import replace

from telegram import CallbackQuery, Message, Update
from telegram.error import BadRequest

from bot import texts
from bot.caller import Caller
from bot.replies import Reply
from bot.runtime import BotContext
from handlers.groups import GROUP_TYPES, is_chat_admin, without_mention
from handlers.replies import send_replies


async def caller_of(update: Update, context: BotContext) -> Caller:
    """The caller behind an update, with role and language, and the group chat when asked in one."""
    user, chat = update.effective_user, update.effective_chat
    assert user is not None
    group = chat.id if chat is not None and chat.type in GROUP_TYPES else None
    return await context.bot_data.runtime.assistant.caller(user.id, user.language_code, group)


async def on_message(update: Update, context: BotContext) -> None:
    """Any text or command: the assistant answers it (in a group, without the bot's @username)."""
    message = update.effective_message
    if message is None:
        return
    caller = await caller_of(update, context)
    text = without_mention(message.text or message.caption or "", context.bot.username)
    assistant = context.bot_data.runtime.assistant
    if caller.in_group and anonymous(message) and assistant.needs_identity(text):
        await send_replies(update, message, [Reply(texts.text("group_anonymous", caller.language))], context)
        return
    if caller.in_group and assistant.needs_chat_admin(text):
        caller = replace(caller, chat_admin=await is_chat_admin(update, context))
    replies = await assistant.handle(text, caller, message.chat_id)
    await send_replies(update, message, replies, context)


def anonymous(message: Message) -> bool:
    """Whether a group's administrator wrote as the group itself ("Remain anonymous"): who it is is hidden."""
    return message.sender_chat is not None and message.sender_chat.id == message.chat_id


async def on_button(update: Update, context: BotContext) -> None:
    """A button press: stop its spinner and answer what it stands for (data the bot never made included)."""
    query = update.callback_query
    if query is None:
        return
    await query.answer()
    assistant = context.bot_data.runtime.assistant
    caller = await caller_of(update, context)
    data = query.data or ""  # a game's button has no data
    if await assistant.is_one_time_button(data, caller):
        await remove_buttons(query)
    replies = await assistant.choose(data, caller)
    if isinstance(query.message, type(update.effective_message)) and query.message is not None:
        await send_replies(update, query.message, replies, context)


async def remove_buttons(query: CallbackQuery) -> None:
    """Save or Cancel is pressed once by its owner: the buttons go at that press (a double tap finds them gone)."""
    try:
        await query.edit_message_reply_markup(None)
    except BadRequest as error:
        if "not modified" not in error.message:
            raise
