"""Run a bot module with each update's way to its first sendMessage timed step by step.

Run: python -m bench.phases PREFIX MODULE [ARGUMENTS...]. Between SIGUSR1 and SIGUSR2 each update handled one
at a time adds a line to PREFIX-N.phases (N counts the stretches): microseconds from python-telegram-bot's
`process_update` to each step's start (`<`) and end (`>`) and to the first sendMessage request (`send`), and
from the getUpdates answer to `process_update` (`queue`). The steps: Bosettingsbot's `Assistant.caller`,
`handle`, `parse` and `_answer` (when MODULE is `bot`), `send_replies`, and python-telegram-bot's
`Message.reply_text` and `Bot._post`. `medians(PATH)` reads a file back.
"""

from __future__ import annotations

import functools
import inspect
import statistics
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from types import FrameType
from typing import Any

from bench.profiled import run_switched


class Phases:
    """The marks of the update being handled, written out once its first sendMessage request starts."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.stretches = 0
        self.lines: list[str] | None = None  # None: not recording
        self.answered_at = self.started = 0.0
        self.marks: list[tuple[str, float]] | None = None  # None: the update's first reply has gone

    def start(self, _signum: int, _frame: FrameType | None) -> None:
        """Record from now on."""
        self.lines = []

    def stop(self, _signum: int, _frame: FrameType | None) -> None:
        """Stop recording and write the stretch's lines."""
        self.stretches += 1
        Path(f"{self.prefix}-{self.stretches}.phases").write_text("".join(self.lines or []))
        self.lines = None

    def mark(self, name: str) -> None:
        """A step of the update under way reached (before its first reply only)."""
        if self.marks is not None:
            self.marks.append((name, time.perf_counter()))

    def sending(self) -> None:
        """The first sendMessage request of the update starts: its line is complete."""
        if self.marks is None or self.lines is None:
            return
        started, now = self.started, time.perf_counter()
        steps = " ".join(f"{name}={(at - started) * 1e6:.0f}" for name, at in self.marks)
        self.lines.append(
            f"queue={(started - self.answered_at) * 1e6:.0f} {steps} send={(now - started) * 1e6:.0f}\n"
        )
        self.marks = None

    def timed(self, owner: Any, attribute: str, name: str) -> None:
        """Mark the start and end of a function or coroutine function of a class or module."""
        function = getattr(owner, attribute)
        marked = self._awaited if inspect.iscoroutinefunction(function) else self._called
        setattr(owner, attribute, functools.wraps(function)(marked(function, name)))

    def _awaited(self, function: Callable[..., Awaitable[Any]], name: str) -> Callable[..., Awaitable[Any]]:
        """A coroutine function marked at its start and end."""

        async def marked(*arguments: Any, **keywords: Any) -> Any:
            self.mark(f"{name}<")
            result = await function(*arguments, **keywords)
            self.mark(f"{name}>")
            return result

        return marked

    def _called(self, function: Callable[..., Any], name: str) -> Callable[..., Any]:
        """A function marked at its start and end."""

        def marked(*arguments: Any, **keywords: Any) -> Any:
            self.mark(f"{name}<")
            result = function(*arguments, **keywords)
            self.mark(f"{name}>")
            return result

        return marked


def install(phases: Phases, module: str) -> None:
    """Put the marks into python-telegram-bot and, for Bosettingsbot, into the assistant."""
    from telegram import Bot, Message
    from telegram.ext import Application
    from telegram.request import BaseRequest

    get_updates, process_update, request = (
        Bot.get_updates,
        Application.process_update,
        BaseRequest._request_wrapper,
    )

    async def answered(self: Bot, *arguments: Any, **keywords: Any) -> Any:
        updates = await get_updates(self, *arguments, **keywords)
        phases.answered_at = time.perf_counter()
        return updates

    async def processing(self: Application[Any, Any, Any, Any, Any, Any], update: object) -> None:
        phases.started, phases.marks = time.perf_counter(), []
        await process_update(self, update)

    async def requesting(self: BaseRequest, url: str, *arguments: Any, **keywords: Any) -> Any:
        if url.endswith("/sendMessage"):
            phases.sending()
        return await request(self, url, *arguments, **keywords)

    Bot.get_updates, Application.process_update = answered, processing  # type: ignore[method-assign]
    BaseRequest._request_wrapper = requesting  # type: ignore[method-assign]
    phases.timed(Message, "reply_text", "reply_text")
    phases.timed(Bot, "_post", "post")
    if module == "bot":
        import bot.assistant
        import handlers.chat

        for method in ("caller", "handle", "_answer"):
            phases.timed(bot.assistant.Assistant, method, method.strip("_"))
        phases.timed(bot.assistant, "parse", "parse")
        phases.timed(handlers.chat, "send_replies", "send_replies")


def medians(path: Path) -> dict[str, float]:
    """Each step's median over a file's lines (the steps most lines have), in the order steps are taken."""
    lines = [dict(step.split("=") for step in line.split()) for line in path.read_text().splitlines()]
    order = max(lines, key=len, default={})
    found = {name: [int(line[name]) for line in lines if name in line] for name in order}
    return {name: statistics.median(values) for name, values in found.items() if len(values) > len(lines) / 2}


def main() -> None:
    """Time the updates between the signals of `python -m bench.phases PREFIX MODULE ARGUMENTS...`."""
    prefix, module, *arguments = sys.argv[1:]
    phases = Phases(prefix)
    install(phases, module)
    run_switched(module, arguments, phases.start, phases.stop)


if __name__ == "__main__":
    main()
