"""What the cells and headings of any layout say: numbers, years, dates, measures and groups."""

from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache

from store.names import normalise
from store.reading.results import Problem, Reading
from store.vocabulary import FIRST_YEAR, LARGEST_COUNT, LARGEST_VALUE, NOT_PEOPLE, Group, Measure

FULL_DATE = re.compile(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)")
DAY_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})(?![.\d])")
ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
FOUR_DIGITS = re.compile(r"(?<!\d)(\d{4})(?!\d)")
DIGITS = re.compile(r"[+-]?\d+(?:\.\d+)?", re.ASCII)  # how people write a number (spaces and comma removed)
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


def columns_by_key(headings: list[str]) -> dict[str, int]:
    """Each column's index, by its heading's normalised form."""
    return {normalise(heading): index for index, heading in enumerate(headings)}


def possible_year(year: int, today: date) -> bool:
    """Whether a settlement figure can be for this year: from the register's first year to next year."""
    return FIRST_YEAR <= year <= today.year + 1


def largest_value(measure: str) -> int:
    """The largest value a figure of this measure can plausibly have."""
    return LARGEST_VALUE.get(measure, LARGEST_COUNT)


@lru_cache(maxsize=65_536)
def _number(text: str, measure: str) -> tuple[bool, float | None, str | None]:
    """(whether a figure is stated, its value, the problem's text key): a cell's reading, the same for every row."""
    if not text:
        return False, None, None
    if text == ":":
        return True, None, None
    if normalise(text).startswith(PENDING) or text in PENDING:
        return False, None, "imp_pending"
    cleaned = text.replace("\u00a0", "").replace(" ", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return False, None, "imp_not_number"
    if not math.isfinite(value):
        return False, None, "imp_not_number"
    if value < 0:
        return False, None, "imp_negative"
    if value > largest_value(measure):
        return False, None, "imp_too_large"
    if not value.is_integer() and not (measure.endswith("_pct") or measure in NOT_PEOPLE):  # 1,5 months
        return False, None, "imp_not_whole"
    if not DIGITS.fullmatch(
        cleaned
    ):  # 1e3, 1_000, other scripts' digits: Python reads them, people do not write them
        return False, None, "imp_not_digits"
    return True, value, None


def read_number(
    text: str, row: int, measure: str, reading: Reading, column: str = ""
) -> tuple[bool, float | None]:
    """(whether a figure is stated, its value): whole, finite and plausible; problems are recorded on the reading."""
    stated, value, problem = _number(text, measure)
    if problem is not None:
        values = {"text": text[:40], "limit": f"{largest_value(measure):,}".replace(",", " ")}
        reading.problems.append(
            Problem(row, problem, values, error=problem != "imp_pending", column=column, value=text)
        )
    return stated, value


def read_year(text: str, row: int, reading: Reading, today: date, column: str = "") -> int | None:
    """A year cell as a number, or a problem: not a whole number, or no year a figure can have."""
    try:
        year = float(text)
    except ValueError:
        year = math.nan
    if not year.is_integer():  # also NaN and infinity
        reading.problems.append(Problem(row, "imp_bad_year", {"text": text[:40]}, column=column, value=text))
        return None
    if not possible_year(int(year), today):
        values = {"year": text[:12]}
        reading.problems.append(Problem(row, "imp_impossible_year", values, column=column, value=text))
        return None
    return int(year)


def read_date(text: str, row: int, reading: Reading, today: date, column: str = "") -> date | None:
    """An as-of cell (ISO date, or dd.mm.yyyy), or a problem: not a date, or one in the future."""
    parsed = find_date(text)
    if parsed is None:
        reading.problems.append(Problem(row, "imp_bad_date", {"text": text[:40]}, column=column, value=text))
    elif parsed > today:
        values = {"date": parsed.isoformat()}
        reading.problems.append(Problem(row, "imp_future_date", values, column=column, value=text))
        return None
    return parsed


def heading_year(heading: str) -> int | None:
    """The year a heading names ('Vedtak 2015'), apart from any date in it; any four digits count as one."""
    found = FOUR_DIGITS.search(FULL_DATE.sub(" ", ISO_DATE.sub(" ", heading)))
    return int(found[1]) if found else None


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
