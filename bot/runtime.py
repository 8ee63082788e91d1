"""Long-lived objects shared by the handlers: settings, store, assistant, the error notices sent, and the
application, which counts, times and logs each update it handles."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import web
from telegram import Update
from telegram.constants import UpdateType
from telegram.ext import Application, CallbackContext, ExtBot, JobQueue
from telegram.request import BaseRequest

from bot.assistant import Assistant
from bot.replies import StillSending
from bot.settings import Settings
from scheduler.jobs import DigestJobs
from store.metrics import ANSWER_SECONDS, UPDATES
from store.store import Store

log = logging.getLogger(__name__)

NOTICE_EVERY = 600.0  # seconds: the operator chat hears of each kind of error at most this often


class ErrorNotices:
    """Which kinds of error the operator chat was told of lately, held in memory."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.told: dict[tuple[str, str], float] = {}

    def due(self, kind: tuple[str, str]) -> bool:
        """Whether to tell of this kind now (yes counts as told): once per kind per ten minutes."""
        now = self.clock()
        if now - self.told.get(kind, -math.inf) < NOTICE_EVERY:
            return False
        self.told[kind] = now
        return True


@dataclass
class Runtime:
    """What the bot builds once at start-up and closes at shutdown."""

    settings: Settings
    store: Store
    assistant: Assistant
    digest_jobs: DigestJobs | None = None  # started after the application is up (it needs the job queue)
    notices: ErrorNotices = field(default_factory=ErrorNotices)
    http: web.AppRunner | None = None  # the webhook, /healthz and /metrics, when served
    still_sending: StillSending = field(default_factory=StillSending)  # charts after their tables


class BotData(dict[str, object]):
    """The application's bot_data, with the runtime reachable by type."""

    @property
    def runtime(self) -> Runtime:
        """The runtime built in post_init."""
        runtime = self.get("runtime")
        if not isinstance(runtime, Runtime):
            raise RuntimeError("the bot has not finished starting")
        return runtime


BotContext = CallbackContext[ExtBot[int], dict[Any, Any], dict[Any, Any], BotData]


class BotApplication(
    Application[ExtBot[int], BotContext, dict[Any, Any], dict[Any, Any], BotData, JobQueue[BotContext]]
):
    """python-telegram-bot's application, counting, timing and logging each update it handles."""

    __slots__ = ("last_handled", "requests")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.last_handled: datetime | None = None  # when the latest update was handled (for /healthz)
        self.requests: tuple[BaseRequest, ...] = ()  # the bot's connection pools, closed if it cannot start

    async def initialize(self) -> None:
        """Start as python-telegram-bot does; if the bot cannot (a rejected token, no Bot API), close its pools."""
        try:
            await super().initialize()
        except Exception:
            for request in self.requests:
                await request.shutdown()
            raise

    async def process_update(self, update: object) -> None:
        """Handle an update as python-telegram-bot does, then count it and log its latency."""
        started = time.perf_counter()
        try:
            await super().process_update(update)
        finally:
            self.handled(update, time.perf_counter() - started)

    def handled(self, update: object, seconds: float) -> None:
        """Count and log a handled update: its id and latency at INFO, its chat's id only at DEBUG (privacy)."""
        self.last_handled = datetime.now(UTC)
        UPDATES.labels(kind_of(update)).inc()
        ANSWER_SECONDS.observe(seconds)
        if not isinstance(update, Update):
            return
        fields = {"update_id": update.update_id, "latency_ms": round(seconds * 1000, 1)}
        log.info("update %s handled in %s ms", fields["update_id"], fields["latency_ms"], extra=fields)
        if update.effective_chat is not None and log.isEnabledFor(logging.DEBUG):
            chat_id = update.effective_chat.id
            log.debug(
                "update %s was in chat %s", update.update_id, chat_id, extra=fields | {"chat_id": chat_id}
            )


def kind_of(update: object) -> str:
    """What an update carries (message, callback_query, …), as its field in the Bot API is named."""
    kinds = (kind.value for kind in UpdateType if getattr(update, kind.value, None) is not None)
    return next(kinds, "other")
