"""Reading uploaded files into figures: the export format, IMDi's CSV download and seed-shaped tables.

Nothing here touches the database: a file becomes a `Reading` (entries with their row numbers and the
problems found in the file itself), or is refused with `Refused` when it cannot be read safely.
"""

from __future__ import annotations

import csv
import io
import math
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from store.names import normalise

MAX_BYTES = 10 * 1024 * 1024  # Telegram bots may download up to 20 MB; a national table is far smaller
MAX_ROWS = 50_000  # a national long table with every measure is about 4 000 rows
MAX_COLUMNS = 200
MAX_UNZIPPED = 100 * 1024 * 1024  # an xlsx unpacking to more than this is a zip bomb, not a table
MAX_RATIO = 200  # compression ratio of one xlsx part beyond which it is a zip bomb
HEADER_SEARCH = 20  # caption lines allowed above the header row
FIRST_YEAR = 1977  # the register's first changes; no settlement figure is older
CSV_ENDINGS = (".csv", ".txt", "")
MERGE = re.compile(rb'<mergeCell ref="([A-Z]+)(\d+)(?::[A-Z]+(\d+))?"')
FULL_DATE = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)")
DAY_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})(?![.\d])")
ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# Control characters are never in a text table: a sign of a wrong encoding or a binary file.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
YEAR = re.compile(r"(?<!\d)(19[89]\d|20\d\d)(?!\d)")
PENDING = ("avventer", "ikke behandlet", "ikkje handsama", "ikke vedtatt", "ikke besvart", "pending", "-")
TOTAL_ROWS = ("sum", "totalt", "total", "i alt", "sum alle")  # a named county or the nation is a place

EXPORT_HEADER = ("area code", "year", "measure", "group", "value")
IMDI_MEASURE_COLUMN = "anmodning vedtak og faktisk bosetting"
PLACE_COLUMNS = ("kommunenummer", "kommunenr", "knr", "kommune", "kommunenavn", "navn", "sted")


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
    """What a file says: its format, the figures, and the problems found in the file itself."""

    kind: str  # "export", "imdi" or "table"
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    needs_date: bool = False  # a table without a date: the admin is asked for one


@dataclass(frozen=True)
class Column:
    """What a column of a seed-shaped table holds."""

    measure: str
    group: str
    year: int | None
    as_of: date | None


def read_upload(content: bytes, filename: str, *, today: date, as_of: date | None = None) -> Reading:
    """Read an uploaded file (xlsx or CSV) of any of the three formats, or refuse it."""
    if len(content) > MAX_BYTES:
        raise Refused(
            "imp_too_big", size=f"{len(content) / 1024 / 1024:.1f}", limit=MAX_BYTES // 1024 // 1024
        )
    if not content.strip():
        raise Refused("imp_empty")
    suffix = Path(filename).suffix.lower()
    if suffix in (".xlsm", ".xlsb", ".xls", ".ods"):
        raise Refused("imp_file_type", ending=suffix)
    unread_sheets: list[str] = []
    if content.startswith(b"PK") or suffix == ".xlsx":
        caption, frame, first_row, unread_sheets = _xlsx_table(content)
    elif suffix in CSV_ENDINGS:
        caption, frame, first_row = _csv_table(content)
    else:
        raise Refused("imp_file_type", ending=suffix)
    reading = _read_table(caption, frame, first_row, today=today, as_of=as_of)
    reading.problems.extend(
        Problem(0, "imp_sheet_ignored", {"sheet": name}, error=False) for name in unread_sheets
    )
    return reading


# --- files to tables -------------------------------------------------------------------------


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


