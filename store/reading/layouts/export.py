"""The export layout (store.export): one row per figure, with its code, year, measure, group and value."""

from __future__ import annotations

from datetime import date

from store.reading.cells import columns_by_key, read_date, read_number, read_year
from store.reading.results import Entry, Reading
from store.reading.safety import Table
from store.vocabulary import Group

HEADINGS = ("area code", "year", "measure", "group", "value")


class ExportLayout:
    """Rows of the export contract: area_code, year, measure, group, value and, optionally, as_of."""

    name = "export"

    def recognises(self, keys: list[str]) -> bool:
        """Whether every heading of the export is there."""
        return all(key in keys for key in HEADINGS)

    def read(self, table: Table, reading: Reading, *, today: date, as_of: date | None) -> None:
        """One entry per row; without an as_of column the given date is used, or one is asked for."""
        columns = columns_by_key(table.headings)
        dated = "as of" in columns
        if not dated and as_of is None:
            reading.needs_date = True
            return
        code, year_at, measure_at, group_at, value_at = (columns[key] for key in HEADINGS)
        headings = table.headings
        for row, cells in zip(table.rows, table.cells, strict=True):
            year = read_year(cells[year_at], row, reading, today, headings[year_at])
            measure, group = cells[measure_at], cells[group_at] or Group.ALL
            stated, value = read_number(cells[value_at], row, measure, reading, headings[value_at])
            when = read_date(cells[columns["as of"]], row, reading, today, "as_of") if dated else as_of
            if year is None or not stated or when is None:
                continue
            reading.entries.append(Entry(row, cells[code], year, measure, group, value, when))
