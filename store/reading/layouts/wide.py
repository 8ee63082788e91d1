"""Seed-shaped tables: one row per place, one column per measure (and of-which group), dated by caption or heading."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from store.names import normalise
from store.reading.cells import (
    day_month,
    find_date,
    group_of,
    heading_year,
    measure_of,
    padded,
    possible_year,
    read_number,
)
from store.reading.results import Entry, Problem, Reading
from store.reading.safety import Table
from store.vocabulary import Group, Measure

PLACE_HEADINGS = ("kommunenummer", "kommunenr", "knr", "kommune", "kommunenavn", "navn", "sted")
TOTAL_ROWS = ("sum", "totalt", "total", "i alt", "sum alle")  # a named county or the nation is a place


@dataclass(frozen=True)
class Column:
    """What a value column of the table holds."""

    index: int
    heading: str
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
        if any(c.as_of is None or c.year is None for c in columns):
            reading.needs_date = True
            return
        columns = [c for c in columns if _possible(c, today, reading)]
        keys = [normalise(heading) for heading in table.headings]
        place_at = next(keys.index(k) for k in PLACE_HEADINGS if k in keys)
        for row, cells in zip(table.rows, table.cells, strict=True):
            place = padded(cells[place_at])
            if normalise(place) in TOTAL_ROWS:
                reading.problems.append(Problem(row, "imp_total_row", {"place": place}, error=False))
                continue
            for c in columns:
                stated, value = read_number(cells[c.index], row, c.measure, reading, c.heading)
                if stated and c.year is not None and c.as_of is not None:
                    reading.entries.append(Entry(row, place, c.year, c.measure, c.group, value, c.as_of))


def _possible(column: Column, today: date, reading: Reading) -> bool:
    """Whether a column's year and date can be a figure's; if not, an error naming the heading."""
    if column.year is None or not possible_year(column.year, today):
        values = {"column": column.heading[:60], "year": str(column.year)}
        reading.problems.append(Problem(0, "imp_impossible_year_column", values, column=column.heading))
        return False
    if column.as_of is not None and column.as_of > today:
        values = {"column": column.heading[:60], "date": column.as_of.isoformat()}
        reading.problems.append(Problem(0, "imp_future_date_column", values, column=column.heading))
        return False
    return True


def _columns(table: Table, as_of: date | None, reading: Reading) -> list[Column]:
    """What each value column holds; of-which columns follow their measure."""
    fallback = find_date(table.caption) or as_of
    found: list[Column] = []
    previous: Column | None = None
    for index, heading in enumerate(table.headings):
        key = normalise(heading)
        if key in PLACE_HEADINGS:
            continue
        measure, group = measure_of(key), group_of(key)
        if measure is None and group != Group.ALL and previous is not None:
            measure = previous.measure
        if measure is None:
            if any(row[index] for row in table.cells):  # an empty spacer column is no news
                reading.problems.append(
                    Problem(0, "imp_column_ignored", {"column": heading[:60]}, error=False, column=heading)
                )
            continue
        when = find_date(heading) or day_month(heading, fallback) or fallback
        named = heading_year(heading)
        year = named if named is not None else (previous.year if previous and group != Group.ALL else None)
        if year is None and when is not None:
            year = when.year
        column = Column(index, heading, measure, group, year, when)
        found.append(column)
        previous = column if group == Group.ALL else previous
    return found
