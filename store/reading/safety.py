"""Reading an uploaded file safely into a table of text cells: limits, encodings, zip bombs, macros, formulas.

Nothing here knows the layouts: the caller says which row is a header row.
"""

from __future__ import annotations

import csv
import io
import re
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from xml.parsers import expat

from store.reading.results import Refused

if TYPE_CHECKING:
    import pandas as pd

MAX_BYTES = 20 * 1024 * 1024  # what Telegram lets bots download; IMDi's national long CSV is 3.7 MB
MAX_ROWS = 500_000  # IMDi's national long CSV 1995–2023 has about 75 000 rows
MAX_COLUMNS = 2_000  # IMDi's table tool gives 230 columns for 1995–2022
MAX_CELLS = 6_000_000  # rows × columns: the cells held as text stay within a few hundred MB
MAX_CELL = 2_000  # characters: a place, a number, a heading or a caption line is far shorter
MAX_UNZIPPED = 100 * 1024 * 1024  # an xlsx unpacking to more than this is a zip bomb, not a table
MAX_RATIO = 200  # compression ratio of one xlsx part beyond which it is a zip bomb
HEADER_SEARCH = 20  # caption lines allowed above the header row
CSV_ENDINGS = (".csv", ".txt", "")
REFUSED_ENDINGS = (".xlsm", ".xlsb", ".xls", ".ods")
MERGE = re.compile(r"([A-Z]+)(\d+)(?::[A-Z]+(\d+))?")
CHUNK = 1 << 20  # bytes of an archive part unpacked at a time
MAX_SHARED_TEXTS = 100_000  # distinct cell texts held as one object each
LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # a zip member's local header: signature … name and extra lengths
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
ROW, CELL, MERGE_CELL, FORMULA, VALUE, TEXT, PHONETIC = (
    f"{MAIN}}}{tag}" for tag in ("row", "c", "mergeCell", "f", "v", "t", "rPh")
)
# Control characters are never in a text table: a sign of a wrong encoding or a binary file.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

IsHeader = Callable[[list[str]], bool]


@dataclass(frozen=True)
class Table:
    """A file's table as stripped text cells, without blank rows, and what stood around it."""

    caption: str  # the lines above the header row, joined
    headings: list[str]  # the header row, made unique
    cells: list[list[str]]  # the rows under it, each as wide as the header row
    rows: list[int]  # each row's number in the file, as a spreadsheet shows it
    unread_sheets: list[str] = field(default_factory=list)  # other sheets of a workbook that hold values


def table_from_file(content: bytes, filename: str, *, is_header: IsHeader) -> Table:
    """The table of an uploaded file (xlsx or CSV), or a refusal when it cannot be read safely."""
    if len(content) > MAX_BYTES:
        raise Refused(
            "imp_too_big", size=f"{len(content) / 1024 / 1024:.1f}", limit=MAX_BYTES // 1024 // 1024
        )
    if not content.strip():
        raise Refused("imp_empty")
    suffix = Path(filename).suffix.lower()
    if suffix in REFUSED_ENDINGS:
        raise Refused("imp_file_type", ending=suffix)
    if content.startswith(b"PK") or suffix == ".xlsx":
        table = _xlsx_table(content, is_header)
    elif suffix in CSV_ENDINGS:
        table = _csv_table(content, is_header)
    else:
        raise Refused("imp_file_type", ending=suffix)
    if not table.cells:
        raise Refused("imp_no_rows")
    return table


def _header_index(rows: list[list[str]], is_header: IsHeader) -> int:
    """The index of the header row among the first rows, or a refusal naming the layouts."""
    for index, row in enumerate(rows):
        if is_header(row):
            return index
    raise Refused("imp_columns")


def _check_cell(text: str, where: str) -> str:
    """A cell's text, refused when it is longer than any cell of a table of figures."""
    if len(text) > MAX_CELL:
        raise Refused("imp_cell_too_long", cell=where, limit=MAX_CELL)
    return text


# --- CSV -----------------------------------------------------------------------------------------


def _decode(content: bytes) -> str:
    """CSV bytes as text: UTF-8 if they are, else Windows-1252 (Excel's) or ISO-8859-1 (IMDi's)."""
    if b"\x00" in content:
        raise Refused("imp_encoding")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return _printable(content.decode(encoding))
        except UnicodeDecodeError:
            continue
    return _printable(content.decode("iso-8859-1"))


def _printable(decoded: str) -> str:
    """The text, unless it holds control characters (a binary file or another encoding)."""
    if CONTROL.search(decoded):
        raise Refused("imp_encoding")
    return decoded


