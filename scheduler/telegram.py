"""Sending over Telegram: python-telegram-bot's requests through aiohttp with JSON bodies, the digest sender
(python-telegram-bot's errors mapped to what delivery understands), and the waits flood control asks of every
request."""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import ssl
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import aiohttp
import certifi
from telegram import Bot, Message
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import BaseRateLimiter
from telegram.request import BaseRequest, RequestData

from scheduler.delivery import Blocked, OutcomeUnknown, RetryLater, Transient

ChatMoved = Callable[[int, int], Awaitable[object]]  # a group's old and new chat id

# Failures of aiohttp before the request was sent (no connection to be had): Telegram cannot have acted on it.
NOT_SENT = (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError)
UNWRITTEN = (
    "Can not write request body"  # how aiohttp's ClientOSError begins when the request could not be written
)
RETRIES = 3  # a request refused by flood control is sent again up to this many times
MARGIN = 0.1  # seconds waited beyond what Telegram asks
Answer = bool | dict[str, Any] | list[dict[str, Any]]  # what a Bot API method returns, as JSON

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Timeouts:
    """A request's limits in seconds (None: no limit) where it names none: python-telegram-bot's defaults."""

    read: float | None = 5.0
    write: float | None = 5.0
    connect: float | None = 5.0
    pool: float | None = 1.0
    media_write: float | None = 20.0  # writing a request that carries files

    def of(
        self,
        read: ODVInput[float],
        write: ODVInput[float],
        connect: ODVInput[float],
        pool: ODVInput[float],
        media: bool,
    ) -> aiohttp.ClientTimeout:
        """aiohttp's timeout for a request that asked for these limits (a DefaultValue: ours)."""
        limits = (
            chosen(read, self.read),
            chosen(write, self.media_write if media else self.write),
            chosen(connect, self.connect),
            chosen(pool, self.pool),
        )
        reading, _, connecting, waiting = limits
        return aiohttp.ClientTimeout(
            total=None if None in limits else sum(limit or 0.0 for limit in limits),
            connect=None if connecting is None or waiting is None else connecting + waiting,
            sock_connect=connecting,
            sock_read=reading,
        )


def chosen(asked: ODVInput[float], default: float | None) -> float | None:
    """The limit a request asked for, or the default where it left it to us."""
    return default if isinstance(asked, DefaultValue) else asked


DEFAULT_TIMEOUTS = Timeouts()


def wait_of(error: RetryAfter) -> float:
    """The seconds flood control asks to wait (a timedelta where python-telegram-bot gives one)."""
    wait = error.retry_after
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)


class AiohttpRequest(BaseRequest):
    """python-telegram-bot's requests sent through aiohttp, their parameters as one JSON object (files as multipart).

    python-telegram-bot's own HTTPXRequest spends about 1 ms of CPU on each request on this machine, aiohttp about
    0.25 ms, and every reply is two requests (the getUpdates that brought the question, the sendMessage). The Bot
    API takes JSON or a form alike; the values stay the strings python-telegram-bot made of them (a keyboard as its
    JSON text). aiohttp has no write timeout of its own: the request as a whole is limited to the sum of the four.
    """

    __slots__ = ("_pool_size", "_session", "_timeouts")

    def __init__(self, connection_pool_size: int = 1, timeouts: Timeouts = DEFAULT_TIMEOUTS) -> None:
        self._session: aiohttp.ClientSession | None = None
        self._pool_size = connection_pool_size
        self._timeouts = timeouts

    @property
    def read_timeout(self) -> float | None:
        """The read timeout of a request that names none."""
        return self._timeouts.read

    async def initialize(self) -> None:
        """Open the connection pool (once); Telegram's certificate is checked against certifi's authorities."""
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size, ssl=authorities())
            self._session = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": self.USER_AGENT}
            )

    async def shutdown(self) -> None:
        """Close the connection pool."""
        if self._session is not None:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send the request; python-telegram-bot's TimedOut or NetworkError, from aiohttp's error, if it fails."""
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        media = request_data is not None and request_data.contains_files
        timeout = self._timeouts.of(read_timeout, write_timeout, connect_timeout, pool_timeout, media)
        try:
            return await self._exchange(self._session, method, url, request_data, timeout)
        except NetworkError as error:
            if not unwritten(error.__cause__):
                raise
        # A kept connection closed under us as it was taken again: once more, on a new one.
        return await self._exchange(self._session, method, url, request_data, timeout)

    @staticmethod
    async def _exchange(
        session: aiohttp.ClientSession,
        method: str,
        url: str,
        request_data: RequestData | None,
        timeout: aiohttp.ClientTimeout,
    ) -> tuple[int, bytes]:
        """The answer's status and body; python-telegram-bot's TimedOut or NetworkError, from aiohttp's error."""
        try:
            async with session.request(method, url, data=body(request_data), timeout=timeout) as response:
                return response.status, await response.read()
        except TimeoutError as error:
            raise TimedOut(f"aiohttp.{type(error).__name__}: {error}") from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error


def unwritten(error: BaseException | None) -> bool:
    """Whether aiohttp says it could not write the request whole: the server cannot have acted on it."""
    return isinstance(error, aiohttp.ClientOSError) and str(error.strerror).startswith(UNWRITTEN)


def never_left(error: BaseException | None) -> bool:
    """Whether aiohttp's error came before the request was written whole: Telegram cannot have acted on it."""
    return isinstance(error, NOT_SENT) or unwritten(error)


@functools.cache
def authorities() -> ssl.SSLContext:
    """TLS checking certificates against certifi's authorities (made once: loading them takes some 20 ms)."""
    return ssl.create_default_context(cafile=certifi.where())


def body(request_data: RequestData | None) -> aiohttp.FormData | aiohttp.JsonPayload | None:
    """A request's body: its parameters as JSON, or everything as multipart when it carries files."""
    if request_data is None:
        return None
    if not request_data.contains_files:
        return aiohttp.JsonPayload(request_data.json_parameters, dumps=json.dumps)
    form = aiohttp.FormData(request_data.json_parameters)
    for name, (filename, content, mimetype) in request_data.multipart_data.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form


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
        except NetworkError as error:  # and TimedOut: AiohttpRequest keeps aiohttp's error as the cause
            if never_left(error.__cause__):
                raise Transient(error.message) from error
            # A proxy's 502 page is quoted whole after "Bad Gateway (502)": the log needs only that.
            raise OutcomeUnknown(error.message.partition(". Parsing the server response")[0]) from error
