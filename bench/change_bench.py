"""Questions while and after the bot reads ahead following a change of the data (IMDi's national download).

Run: python -m bench.change_bench. Each way runs in a process of its own, the two taking turns (ROUNDS each):
the seeded database read ahead and start-up's objects frozen, as the bot starts; an admin's Save of the
national download (bench/national.py) through the assistant; then the read-ahead that follows the change,
with a question about another place every 2 ms meanwhile, then AFTER distinct questions one after another.
The bot's way is `read_ahead` (bot/application.py: the garbage collector paused while reading, what was read
frozen after); the baseline is `HeldFigures.keep_warm` alone. Printed for each run: the read-ahead's seconds,
the full garbage collections during it and after (ms: the event loop stands still meanwhile), the questions'
p50, p99 and slowest; then the medians and the bot's ratios to the baseline.
"""

from __future__ import annotations

import asyncio
import gc
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from bench.import_bench import OSLO, timed_upload
from bench.national import national_csv
from bench.telegram_bench import percentile
from bot.application import read_ahead
from bot.assistant import Assistant
from store.held import HeldFigures
from store.store import Store
from tests import databases

ROUNDS = 2
AFTER = 6000  # distinct questions after the read-ahead: about one full collection's worth
ASKED_EVERY = 0.002  # seconds between questions while the read-ahead runs
MEASURES = ("status", "bosatte", "anmodning", "vedtak", "EM anmodning", "plantall")
YEARS = (2012, 2016, 2019, 2022)


async def keep_warm_alone(figures: HeldFigures) -> None:
    """The baseline: the read-ahead with the collector left as it is."""
    await figures.keep_warm()


WAYS: dict[str, Callable[[HeldFigures], Coroutine[Any, Any, None]]] = {
    "baseline": keep_warm_alone,
    "bot": read_ahead,
}


class FullCollections:
    """The durations of the garbage collector's full collections (generation 2), in seconds, as they run."""

    def __init__(self) -> None:
        self.seconds: list[float] = []
        self._started = 0.0
        gc.callbacks.append(self._seen)

    def _seen(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        elif info["generation"] == 2:
            self.seconds.append(time.perf_counter() - self._started)

    def taken(self) -> list[float]:
        """Those seen since the last call, in milliseconds."""
        taken, self.seconds = [round(s * 1000, 1) for s in self.seconds], []
        return taken


async def questions(store: Store) -> list[str]:
    """Distinct questions about every place of the index, in a fixed random order."""
    index = await store.index()
    names = sorted(index.name_of[place_id] for place_id in index.places)
    asked = [f"{measure} {name} {year}" for name in names for measure in MEASURES for year in YEARS]
    random.Random(2).shuffle(asked)
    return asked


async def timed(assistant: Assistant, question: str, number: int) -> float:
    """Seconds to answer a question, in a chat of its own."""
    started = time.perf_counter()
    await assistant.ask(question, chat=number)
    return time.perf_counter() - started


def summary(seconds: list[float]) -> dict[str, float]:
    """p50, p99 and slowest, in milliseconds."""
    return {
        "p50": round(percentile(seconds, 0.5) * 1000, 2),
        "p99": round(percentile(seconds, 0.99) * 1000, 2),
        "slowest": round(max(seconds) * 1000, 1),
    }


async def measure(way: str) -> dict[str, Any]:
    """One run of a way, from start-up to the questions after the read-ahead that follows the Save."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        # The template's seeding runs an event loop of its own: in a worker thread, beside this one.
        template = await asyncio.to_thread(databases.seed_sqlite_template, folder)
        store = await Store.open(databases.copy_sqlite(template, folder))
        assistant = Assistant(store, zone=OSLO, open_access=True)
        assistant.warm_up()
        await WAYS[way](store.figures)
        gc.freeze()  # start-up's objects, as the bot's post_init and warm-up job do
        await timed_upload(store, national_csv())
        asked, collections = await questions(store), FullCollections()
        reading = asyncio.create_task(WAYS[way](store.figures))
        during: list[float] = []
        started = time.perf_counter()
        while not reading.done():
            during.append(await timed(assistant, asked[len(during)], len(during)))
            await asyncio.sleep(ASKED_EVERY)
        await reading
        result: dict[str, Any] = {"read-ahead s": round(time.perf_counter() - started, 2)}
        result |= {"full during": collections.taken(), "during": summary(during)}
        after = [
            await timed(assistant, q, n) for n, q in enumerate(asked[len(during) :][:AFTER], len(during))
        ]
        result |= {"full after": collections.taken(), "after": summary(after), "way": way}
        await store.close()
        return result


async def run_way(way: str) -> dict[str, Any]:
    """A way measured in a fresh process (what one run froze and held does not carry over to the next)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bench.change_bench", way, stdout=asyncio.subprocess.PIPE
    )
    output, _ = await process.communicate()
    assert process.returncode == 0, f"{way} failed"
    result: dict[str, Any] = json.loads(output.decode().splitlines()[-1])
    return result


def worst(result: dict[str, Any]) -> float:
    """The longest full collection of a run, during the read-ahead or after it (0 for none)."""
    return float(max([*result["full during"], *result["full after"], 0.0]))


async def main() -> None:
    """The two ways in turn, ROUNDS each, then their medians and the bot's ratios to the baseline."""
    runs: dict[str, list[dict[str, Any]]] = {way: [] for way in WAYS}
    for _ in range(ROUNDS):
        for way in WAYS:
            runs[way].append(await run_way(way))
            print(json.dumps(runs[way][-1], ensure_ascii=False))
    median = {way: _medians(results) for way, results in runs.items()}
    for way, figures in median.items():
        print(f"{way}: " + ", ".join(f"{key} {value:.2f}" for key, value in figures.items()))
    for key in median["bot"]:
        if median["baseline"][key]:
            print(f"bot / baseline, {key}: {median['bot'][key] / median['baseline'][key]:.2f}×")


def _medians(results: list[dict[str, Any]]) -> dict[str, float]:
    """The medians over runs: read-ahead seconds, longest full collection, slowest question during and after."""
    return {
        "read-ahead s": statistics.median(r["read-ahead s"] for r in results),
        "longest full collection ms": statistics.median(worst(r) for r in results),
        "slowest during ms": statistics.median(r["during"]["slowest"] for r in results),
        "slowest after ms": statistics.median(r["after"]["slowest"] for r in results),
    }


if __name__ == "__main__":
    if len(sys.argv) > 1:
        print(json.dumps(asyncio.run(measure(sys.argv[1])), ensure_ascii=False))
    else:
        asyncio.run(main())