def _csv_table(content: bytes, is_header: IsHeader) -> Table:
    """The caption, the table under its header row, and each row's line number."""
    import pandas as pd  # pandas and openpyxl take half a second to import: only when a file comes
    from openpyxl.utils import get_column_letter

    decoded = _decode(content)
    lines = decoded.splitlines()
    separator = max(";,\t", key=lambda s: sum(line.count(s) for line in lines[:HEADER_SEARCH]))
    for number, line in enumerate(lines[:HEADER_SEARCH], 1):  # before the csv module's own limit trips
        for column, cell in enumerate(line.split(separator)):
            _check_cell(cell, f"{get_column_letter(column + 1)}{number}")
    first_rows = [next(csv.reader([line], delimiter=separator), []) for line in lines[:HEADER_SEARCH]]
    header_at = _header_index(first_rows, is_header)
    # Counted before pandas holds the cells, so an oversized table never takes the memory it would need
    _check_size(sum(1 for line in lines[header_at + 1 :] if line.strip()), len(first_rows[header_at]))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)  # rows longer than the header
            frame = pd.read_csv(
                io.StringIO(decoded),
                sep=separator,
                skiprows=header_at,
                header=0,
                index_col=False,
                dtype=str,
                keep_default_na=False,
                nrows=MAX_ROWS + 1,
                skip_blank_lines=False,
            )
    except (pd.errors.ParserError, pd.errors.ParserWarning, ValueError) as error:
        raise Refused("imp_malformed", reason=str(error).strip().splitlines()[-1][:200]) from error
    _check_size(len(frame), len(frame.columns))
    frame = frame.fillna("").astype(str).apply(lambda column: column.str.strip())  # column by column: fast
    _check_lengths(frame, header_at + 2)
    kept = frame[(frame != "").any(axis=1)]
    rows = (kept.index + header_at + 2).tolist()
    header = [cell.strip() for cell in first_rows[header_at]]  # as written: pandas names a blank 'Unnamed: 0'
    headings = _unique(header) if len(header) == len(frame.columns) else [str(c) for c in frame.columns]
    return Table(" ".join(lines[:header_at]), headings, kept.to_numpy().tolist(), rows)


def _check_lengths(frame: pd.DataFrame, first_row: int) -> None:
    """Refuse a table with a cell longer than any cell of a table of figures, naming the first such cell."""
    from openpyxl.utils import get_column_letter

    lengths = frame.apply(lambda column: column.str.len()).to_numpy()
    if frame.empty or lengths.max() <= MAX_CELL:
        return
    row = int((lengths > MAX_CELL).any(axis=1).argmax())
    column = int(lengths[row].argmax())
    _check_cell(str(frame.iat[row, column]), f"{get_column_letter(column + 1)}{first_row + row}")


def _check_size(rows: int, columns: int) -> None:
    """Refuse tables with more rows, columns or cells than any real table has."""
    if rows > MAX_ROWS:
        raise Refused("imp_too_many_rows", limit=MAX_ROWS)
    if columns > MAX_COLUMNS:
        raise Refused("imp_too_many_columns", limit=MAX_COLUMNS)
    if rows * columns > MAX_CELLS:
        raise Refused("imp_too_many_cells", limit=MAX_CELLS)


# --- xlsx ----------------------------------------------------------------------------------------


