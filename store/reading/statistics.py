"""What IMDi's statistics downloads mean, whatever their layout: categories, units, values, places and dates.

Each layout hands over one cell at a time with its place, year, category and unit as written; the
figures are made when the whole file is read, since the original request decides what the request is.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from store.names import normalise
from store.reading.cells import ISO_DATE, group_of, measure_of, possible_year, read_number, read_year
from store.reading.results import Entry, Problem, Reading
from store.vocabulary import FIRST_YEAR, Measure

ORIGINAL = "original"  # 'Opprinnelig anmodning': the request before it was revised
MERGED = (
    "merged"  # 'Faktisk bosetting (sammenslått for tidligere fylker)': settled, where no plain count is given
)
NO_FIGURE = (".", "")  # IMDi's '.': no figure for this place and year
CODE = re.compile(r"([KkFf]?)(\d{1,4})")
COUNT = Measure.SETTLED  # every category counts people: the bounds of any count
PERCENT_SLACK = 1.0  # IMDi rounds its per cent; a larger difference is worth a note

YEARS = {str(year): year for year in range(FIRST_YEAR, 2100)}  # the usual year cells, read without parsing
Key = tuple[str, int, str]  # place as written (code or name), year, group


@dataclass(frozen=True, slots=True)
class Cell:
    """One count as IMDi states it: its row, its column's heading, and its value (None when hidden)."""

    row: int
    column: str
    value: float | None


@dataclass
class Statistics:
    """The counts and per cents of one IMDi file, made into entries once the whole file is read."""

    reading: Reading
    today: date
    as_of: date  # the upload's date: the current year's figures are as of it
    counts: dict[Key, dict[str, Cell]] = field(default_factory=dict)
    percents: dict[tuple[Key, str], Cell] = field(default_factory=dict)
    repeats: list[tuple[Key, str, Cell]] = field(default_factory=list)

    def add(
        self, row: int, place: str, year_text: str, category: str, unit: str, value: str, column: str
    ) -> None:
        """One cell of the file: a count, a hidden count, a per cent, or no figure."""
        kind, group, per_cent = meaning(category, unit)
        if kind is None:
            values = {"text": category[:60]}
            self.reading.problems.append(
                Problem(row, "imp_unknown_measure", values, column=column, value=category)
            )
            return
        year = statistics_year(year_text, row, self.reading, self.today, column)
        if year is None or value in NO_FIGURE:
            return
        key = (place_code(place), year, group)
        if per_cent:
            number = percent(value)
            if number is not None:
                self.percents[(key, kind)] = Cell(row, column, number)
            return
        stated, number = read_number(value, row, COUNT, self.reading, column)
        if not stated:
            return
        cells = self.counts.setdefault(key, {})
        if kind in cells:  # said twice: the check reports it where the place is known (never for 9999)
            self.repeats.append((key, kind, Cell(row, column, number)))
        else:
            cells[kind] = Cell(row, column, number)

    def finish(self) -> None:
        """Every count as an entry, and a note where IMDi's per cent is not the share of the request."""
        self.reading.restated = self.as_of
        stated = [(key, measures(cells)) for key, cells in self.counts.items()]
        stated += [(key, measures({kind: cell})) for key, kind, cell in self.repeats]
        for (place, year, group), found in stated:
            when = self.as_of if year >= self.as_of.year else date(year, 12, 31)
            for measure, cell in found.items():
                self.reading.entries.append(Entry(cell.row, place, year, measure, group, cell.value, when))
        for (key, kind), cell in self.percents.items():
            self._check_percent(key, kind, cell)

    def _check_percent(self, key: Key, kind: str, cell: Cell) -> None:
        """A note when IMDi's per cent of the request differs from the count over the request."""
        cells = self.counts.get(key, {})
        count, request = cells.get(kind), cells.get(Measure.REQUESTED)
        if count is None or request is None or count.value is None or not request.value or cell.value is None:
            return
        own = 100 * count.value / request.value
        if abs(own - cell.value) > PERCENT_SLACK:
            values = {"place": key[0], "year": str(key[1]), "imdi": f"{cell.value:g}", "own": f"{own:.0f}"}
            problem = Problem(cell.row, "imp_percent_differs", values, error=False, column=cell.column)
            self.reading.problems.append(problem)


@lru_cache(maxsize=1_024)
def meaning(category: str, unit: str) -> tuple[str | None, str, bool]:
    """(measure or kind, group, whether a per cent) of a category and unit: worked out once for a whole file."""
    return category_kind(category), group_of(normalise(f"{category} {unit}")), normalise(unit) == "prosent"


def category_kind(category: str) -> str | None:
    """The measure a category names ('Vedtak om bosetting': decided), or the original request or merged count."""
    key = normalise(category)
    if "opprinnelig" in key:
        return ORIGINAL
    if "sammenslatt" in key:
        return MERGED
    return measure_of(key)


def measures(cells: dict[str, Cell]) -> dict[str, Cell]:
    """The counts of one place, year and group by measure: with an original request, the request is its revision."""
    found = {kind: cell for kind, cell in cells.items() if kind not in (ORIGINAL, MERGED)}
    if ORIGINAL in cells:
        found[Measure.REQUESTED] = cells[ORIGINAL]
        if Measure.REQUESTED in cells:
            found[Measure.REQUESTED_REVISED] = cells[Measure.REQUESTED]
    if MERGED in cells:
        found.setdefault(Measure.SETTLED, cells[MERGED])
    return found


@lru_cache(maxsize=65_536)
def place_code(text: str) -> str:
    """A place's number as the register knows it: 805 and K0805 are 0805, F30 is county 30; a name as written."""
    found = CODE.fullmatch(text.strip())
    if found is None:
        return text.strip()
    prefix, digits = found[1].upper(), found[2]
    return digits.zfill(2) if prefix == "F" else digits.zfill(4)


def statistics_year(text: str, row: int, reading: Reading, today: date, column: str) -> int | None:
    """A year as IMDi writes it: 2016, or the first day of it (2025-01-01)."""
    year = YEARS.get(text)
    if year is not None and possible_year(year, today):
        return year
    found = ISO_DATE.fullmatch(text.strip())
    return read_year(found[1] if found else text, row, reading, today, column)


def percent(text: str) -> float | None:
    """A per cent cell's value; 'Inf', ':' and other non-numbers are no per cent at all."""
    try:
        value = float(text.replace(",", ".").replace(" ", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None
