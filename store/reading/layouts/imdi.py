"""IMDi's CSV download: one row per municipality, measure, unit and year."""

from __future__ import annotations

from datetime import date

from store.names import normalise
from store.reading.cells import columns_by_key, group_of, measure_of, padded, read_number, read_year
from store.reading.results import Entry, Problem, Reading
from store.reading.safety import Table

MEASURE_HEADING = "anmodning vedtak og faktisk bosetting"


class ImdiLayout:
    """IMDi's long CSV: the measure and unit name a row's figure; 'Antall' holds it."""

    name = "imdi"

    def recognises(self, keys: list[str]) -> bool:
        """Whether IMDi's measure, count and year headings are there."""
        return MEASURE_HEADING in keys and "antall" in keys and "ar" in keys

    def read(self, table: Table, reading: Reading, *, today: date, as_of: date | None) -> None:
        """One entry per row, as of the given date or the end of its year (never after today)."""
        columns = columns_by_key(table.headings)
        headings = table.headings
        measure_at, count_at, year_at = columns[MEASURE_HEADING], columns["antall"], columns["ar"]
        unit_at, code_at, name_at = (columns.get(key) for key in ("enhet", "kommunenummer", "kommune"))
        for row, cells in zip(table.rows, table.cells, strict=True):
            label = normalise(f"{cells[measure_at]} {'' if unit_at is None else cells[unit_at]}")
            measure = measure_of(label)
            year = read_year(cells[year_at], row, reading, today, headings[year_at])
            if measure is None:
                reading.problems.append(
                    Problem(row, "imp_unknown_measure", {"text": label[:60]}, column=headings[measure_at])
                )
                continue
            stated, value = read_number(cells[count_at], row, measure, reading, headings[count_at])
            if year is None or not stated:
                continue
            place = (cells[code_at] if code_at is not None else "") or (
                cells[name_at] if name_at is not None else ""
            )
            when = as_of or min(today, date(year, 12, 31))
            reading.entries.append(Entry(row, padded(place), year, measure, group_of(label), value, when))
