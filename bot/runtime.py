"""Long-lived objects shared by the handlers: settings, store and assistant."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot.assistant import Assistant
from bot.settings import Settings
from scheduler.jobs import DigestJobs
from store.store import Store


@dataclass
class Runtime:
    """What the bot builds once at start-up and closes at shutdown."""

    settings: Settings
    store: Store
    assistant: Assistant
    digest_jobs: DigestJobs | None = None  # started after the application is up (it needs the job queue)


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
