"""IMDi's statistics in one row per figure: the long download and the tidy table, in any column order."""

from __future__ import annotations

from datetime import date

from store.reading.cells import columns_by_key
from store.reading.results import Reading
from store.reading.safety import Table
from store.reading.statistics import Statistics

CATEGORY_HEADINGS = ("anmodning vedtak og faktisk bosetting", "bosetting", "kategori")
PLACE_HEADINGS = ("kommunenummer", "kommune")


class ImdiLayout:
    """A place (number and/or name), a category, optionally a unit, a year and 'Antall' on every row."""

    name = "imdi"

    def recognises(self, keys: list[str]) -> bool:
        """Whether a category, a count, a year and a place heading are there."""
        return (
            "antall" in keys
            and "ar" in keys
            and any(key in keys for key in CATEGORY_HEADINGS)
            and any(key in keys for key in PLACE_HEADINGS)
        )

    def read(self, table: Table, reading: Reading, *, today: date, as_of: date | None) -> None:
        """Each row's count or per cent, made into figures as of the upload (past years: their last day)."""
        columns = columns_by_key(table.headings)
        category_at = next(columns[key] for key in CATEGORY_HEADINGS if key in columns)
        count_at, year_at = columns["antall"], columns["ar"]
        code_at, name_at, unit_at = (columns.get(key) for key in ("kommunenummer", "kommune", "enhet"))
        column = table.headings[count_at]
        statistics = Statistics(reading, today, as_of or today)
        for row, cells in zip(table.rows, table.cells, strict=True):
            place = (cells[code_at] if code_at is not None else "") or (
                cells[name_at] if name_at is not None else ""
            )
            unit = "" if unit_at is None else cells[unit_at]
            statistics.add(row, place, cells[year_at], cells[category_at], unit, cells[count_at], column)
        statistics.finish()
