"""What reading a file gives: its entries and the problems found in it, or a refusal."""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

# Problems kept one by one (for the list sent with the preview); beyond this they are only counted.
MAX_LISTED = 100_000


class Refused(ValueError):
    """A file that is not read at all; `key` names the reason in bot.texts, `values` fill it in."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = {name: str(value) for name, value in values.items()}


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in one row (0: the whole file); errors stop the import, warnings do not."""

    row: int
    key: str
    values: dict[str, str] = field(default_factory=dict)
    error: bool = True
    column: str = ""  # the heading of the cell it is about, if any
    value: str = ""  # what the cell (or the place) says

    @property
    def kind(self) -> Kind:
        """What is wrong and where, the same for every row with this problem."""
        return Kind(self.key, self.column, self.error)


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of problem: its text key, the column it is in, and whether it blocks the import."""

    key: str
    column: str
    error: bool


class Problems:
    """The problems of a file in the order found: listed one by one up to MAX_LISTED, counted beyond.

    The first problem of each kind is always listed, so every kind can be shown with an example.
    """

    def __init__(self, problems: Iterable[Problem] = ()) -> None:
        self.listed: list[Problem] = []
        self.unlisted: Counter[Kind] = Counter()
        self.blocking = False  # whether any problem is an error
        self.kinds: set[Kind] = set()  # the kinds listed
        self.extend(problems)

    def append(self, problem: Problem) -> None:
        """Add one problem."""
        self.blocking = self.blocking or problem.error
        kind = problem.kind
        if len(self.listed) < MAX_LISTED or kind not in self.kinds:
            self.listed.append(problem)
            self.kinds.add(kind)
        else:
            self.unlisted[kind] += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        """Add several problems."""
        for problem in problems:
            self.append(problem)

    def merged(self, other: Problems) -> Problems:
        """These and the other's problems, listed in row order (errors first within a row)."""
        merged = Problems(sorted([*self.listed, *other.listed], key=lambda p: (p.row, not p.error)))
        merged.unlisted += self.unlisted + other.unlisted
        merged.blocking = self.blocking or other.blocking
        return merged

    def counts(self) -> Counter[Kind]:
        """How many problems of each kind there are, listed or not."""
        return Counter(p.kind for p in self.listed) + self.unlisted

    def chosen(self, *, error: bool) -> Problems:
        """Only the errors, or only the warnings."""
        kept = Problems(p for p in self.listed if p.error == error)
        kept.unlisted += Counter({k: n for k, n in self.unlisted.items() if k.error == error})
        kept.blocking = error and self.blocking
        return kept

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.listed)

    def __len__(self) -> int:
        return len(self.listed) + self.unlisted.total()

    def __bool__(self) -> bool:
        return bool(self.listed or self.unlisted)

    def __repr__(self) -> str:
        return f"Problems({self.listed!r}, unlisted={dict(self.unlisted)!r})"


class Entry(NamedTuple):
    """One figure as a file states it, before its place is looked up (a tuple: files make millions of them)."""

    row: int
    place: str  # a code or a name, as written
    year: int
    measure: str
    group: str
    value: float | None  # None when hidden (":")
    as_of: date

    @property
    def suppressed(self) -> bool:
        """Whether the file hides the value."""
        return self.value is None


Column = tuple[int, str, str, date]  # (year, measure, group, as-of): what a column of a table states


class Entries:
    """A file's figures, held compactly (20 bytes each): a 50 000 × 60 table states three million."""

    def __init__(self) -> None:
        self._rows = array("i")
        self._places = array("i")  # index into _place_names
        self._columns = array("i")  # index into _column_list
        self._values = array("d")  # NaN: hidden
        self._place_names: list[str] = []
        self._place_index: dict[str, int] = {}
        self._column_list: list[Column] = []
        self._column_index: dict[Column, int] = {}

    def append(self, entry: Entry) -> None:
        """Add one figure."""
        place = self._place_index.setdefault(entry.place, len(self._place_names))
        if place == len(self._place_names):
            self._place_names.append(entry.place)
        column = (entry.year, entry.measure, entry.group, entry.as_of)
        index = self._column_index.setdefault(column, len(self._column_list))
        if index == len(self._column_list):
            self._column_list.append(column)
        self._rows.append(entry.row)
        self._places.append(place)
        self._columns.append(index)
        self._values.append(math.nan if entry.value is None else entry.value)

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[Entry]:
        names, columns = self._place_names, self._column_list
        for row, place, column, value in zip(
            self._rows, self._places, self._columns, self._values, strict=True
        ):
            year, measure, group, as_of = columns[column]
            shown = None if math.isnan(value) else value
            yield Entry(row, names[place], year, measure, group, shown, as_of)

    def places_and_years(self) -> set[tuple[str, int]]:
        """Each place as written with each year it is stated for."""
        columns = self._column_list
        names = self._place_names
        return {(names[p], columns[c][0]) for p, c in set(zip(self._places, self._columns, strict=True))}


@dataclass
class Reading:
    """What a file says: its layout, the figures, and the problems found in the file itself."""

    kind: str  # the layout's name ("export", "imdi" or "table"), or "set" for a figure typed with /set
    entries: Entries = field(default_factory=Entries)
    problems: Problems = field(default_factory=Problems)
    needs_date: bool = False  # a table without a date: the admin is asked for one
    restated: date | None = None  # IMDi's statistics: a past year's changed figure is stated as of this date
