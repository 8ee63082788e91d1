"""Import of a national table: IMDi's long CSV for all 357 municipalities × every measure and unit.

Run: python -m bench.import_bench [DATABASE_URL]. The baseline is pandas parsing the same bytes alone
(read_csv), measured in the same run; each step is reported in seconds, rows per second and as a
multiple of that baseline. The database is a fresh seeded SQLite file unless a URL is given.
"""

from __future__ import annotations

import asyncio
import io
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

import pandas as pd
from sqlmodel import select

from store.importing import Plan, apply_plan, check, source_for
from store.models import Place
from store.reading import Reading, read_upload
from store.store import Store

HEADER = "Kommunenummer;Kommune;Anmodning, vedtak og faktisk bosetting;Enhet;År;Antall"
MEASURES = ("Anmodning", "Vedtak", "Faktisk bosetting", "Utsøkt")
UNITS = ("Personer", "Enslige mindreårige", "Enslige mindreårige under 15 år", "Kollektiv beskyttelse")
YEAR = 2025
TODAY = date(2026, 11, 23)
ROUNDS = 5
Result = TypeVar("Result")


async def national_csv(store: Store, seed: int = 1) -> tuple[bytes, int]:
    """IMDi's CSV (ISO-8859-1) for every current municipality; returns the bytes and the row count."""
    rng = random.Random(seed)
    async with store.unit() as session:
        query = select(Place).where(Place.level == "municipality", Place.valid_to == None)  # noqa: E711
        places = (await session.exec(query)).all()
    lines = [HEADER]
    for place in places:
        total = rng.randint(5, 400)
        values = {"Personer": total, "Enslige mindreårige": total // 10}
        values |= {"Enslige mindreårige under 15 år": total // 40, "Kollektiv beskyttelse": total // 2}
        for measure in MEASURES:
            lines += [f"{place.code};{place.name};{measure};{unit};{YEAR};{values[unit]}" for unit in UNITS]
    # Sami letters do not exist in ISO-8859-1; IMDi's file has "?" there too, and the number is what counts.
    return ("\n".join(lines) + "\n").encode("iso-8859-1", errors="replace"), len(lines) - 1


def national_xlsx(content: bytes) -> tuple[bytes, int]:
    """The same figures as one seed-shaped sheet: a row per municipality, a column per measure and unit."""
    frame = pd.read_csv(io.BytesIO(content), sep=";", encoding="iso-8859-1", dtype=str)
    frame["column"] = frame["Anmodning, vedtak og faktisk bosetting"] + " " + frame["Enhet"] + f" {YEAR}"
    wide = frame.pivot(index="Kommunenummer", columns="column", values="Antall").reset_index()
    wide.columns = ["Kommunenr", *[c.replace("Personer ", "") for c in wide.columns[1:]]]
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        pd.DataFrame([[f"Bosetting pr {TODAY:%d.%m.%Y}"]]).to_excel(writer, index=False, header=False)
        wide.to_excel(writer, index=False, startrow=1)
    return buffer.getvalue(), len(wide) * (len(wide.columns) - 1)


def best(run: Callable[[], Result], rounds: int = ROUNDS) -> tuple[float, Result]:
    """The fastest of a few runs, in seconds, and the last result."""
    times, result = [], None
    for _ in range(rounds):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    assert result is not None
    return min(times), result


def line(label: str, seconds: float, rows: int, baseline: float) -> str:
    """One figure: seconds, rows per second and the multiple of the baseline."""
    return (
        f"{label:<38} {seconds:8.3f} s  {rows / seconds:>10,.0f} rows/s  {seconds / baseline:6.1f}× baseline"
    )


async def timed_check(store: Store, reading: Reading) -> tuple[float, Plan]:
    """Check a reading against the database; seconds and the plan."""
    index = await store.index()
    start = time.perf_counter()
    async with store.unit() as session:
        plan = await check(session, index, reading)
    return time.perf_counter() - start, plan


async def timed_apply(store: Store, reading: Reading) -> tuple[float, Plan]:
    """Check and apply in one unit of work, as a confirmed upload does; seconds and the plan."""
    index = await store.index()
    start = time.perf_counter()
    async with store.unit() as session:
        plan = await check(session, index, reading)
        source = await source_for(session, key="upload:bench", title="bench", day=TODAY)
        await apply_plan(session, plan, source=source, user_id=None, action="import", summary="bench")
    store.invalidate()
    return time.perf_counter() - start, plan


async def run(url: str) -> None:
    """Build the national table, then time each step against pandas parsing alone."""
    store = await Store.open(url)
    content, rows = await national_csv(store)
    print(f"national table: {rows:,} rows, {len(content) / 1024:.0f} KB (IMDi CSV, ISO-8859-1)")
    baseline, _ = best(lambda: pd.read_csv(io.BytesIO(content), sep=";", encoding="iso-8859-1", dtype=str))
    read, reading = best(lambda: read_upload(content, "national.csv", today=TODAY))
    assert len(reading.entries) == rows and not reading.problems
    checked, plan = await timed_check(store, reading)
    applied, _ = await timed_apply(store, reading)
    again, repeat = await timed_check(store, reading)
    assert plan.counts()["new"] == rows and repeat.counts()["unchanged"] == rows
    print(line("baseline: pandas read_csv alone", baseline, rows, baseline))
    print(line("read and validate the file", read, rows, baseline))
    print(line("check against register and database", checked, rows, baseline))
    print(line("check and apply in one transaction", applied, rows, baseline))
    print(line("re-import check (all unchanged)", again, rows, baseline))
    total = read + applied
    print(line("upload to saved (read + check + apply)", total, rows, baseline))
    sheet, cells = national_xlsx(content)
    excel, _ = best(lambda: pd.read_excel(io.BytesIO(sheet), header=None), rounds=2)
    read_sheet, table = best(lambda: read_upload(sheet, "national.xlsx", today=TODAY), rounds=2)
    assert len(table.entries) == cells, (len(table.entries), cells)
    print(f"the same as a seed-shaped xlsx ({len(sheet) / 1024:.0f} KB), baseline pandas read_excel alone:")
    print(line("  baseline: pandas read_excel alone", excel, cells, excel))
    print(line("  read and validate the sheet", read_sheet, cells, excel))
    await store.close()


def main() -> None:
    """On the URL given, or a fresh seeded SQLite file."""
    if len(sys.argv) > 1:
        asyncio.run(run(sys.argv[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(run(f"sqlite:///{Path(folder) / 'bench.sqlite3'}"))


if __name__ == "__main__":
    main()
