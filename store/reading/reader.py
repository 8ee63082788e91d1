"""An upload, or a figure typed with /set, read into entries: a safe table, read by its layout, dates checked."""

from __future__ import annotations

from datetime import date

from store.reading.cells import find_date, possible_year, read_number
from store.reading.layouts import WIDE, layout_of
from store.reading.results import Entry, Problem, Reading, Refused
from store.reading.safety import table_from_file


def read_upload(content: bytes, filename: str, *, today: date, as_of: date | None = None) -> Reading:
    """Read an uploaded file (xlsx or CSV) of any known layout, or refuse it; undated, a date in its name counts."""
    as_of = as_of or find_date(filename)
    if as_of is not None and as_of > today:
        raise Refused("imp_future_date", date=as_of.isoformat())
    table = table_from_file(content, filename, is_header=lambda row: layout_of(row) is not None)
    # The header search reads line by line, pandas reads a quoted text over several lines as one
    # row, so the columns may not be the header row that was recognised; such a table is read as wide.
    layout = layout_of(table.headings) or WIDE
    reading = Reading(kind=layout.name)
    layout.read(table, reading, today=today, as_of=as_of)
    reading.problems.extend(
        Problem(0, "imp_sheet_ignored", {"sheet": name}, error=False) for name in table.unread_sheets
    )
    return reading


def statement_reading(
    place: str, year: int, measure: str, group: str, value: str, as_of: date, today: date
) -> Reading:
    """One figure typed by an admin (/set), checked like a file's row."""
    reading = Reading(kind="set")
    stated, number = read_number(value, 1, measure, reading)
    if not stated and not reading.problems:
        reading.problems.append(Problem(1, "imp_not_number", {"text": value[:40]}, value=value))
    if not possible_year(year, today):
        reading.problems.append(Problem(1, "imp_impossible_year", {"year": str(year)}))
    if as_of > today:
        reading.problems.append(Problem(1, "imp_future_date", {"date": as_of.isoformat()}))
    if stated and not reading.problems:
        reading.entries.append(Entry(1, place, year, measure, group, number, as_of))
    return reading