def _csv_table(content: bytes) -> tuple[str, pd.DataFrame, int]:
    """The caption, the table under its header row, and the file row of its first data row."""
    decoded = _decode(content)
    lines = decoded.splitlines()
    separator = max(";,\t", key=lambda s: sum(line.count(s) for line in lines[:HEADER_SEARCH]))
    header_at = _header_index(
        [next(csv.reader([line], delimiter=separator), []) for line in lines[:HEADER_SEARCH]]
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


def _xlsx_table(content: bytes) -> tuple[str, pd.DataFrame, int, list[str]]:
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
    header_at = _header_index([[str(c) for c in row] for row in rows[:HEADER_SEARCH]])
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


# --- which format ------------------------------------------------------------------------------


def _kind(header: list[str]) -> str | None:
    """The format a header row belongs to, if any."""
    keys = [normalise(h) for h in header]
    if all(k in keys for k in EXPORT_HEADER):
        return "export"
    if IMDI_MEASURE_COLUMN in keys and "antall" in keys and "ar" in keys:
        return "imdi"
    if any(k in PLACE_COLUMNS for k in keys) and any(_measure_of(k) for k in keys):
        return "table"
    return None


def _header_index(rows: list[list[str]]) -> int:
    """The index of the header row among the first rows, or a refusal naming the formats."""
    for index, row in enumerate(rows):
        if _kind(row) is not None:
            return index
    raise Refused("imp_columns")


def _measure_of(key: str) -> str | None:
    """The measure a column heading (normalised) names."""
    words = key.split()
    if "tilleggsanmodning" in words or "justert anmodning" in key:
        return "requested_revised"
    rules = (
        ("anmod", "requested"),
        ("oppmod", "requested"),
        ("vedta", "decided"),
        ("vedtek", "decided"),
        ("bosat", "settled"),
        ("bosett", "settled"),
        ("busett", "settled"),
        ("faktisk bosetting", "settled"),
        ("utsokt", "assigned"),
        ("sokt ut", "assigned"),
        ("plantal", "planned"),
    )
    return next((measure for stem, measure in rules if stem in key), None)


def _group_of(key: str) -> str:
    """The group a heading (normalised) names: EM, EM under 15, Ukraine, or everyone."""
    words = key.split()
    if "under 15" in key:
        return "em_under_15"
    if "em" in words or "enslige" in words or "einslege" in words or "mindrearige" in words:
        return "em"
    if "kollektiv" in key or "ukrain" in key:
        return "ukraine"
    return "all"


# --- tables to entries -------------------------------------------------------------------------


def _read_table(
    caption: str, frame: pd.DataFrame, first_row: int, *, today: date, as_of: date | None
) -> Reading:
    """The entries of a table of a known format."""
    frame = frame.fillna("").astype(str).map(str.strip)
    frame = frame.loc[frame.apply(lambda row: any(row), axis=1)]
    if frame.empty:
        raise Refused("imp_no_rows")
    kind = _kind(list(frame.columns))
    reading = Reading(kind=kind or "table")
    rows = [first_row + i for i in frame.index]
    if kind == "export":
        _read_export(frame, rows, reading, as_of)
    elif kind == "imdi":
        _read_imdi(frame, rows, reading, today, as_of)
    else:
        _read_wide(caption, frame, rows, reading, as_of)
    _check_dates(reading, today)
    return reading


def _number(text: str, row: int, measure: str, reading: Reading) -> tuple[bool, float | None]:
    """(whether a figure is stated, its value); problems are recorded on the reading."""
    if not text or text.lower() == "nan":
        return False, None
    if text == ":":
        return True, None
    if normalise(text).startswith(PENDING) or text in PENDING:
        reading.problems.append(Problem(row, "imp_pending", {"text": text}, error=False))
        return False, None
    cleaned = text.replace("\u00a0", "").replace(" ", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        reading.problems.append(Problem(row, "imp_not_number", {"text": text[:40]}))
        return False, None
    if not math.isfinite(value) or value < 0:
        reading.problems.append(Problem(row, "imp_negative", {"text": text[:40]}))
        return False, None
    if not value.is_integer() and not measure.endswith("_pct"):
        reading.problems.append(Problem(row, "imp_not_whole", {"text": text[:40]}))
        return False, None
    return True, value


def _year(text: str, row: int, reading: Reading) -> int | None:
    """A year cell as a number, or a problem."""
    try:
        year = float(text)
    except ValueError:
        year = math.nan
    if not year.is_integer():  # also NaN and infinity
        reading.problems.append(Problem(row, "imp_bad_year", {"text": text[:40]}))
        return None
    return int(year)


def _iso(text: str, row: int, reading: Reading) -> date | None:
    """An as-of cell (ISO date, or dd.mm.yyyy), or a problem."""
    parsed = find_date(text)
    if parsed is None:
        reading.problems.append(Problem(row, "imp_bad_date", {"text": text[:40]}))
    return parsed


def _read_export(frame: pd.DataFrame, rows: list[int], reading: Reading, as_of: date | None) -> None:
    """Rows of the export contract: area_code, year, measure, group, value, as_of."""
    columns = {normalise(c): c for c in frame.columns}
    dated = "as of" in columns
    if not dated and as_of is None:
        reading.needs_date = True
        return
    for row, record in zip(rows, frame.to_dict("records"), strict=True):
        year = _year(record[columns["year"]], row, reading)
        measure, group = record[columns["measure"]], record[columns["group"]] or "all"
        stated, value = _number(record[columns["value"]], row, measure, reading)
        when = _iso(record[columns["as of"]], row, reading) if dated else as_of
        if year is None or not stated or when is None:
            continue
        reading.entries.append(Entry(row, record[columns["area code"]], year, measure, group, value, when))


def _read_imdi(
    frame: pd.DataFrame, rows: list[int], reading: Reading, today: date, as_of: date | None
) -> None:
    """IMDi's long CSV: one row per municipality, measure, unit and year."""
    columns = {normalise(c): c for c in frame.columns}
    for row, record in zip(rows, frame.to_dict("records"), strict=True):
        label = normalise(
            f"{record[columns[IMDI_MEASURE_COLUMN]]} {record.get(columns.get('enhet', ''), '')}"
        )
        measure = _measure_of(label)
        year = _year(record[columns["ar"]], row, reading)
        if measure is None:
            reading.problems.append(Problem(row, "imp_unknown_measure", {"text": label[:60]}))
            continue
        stated, value = _number(record[columns["antall"]], row, measure, reading)
        if year is None or not stated:
            continue
        place = record.get(columns.get("kommunenummer", ""), "") or record.get(columns.get("kommune", ""), "")
        when = as_of or min(today, date(year, 12, 31))
        reading.entries.append(Entry(row, _padded(place), year, measure, _group_of(label), value, when))


def _padded(code: str) -> str:
    """A municipality number whose leading zero a spreadsheet dropped (301 → 0301)."""
    return code.zfill(4) if code.isdigit() and len(code) == 3 else code


def find_date(caption: str) -> date | None:
    """The first full date (10.12.15, 10.12.2015 or 2015-12-10) in a text."""
    iso = ISO_DATE.search(caption)
    if iso:
        try:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    found = FULL_DATE.search(caption)
    if not found:
        return None
    year = int(found[3]) + (2000 if len(found[3]) == 2 else 0)
    try:
        return date(year, int(found[2]), int(found[1]))
    except ValueError:
        return None


def _columns(frame: pd.DataFrame, caption: str, as_of: date | None, reading: Reading) -> dict[str, Column]:
    """What each value column of a seed-shaped table holds; of-which columns follow their measure."""
    fallback = find_date(caption) or as_of
    found: dict[str, Column] = {}
    previous: Column | None = None
    for heading in frame.columns:
        key = normalise(heading)
        if key in PLACE_COLUMNS:
            continue
        measure, group = _measure_of(key), _group_of(key)
        if measure is None and group != "all" and previous is not None:
            measure = previous.measure
        if measure is None:
            if frame[heading].astype(bool).any():  # an empty spacer column is no news
                reading.problems.append(Problem(0, "imp_column_ignored", {"column": heading}, error=False))
            continue
        when = find_date(heading) or _day_month(heading, fallback) or fallback
        year_found = YEAR.search(heading)
        year = int(year_found[1]) if year_found else (previous.year if previous and group != "all" else None)
        column = Column(measure, group, year or (when.year if when else None), when)
        found[heading] = column
        previous = column if group == "all" else previous
    return found


def _day_month(heading: str, fallback: date | None) -> date | None:
    """A heading's 'pr 10.12' as a date in the caption's year."""
    found = DAY_MONTH.search(heading)
    if not found or fallback is None:
        return None
    try:
        return date(fallback.year, int(found[2]), int(found[1]))
    except ValueError:
        return None


def _read_wide(
    caption: str, frame: pd.DataFrame, rows: list[int], reading: Reading, as_of: date | None
) -> None:
    """A seed-shaped table: one row per municipality, one column per measure (and of-which group)."""
    columns = _columns(frame, caption, as_of, reading)
    if any(c.as_of is None or c.year is None for c in columns.values()):
        reading.needs_date = True
        return
    keys = {normalise(c): c for c in frame.columns}
    place_column = next(keys[k] for k in PLACE_COLUMNS if k in keys)
    for row, record in zip(rows, frame.to_dict("records"), strict=True):
        place = _padded(record[place_column])
        if normalise(place) in TOTAL_ROWS:
            reading.problems.append(Problem(row, "imp_total_row", {"place": place}, error=False))
            continue
        for heading, column in columns.items():
            stated, value = _number(record[heading], row, column.measure, reading)
            if stated and column.year is not None and column.as_of is not None:
                entry = Entry(row, place, column.year, column.measure, column.group, value, column.as_of)
                reading.entries.append(entry)


def _check_dates(reading: Reading, today: date) -> None:
    """Report years no settlement figure can have (and drop them) and as-of dates in the future."""
    possible = []
    for entry in reading.entries:
        if not FIRST_YEAR <= entry.year <= today.year + 3:
            reading.problems.append(Problem(entry.row, "imp_impossible_year", {"year": str(entry.year)[:12]}))
            continue
        if entry.as_of > today:
            reading.problems.append(Problem(entry.row, "imp_future_date", {"date": entry.as_of.isoformat()}))
        possible.append(entry)
    reading.entries = possible


def statement_reading(
    place: str, year: int, measure: str, group: str, value: str, as_of: date, today: date
) -> Reading:
    """One figure typed by an admin (/set), checked like a file's row."""
    reading = Reading(kind="set")
    stated, number = _number(value, 1, measure, reading)
    if not stated and not reading.problems:
        reading.problems.append(Problem(1, "imp_not_number", {"text": value}))
    if stated:
        reading.entries.append(Entry(1, place, year, measure, group, number, as_of))
    _check_dates(reading, today)
    return reading
