"""Answer computation alone (no Telegram): latency per question on the seeded database, with IMDi's
national download imported, and with a synthetic national database of weekly snapshots.

"first asked" times each question with nothing held in memory (its places' statements are read from
the database); "computed" times it again once they are held; "asked again" comes from the answer cache.

Run: python -m bench.answer_bench [QUESTIONS]: a question file (see bench/questions.py) replaces the
seeded database's built-in questions. The baseline is a one-row SELECT through the same store.
"""

from __future__ import annotations

import asyncio
import gc
import os
import random
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import text

from bench.import_bench import timed_upload
from bench.national import national_csv
from bench.process import peak_memory
from bench.questions import chosen_questions
from bench.synthetic import add_national_figures
from bot.assistant import Assistant
from bot.caller import Caller
from store.store import Store

SEEDED_QUESTIONS = [
    "status Trondheim 2015",
    "anmodning Melhus 2016",
    "EM anmodning 2016 Trondheim",
    "status trondhiem 2015",
    "bosatte Norge 2014",
    "anmodning Sør-Trøndelag 2016",
    "status Trondheimsregionen 2015",
    "hvilken kommune i Trondheimsregionen er lengst bak vedtaket i 2015?",
    "plantall 2017 Stjørdal",
    "How many unaccompanied minors did Trondheim settle in 2016?",
]
MUNICIPALITIES = [
    "Bergen",
    "Stavanger",
    "Tromsø",
    "Bodø",
    "Ålesund",
    "Hamar",
    "Alta",
    "Kristiansand",
    "Molde",
    "Levanger",
]
COUNTIES = ["Vestland", "Rogaland", "Nordland", "Innlandet", "Agder", "Trøndelag"]
FORMER_COUNTIES = ["Hordaland", "Rogaland", "Nordland", "Oppland", "Sør-Trøndelag", "Troms"]


def national_questions(rng: random.Random) -> list[str]:
    """Questions over the synthetic data: municipality cards and figures, county totals, rankings."""
    questions = []
    for _ in range(10):
        year = rng.randint(2005, 2024)
        questions += [
            f"status {rng.choice(MUNICIPALITIES)} {year}",
            f"bosatt {rng.choice(MUNICIPALITIES)} {year}",
            f"bosatt {rng.choice(COUNTIES)} {year}",
            f"vedtak {rng.choice(COUNTIES)} {year}",
        ]
    questions += [f"lengst bak {county} 2020" for county in COUNTIES[:3]]
    return questions


def imported_questions(rng: random.Random) -> list[str]:
    """Questions over IMDi's national download: sums of counties and the nation over all their
    municipalities, rankings over a county's municipalities, and municipalities' series since 1995."""
    questions = []
    for _ in range(8):
        year, county = rng.randint(2020, 2023), rng.choice(COUNTIES)
        questions += [
            f"bosatt {county} {year}",
            f"bosatte Norge {rng.randint(1995, 2023)}",
            f"flest bosatt i {county} {year}",
            f"lengst bak {rng.choice(FORMER_COUNTIES)} {rng.randint(2002, 2019)}",
            f"/history {rng.choice(MUNICIPALITIES)}",
        ]
    return questions


Timings = tuple[list[float], list[float]]  # milliseconds per call: wall time, and the process's CPU time


async def timings(call: Callable[[], Awaitable[object]], rounds: int, *, warm_up: bool = True) -> Timings:
    """Milliseconds per call, after one warm-up call unless told otherwise: wall time, and CPU time of the
    process (every thread, the database driver's too), which a busy machine's scheduling does not add to."""
    if warm_up:
        await call()
    wall, cpu = [], []
    for _ in range(rounds):
        start, used = time.perf_counter(), time.process_time()
        await call()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - used) * 1000)
    return wall, cpu


def percentiles(values: list[float]) -> tuple[float, float]:
    """p50 and p99."""
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def summary(name: str, measured: Timings, baseline: float) -> str:
    """p50 and p99 of the wall and the CPU time, and the wall p50's ratio to the baseline."""
    (p50, p99), (cpu50, cpu99) = percentiles(measured[0]), percentiles(measured[1])
    return (
        f"{name:<34} p50 {p50:7.2f} ms  p99 {p99:7.2f} ms  ({p50 / baseline:5.1f}× baseline p50)"
        f"  CPU p50 {cpu50:6.2f} ms  p99 {cpu99:6.2f} ms"
    )


def joined(runs: list[Timings]) -> Timings:
    """Several runs' timings as one."""
    return [t for wall, _ in runs for t in wall], [t for _, cpu in runs for t in cpu]


async def measure(store: Store, questions: list[str], label: str, rounds: int) -> None:
    """Time every question and print the figures."""
    assistant = Assistant(store, zone=ZoneInfo("Europe/Oslo"))
    assistant.warm_up()  # lingua's models and matplotlib, as the bot loads them once it polls
    caller = Caller(user_id=0, role="admin")

    async def select_one() -> None:
        async with store.unit() as session:
            await session.exec(text("SELECT 1"))  # type: ignore[call-overload]

    baseline = statistics.median((await timings(select_one, rounds * 5))[0])
    await store.index()
    first: list[Timings] = []
    computed: list[Timings] = []
    cached: list[Timings] = []
    for question in questions:
        store.invalidate()  # nothing held: the question's figures are read from the database
        await store.index()
        first.append(await timings(lambda q=question: assistant.compute(q, "nb", False), 1, warm_up=False))  # type: ignore[misc]
    for question in questions:
        computed.append(await timings(lambda q=question: assistant.compute(q, "nb", False), rounds))  # type: ignore[misc]
        cached.append(await timings(lambda q=question: assistant.handle(q, caller), rounds))  # type: ignore[misc]
    print(f"{label}: baseline SELECT 1 p50 {baseline:.2f} ms")
    print(summary(f"  first asked (figures read), {len(questions)}", joined(first), baseline))
    print(summary(f"  computed, {len(questions)} questions × {rounds}", joined(computed), baseline))
    print(summary("  asked again (answer cache)", joined(cached), baseline))
    print(f"  peak memory of this process so far: {peak_memory(os.getpid()):.0f} MB")


async def main() -> None:
    """Seeded database, then with the national download imported, then with the synthetic snapshots added."""
    with tempfile.TemporaryDirectory() as folder:
        store = await Store.open(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        questions, origin = chosen_questions(SEEDED_QUESTIONS)
        await measure(store, questions, f"seeded database ({origin} questions)", rounds=30)
        await timed_upload(store, national_csv())
        gc.freeze()
        print("IMDi's national download imported (bench/national.py: every municipality 1995-2023)")
        await measure(store, imported_questions(random.Random(5)), "imported national download", rounds=10)
        start = time.perf_counter()
        rows = await add_national_figures(store)
        gc.freeze()  # as the bot does once started: the long-lived objects stay out of full collections
        print(
            f"national database: {rows:,} synthetic statements added in {time.perf_counter() - start:.1f} s"
        )
        await measure(store, national_questions(random.Random(7)), "national database", rounds=10)
        await store.close()


if __name__ == "__main__":
    asyncio.run(main())
