"""The digest sender over Telegram: python-telegram-bot's errors mapped to what delivery understands."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import timedelta

from telegram import Bot, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from scheduler.delivery import Blocked, RetryLater, Transient


class TelegramSender:
    """Sends digests with a bot; a block becomes Blocked, flood control RetryLater, network trouble Transient."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def send_text(self, chat_id: int, text: str) -> int:
        """Send an HTML message."""
        return await self._sent(self.bot.send_message(chat_id, text, parse_mode=ParseMode.HTML))

    async def send_photo(self, chat_id: int, photo: bytes, caption: str) -> int:
        """Send a PNG picture with an HTML caption."""
        return await self._sent(
            self.bot.send_photo(chat_id, photo, caption=caption, parse_mode=ParseMode.HTML)
        )

    @staticmethod
    async def _sent(sending: Awaitable[Message]) -> int:
        """The message id, or the error translated."""
        try:
            return (await sending).message_id
        except Forbidden as error:
            raise Blocked(error.message) from error
        except RetryAfter as error:
            wait = error.retry_after
            raise RetryLater(wait.total_seconds() if isinstance(wait, timedelta) else float(wait)) from error
        except BadRequest:
            raise
        except NetworkError as error:  # includes TimedOut
            raise Transient(error.message) from error
