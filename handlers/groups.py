"""Telegram callbacks for group chats: what the bot listens to there, and being added or removed."""

from __future__ import annotations

import re

from telegram import Message, Update
from telegram.constants import ChatMemberStatus, ChatType, MessageEntityType, ParseMode
from telegram.ext import ApplicationHandlerStop

from bot.caller import telegram_language
from bot.runtime import BotContext

GROUP_TYPES = (ChatType.GROUP, ChatType.SUPERGROUP)
PRESENT = (ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.RESTRICTED)
GONE = (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)
ADMINS = (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


def addressed(message: Message, username: str, bot_id: int) -> bool:
    """Whether a group message is for the bot: a command (not for another bot), a mention, a reply to it."""
    for entity, value in message.parse_entities().items():
        if entity.type == MessageEntityType.BOT_COMMAND and entity.offset == 0:
            target = value.partition("@")[2]
            return not target or target.lower() == username.lower()
        if entity.type == MessageEntityType.MENTION and value.lower() == f"@{username.lower()}":
            return True
    replied = message.reply_to_message
    return replied is not None and replied.from_user is not None and replied.from_user.id == bot_id


def without_mention(text: str, username: str) -> str:
    """The text with the bot's @username taken out (a command's /status@name becomes /status)."""
    if "@" not in text:  # most texts: no pattern made or run
        return text.strip()
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE).strip()


async def screen(update: Update, context: BotContext) -> None:
    """In a group, anything not addressed to the bot goes no further (the group's chatter is not ours)."""
    message = update.effective_message
    if message is None or not addressed(message, context.bot.username, context.bot.id):
        raise ApplicationHandlerStop


async def is_chat_admin(update: Update, context: BotContext) -> bool:
    """Whether the sender is an administrator (or the owner) of the group, as Telegram says now."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return False
    return (await context.bot.get_chat_member(chat.id, user.id)).status in ADMINS


async def on_my_chat_member(update: Update, context: BotContext) -> None:
    """The bot added to a group says what it does; removed from one, the group's digests pause."""
    change = update.my_chat_member
    if change is None or change.chat.type not in GROUP_TYPES:
        return
    groups = context.bot_data.runtime.assistant.groups
    was, now = change.old_chat_member.status, change.new_chat_member.status
    if now in PRESENT and was not in PRESENT:
        language = telegram_language(change.from_user.language_code)
        welcome = await groups.joined(change.chat.id, language, context.bot.username)
        await context.bot.send_message(change.chat.id, welcome.text, parse_mode=ParseMode.HTML)
    elif now in GONE and was not in GONE:
        await groups.left(change.chat.id)


async def on_migration(update: Update, context: BotContext) -> None:
    """A group upgraded to a supergroup (Telegram tells the old chat and the new): its settings move."""
    message = update.effective_message
    if message is None:
        return
    groups = context.bot_data.runtime.assistant.groups
    if message.migrate_to_chat_id is not None:
        await groups.moved(message.chat_id, message.migrate_to_chat_id)
    elif message.migrate_from_chat_id is not None:
        await groups.moved(message.migrate_from_chat_id, message.chat_id)
    raise ApplicationHandlerStop
