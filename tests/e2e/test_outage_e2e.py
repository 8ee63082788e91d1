"""A PostgreSQL outage under the real bot process: users are told, and changes are noticed again after it."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bot.texts import text
from tests import databases
from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID
from tests.e2e.conftest import ROOT, BotProcess, StartBot
from tests.e2e.proxy import Proxy
from tests.uploads import imdi_csv

pytestmark = pytest.mark.e2e
# On PostgreSQL the bot listens for the change signal: the listening connection's loss and return.
OUTAGE_LOGGED = "cannot listen for other processes' changes"
BACK_LOGGED = "listening for other processes' changes again"


@dataclass
class ProxiedDatabase:
    """A seeded PostgreSQL database, reached directly or through a proxy that can be cut."""

    url: str
    proxy: Proxy

    @property
    def through_proxy(self) -> str:
        """The database's URL by way of the proxy."""
        return (
            make_url(self.url)
            .set(host="127.0.0.1", port=self.proxy.port)
            .render_as_string(hide_password=False)
        )


@pytest.fixture
async def database(postgres_server: str | None) -> AsyncIterator[ProxiedDatabase]:
    """A fresh seeded PostgreSQL database with a proxy in front of its server."""
    if postgres_server is None:
        pytest.skip("no PostgreSQL server (set TEST_POSTGRES_URL)")
    url = await databases.copy_postgres(postgres_server)
    server = make_url(url)
    proxy = Proxy(server.host or "127.0.0.1", server.port or 5432)
    await proxy.restore()
    yield ProxiedDatabase(url, proxy)
    await proxy.cut()
    await databases.drop_postgres(postgres_server, url)


async def import_figures(url: str, folder: Path, rows: list[str]) -> None:
    """`python -m bot import --yes` of IMDi rows, as an operator would run it on the server."""
    path = folder / "imdi.csv"
    path.write_bytes(imdi_csv(rows))
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "import",
        "--yes",
        str(path),
        cwd=folder,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(ROOT), "DATABASE_URL": url},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    assert process.returncode == 0 and b"import: applied as change" in output, output.decode()


async def logged(bot: BotProcess, line: str, timeout: float = 10.0) -> None:
    """Wait until the bot's log holds a line."""
    for _ in range(int(timeout * 10)):
        if line in bot.log:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"{line!r} not logged within {timeout} s:\n{bot.log}")


async def ask(botapi: FakeBotApi, question: str, *, language_code: str = "nb") -> str:
    """The admin asks; the text of the one reply."""
    before = len(botapi.messages_to(ADMIN_ID))
    botapi.send_text(ADMIN_ID, question, language_code=language_code)
    (reply,) = await botapi.wait_for(ADMIN_ID, 1, after=before, timeout=20)
    return str(reply["text"])


async def test_an_outage_is_told_to_users_and_changes_are_noticed_after_it(
    botapi: FakeBotApi, database: ProxiedDatabase, start_bot: StartBot, tmp_path: Path
) -> None:
    """Cut off: a question is told the figures are unavailable; back: another process's change is seen."""
    bot = await start_bot(database.through_proxy)
    assert "Bosatt: 495" in await ask(botapi, "status Trondheim 2015")  # now held in memory

    await database.proxy.cut()
    assert await ask(botapi, "status Melhus 2015", language_code="en") == text("unavailable", "en")
    await logged(bot, OUTAGE_LOGGED)
    await asyncio.sleep(5)  # more looks fail meanwhile, and are not logged again
    await database.proxy.restore()

    await import_figures(database.url, tmp_path, ["5001;Trondheim;Faktisk bosetting;Personer;2015;497"])
    for _ in range(20):  # the bot listens again within a second or so, and hears the import
        answer = await ask(botapi, "status Trondheim 2015")
        if "Bosatt: 497" in answer:
            break
        await asyncio.sleep(0.5)
    assert "Bosatt: 497" in answer
    assert "Bosatt: 43" in await ask(botapi, "status Melhus 2015")
    assert await bot.stop() == 0
    assert bot.log.count(OUTAGE_LOGGED) == 1 and bot.log.count(BACK_LOGGED) == 1, bot.log
