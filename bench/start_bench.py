"""Cold start: seconds from launching the process to its first getUpdates, the bot against the echo bot.

Run: python -m bench.start_bench [RUNS]. Both start on the same migrated, seeded SQLite file, each on a
fresh local Bot API server, taking turns; the medians of the runs and their ratio are printed.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests import databases
from tests.botapi.server import FakeBotApi
from tests.e2e.conftest import BotProcess, bot_environment, wait_for_polling

RUNS = 7
TARGET = 1.5  # seconds to the first getUpdates (issue 17)


async def seconds_to_polling(module: str, database_url: str, folder: Path) -> float:
    """Launch a bot module on a fresh server; seconds until it first asks for updates."""
    botapi = FakeBotApi()
    await botapi.start()
    log = folder / f"{module}.log"
    try:
        with log.open("wb") as output:
            started = time.perf_counter()
            process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                module,
                *(["run"] if module == "bot" else []),
                cwd=folder,
                stdout=output,
                stderr=output,
                env=bot_environment(botapi, database_url, ACCESS="open", LOG_LEVEL="WARNING"),
            )
        await wait_for_polling(botapi, process, log)
        elapsed = time.perf_counter() - started
        await BotProcess(process, log, botapi).stop()
    finally:
        await botapi.stop()
    return elapsed


async def main() -> None:
    """Echo bot and Bosettingsbot in turn, RUNS times; print each run, the medians and the ratio."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        template = await asyncio.to_thread(databases.seed_sqlite_template, folder)
        database = databases.copy_sqlite(template, folder)
        await seconds_to_polling(
            "bot", database, folder
        )  # the first start after seeding is not cold-start work
        echo, ours = [], []
        for _ in range(runs):
            echo.append(await seconds_to_polling("bench.echo_bot", database, folder))
            ours.append(await seconds_to_polling("bot", database, folder))
    print("echo bot      " + " ".join(f"{value:.2f}" for value in echo) + " s")
    print("bosettingsbot " + " ".join(f"{value:.2f}" for value in ours) + " s")
    print(
        f"median: echo bot {statistics.median(echo):.2f} s, bosettingsbot {statistics.median(ours):.2f} s "
        f"(target ≤ {TARGET} s); ratio {statistics.median(ours) / statistics.median(echo):.1f}× echo"
    )


if __name__ == "__main__":
    asyncio.run(main())
