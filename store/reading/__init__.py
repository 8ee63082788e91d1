"""Reading uploaded files into figures: the export layout, IMDi's CSV download and seed-shaped tables.

Nothing here touches the database: a file becomes a `Reading` (entries with their row numbers and the
problems found in the file itself), or is refused with `Refused` when it cannot be read safely.
`safety` turns bytes into a table, `layouts` read tables of each layout, `cells` reads their cells.
"""

from store.reading.cells import find_date
from store.reading.reader import read_upload, statement_reading
from store.reading.results import Entries, Entry, Kind, Problem, Problems, Reading, Refused
from store.reading.safety import MAX_BYTES

__all__ = [
    "MAX_BYTES",
    "Entries",
    "Entry",
    "Kind",
    "Problem",
    "Problems",
    "Reading",
    "Refused",
    "find_date",
    "read_upload",
    "statement_reading",
]
