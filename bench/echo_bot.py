"""The baseline: a minimal python-telegram-bot echo bot on the same local server (python -m bench.echo_bot).

With ECHO_REQUEST=aiohttp it sends its requests through Bosettingsbot's transport instead of python-telegram-bot's
own (httpx), so the two bots' difference can be told apart from the transport's.
"""

from __future__ import annotations

import os

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters


async def echo(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply with the message's own text."""
    if update.effective_message and update.effective_message.text:
        await update.effective_message.reply_text(update.effective_message.text)


def main() -> None:
    """Poll the server given by the environment and echo every text."""
    builder = (
        Application.builder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_BASE_URL"])
        .base_file_url(os.environ["TELEGRAM_BASE_FILE_URL"])
    )
    if os.environ.get("ECHO_REQUEST") == "aiohttp":
        from scheduler.telegram import (
            AiohttpRequest,
        )  # only then: the baseline of start_bench imports no more

        builder = builder.request(AiohttpRequest(256)).get_updates_request(AiohttpRequest(1))
    application = builder.build()
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.run_polling(allowed_updates=["message"])


if __name__ == "__main__":
    main()
