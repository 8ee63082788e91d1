"""How cold the machine makes the bot's code: one question understood right after the last, and after a pause
spent sleeping (as a bot waits between messages) or spinning (the process never leaves its CPU).

Run: python -m bench.cold_machine. Each figure is the median of the parses after one kind of pause, with its
ratio to the parse right after the last, measured in the same run. Where a spin costs the parse as much as a
sleep does, it is the machine that takes the caches away in that time, not the bot's idling nor the bench's
other processes: a fresh question pays it in proportion to all the code and data it touches.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bot.understanding import parse
from store.places import PlaceIndex
from store.store import Store
from tests import databases

QUESTION = "hvor mange enslige mindreårige ble bosatt i Trondheim i 2015 sammenlignet med Melhus?"
PAUSES_MS = (1, 5, 20, 50, 100)
SECONDS_A_PAUSE = 2.0  # of pausing, for each length and kind of pause
RIGHT_AFTER = 2000  # parses one after another, for the baseline


def spin(seconds: float) -> None:
    """Keep the CPU busy for a while without touching the bot's code or data."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def parse_time(index: PlaceIndex, today: date) -> float:
    """Seconds to understand the question once."""
    started = time.perf_counter()
    parse(QUESTION, index=index, today=today)
    return time.perf_counter() - started


def after_pauses(index: PlaceIndex, today: date, pause: Callable[[float], None], seconds: float) -> float:
    """The median seconds of a parse after each of the pauses that fill SECONDS_A_PAUSE."""
    times = []
    for _ in range(max(10, round(SECONDS_A_PAUSE / seconds))):
        pause(seconds)
        times.append(parse_time(index, today))
    return statistics.median(times)


async def seeded_index(folder: Path) -> PlaceIndex:
    """The place index of a seeded SQLite database, as the bot reads it."""
    template = await asyncio.to_thread(databases.seed_sqlite_template, folder)
    store = await Store.open(databases.copy_sqlite(template, folder))
    try:
        return await store.index()
    finally:
        await store.close()


def main() -> None:
    """Print the parse's median right after the last, then after each pause slept and spun, with ratios."""
    with tempfile.TemporaryDirectory() as name:
        index = asyncio.run(seeded_index(Path(name)))
    today = date.today()
    baseline = statistics.median(parse_time(index, today) for _ in range(RIGHT_AFTER))
    print(f"understanding one question right after the last: {baseline * 1e6:.0f} µs")
    for milliseconds in PAUSES_MS:
        slept, spun = (after_pauses(index, today, pause, milliseconds / 1000) for pause in (time.sleep, spin))
        print(
            f"after {milliseconds:>3} ms sleeping {slept * 1e6:5.0f} µs ({slept / baseline:.1f}×), "
            f"spinning {spun * 1e6:5.0f} µs ({spun / baseline:.1f}×)",
            flush=True,
        )


if __name__ == "__main__":
    main()
