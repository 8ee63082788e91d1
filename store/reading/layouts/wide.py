"""Seed-shaped tables: one row per place, one column per measure (and of-which group), dated by caption or heading."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from store.names import normalise
from store.reading.cells import (
    columns_by_key,
    day_month,
    find_date,
    group_of,
    measure_of,
    padded,
    read_number,
)
from store.reading.results import Entry, Problem, Reading
from store.reading.safety import Table
from store.vocabulary import YEAR, Group, Measure

PLACE_HEADINGS = ("kommunenummer", "kommunenr", "knr", "kommune", "kommunenavn", "navn", "sted")
TOTAL_ROWS = ("sum", "totalt", "total", "i alt", "sum alle")  # a named county or the nation is a place


@dataclass(frozen=True)
class Column:
    """What a value column of the table holds."""

    measure: Measure
    group: Group
    year: int | None
    as_of: date | None


class WideLayout:
    """A place column and measure columns, as in the seed's status tables."""

    name = "table"

    def recognises(self, keys: list[str]) -> bool:
        """Whether a place heading and a heading naming a measure are there."""
        return any(key in PLACE_HEADINGS for key in keys) and any(measure_of(key) is not None for key in keys)

    def read(self, table: Table, reading: Reading, *, today: date, as_of: date | None) -> None:
        """One entry per place and value column; without a date for every column, one is asked for."""
        columns = _columns(table, as_of, reading)
        if any(c.as_of is None or c.year is None for c in columns.values()):
            reading.needs_date = True
            return
        keys = columns_by_key(table.frame)
        place_column = next(keys[k] for k in PLACE_HEADINGS if k in keys)
        for row, record in zip(table.rows, table.frame.to_dict("records"), strict=True):
            place = padded(record[place_column])
            if normalise(place) in TOTAL_ROWS:
                reading.problems.append(Problem(row, "imp_total_row", {"place": place}, error=False))
                continue
            for heading, column in columns.items():
                stated, value = read_number(record[heading], row, column.measure, reading)
                if stated and column.year is not None and column.as_of is not None:
                    entry = Entry(row, place, column.year, column.measure, column.group, value, column.as_of)
                    reading.entries.append(entry)


def _columns(table: Table, as_of: date | None, reading: Reading) -> dict[str, Column]:
    """What each value column holds; of-which columns follow their measure."""
    fallback = find_date(table.caption) or as_of
    found: dict[str, Column] = {}
    previous: Column | None = None
    for heading in table.frame.columns:
        key = normalise(heading)
        if key in PLACE_HEADINGS:
            continue
        measure, group = measure_of(key), group_of(key)
        if measure is None and group != Group.ALL and previous is not None:
            measure = previous.measure
        if measure is None:
            if table.frame[heading].astype(bool).any():  # an empty spacer column is no news
                reading.problems.append(Problem(0, "imp_column_ignored", {"column": heading}, error=False))
            continue
        when = find_date(heading) or day_month(heading, fallback) or fallback
        year_found = YEAR.search(heading)
        year = (
            int(year_found[1]) if year_found else (previous.year if previous and group != Group.ALL else None)
        )
        column = Column(measure, group, year or (when.year if when else None), when)
        found[heading] = column
        previous = column if group == Group.ALL else previous
    return found
