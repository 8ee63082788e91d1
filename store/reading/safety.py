"""Reading an uploaded file safely into a table of text cells: limits, encodings, zip bombs, macros, formulas.

Nothing here knows the layouts: the caller says which row is a header row.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from store.reading.results import Refused

MAX_BYTES = 10 * 1024 * 1024  # Telegram bots may download up to 20 MB; a national table is far smaller
MAX_ROWS = 50_000  # a national long table with every measure is about 4 000 rows
MAX_COLUMNS = 200
MAX_UNZIPPED = 100 * 1024 * 1024  # an xlsx unpacking to more than this is a zip bomb, not a table
MAX_RATIO = 200  # compression ratio of one xlsx part beyond which it is a zip bomb
HEADER_SEARCH = 20  # caption lines allowed above the header row
CSV_ENDINGS = (".csv", ".txt", "")
REFUSED_ENDINGS = (".xlsm", ".xlsb", ".xls", ".ods")
MERGE = re.compile(rb'<mergeCell ref="([A-Z]+)(\d+)(?::[A-Z]+(\d+))?"')
# Control characters are never in a text table: a sign of a wrong encoding or a binary file.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

IsHeader = Callable[[list[str]], bool]


@dataclass(frozen=True)
class Table:
    """A file's table as stripped text cells, without blank rows, and what stood around it."""

    caption: str  # the lines above the header row, joined
    frame: pd.DataFrame  # columns named by the header row
    rows: list[int]  # each frame row's row number in the file, as a spreadsheet shows it
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
    unread_sheets: list[str] = []
    if content.startswith(b"PK") or suffix == ".xlsx":
        caption, frame, first_row, unread_sheets = _xlsx_table(content, is_header)
    elif suffix in CSV_ENDINGS:
        caption, frame, first_row = _csv_table(content, is_header)
    else:
        raise Refused("imp_file_type", ending=suffix)
    frame = frame.fillna("").astype(str).map(str.strip)
    frame = frame.loc[frame.apply(lambda row: any(row), axis=1)]
    if frame.empty:
        raise Refused("imp_no_rows")
    return Table(caption, frame, [first_row + i for i in frame.index], unread_sheets)


def _header_index(rows: list[list[str]], is_header: IsHeader) -> int:
    """The index of the header row among the first rows, or a refusal naming the layouts."""
    for index, row in enumerate(rows):
        if is_header(row):
            return index
    raise Refused("imp_columns")


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


def _csv_table(content: bytes, is_header: IsHeader) -> tuple[str, pd.DataFrame, int]:
    """The caption, the table under its header row, and the file row of its first data row."""
    decoded = _decode(content)
    lines = decoded.splitlines()
    separator = max(";,\t", key=lambda s: sum(line.count(s) for line in lines[:HEADER_SEARCH]))
    header_at = _header_index(
        [next(csv.reader([line], delimiter=separator), []) for line in lines[:HEADER_SEARCH]], is_header
    )
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
    return " ".join(lines[:header_at]), frame, header_at + 2


def _check_size(rows: int, columns: int) -> None:
    """Refuse tables with more rows or columns than any real table has."""
    if rows > MAX_ROWS:
        raise Refused("imp_too_many_rows", limit=MAX_ROWS)
    if columns > MAX_COLUMNS:
        raise Refused("imp_too_many_columns", limit=MAX_COLUMNS)


# --- xlsx ----------------------------------------------------------------------------------------


def _check_zip(content: bytes) -> zipfile.ZipFile:
    """The xlsx as a zip archive, refused if broken, a bomb, with macros or XML entities."""
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
        if part.filename.lower().endswith((".xml", ".rels")) and b"<!ENTITY" in archive.read(part):
            raise Refused("imp_xml_entities")
    return archive


def _merged_rows(archive: zipfile.ZipFile, part: str) -> list[tuple[str, int]]:
    """The merged ranges of one worksheet part, as (first cell, last row)."""
    return [
        (f"{column.decode()}{first.decode()}", int(last or first))
        for column, first, last in MERGE.findall(archive.read(part))
    ]


def _has_values(sheet: object) -> bool:
    """Whether a read-only sheet holds any value in its first rows."""
    rows = sheet.iter_rows(max_row=HEADER_SEARCH * 5, values_only=True)  # type: ignore[attr-defined]
    return any(value not in (None, "") for row in rows for value in row)


def _xlsx_table(content: bytes, is_header: IsHeader) -> tuple[str, pd.DataFrame, int, list[str]]:
    """The first sheet's caption, table and first data row, after the safety checks; other sheets with values."""
    archive = _check_zip(content)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds of errors for a broken file
        raise Refused("imp_broken_xlsx") from error
    try:
        first, *others = workbook.worksheets
        grid = _sheet_values(first)
        part = first._worksheet_path  # the sheet's part in the archive (openpyxl keeps no public name)
        unread = [sheet.title for sheet in others if _has_values(sheet)]
    finally:
        workbook.close()
    frame = pd.DataFrame(grid, dtype=object).map(_cell_text) if grid else pd.DataFrame()
    rows = frame.values.tolist()
    header_at = _header_index([[str(c) for c in row] for row in rows[:HEADER_SEARCH]], is_header)
    for cell, last_row in _merged_rows(archive, part):
        if last_row > header_at:
            raise Refused("imp_merged", cell=cell)
    caption = " ".join(str(c) for row in rows[:header_at] for c in row if c)
    table = pd.DataFrame(rows[header_at + 1 :], columns=_unique([str(c) for c in rows[header_at]]))
    return caption, table, header_at + 2, unread


def _unique(headings: list[str]) -> list[str]:
    """Headings made unique as pandas does for CSV ('inkl EM', 'inkl EM.1'), so no column hides another."""
    seen: dict[str, int] = {}
    unique = []
    for heading in headings:
        count = seen.get(heading, 0)
        seen[heading] = count + 1
        unique.append(f"{heading}.{count}" if count else heading)
    return unique


def _sheet_values(sheet: object) -> list[list[object]]:
    """Every cell value of a read-only sheet, refusing formulas and oversized sheets."""
    grid: list[list[object]] = []
    for row in sheet.iter_rows():  # type: ignore[attr-defined]
        if len(grid) > MAX_ROWS:
            raise Refused("imp_too_many_rows", limit=MAX_ROWS)
        if len(row) > MAX_COLUMNS:
            raise Refused("imp_too_many_columns", limit=MAX_COLUMNS)
        for cell in row:
            if getattr(cell, "data_type", None) == "f":
                raise Refused("imp_formula", cell=cell.coordinate)
        grid.append([getattr(cell, "value", None) for cell in row])
    width = max((len(row) for row in grid), default=0)
    return [row + [None] * (width - len(row)) for row in grid]


def _cell_text(value: object) -> str:
    """A cell as text: dates as ISO, whole floats without '.0', empty cells as ''."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
