"""Telegram callbacks for files: an admin's upload is downloaded and previewed by the assistant."""

from __future__ import annotations

from telegram import Message, Update
from telegram.constants import ParseMode

from bot.runtime import BotContext
from handlers.chat import caller_of
from handlers.replies import send_replies


class ProgressMessage:
    """One message that says how far a long import has come, edited as it goes."""

    def __init__(self, message: Message) -> None:
        self.message = message
        self.sent: Message | None = None

    async def __call__(self, text: str) -> None:
        """Show the next step."""
        if self.sent is None:
            self.sent = await self.message.reply_text(text, parse_mode=ParseMode.HTML)
        else:
            await self.sent.edit_text(text, parse_mode=ParseMode.HTML)


async def on_document(update: Update, context: BotContext) -> None:
    """A file: admins' files within the size limit are downloaded; the assistant answers everyone."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    document = message.document
    await context.bot_data.runtime.still_sending.done(message.chat_id)  # the progress comes after a chart
    caller = await caller_of(update, context)
    size = document.file_size or 0
    content = b""
    if context.bot_data.runtime.assistant.may_download(caller, size):
        content = bytes(await (await document.get_file()).download_as_bytearray())
    replies = await context.bot_data.runtime.assistant.upload(
        content,
        document.file_name or "upload",
        message.caption or "",
        caller,
        ProgressMessage(message),
        size=size,
    )
    await send_replies(update, message, replies, context)
