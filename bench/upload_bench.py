"""A large upload of mostly bad rows (45 000 × 60, as an attack sent): time and memory of each step.

Run: python -m bench.upload_bench [ROWS]. The sheet is made by tests.uploads.big_table; the steps are
reading (file safety and layout), checking against the seeded database, and making the preview and
the list of problems. Peak memory is the process's maximum resident set size (getrusage), measured
before the sheet is read and after the steps; the sheet is made in another process.
"""

from __future__ import annotations

import asyncio
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

from sqlmodel import select

from bot.confirmation import problem_list
from bot.uploads import preview_text
from store.importing import check
from store.models import Place
from store.reading import read_upload
from store.store import Store
from tests.uploads import big_table

TODAY = date(2026, 11, 23)


def peak_mib() -> float:
    """The process's peak resident memory so far, in MiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def run(url: str, rows: int) -> None:
    """Make the sheet, then time reading, checking and the preview."""
    store = await Store.open(url)
    async with store.unit() as session:
        query = select(Place.name).where(Place.level == "municipality", Place.valid_to == None)  # noqa: E711
        names = sorted((await session.exec(query)).all())
    index = await store.index()
    print(f"before the sheet (seeded store and place index): peak {peak_mib():.0f} MiB", flush=True)
    start = time.perf_counter()
    with ProcessPoolExecutor(1) as maker:  # making the sheet takes memory of its own: not measured
        content = maker.submit(big_table, names, rows).result()
    print(
        f"sheet: {rows:,} rows × 60 columns, {len(content) / 2**20:.1f} MiB, made in {time.perf_counter() - start:.1f} s"
    )
    start = time.perf_counter()
    reading = read_upload(content, "big.xlsx", today=TODAY)
    read = time.perf_counter() - start
    print(
        f"read:    {read:6.1f} s  {len(reading.entries):,} figures, {len(reading.problems):,} problems",
        flush=True,
    )
    start = time.perf_counter()
    async with store.unit() as session:
        plan = await check(session, index, reading)
    checked = time.perf_counter() - start
    print(
        f"check:   {checked:6.1f} s  {len(plan.problems):,} problems, {len(plan.errors):,} errors", flush=True
    )
    start = time.perf_counter()
    preview = preview_text(plan, reading.kind, "big.xlsx", "nb")
    listed = problem_list(plan.problems, "nb")
    shown = time.perf_counter() - start
    print(f"preview: {shown:6.1f} s  {len(preview):,} characters; list {len(listed) / 2**20:.1f} MiB")
    print(f"total:   {read + checked + shown:6.1f} s; peak memory {peak_mib():.0f} MiB")
    await store.close()


def main() -> None:
    """On a fresh seeded SQLite file."""
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 45_000
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(run(f"sqlite:///{Path(folder) / 'bench.sqlite3'}", rows))


if __name__ == "__main__":
    main()
