"""Latency and throughput through the real bot process and the local Bot API server.

Run: python -m bench.telegram_bench [QUESTIONS], where QUESTIONS is a file of fresh questions (a
held-out JSON set such as tests/heldout/questions.json, or one question a line); without it, the
corpus's distinct bokmål questions. The baseline is a minimal python-telegram-bot echo bot
(bench/echo_bot.py) running at the same time on a local server of its own: the two are asked each
question in turn (and take turns at the bursts of users), so whatever else the machine does meanwhile
falls on both alike. With BENCH_PROFILE=FOLDER each bot process's event loop is profiled
(bench/profiled.py) during the fresh questions (FOLDER/MODULE-1.prof) and each burst of users asking
at once (FOLDER/MODULE-2.prof to -8.prof, one per burst). With BENCH_PHASES=FOLDER each update's way from
python-telegram-bot's process_update to its first sendMessage request is timed step by step instead
(bench/phases.py; FOLDER/MODULE-1.phases for the fresh questions), and the medians are printed. With
BENCH_ROUND_TRIP_MS=MS both local servers answer each call MS milliseconds late, as Telegram's round trip would.
"""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import AsyncExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench.phases import medians
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
BURSTS = 7  # bursts of USERS for each bot, in turn (the machine swings from one to the next)
# Each asked once, so none comes from the answer cache: the corpus's distinct bokmål questions.
FRESH = list(dict.fromkeys(case.question for case in CASES if case.language == "nb"))[:SEQUENTIAL]
PROFILE = os.environ.get("BENCH_PROFILE")  # a folder for the bot processes' profiles, when set
PHASES = os.environ.get("BENCH_PHASES")  # a folder for their updates' times step by step, when set
ROUND_TRIP = float(os.environ.get("BENCH_ROUND_TRIP_MS", "0")) / 1000  # each Bot API answer's delay, when set


# Each bot under test: its label, its module, its first user's id, and its environment beyond the server's.
BOTS: tuple[tuple[str, str, int, dict[str, str]], ...] = (
    ("echo", "bench.echo_bot", 10_000, {}),
    ("echo-aiohttp", "bench.echo_bot", 30_000, {"ECHO_REQUEST": "aiohttp"}),
    ("ours", "bot", 20_000, {}),
)


async def start(
    botapi: FakeBotApi, module: str, database_url: str, folder: Path, label: str = "", **environment: str
) -> BotProcess:
    """Start a bot module against the server (its files named by the label, else the module); wait until it polls."""
    label = label or module
    log = folder / f"{label}.log"
    with log.open("wb") as output:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            *launcher(label),
            module,
            *(["run"] if module == "bot" else []),
            cwd=folder,
            stdout=output,
            stderr=output,
            env=bot_environment(botapi, database_url, ACCESS="open", LOG_LEVEL="WARNING", **environment),
        )
    await wait_for_polling(botapi, process, log)
    return BotProcess(process, log, botapi)


def launcher(label: str) -> list[str]:
    """How a bot is run: under the profiler or the step timer when asked (files named by its label), else as it is."""
    for wrapper, folder in (("bench.profiled", PROFILE), ("bench.phases", PHASES)):
        if folder:
            return ["-m", wrapper, str(Path(folder, label).resolve())]
    return ["-m"]


@contextmanager
def uncollected() -> Iterator[None]:
    """No garbage collection of the bench's own while a stretch is timed: its records and the 200 users' waits
    make a full collection last some 70 ms, which fell into a burst of one bot or the other. It runs after."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


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
        with uncollected():
            started = time.perf_counter()
            botapi.send_text(user, question)
            await botapi.wait_for(user, 1, after=before, timeout=30)
            measured.append((time.perf_counter() - started) * 1000)
        await settled(botapi, user)
    return measured


async def throughput(botapi: FakeBotApi, first_user: int) -> float:
    """Replies per second when USERS users ask at the same moment."""
    users = range(first_user, first_user + USERS)
    with uncollected():
        started = time.perf_counter()
        for user in users:
            botapi.send_text(user, QUESTIONS[user % len(QUESTIONS)])
        await asyncio.gather(*(botapi.wait_for(user, 1, timeout=120) for user in users))
        return USERS / (time.perf_counter() - started)


async def profiling(bot: BotProcess, on: bool) -> None:
    """Switch the bot process's profile or step timer on or off (BENCH_PROFILE, BENCH_PHASES) and give it time
    to take the signal."""
    if PROFILE or PHASES:
        bot.process.send_signal(signal.SIGUSR1 if on else signal.SIGUSR2)
        await asyncio.sleep(0.2)


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


@dataclass
class Side:
    """One bot under test: its process on its own local server, and its first user's id."""

    label: str
    bot: BotProcess
    user_base: int


@dataclass
class Run:
    """One bot's figures: latencies in ms, replies per second, and the CPU ms its process used per message."""

    repeated: list[float] = field(default_factory=list)
    fresh: list[float] = field(default_factory=list)
    rates: list[float] = field(default_factory=list)
    fresh_cpu: float = 0.0  # per fresh question (the quiet waits between them cost next to nothing)
    rate_cpu: float = 0.0  # per reply to the users asking at once
    memory: float = 0.0  # the process's peak resident memory by the end, MB


async def in_turn(sides: list[Side], questions: list[str], runs: dict[str, list[float]]) -> None:
    """Ask each question of each bot in turn, which bot goes first alternating, so both meet the same machine."""
    for number, question in enumerate(questions):
        for side in sides if number % 2 == 0 else sides[::-1]:
            runs[side.label] += await latencies(side.bot.botapi, side.user_base, [question])


