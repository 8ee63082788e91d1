"""The layouts an upload may have; a new layout is one module here and one line in `LAYOUTS`."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from store.names import normalise
from store.reading.layouts.export import ExportLayout
from store.reading.layouts.imdi import ImdiLayout
from store.reading.layouts.imdi_table import ImdiTableLayout
from store.reading.layouts.wide import WideLayout
from store.reading.results import Reading
from store.reading.safety import Table


class Layout(Protocol):
    """One way a table may be laid out: told by its headings, read into entries."""

    name: str  # the reading's kind, named in the preview by bot.texts' "imp_kind_<name>"

    def recognises(self, keys: list[str]) -> bool:
        """Whether a header row (its headings normalised) is this layout's."""
        ...

    def read(self, table: Table, reading: Reading, *, today: date, as_of: date | None) -> None:
        """Fill the reading with the table's entries and problems (or ask for a date)."""
        ...


WIDE = WideLayout()
# Tried in order: the wide table's headings would also match IMDi's files, so it comes last.
LAYOUTS: tuple[Layout, ...] = (ExportLayout(), ImdiLayout(), ImdiTableLayout(), WIDE)


def layout_of(header: list[str]) -> Layout | None:
    """The layout a header row belongs to, if any."""
    keys = [normalise(heading) for heading in header]
    return next((layout for layout in LAYOUTS if layout.recognises(keys)), None)
