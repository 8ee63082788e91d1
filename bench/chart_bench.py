"""Whether a chart being drawn holds up other users: one user asks the fresh questions one at a time, and
the moment each answer's first message arrives another user asks a question the bot has in memory.

Run: python -m bench.chart_bench [QUESTIONS] (the same question files as bench.telegram_bench). Printed:
the second user's latency after the answers that came with a chart (drawn after their table, in a worker
thread), against the same after the answers without one, in the same run.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bench.questions import chosen_questions
from bench.telegram_bench import FRESH, QUESTIONS, percentile, settled, start
from tests import databases
from tests.botapi.server import FakeBotApi

ASKING, MEANWHILE = 10_000, 10_001  # the user asking the fresh questions, and the other user


async def meanwhile(botapi: FakeBotApi, question: str) -> tuple[float, bool]:
    """The other user's latency in ms when asking as the question's first reply arrives; and whether a chart came."""
    before, before_other = len(botapi.messages_to(ASKING)), len(botapi.messages_to(MEANWHILE))
    botapi.send_text(ASKING, question)
    await botapi.wait_for(ASKING, 1, after=before, timeout=30)
    started = time.perf_counter()
    botapi.send_text(MEANWHILE, QUESTIONS[0])
    await botapi.wait_for(MEANWHILE, 1, after=before_other, timeout=30)
    latency = (time.perf_counter() - started) * 1000
    await settled(botapi, ASKING)
    return latency, any(m["method"] == "sendPhoto" for m in botapi.messages_to(ASKING)[before:])


async def main() -> None:
    """Ask every fresh question with the other user's question beside it; print both kinds' latencies."""
    questions, origin = chosen_questions(FRESH)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        database = databases.copy_sqlite(
            await asyncio.to_thread(databases.seed_sqlite_template, folder), folder
        )
        botapi = FakeBotApi()
        await botapi.start()
        try:
            bot = await start(botapi, "bot", database, folder)
            try:
                for question in QUESTIONS:  # the other user's question is in memory from here on
                    await meanwhile(botapi, question)
                measured = [await meanwhile(botapi, question) for question in questions]
            finally:
                await bot.stop()
        finally:
            await botapi.stop()
    after_chart = [latency for latency, chart in measured if chart]
    otherwise = [latency for latency, chart in measured if not chart]
    print(f"fresh questions: {len(questions)} ({origin}), {len(after_chart)} of them answered with a chart")
    if after_chart:
        print(
            f"other user after a chart: median {statistics.median(after_chart):.1f} ms, max {max(after_chart):.1f} ms"
        )
    print(
        f"other user otherwise:     median {statistics.median(otherwise):.1f} ms, "
        f"p90 {percentile(otherwise, 0.9):.1f} ms"
    )


if __name__ == "__main__":
    asyncio.run(main())
