"""Import of IMDi's national long CSV (bench/national.py): every municipality 1995–2023, persons and per cent.

Run: python -m bench.import_bench [DATABASE_URL]. The baseline is pandas parsing the same bytes alone
(read_csv), measured in the same run; each step is reported in seconds, rows per second and as a
multiple of that baseline. The database is a fresh seeded SQLite file unless a URL is given.
"""

from __future__ import annotations

import asyncio
import io
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

import pandas as pd

from bench.national import national_csv
from bot.assistant import Assistant
from bot.caller import Caller
from store.importing import Plan, check
from store.reading import Reading, read_upload
from store.store import Store
from store.users import ensure_admins

TODAY = date(2026, 11, 23)
OSLO = ZoneInfo("Europe/Oslo")
NOW = datetime(2026, 11, 23, 10, tzinfo=OSLO)
ADMIN = 1001
ROUNDS = 3
Result = TypeVar("Result")


def national_xlsx(content: bytes) -> tuple[bytes, int]:
    """The file's persons of 2023 as one seed-shaped sheet: a row per municipality, a column per category."""
    frame = pd.read_csv(io.BytesIO(content), sep=";", encoding="iso-8859-1", dtype=str)
    frame = frame[
        (frame["Enhet"] == "Personer") & (frame["År"] == "2023") & (frame["Kommunenummer"] != "9999")
    ]
    wide = frame.pivot(index="Kommunenummer", columns="Bosetting", values="Antall").reset_index()
    wide.columns = ["Kommunenr", *[f"{c} 2023" for c in wide.columns[1:]]]
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


async def timed_upload(store: Store, content: bytes) -> tuple[float, float, str]:
    """An admin's upload through the assistant, as the bot takes it: seconds to the preview (read, check,
    preview and list made, statements held for Save), seconds of the Save (the write alone), and its reply."""
    async with store.unit() as session:
        await ensure_admins(session, admin_ids=[ADMIN])
    assistant = Assistant(store, zone=OSLO, admin_ids=frozenset({ADMIN}), clock=lambda: NOW)
    admin = Caller(user_id=ADMIN, language="nb", role="admin")
    start = time.perf_counter()
    *_, preview = await assistant.upload(content, "bosetting.csv", "", admin)
    previewed = time.perf_counter()
    save = next(data for row in preview.buttons for _, data in row if data.endswith(":yes"))
    (saved,) = await assistant.choose(save, admin)
    return previewed - start, time.perf_counter() - previewed, saved.text


async def run(url: str) -> None:
    """The national download, then each step timed against pandas parsing alone."""
    store = await Store.open(url)
    content = national_csv()
    rows = content.count(b"\n") - 1
    print(f"IMDi's national long CSV 1995-2023: {rows:,} rows, {len(content) / 2**20:.1f} MB, ISO-8859-1")
    baseline, _ = best(lambda: pd.read_csv(io.BytesIO(content), sep=";", encoding="iso-8859-1", dtype=str))
    read, reading = best(lambda: read_upload(content, "national.csv", today=TODAY))
    assert not reading.problems, reading.problems
    checked, plan = await timed_check(store, reading)
    cpu = time.process_time()  # every thread of the process: the same on a busy machine as on a quiet one
    previewed, saved, reply = await timed_upload(store, content)
    cpu = time.process_time() - cpu
    assert reply.startswith("Lagret som endring"), reply
    again, repeat = await timed_check(store, reading)
    figures = len(reading.entries)
    assert not plan.errors and repeat.counts()["unchanged"] == repeat.counts().total() and not repeat.written
    print(f"{figures:,} figures (persons; per cents are checks), {plan.counts()['new']:,} new")
    print(line("baseline: pandas read_csv alone", baseline, rows, baseline))
    print(line("read and validate the file", read, rows, baseline))
    print(line("check against register and database", checked, rows, baseline))
    print(line("upload to preview (read, check, held)", previewed, rows, baseline))
    print(line("Save: write in one transaction", saved, rows, baseline))
    print(line("re-import check (all unchanged)", again, rows, baseline))
    print(line("upload to saved (preview + Save)", previewed + saved, rows, baseline))
    print(
        f"upload to saved, CPU time of the process: {cpu:.2f} s (wall time above depends on the machine's load)"
    )
    sheet, cells = national_xlsx(content)
    excel, _ = best(lambda: pd.read_excel(io.BytesIO(sheet), header=None), rounds=2)
    read_sheet, table = best(lambda: read_upload(sheet, "national.xlsx", today=TODAY), rounds=2)
    assert len(table.entries) <= cells, (len(table.entries), cells)
    print(f"2023 as a seed-shaped xlsx ({len(sheet) / 1024:.0f} KB), baseline pandas read_excel alone:")
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
