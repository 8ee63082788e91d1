"""Every bench in turn (make bench): how cold the machine makes code, cold start, answers, Telegram round
trips, charts beside other users, imports, questions after a change of the data, the digest broadcast, memory."""

from __future__ import annotations

import asyncio
import inspect

from bench import (
    answer_bench,
    broadcast_bench,
    change_bench,
    chart_bench,
    cold_machine,
    import_bench,
    memory_bench,
    start_bench,
    telegram_bench,
)

BENCHES = (
    cold_machine,
    start_bench,
    answer_bench,
    telegram_bench,
    chart_bench,
    import_bench,
    change_bench,
    broadcast_bench,
    memory_bench,
)


def main() -> None:
    """Run each bench's main (async or not) and print its figures under its name."""
    for bench in BENCHES:
        print(f"\n== {bench.__name__} ==", flush=True)
        if inspect.iscoroutinefunction(bench.main):
            asyncio.run(bench.main())
        else:
            bench.main()


if __name__ == "__main__":
    main()
