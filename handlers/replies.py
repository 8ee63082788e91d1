"""Sending the assistant's replies to Telegram within its limits."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message
from telegram.constants import MessageLimit, ParseMode

from bot.render import split_message
from bot.replies import Reply


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The reply's buttons as an inline keyboard."""
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in reply.buttons]
    )


async def send_replies(message: Message, replies: list[Reply]) -> None:
    """Send each reply: text split at safe points, charts as photos and documents with a short caption."""
    for reply in replies:
        if reply.document is not None:
            name, content = reply.document
            caption = split_message(reply.text, MessageLimit.CAPTION_LENGTH)[0]
            await message.reply_document(
                InputFile(content, filename=name), caption=caption, parse_mode=ParseMode.HTML
            )
            continue
        photo = await reply.drawn()  # drawn here when it was left to draw: the text before it is out already
        if photo is not None:
            caption = split_message(reply.text, MessageLimit.CAPTION_LENGTH)[0]
            await message.reply_photo(photo, caption=caption, parse_mode=ParseMode.HTML)
            continue
        parts = split_message(reply.text, MessageLimit.MAX_TEXT_LENGTH)
        for number, part in enumerate(parts, 1):
            markup = keyboard(reply) if number == len(parts) else None
            await message.reply_text(part, parse_mode=ParseMode.HTML, reply_markup=markup)
