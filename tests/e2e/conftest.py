"""End-to-end fixtures: the local Bot API server and the real bot process (`python -m bot run`), polling or
serving a webhook."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
from aiohttp import ClientError, ClientSession

from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60.0
WEBHOOK_PATH = "/telegram/webhook"
WEBHOOK_SECRET = "e2e-webhook-secret_0123456789"


class BotProcess:
    """A running bot process and its log; `port` is where it serves its HTTP side (webhook, /healthz, /metrics)."""

    def __init__(
        self, process: asyncio.subprocess.Process, log: Path, botapi: FakeBotApi, port: int | None = None
    ) -> None:
        self.process = process
        self.log_path = log
        self.botapi = botapi
        self.port = port

    async def get(self, path: str, **headers: str) -> tuple[int, str]:
        """GET a path of the bot's HTTP side: the status and the body."""
        async with ClientSession() as session, session.get(self.address + path, headers=headers) as response:
            return response.status, await response.text()

    @property
    def address(self) -> str:
        """Where the bot's HTTP side is served."""
        assert self.port is not None, "this bot serves no HTTP"
        return f"http://127.0.0.1:{self.port}"

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


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


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


async def wait_for_start(
    botapi: FakeBotApi, process: asyncio.subprocess.Process, log: Path, method: str, *, after: int
) -> None:
    """Wait until the bot calls `method`, the last step of its start-up; fail with its log if it dies first."""
    polling = asyncio.create_task(botapi.wait_for_request(method, after=after, timeout=START_TIMEOUT))
    exited = asyncio.create_task(process.wait())
    try:
        done, _ = await asyncio.wait({polling, exited}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        polling.cancel()
        exited.cancel()
    if polling not in done or polling.exception() is not None:
        raise AssertionError(f"the bot did not start ({method}):\n{log.read_text(errors='replace')}")


@pytest.fixture
async def bot_processes(
    botapi: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> AsyncIterator[Callable[..., Awaitable[BotProcess]]]:
    """Launch `python -m bot run` with an environment (not waiting for it); every one is stopped afterwards."""
    started: list[BotProcess] = []

    async def launch(database_url: str | None, port: int | None = None, **extra: str) -> BotProcess:
        log = tmp_path / f"bot-{len(started)}.log"
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
        started.append(BotProcess(process, log, botapi, port))
        return started[-1]

    yield launch
    for bot in started:
        await bot.stop()


@pytest.fixture
def start_bot(botapi: FakeBotApi, bot_processes: Callable[..., Awaitable[BotProcess]]) -> StartBot:
    """Start `python -m bot run` polling the local server, once it polls (on a fresh seeded SQLite database unless
    `database_url` is given; `extra` adds to its environment)."""

    async def start(database_url: str | None = None, **extra: str) -> BotProcess:
        before = len(botapi.requests)
        bot = await bot_processes(database_url, **extra)
        await wait_for_polling(botapi, bot.process, bot.log_path, after=before)
        return bot

    return start


@pytest.fixture
def start_webhook_bot(botapi: FakeBotApi, bot_processes: Callable[..., Awaitable[BotProcess]]) -> StartBot:
    """Start `python -m bot run` in webhook mode on a free port (or `WEBHOOK_PORT`), once it has registered its
    webhook and serves /healthz. Its WEBHOOK_URL is its own address unless given: two replicas behind one
    public URL share one, and `botapi.balance([bot.address for bot in replicas])` stands in for the proxy."""

    async def start(database_url: str | None = None, **extra: str) -> BotProcess:
        port = int(extra.get("WEBHOOK_PORT") or free_port())
        webhook = {
            "WEBHOOK_URL": f"http://127.0.0.1:{port}{WEBHOOK_PATH}",
            "WEBHOOK_SECRET": WEBHOOK_SECRET,
            "WEBHOOK_LISTEN": "127.0.0.1",
            "WEBHOOK_PORT": str(port),
        }
        before = len(botapi.requests)
        bot = await bot_processes(database_url, port, **(webhook | extra))
        await wait_for_serving(bot, after=before)
        return bot

    return start


async def wait_for_serving(bot: BotProcess, *, after: int = 0) -> None:
    """Wait until the bot has registered its webhook (its start-up done) and answers /healthz; fail with its log
    if it dies or takes too long. `after`: as for `wait_for_polling`."""
    await wait_for_start(bot.botapi, bot.process, bot.log_path, "setWebhook", after=after)
    try:
        await bot.get("/healthz")
    except ClientError as error:
        raise AssertionError(f"the bot does not serve /healthz ({error}):\n{bot.log}") from error


async def wait_for_polling(
    botapi: FakeBotApi, process: asyncio.subprocess.Process, log: Path, *, after: int = 0
) -> None:
    """Wait until the bot polls for updates (its start-up done); fail with its log if it dies or takes too long.

    `after` is how many requests the server had before this bot started: an earlier bot's polls do not count.
    """
    await wait_for_start(botapi, process, log, "getUpdates", after=after)
