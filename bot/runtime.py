"""Long-lived objects shared by the handlers: settings, store, assistant and the error notices sent."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot.assistant import Assistant
from bot.settings import Settings
from scheduler.jobs import DigestJobs
from store.store import Store

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
BotApplication = Application[
    ExtBot[int], BotContext, dict[Any, Any], dict[Any, Any], BotData, JobQueue[BotContext]
]
