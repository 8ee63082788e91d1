"""End-to-end fixtures: the local Bot API server and the real bot process (`python -m bot run`)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60.0


class BotProcess:
    """A running bot process and its log."""

    def __init__(self, process: asyncio.subprocess.Process, log: Path, botapi: FakeBotApi) -> None:
        self.process = process
        self.log_path = log
        self.botapi = botapi

    @property
    def log(self) -> str:
        """Everything the process wrote so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    async def stop(self) -> int:
        """Stop the bot as a service manager would (SIGTERM) and return its exit code."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            self.botapi.release_pollers()  # until it has stopped, each of its long polls returns at once
            try:
                await asyncio.wait_for(self.process.wait(), timeout=30)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
            finally:
                self.botapi.hold_pollers()
        return self.process.returncode or 0


StartBot = Callable[..., Awaitable[BotProcess]]


@pytest.fixture
async def botapi() -> AsyncIterator[FakeBotApi]:
    """A started local Bot API server."""
    server = FakeBotApi()
    await server.start()
    yield server
    await server.stop()


def bot_environment(botapi: FakeBotApi, database_url: str, **extra: str) -> dict[str, str]:
    """The environment of a bot process talking to the local server."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": botapi.token,
        "TELEGRAM_BASE_URL": botapi.base_url,
        "TELEGRAM_BASE_FILE_URL": botapi.base_file_url,
        "DATABASE_URL": database_url,
        "ADMIN_IDS": str(ADMIN_ID),
        "LOG_LEVEL": "INFO",
    }
    return env | extra


async def wait_for_polling(
    botapi: FakeBotApi, process: asyncio.subprocess.Process, log: Path, *, after: int = 0
) -> None:
    """Wait until the bot polls for updates (its start-up done); fail with its log if it dies or takes too long.

    `after` is how many requests the server had before this bot started: an earlier bot's polls do not count.
    """
    polling = asyncio.create_task(botapi.wait_for_request("getUpdates", after=after, timeout=START_TIMEOUT))
    exited = asyncio.create_task(process.wait())
    try:
        done, _ = await asyncio.wait({polling, exited}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        polling.cancel()
        exited.cancel()
    if polling not in done or polling.exception() is not None:
        raise AssertionError(f"the bot did not start polling:\n{log.read_text(errors='replace')}")


@pytest.fixture
async def start_bot(botapi: FakeBotApi, sqlite_url: str, tmp_path: Path) -> AsyncIterator[StartBot]:
    """Start `python -m bot run` against the local server; every started process is stopped afterwards."""
    started: list[BotProcess] = []

    async def start(database_url: str | None = None, **extra: str) -> BotProcess:
        log = tmp_path / f"bot-{len(started)}.log"
        before = len(botapi.requests)
        with log.open("wb") as output:
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "run",
                cwd=tmp_path,
                stdout=output,
                stderr=output,
                env=bot_environment(botapi, database_url or sqlite_url, **extra),
            )
        bot = BotProcess(process, log, botapi)
        started.append(bot)
        await wait_for_polling(botapi, process, log, after=before)
        return bot

    yield start
    for bot in started:
        await bot.stop()
