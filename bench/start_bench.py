"""Cold start: seconds from launching the process to its first getUpdates, the bot against the echo bot.

Run: python -m bench.start_bench [RUNS]. Both start on the same migrated, seeded SQLite file, each on a
fresh local Bot API server, taking turns; the medians of the runs and their ratio are printed, in wall-clock
seconds and in the CPU seconds the process had used by then (less swayed by other work on the machine).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.process import cpu_seconds
from bench.telegram_bench import start
from tests import databases
from tests.botapi.server import FakeBotApi

RUNS = 7
TARGET = 1.5  # seconds to the first getUpdates (issue 17)


async def time_to_polling(module: str, database_url: str, folder: Path) -> tuple[float, float]:
    """Launch a bot module on a fresh server; wall-clock and CPU seconds until it first asks for updates."""
    botapi = FakeBotApi()
    await botapi.start()
    try:
        started = time.perf_counter()
        bot = await start(botapi, module, database_url, folder)
        elapsed, used = time.perf_counter() - started, cpu_seconds(bot.process.pid)
        await bot.stop()
    finally:
        await botapi.stop()
    return elapsed, used


def line(label: str, runs: list[tuple[float, float]]) -> str:
    """One bot's runs (wall-clock seconds, CPU seconds) and their medians."""
    each = " ".join(f"{wall:.2f}" for wall, _ in runs)
    wall, cpu = (statistics.median(values) for values in zip(*runs, strict=True))
    return f"{label:<14} median {wall:.2f} s (CPU {cpu:.2f} s); each run: {each}"


async def main() -> None:
    """Echo bot and Bosettingsbot in turn, RUNS times; print each one's figures and the ratios of the medians."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        template = await asyncio.to_thread(databases.seed_sqlite_template, folder)
        database = databases.copy_sqlite(template, folder)
        await time_to_polling("bot", database, folder)  # the first start after seeding is not cold-start work
        echo, ours = [], []
        for _ in range(runs):
            echo.append(await time_to_polling("bench.echo_bot", database, folder))
            ours.append(await time_to_polling("bot", database, folder))
    print(line("echo bot", echo))
    print(line("bosettingsbot", ours))
    wall, cpu = (statistics.median(v) for v in zip(*ours, strict=True))
    echo_wall, echo_cpu = (statistics.median(v) for v in zip(*echo, strict=True))
    print(
        f"launch to first getUpdates: {wall:.2f} s (target ≤ {TARGET} s), "
        f"{wall / echo_wall:.1f}× the echo bot's; CPU {cpu / echo_cpu:.1f}× the echo bot's"
    )


if __name__ == "__main__":
    asyncio.run(main())
