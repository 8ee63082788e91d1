"""Sending the assistant's replies to Telegram within its limits."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message, Update
from telegram.constants import MessageLimit, ParseMode

from bot.render import split_message
from bot.replies import Reply
from bot.runtime import BotContext


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The reply's buttons as an inline keyboard."""
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in reply.buttons]
    )


async def send_replies(update: Update, message: Message, replies: list[Reply], context: BotContext) -> None:
    """Send the replies in order, after what the chat is still being sent.

    While more updates wait to be handled (a burst), the replies are sent by a task and the next update is
    read meanwhile (StillSending bounds how many such tasks are on their way). Otherwise they are sent within
    the update, but a chart still to draw, and what follows it, is drawn and sent once the update is handled
    (the next update need not wait for the drawing), and before anything else is sent to the chat. Once the
    application is stopping, all is sent before the update counts as handled: the stop waits for that.
    """
    still_sending = context.bot_data.runtime.still_sending
    application = context.application
    if application.running and application.update_queue.qsize():
        await still_sending.queue(
            message.chat_id,
            lambda: send_in_order(message, replies),
            lambda sending: application.create_task(sending, update=update),
        )
        return
    await still_sending.done(message.chat_id)
    drawn_later = next((i for i, reply in enumerate(replies) if reply.draw is not None), len(replies))
    await send_in_order(message, replies[:drawn_later])
    later = replies[drawn_later:]
    if later and application.running:
        task = application.create_task(send_in_order(message, later), update=update)
        still_sending.add(message.chat_id, task)
    elif later:
        await send_in_order(message, later)


async def send_in_order(message: Message, replies: list[Reply]) -> None:
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
