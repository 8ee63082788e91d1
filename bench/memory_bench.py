"""Memory of the bot process on IMDi's national layout from 1995 with a year of weekly snapshots.

The database: the seeded one, IMDi's national download imported (bench/national.py, every municipality
1995-2023) and synthetic weekly snapshots added (bench/synthetic.py: every current municipality, 20
years). The bot process (`python -m bot run` on a local Bot API server) is asked for the status of every
current municipality by its code, then of every county and the nation, in rounds of several years each,
so the statements it holds grow to their cap (store/held.py) and the answers to the answer cache's. Its
resident memory (VmRSS) and peak (VmHWM) are read after start-up, after the warm-up and after each round;
the baseline is the echo bot (bench/echo_bot.py) asked the same questions on the same database.

Run: python -m bench.memory_bench
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from sqlmodel import col, select

from bench.import_bench import timed_upload
from bench.national import national_csv
from bench.process import memory
from bench.synthetic import YEARS, add_national_figures
from bench.telegram_bench import start
from store.models import Place
from store.store import Store
from tests.botapi.server import FakeBotApi

WARM_UP = 5.0  # seconds after the first getUpdates, by which the warm-up job has loaded its models
# Two years a round, eight rounds: past the answer cache's 4 096 answers (store/cache.py) by the sixth.
ROUND_YEARS = [
    (2006, 2016),
    (2010, 2020),
    (2014, 2024),
    (2008, 2018),
    (2012, 2022),
    (2007, 2017),
    (2011, 2021),
    (2015, 2023),
]


async def national_database(folder: Path) -> tuple[str, list[str]]:
    """The national SQLite file, and the codes of its current municipalities, counties and the nation."""
    url = f"sqlite:///{folder / 'national.sqlite3'}"
    store = await Store.open(url)
    try:
        await timed_upload(store, national_csv())
        started = time.perf_counter()
        rows = await add_national_figures(store)
        print(f"{rows:,} synthetic statements added in {time.perf_counter() - started:.0f} s")
        async with store.unit() as session:
            current = select(Place.code).where(
                col(Place.level).in_(["municipality", "county"]), col(Place.valid_to).is_(None)
            )
            codes = sorted((await session.exec(current)).all(), key=len, reverse=True)
    finally:
        await store.close()
    return url, [*codes, "Norge"]


def questions(codes: list[str], years: tuple[int, ...]) -> list[str]:
    """The status of every place in each of the years."""
    assert all(year in YEARS for year in years)
    return [f"status {code} {year}" for year in years for code in codes]


async def ask(botapi: FakeBotApi, user: int, asked: list[str]) -> None:
    """Ask one question at a time and wait for its first reply."""
    for question in asked:
        before = len(botapi.messages_to(user))
        botapi.send_text(user, question)
        await botapi.wait_for(user, 1, after=before, timeout=60)


async def measure(
    module: str, url: str, folder: Path, codes: list[str], user: int
) -> list[tuple[str, float, float]]:
    """A bot module's resident memory and peak (MB) after start-up, the warm-up and each round of questions."""
    botapi = FakeBotApi()
    await botapi.start()
    try:
        bot = await start(botapi, module, url, folder)
        try:
            marks = [("started (first getUpdates)", *memory(bot.process.pid))]
            await asyncio.sleep(WARM_UP)
            marks.append((f"{WARM_UP:.0f} s later (warm-up)", *memory(bot.process.pid)))
            asked = 0
            for years in ROUND_YEARS:
                round_questions = questions(codes, years)
                await ask(botapi, user, round_questions)
                asked += len(round_questions)
                marks.append((f"after {asked} questions", *memory(bot.process.pid)))
        finally:
            await bot.stop()
    finally:
        await botapi.stop()
    return marks


async def main() -> None:
    """Build the national database, then the echo bot's and Bosettingsbot's memory on it."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        url, codes = await national_database(folder)
        size = (folder / "national.sqlite3").stat().st_size / 2**20
        print(
            f"database {size:.0f} MB; {len(codes)} places asked about, {len(ROUND_YEARS)} rounds of 2 years"
        )
        echo = await measure("bench.echo_bot", url, folder, codes, 10_000)
        ours = await measure("bot", url, folder, codes, 20_000)
    print(f"{'MB: resident / peak':<28} {'echo bot':>16} {'bosettingsbot':>16}")
    for (label, echo_rss, echo_peak), (_, rss, peak) in zip(echo, ours, strict=True):
        print(f"{label:<28} {echo_rss:7.0f} / {echo_peak:6.0f} {rss:7.0f} / {peak:6.0f}")
    grown = ours[-1][2] - ours[-3][2]
    print(
        f"peak {ours[-1][2]:.0f} MB ({ours[-1][2] / echo[-1][2]:.1f}× the echo bot's); the last two rounds added {grown:.0f} MB"
    )


if __name__ == "__main__":
    asyncio.run(main())