async def bursts_in_turn(sides: list[Side], runs: dict[str, Run]) -> None:
    """BURSTS bursts of USERS users at once for each bot in turn (new users each time); replies/s and CPU."""
    for burst in range(BURSTS):
        for side in sides if burst % 2 == 0 else sides[::-1]:
            pid = side.bot.process.pid
            await profiling(side.bot, on=True)
            used = cpu_seconds(pid)
            runs[side.label].rates.append(
                await throughput(side.bot.botapi, side.user_base + 1 + burst * USERS)
            )
            runs[side.label].rate_cpu += (cpu_seconds(pid) - used) * 1000 / (USERS * BURSTS)
            await profiling(side.bot, on=False)


async def run_both(database_url: str, folder: Path, fresh_questions: list[str]) -> dict[str, Run]:
    """The echo bot (on python-telegram-bot's transport and on ours) and Bosettingsbot, each on a fresh local
    server, asked the same things in turn."""
    async with AsyncExitStack() as stack:
        sides = []
        for label, module, user_base, environment in BOTS:
            botapi = FakeBotApi()
            botapi.round_trip = ROUND_TRIP
            await botapi.start()
            stack.push_async_callback(botapi.stop)
            bot = await start(botapi, module, database_url, folder, label, **environment)
            stack.push_async_callback(bot.stop)
            sides.append(Side(label, bot, user_base))
        runs = {side.label: Run() for side in sides}
        gc.freeze()  # what is set up lasts the run: full collections need not go through it each time
        repeated = {side.label: runs[side.label].repeated for side in sides}
        await in_turn(sides, [QUESTIONS[i % len(QUESTIONS)] for i in range(SEQUENTIAL)], repeated)
        for side in sides:  # the first round of repeated questions warms up
            del runs[side.label].repeated[: len(QUESTIONS)]
            await profiling(side.bot, on=True)
        used = {side.label: cpu_seconds(side.bot.process.pid) for side in sides}
        await in_turn(sides, fresh_questions, {side.label: runs[side.label].fresh for side in sides})
        for side in sides:
            spent = cpu_seconds(side.bot.process.pid) - used[side.label]
            runs[side.label].fresh_cpu = spent * 1000 / len(fresh_questions)
            await profiling(side.bot, on=False)
        await bursts_in_turn(sides, runs)
        for side in sides:
            runs[side.label].memory = peak_memory(side.bot.process.pid)
        return runs


async def main() -> None:
    """Both bots asked in turn; print p50, p99, replies per second and the ratios."""
    fresh_questions, origin = chosen_questions(FRESH)
    print(f"fresh questions: {len(fresh_questions)} ({origin}), each asked once")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        database = databases.copy_sqlite(
            await asyncio.to_thread(databases.seed_sqlite_template, folder), folder
        )
        runs = await run_both(database, folder, fresh_questions)
    echo, same_transport, ours = runs["echo"], runs["echo-aiohttp"], runs["ours"]
    for label, run in (
        ("echo bot (baseline)", echo),
        ("echo bot on aiohttp", same_transport),
        ("bosettingsbot", ours),
    ):
        print(
            f"{label:<20} repeated p50 {statistics.median(run.repeated):5.1f} ms p99 {percentile(run.repeated, 0.99):5.1f} ms"
            f" · fresh p50 {statistics.median(run.fresh):5.1f} ms p99 {percentile(run.fresh, 0.99):5.1f} ms"
            f" · {statistics.median(run.rates):4.0f} replies/s with {USERS} users at once (median of {BURSTS})"
            f" · CPU {run.fresh_cpu:.2f} ms per fresh question, {run.rate_cpu:.2f} ms per reply at once"
            f" · peak memory {run.memory:.0f} MB"
        )
    print(
        f"ratios: p50 {statistics.median(ours.repeated) / statistics.median(echo.repeated):.2f}× echo repeated, "
        f"fresh p50 {statistics.median(ours.fresh) / statistics.median(echo.fresh):.2f}× (target ≤ 1.2), "
        f"fresh p99 {percentile(ours.fresh, 0.99) / percentile(echo.fresh, 0.99):.2f}× (target ≤ 2); "
        f"throughput {statistics.median(ours.rates) / statistics.median(echo.rates):.2f}× echo (target ≥ 0.9); CPU per reply at once "
        f"{ours.rate_cpu / echo.rate_cpu:.2f}× echo"
    )
    print(
        f"against the echo bot on our transport (aiohttp): fresh p50 "
        f"{statistics.median(ours.fresh) / statistics.median(same_transport.fresh):.2f}×, fresh p99 "
        f"{percentile(ours.fresh, 0.99) / percentile(same_transport.fresh, 0.99):.2f}×, throughput "
        f"{statistics.median(ours.rates) / statistics.median(same_transport.rates):.2f}×"
    )
    for label, baseline in (("echo bot's", echo), ("echo bot's on aiohttp", same_transport)):
        extra = statistics.median(
            mine - theirs for mine, theirs in zip(ours.fresh, baseline.fresh, strict=True)
        )
        print(
            f"a fresh question costs {extra:+.2f} ms beyond the {label} reply (median of each question's difference)"
        )
    if PHASES:
        print_phases(Path(PHASES))


def print_phases(folder: Path) -> None:
    """Each bot's steps during the fresh questions: median µs from process_update (queue: before it)."""
    for label, *_ in BOTS:
        steps = medians(folder / f"{label}-1.phases")
        print(
            f"{label:<15} steps, median µs: "
            + " ".join(f"{step} {value:.0f}" for step, value in steps.items())
        )


if __name__ == "__main__":
    asyncio.run(main())
