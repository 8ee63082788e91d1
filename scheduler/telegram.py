"""Sending over Telegram: requests with JSON bodies, the digest sender (python-telegram-bot's errors mapped to
what delivery understands), and the waits Telegram's flood control asks of every request."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from datetime import timedelta
from typing import Any

import httpx
from telegram import Bot, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.request import HTTPXRequest

from scheduler.delivery import Blocked, OutcomeUnknown, RetryLater, Transient

ChatMoved = Callable[[int, int], Awaitable[object]]  # a group's old and new chat id

# Failures of httpx before the request was (wholly) sent: Telegram cannot have acted on it.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.WriteError, httpx.WriteTimeout)
RETRIES = 3  # a request refused by flood control is sent again up to this many times
MARGIN = 0.1  # seconds waited beyond what Telegram asks
Answer = bool | dict[str, Any] | list[dict[str, Any]]  # what a Bot API method returns, as JSON

log = logging.getLogger(__name__)


def wait_of(error: RetryAfter) -> float:
    """The seconds flood control asks to wait (a timedelta where python-telegram-bot gives one)."""
    wait = error.retry_after
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)


class JsonBodies(httpx.AsyncClient):
    """An httpx client that posts a Bot API request's parameters as one JSON object (files still as multipart).

    python-telegram-bot posts them form-encoded, a Python call per byte of the text: about 26 µs for a reply of
    500 bytes, against 3 µs as JSON. The Bot API takes either; the values stay the strings python-telegram-bot
    made of them (a keyboard as its JSON text, as python-telegram-bot 13 sent it).
    """

    async def request(
        self, method: str, url: httpx.URL | str, *, data: Any = None, files: Any = None, **kwargs: Any
    ) -> httpx.Response:
        """The request sent, its parameters as JSON unless it carries files."""
        if files:
            return await super().request(method, url, data=data, files=files, **kwargs)
        return await super().request(method, url, json=data, **kwargs)


class JsonRequest(HTTPXRequest):
    """python-telegram-bot's HTTPXRequest, posting through JsonBodies."""

    __slots__ = ()

    def _build_client(self) -> httpx.AsyncClient:
        """A JsonBodies client with the settings HTTPXRequest gathered."""
        return JsonBodies(**self._client_kwargs)


class FloodWaits(BaseRateLimiter[int]):
    """Every request is sent at once; one that flood control refuses (429, RetryAfter) is sent again after the
    wait it asks, up to RETRIES times, and meanwhile every other request waits too.

    What python-telegram-bot's AIORateLimiter does with no rates set, without its way through (two context
    managers, a closure and an event's wait for every request: about 40 µs before each reply).
    """

    def __init__(self) -> None:
        self.open = asyncio.Event()  # cleared while a wait asked by flood control lasts
        self.open.set()

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Answer]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Answer:
        """Send the request once no wait lasts; after RetryAfter, wait and send it again (the last refusal raised)."""
        for _ in range(RETRIES if rate_limit_args is None else rate_limit_args):
            try:
                return await self._sent(callback, args, kwargs)
            except RetryAfter as error:
                log.info("flood control on %s: sent again after %.1f s", endpoint, wait_of(error))
                await self._wait(wait_of(error) + MARGIN)
        return await self._sent(callback, args, kwargs)

    async def _sent(
        self, callback: Callable[..., Coroutine[Any, Any, Answer]], args: Any, kwargs: Any
    ) -> Answer:
        """The request sent once no wait lasts."""
        if not self.open.is_set():
            await self.open.wait()
        return await callback(*args, **kwargs)

    async def _wait(self, seconds: float) -> None:
        """Hold every request back for the seconds given."""
        self.open.clear()
        try:
            await asyncio.sleep(seconds)
        finally:
            self.open.set()


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
            raise RetryLater(wait_of(error)) from error
        except BadRequest:
            raise
        except NetworkError as error:  # and TimedOut: python-telegram-bot keeps httpx's error as the cause
            if isinstance(error.__cause__, NOT_SENT):
                raise Transient(error.message) from error
            # A proxy's 502 page is quoted whole after "Bad Gateway (502)": the log needs only that.
            raise OutcomeUnknown(error.message.partition(". Parsing the server response")[0]) from error
