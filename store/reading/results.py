"""What reading a file gives: its entries and the problems found in it, or a refusal."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


class Refused(ValueError):
    """A file that is not read at all; `key` names the reason in bot.texts, `values` fill it in."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = {name: str(value) for name, value in values.items()}


@dataclass(frozen=True)
class Problem:
    """Something wrong in one row (0: the whole file); errors stop the import, warnings do not."""

    row: int
    key: str
    values: dict[str, str] = field(default_factory=dict)
    error: bool = True


@dataclass(frozen=True)
class Entry:
    """One figure as a file states it, before its place is looked up."""

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


@dataclass
class Reading:
    """What a file says: its layout, the figures, and the problems found in the file itself."""

    kind: str  # the layout's name ("export", "imdi" or "table"), or "set" for a figure typed with /set
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    needs_date: bool = False  # a table without a date: the admin is asked for one
