"""Latency and throughput through the real bot process and the local Bot API server.

Run: python -m bench.telegram_bench [QUESTIONS], where QUESTIONS is a file of fresh questions (a
held-out JSON set such as tests/heldout/questions.json, or one question a line); without it, the
corpus's distinct bokmål questions. The baseline is a minimal python-telegram-bot echo bot
(bench/echo_bot.py) on the same server in the same run. With BENCH_PROFILE=FOLDER each bot process's
event loop is profiled (bench/profiled.py) during the fresh questions (FOLDER/MODULE-1.prof) and the
users asking at once (FOLDER/MODULE-2.prof).
"""

from __future__ import annotations

import asyncio
import os
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.process import cpu_seconds, peak_memory
from bench.questions import chosen_questions
from tests import databases
from tests.bot.question_cases import CASES
from tests.botapi.server import FakeBotApi
from tests.e2e.conftest import BotProcess, bot_environment, wait_for_polling

QUESTIONS = [
    "status Trondheim 2015",
    "anmodning Melhus 2016",
    "bosatte Norge 2014",
    "plantall 2017 Stjørdal",
    "EM anmodning 2016 Trondheim",
    "anmodning Sør-Trøndelag 2016",
]
SEQUENTIAL = 120
QUIET = 0.25  # seconds without a new reply after which a question's answer is complete
USERS = 200
# Each asked once, so none comes from the answer cache: the corpus's distinct bokmål questions.
FRESH = list(dict.fromkeys(case.question for case in CASES if case.language == "nb"))[:SEQUENTIAL]
PROFILE = os.environ.get("BENCH_PROFILE")  # a folder for the bot processes' profiles, when set


async def start(botapi: FakeBotApi, module: str, database_url: str, folder: Path) -> BotProcess:
    """Start a bot module against the server and wait until it polls."""
    log = folder / f"{module}.log"
    profiled = ["-m", "bench.profiled", str(Path(PROFILE, module).resolve())] if PROFILE else []
    with log.open("wb") as output:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            *(profiled or ["-m"]),
            module,
            *(["run"] if module == "bot" else []),
            cwd=folder,
            stdout=output,
            stderr=output,
            env=bot_environment(botapi, database_url, ACCESS="open", LOG_LEVEL="WARNING"),
        )
    await wait_for_polling(botapi, process, log)
    return BotProcess(process, log, botapi)


async def settled(botapi: FakeBotApi, user: int) -> None:
    """Wait until no more replies come (a chart follows its table), so none is taken for the next one's."""
    count = -1
    while count != len(botapi.messages_to(user)):
        count = len(botapi.messages_to(user))
        await asyncio.sleep(QUIET)


async def latencies(botapi: FakeBotApi, user: int, questions: list[str]) -> list[float]:
    """Milliseconds from a user's message to the bot's first reply, one message at a time."""
    measured = []
    for question in questions:
        before = len(botapi.messages_to(user))
        started = time.perf_counter()
        botapi.send_text(user, question)
        await botapi.wait_for(user, 1, after=before, timeout=30)
        measured.append((time.perf_counter() - started) * 1000)
        await settled(botapi, user)
    return measured


async def throughput(botapi: FakeBotApi, first_user: int) -> float:
    """Replies per second when USERS users ask at the same moment."""
    users = range(first_user, first_user + USERS)
    started = time.perf_counter()
    for user in users:
        botapi.send_text(user, QUESTIONS[user % len(QUESTIONS)])
    await asyncio.gather(*(botapi.wait_for(user, 1, timeout=120) for user in users))
    return USERS / (time.perf_counter() - started)


async def profiling(bot: BotProcess, on: bool) -> None:
    """Switch the bot process's profile on or off (BENCH_PROFILE only) and give it time to take the signal."""
    if PROFILE:
        bot.process.send_signal(signal.SIGUSR1 if on else signal.SIGUSR2)
        await asyncio.sleep(0.2)


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@dataclass
class Run:
    """One bot's figures: latencies in ms, replies per second, and the CPU ms its process used per message."""

    repeated: list[float]
    fresh: list[float]
    rate: float
    fresh_cpu: float  # per fresh question (the quiet waits between them cost next to nothing)
    rate_cpu: float  # per reply to the users asking at once
    memory: float  # the process's peak resident memory by the end, MB


async def run_one(
    module: str, database_url: str, folder: Path, user_base: int, fresh_questions: list[str]
) -> Run:
    """Latencies (repeated questions, then fresh ones) and throughput of one bot module on a fresh server."""
    botapi = FakeBotApi()
    await botapi.start()
    try:
        bot = await start(botapi, module, database_url, folder)
        try:
            repeated = await latencies(
                botapi, user_base, [QUESTIONS[i % len(QUESTIONS)] for i in range(SEQUENTIAL)]
            )
            await profiling(bot, on=True)
            used = cpu_seconds(bot.process.pid)
            fresh = await latencies(botapi, user_base, fresh_questions)
            fresh_cpu = cpu_seconds(bot.process.pid) - used
            await profiling(bot, on=False)
            await profiling(bot, on=True)
            used = cpu_seconds(bot.process.pid)
            rate = await throughput(botapi, user_base + 1)
            rate_cpu = cpu_seconds(bot.process.pid) - used
            await profiling(bot, on=False)
            memory = peak_memory(bot.process.pid)
        finally:
            await bot.stop()
    finally:
        await botapi.stop()
    # The first round of repeated questions warms up.
    return Run(
        repeated[len(QUESTIONS) :],
        fresh,
        rate,
        fresh_cpu * 1000 / len(fresh),
        rate_cpu * 1000 / USERS,
        memory,
    )


async def main() -> None:
    """Echo bot first, then Bosettingsbot; print p50, p99, replies per second and the ratios."""
    fresh_questions, origin = chosen_questions(FRESH)
    print(f"fresh questions: {len(fresh_questions)} ({origin}), each asked once")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        database = databases.copy_sqlite(
            await asyncio.to_thread(databases.seed_sqlite_template, folder), folder
        )
        echo = await run_one("bench.echo_bot", database, folder, 10_000, fresh_questions)
        ours = await run_one("bot", database, folder, 20_000, fresh_questions)
    for label, run in (("echo bot (baseline)", echo), ("bosettingsbot", ours)):
        print(
            f"{label:<20} repeated p50 {statistics.median(run.repeated):5.1f} ms p99 {percentile(run.repeated, 0.99):5.1f} ms"
            f" · fresh p50 {statistics.median(run.fresh):5.1f} ms p99 {percentile(run.fresh, 0.99):5.1f} ms"
            f" · {run.rate:4.0f} replies/s with {USERS} users at once"
            f" · CPU {run.fresh_cpu:.2f} ms per fresh question, {run.rate_cpu:.2f} ms per reply at once"
            f" · peak memory {run.memory:.0f} MB"
        )
    print(
        f"ratios: p50 {statistics.median(ours.repeated) / statistics.median(echo.repeated):.2f}× echo repeated, "
        f"fresh p50 {statistics.median(ours.fresh) / statistics.median(echo.fresh):.2f}× (target ≤ 1.2), "
        f"fresh p99 {percentile(ours.fresh, 0.99) / percentile(echo.fresh, 0.99):.2f}× (target ≤ 2); "
        f"throughput {ours.rate / echo.rate:.2f}× echo (target ≥ 0.9); CPU per reply at once "
        f"{ours.rate_cpu / echo.rate_cpu:.2f}× echo"
    )


if __name__ == "__main__":
    asyncio.run(main())
