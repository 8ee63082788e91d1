"""The digest sender over Telegram: python-telegram-bot's errors mapped to what delivery understands."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

import httpx
from telegram import Bot, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from scheduler.delivery import Blocked, OutcomeUnknown, RetryLater, Transient

ChatMoved = Callable[[int, int], Awaitable[object]]  # a group's old and new chat id

# Failures of httpx before the request was (wholly) sent: Telegram cannot have acted on it.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.WriteError, httpx.WriteTimeout)


class TelegramSender:
    """Sends digests with a bot, translating python-telegram-bot's errors for the broadcaster.

    A block becomes Blocked, flood control RetryLater, a request that never left Transient, and one that
    may have arrived (a 5xx answer, a read timeout, a connection lost while waiting) OutcomeUnknown.
    A group upgraded to a supergroup is told to `on_moved` and sent to at its new id.
    """

    def __init__(self, bot: Bot, on_moved: ChatMoved | None = None) -> None:
        self.bot = bot
        self.on_moved = on_moved

    async def send_text(self, chat_id: int, text: str) -> int:
        """Send an HTML message."""
        return await self._to_chat(
            chat_id, lambda chat: self.bot.send_message(chat, text, parse_mode=ParseMode.HTML)
        )

    async def send_photo(self, chat_id: int, photo: bytes, caption: str) -> int:
        """Send a PNG picture with an HTML caption."""
        return await self._to_chat(
            chat_id, lambda chat: self.bot.send_photo(chat, photo, caption=caption, parse_mode=ParseMode.HTML)
        )

    async def _to_chat(self, chat_id: int, send: Callable[[int], Awaitable[Message]]) -> int:
        """Send to the chat, or to the supergroup it became (nothing has arrived when Telegram says so)."""
        try:
            return await self._sent(send(chat_id))
        except ChatMigrated as moved:
            if self.on_moved is not None:
                await self.on_moved(chat_id, moved.new_chat_id)
            return await self._sent(send(moved.new_chat_id))

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
        except NetworkError as error:  # and TimedOut: python-telegram-bot keeps httpx's error as the cause
            if isinstance(error.__cause__, NOT_SENT):
                raise Transient(error.message) from error
            # A proxy's 502 page is quoted whole after "Bad Gateway (502)": the log needs only that.
            raise OutcomeUnknown(error.message.partition(". Parsing the server response")[0]) from error
