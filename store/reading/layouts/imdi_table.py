"""IMDi's table tool: 'Region;Navn;' and a column per category, unit and year, under up to three heading rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from store.names import normalise
from store.reading.results import Problem, Reading
from store.reading.safety import Table
from store.reading.statistics import Statistics

PLACE_KEYS = ("region", "navn")
LABELS = {
    "enhet": "unit",
    "ar": "year",
}  # any other label ('Bosetting', 'Bosetting enslige mindreårige') is the category


@dataclass(frozen=True)
class Column:
    """What one value column holds, from its heading rows: 'Bosetting: Vedtak om bosetting' / 'Enhet: Personer' / 'År: 2016'."""

    index: int
    heading: str
    category: str
    unit: str
    year: str


class ImdiTableLayout:
    """A region code (K3001, F30) and name, then one column per combination of category, unit and year."""

    name = "imdi_table"

    def recognises(self, keys: list[str]) -> bool:
        """Whether the row holds 'Region' and 'Navn', or begins blank before a 'Bosetting: …' heading."""
        if all(key in keys for key in PLACE_KEYS):
            return True
        return bool(keys) and keys[0] == "" and any(key.startswith("bosetting ") for key in keys)

    def read(self, table: Table, reading: Reading, *, today: date, as_of: date | None) -> None:
        """Each value cell through IMDi's meanings, as the long download's rows are."""
        count = _heading_rows(table)
        headings = [table.headings, *table.cells[:count]]
        region_at, name_at = _place_column(headings, "region", 0), _place_column(headings, "navn", 1)
        columns = [_column(index, headings) for index in range(len(table.headings))]
        statistics = Statistics(reading, today, as_of or today)
        for column in columns:
            if column.index not in (region_at, name_at) and not (column.category and column.year):
                note = Problem(0, "imp_column_ignored", {"column": column.heading[:60]}, error=False)
                reading.problems.append(note)
        used = [c for c in columns if c.index not in (region_at, name_at) and c.category and c.year]
        for row, cells in zip(table.rows[count:], table.cells[count:], strict=True):
            place = cells[region_at] or cells[name_at]
            for c in used:
                statistics.add(row, place, c.year, c.category, c.unit, cells[c.index], c.heading)
        statistics.finish()


def _heading_rows(table: Table) -> int:
    """How many rows under the header row are heading rows too (every filled value cell says 'Label: …')."""
    count = 0
    for cells in table.cells[:2]:
        filled = [cell for cell in cells[2:] if cell]
        if normalise(cells[0]) not in ("", "region") or not filled or not all(":" in c[:-1] for c in filled):
            break
        count += 1
    return count


def _place_column(headings: list[list[str]], key: str, default: int) -> int:
    """The column whose heading, on any heading row, is 'Region' or 'Navn'."""
    for cells in headings:
        keys = [normalise(cell) for cell in cells]
        if key in keys:
            return keys.index(key)
    return default


def _column(index: int, headings: list[list[str]]) -> Column:
    """A column's category, unit and year, from the 'Label: value' cells above it."""
    found = {"category": "", "unit": "", "year": ""}
    for cells in headings:
        label, colon, value = cells[index].partition(":")
        if colon:
            role = LABELS.get(normalise(label), "category")
            found[role] = cells[index] if role == "category" else value.strip()
    heading = " / ".join(cells[index] for cells in headings if cells[index])
    return Column(index, heading, found["category"], found["unit"], found["year"])