def _check_zip(content: bytes) -> zipfile.ZipFile:
    """The xlsx as a zip archive, refused if broken, damaged, a bomb, lying about sizes, with macros or XML entities."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise Refused("imp_broken_xlsx") from error
    if sum(p.file_size for p in parts) > MAX_UNZIPPED or any(
        p.file_size > MAX_RATIO * max(p.compress_size, 1) for p in parts
    ):
        raise Refused("imp_zip_bomb")
    names = [p.filename.lower() for p in parts]
    if any(name.endswith("vbaproject.bin") or "activex" in name for name in names):
        raise Refused("imp_macros")
    for part in parts:
        markup = part.filename.lower().endswith((".xml", ".rels"))
        tail = b""
        for chunk in _unpacked(content, part):
            if markup and (b"<!ENTITY" in tail + chunk[:16] or b"<!ENTITY" in chunk):
                raise Refused("imp_xml_entities")
            tail = chunk[-16:]
    return archive


def _unpacked(content: bytes, part: zipfile.ZipInfo) -> Iterator[bytes]:
    """A part's bytes chunk by chunk, refused if its sizes lie (unsafe) or its data is damaged.

    Intact data has the declared checksum; data that has it but not the declared size is a lie, made to
    slip past the zip bomb check.
    """
    try:
        signature, _, flags, method, *_, packed, size, name_length, extra_length = LOCAL_HEADER.unpack_from(
            content, part.header_offset
        )
    except struct.error as error:
        raise Refused("imp_broken_xlsx") from error
    if signature != b"PK\x03\x04" or method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or flags & 1:
        raise Refused("imp_broken_xlsx")  # another compression, or encrypted: no spreadsheet we read
    start = part.header_offset + LOCAL_HEADER.size + name_length + extra_length
    data = memoryview(content)[start : start + part.compress_size]
    described = flags & 8 or (packed, size) == (part.compress_size, part.file_size)  # bit 3: sizes come after
    if not described or len(data) < part.compress_size:
        raise Refused("imp_unsafe_archive")
    unpacked, crc = 0, 0
    try:
        for piece in _inflated(data, method):
            unpacked += len(piece)
            if unpacked > MAX_UNZIPPED:
                raise Refused("imp_zip_bomb")
            crc = zlib.crc32(piece, crc)
            yield piece
    except zlib.error as error:
        raise Refused("imp_damaged") from error
    if crc != part.CRC:
        raise Refused("imp_damaged")
    if unpacked != part.file_size:
        raise Refused("imp_unsafe_archive")  # intact data whose declared size lies


def _inflated(data: memoryview, method: int) -> Iterator[bytes]:
    """The unpacked bytes of a part's data, chunk by chunk; damaged if the data ends before its stream does."""
    if method == zipfile.ZIP_STORED:
        yield from (bytes(data[i : i + CHUNK]) for i in range(0, len(data), CHUNK))
        return
    inflate = zlib.decompressobj(-zlib.MAX_WBITS)
    for offset in range(0, len(data), CHUNK):
        pending = bytes(data[offset : offset + CHUNK])
        while pending and not inflate.eof:
            piece = inflate.decompress(pending, CHUNK)
            pending = inflate.unconsumed_tail
            yield piece
    if not inflate.eof:
        raise Refused("imp_damaged")


def _has_values(sheet: object) -> bool:
    """Whether a read-only sheet holds any value in its first rows."""
    rows = sheet.iter_rows(max_row=HEADER_SEARCH * 5, values_only=True)  # type: ignore[attr-defined]
    return any(value not in (None, "") for row in rows for value in row)


def _xlsx_table(content: bytes, is_header: IsHeader) -> Table:
    """The first sheet's caption and table, after the safety checks; other sheets with values."""
    from openpyxl import load_workbook

    archive = _check_zip(content)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds of errors for a broken file
        raise Refused("imp_broken_xlsx") from error
    try:
        first, *others = workbook.worksheets
        # openpyxl keeps no public name for these: the sheet's part, its strings and the date styles
        reader = _SheetReader(first._shared_strings, workbook._date_formats, workbook.epoch)
        part = first._worksheet_path
        unread = [sheet.title for sheet in others if _has_values(sheet)]
    finally:
        workbook.close()
    rows, merged = reader.read(archive, part)
    texts = [cells for _, cells in rows[:HEADER_SEARCH]]
    header_at = _header_index(texts, is_header)
    header_row = rows[header_at][0]
    for first_cell, last_row in merged:
        if last_row >= header_row:
            raise Refused("imp_merged", cell=first_cell)
    width = max(len(cells) for _, cells in rows)
    body = [cells for _, cells in rows[header_at + 1 :]]
    for cells in body:  # in place: a copy of three million cells would cost as much again
        cells.extend([""] * (width - len(cells)))
    headings = _unique(texts[header_at] + [""] * (width - len(texts[header_at])))
    caption = " ".join(cell for cells in texts[:header_at] for cell in cells if cell)
    return Table(caption, headings, body, [number for number, _ in rows[header_at + 1 :]], unread)


def _unique(headings: list[str]) -> list[str]:
    """Headings made unique as pandas does for CSV ('inkl EM', 'inkl EM.1'), so no column hides another."""
    seen: dict[str, int] = {}
    unique = []
    for heading in headings:
        count = seen.get(heading, 0)
        seen[heading] = count + 1
        unique.append(f"{heading}.{count}" if count else heading)
    return unique


