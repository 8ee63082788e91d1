"""What the cells and headings of any layout say: numbers, years, dates, measures and groups."""

from __future__ import annotations

import math
import re
from datetime import date

import pandas as pd

from store.names import normalise
from store.reading.results import Problem, Reading
from store.vocabulary import Group, Measure

FULL_DATE = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)")
DAY_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})(?![.\d])")
ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
PENDING = ("avventer", "ikke behandlet", "ikkje handsama", "ikke vedtatt", "ikke besvart", "pending", "-")
# Stems of a heading (normalised) and the measure they name, tried in order.
MEASURE_STEMS = (
    ("anmod", Measure.REQUESTED),
    ("oppmod", Measure.REQUESTED),
    ("vedta", Measure.DECIDED),
    ("vedtek", Measure.DECIDED),
    ("bosat", Measure.SETTLED),
    ("bosett", Measure.SETTLED),
    ("busett", Measure.SETTLED),
    ("faktisk bosetting", Measure.SETTLED),
    ("utsokt", Measure.ASSIGNED),
    ("sokt ut", Measure.ASSIGNED),
    ("plantal", Measure.PLANNED),
)


def columns_by_key(frame: pd.DataFrame) -> dict[str, str]:
    """Each column's heading, by its normalised form."""
    return {normalise(column): column for column in frame.columns}


def read_number(text: str, row: int, measure: str, reading: Reading) -> tuple[bool, float | None]:
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


def read_year(text: str, row: int, reading: Reading) -> int | None:
    """A year cell as a number, or a problem."""
    try:
        year = float(text)
    except ValueError:
        year = math.nan
    if not year.is_integer():  # also NaN and infinity
        reading.problems.append(Problem(row, "imp_bad_year", {"text": text[:40]}))
        return None
    return int(year)


def read_date(text: str, row: int, reading: Reading) -> date | None:
    """An as-of cell (ISO date, or dd.mm.yyyy), or a problem."""
    parsed = find_date(text)
    if parsed is None:
        reading.problems.append(Problem(row, "imp_bad_date", {"text": text[:40]}))
    return parsed


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


def day_month(heading: str, fallback: date | None) -> date | None:
    """A heading's 'pr 10.12' as a date in the caption's year."""
    found = DAY_MONTH.search(heading)
    if not found or fallback is None:
        return None
    try:
        return date(fallback.year, int(found[2]), int(found[1]))
    except ValueError:
        return None


def padded(code: str) -> str:
    """A municipality number whose leading zero a spreadsheet dropped (301 → 0301)."""
    return code.zfill(4) if code.isdigit() and len(code) == 3 else code


def measure_of(key: str) -> Measure | None:
    """The measure a column heading (normalised) names."""
    if "tilleggsanmodning" in key.split() or "justert anmodning" in key:
        return Measure.REQUESTED_REVISED
    return next((measure for stem, measure in MEASURE_STEMS if stem in key), None)


def group_of(key: str) -> Group:
    """The group a heading (normalised) names: EM, EM under 15, Ukraine, or everyone."""
    words = key.split()
    if "under 15" in key:
        return Group.EM_UNDER_15
    if "em" in words or "enslige" in words or "einslege" in words or "mindrearige" in words:
        return Group.EM
    if "kollektiv" in key or "ukrain" in key:
        return Group.UKRAINE
    return Group.ALL