class _SheetReader:
    """A worksheet's rows as text, parsed as a stream by expat (openpyxl's cells cost ten times as much)."""

    def __init__(self, strings: list[str], date_styles: set[int], epoch: datetime) -> None:
        self.strings = strings
        self.date_styles = date_styles
        self.epoch = epoch
        self.columns: dict[str, int] = {}  # column letters → index
        self.texts: dict[str, str] = {}  # one object for each repeated text
        self.rows: list[tuple[int, list[str]]] = []
        self.merged: list[tuple[str, int]] = []
        self.number = 0  # the row being read
        self.cells: list[str] = []
        self.cell: dict[str, str] = {}  # the cell being read: its attributes
        self.value: list[str] = []  # … and the pieces of its value
        self.collecting = False  # inside a <v> or an inline string's <t>
        self.phonetic = False  # inside <rPh>, a reading aid that is no part of the value

    def read(
        self, archive: zipfile.ZipFile, part: str
    ) -> tuple[list[tuple[int, list[str]]], list[tuple[str, int]]]:
        """The sheet's non-blank rows (row number, cells) and merged ranges (first cell, last row).

        Refuses formulas and oversized sheets and cells; the archive check has refused entities already.
        """
        parser = expat.ParserCreate(namespace_separator="}")
        parser.buffer_text = True
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._characters
        try:
            with archive.open(part) as source:
                parser.ParseFile(source)
        except expat.ExpatError as error:
            raise Refused("imp_broken_xlsx") from error
        return self.rows, self.merged

    def _start(self, tag: str, attributes: dict[str, str]) -> None:
        """An element opens."""
        if tag == CELL:
            self.cell, self.value = attributes, []
        elif tag in (VALUE, TEXT):
            self.collecting = not self.phonetic
        elif tag == ROW:
            self.number = int(attributes.get("r") or self.number + 1)
            self.cells = []
        elif tag == FORMULA:
            raise Refused("imp_formula", cell=self._where())
        elif tag == PHONETIC:
            self.phonetic = True
        elif tag == MERGE_CELL:
            found = MERGE.match(attributes.get("ref", ""))
            if found:
                self.merged.append((f"{found[1]}{found[2]}", int(found[3] or found[2])))

    def _characters(self, data: str) -> None:
        """Text inside an element."""
        if self.collecting:
            self.value.append(data)

    def _end(self, tag: str) -> None:
        """An element closes."""
        if tag == CELL:
            reference = self.cell.get("r")
            column = self._column(reference) if reference else len(self.cells)
            if column >= MAX_COLUMNS:
                raise Refused("imp_too_many_columns", limit=MAX_COLUMNS)
            text = self._text()
            if len(text) > MAX_CELL:
                _check_cell(text, self._where())
            if column == len(self.cells):
                self.cells.append(self._shared(text))
            else:  # cells left out before this one, or written out of order
                self.cells.extend([""] * (column + 1 - len(self.cells)))
                self.cells[column] = self._shared(text)
        elif tag in (VALUE, TEXT):
            self.collecting = False
        elif tag == ROW and any(self.cells):
            self.rows.append((self.number, self.cells))
            _check_size(len(self.rows), len(self.cells))
        elif tag == PHONETIC:
            self.phonetic = False

    def _where(self) -> str:
        """The reference of the cell being read ('C7')."""
        from openpyxl.utils import get_column_letter

        return self.cell.get("r") or f"{get_column_letter(len(self.cells) + 1)}{self.number}"

    def _column(self, reference: str) -> int:
        """The column index of a cell reference ('C7' → 2)."""
        letters = reference.rstrip("0123456789")
        if letters not in self.columns:
            from openpyxl.utils import column_index_from_string

            self.columns[letters] = column_index_from_string(letters) - 1
        return self.columns[letters]

    def _shared(self, text: str) -> str:
        """The text, as the one object already held for it when there is one."""
        if len(self.texts) < MAX_SHARED_TEXTS:
            return self.texts.setdefault(text, text)
        return self.texts.get(text, text)

    def _text(self) -> str:
        """The cell's value as text: numbers without '.0', dates as ISO, booleans as True/False."""
        kind, raw = self.cell.get("t", "n"), "".join(self.value)
        if kind == "inlineStr" or not raw:
            return raw.strip()
        try:
            if kind == "s":
                return self.strings[int(raw)].strip()
            if kind == "b":
                return str(raw == "1")
            if kind == "d":
                from openpyxl.utils.datetime import from_ISO8601

                return _moment(from_ISO8601(raw), raw)
            if kind == "n":
                return self._number(raw, int(self.cell.get("s", 0)))
        except (ValueError, IndexError) as error:
            raise Refused("imp_broken_xlsx") from error
        return raw.strip()  # a formula's text result, or an error such as #N/A

    def _number(self, raw: str, style: int) -> str:
        """A number cell: a date if its style is one, else the number without a needless '.0'."""
        if style not in self.date_styles:
            return _number_text(raw)
        from openpyxl.utils.datetime import from_excel

        try:
            return _moment(from_excel(float(raw), self.epoch), raw)
        except (OverflowError, ValueError):
            return raw  # no date can be this far off; the number is shown as it is


@lru_cache(maxsize=65_536)
def _number_text(raw: str) -> str:
    """A number as written in a sheet, without a needless '.0' (numbers repeat: each is worked out once)."""
    value = float(raw)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _moment(value: object, raw: str) -> str:
    """A date cell as an ISO date (a time of day, or what could not be read, as it is)."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return raw if value is None else str(value)
