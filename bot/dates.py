"""Dates in questions: 'per 10.12.15', 'pr 31.12', 'i november 2018', 'in Dec 2015', 'per desember', 'nå'.

A date names the year it falls in and the as-of date the answer should hold; its day and month numbers are
taken out of the text so that they are never read as county codes.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

# Month names and abbreviations of bokmål, nynorsk and English, lower case.
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            "januar|january|jan",
            "februar|february|feb",
            "mars|march|mar",
            "april|apr",
            "mai|may",
            "juni|june|jun",
            "juli|july|jul",
            "august|aug",
            "september|sept|sep",
            "oktober|october|okt|oct",
            "november|nov",
            "desember|december|des|dec",
        ),
        start=1,
    )
    for name in names.split("|")
}
# Names that are also words ('may', 'mars', 'des'): a month only with a day, a year or a preposition.
PLAIN_MONTHS = frozenset(name for name in MONTHS if len(name) > 4 and name not in ("mars", "march"))
AS_OF = r"(?:per|pr\.?|as of|as at|at|by|innen|til|fram til|frem til|i|in|ved|utgangen av|end of|ultimo)"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
NUMERIC = re.compile(
    rf"(?:(?P<before>\b{AS_OF})\s+)?(?<![\d.,])(?P<day>\d{{1,2}})[./](?P<month>\d{{1,2}})"
    r"(?:[./](?P<year>\d{4}|\d{2}))?(?P<dot>\.)?(?!\d|[.,]\d)",
    re.IGNORECASE,
)
ISO = re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")
NAMED = re.compile(
    rf"(?:(?P<before>\b{AS_OF})\s+)?(?:\b(?P<day>\d{{1,2}})\.?\s+)?\b(?P<month>{_MONTH})\b\.?"
    r"(?:\s+(?P<day_after>\d{1,2})(?:st|nd|rd|th)?\b,?)?(?:\s+(?P<year>\d{4})\b)?",
    re.IGNORECASE,
)
NOW = re.compile(  # not the verb: 'for å nå vedtaket', 'to reach'
    r"(?<!\bå )\b(?:(?:per |pr\.? |til |fram til |frem til |akkurat |as of )?(?:nå|i dag|idag|now|today|for tiden|"
    r"currently|no(?=\s*[?!.]*\s*$))|(?:per|til|akkurat|fram til) no)\b",
    re.IGNORECASE,
)

# What each date above cannot do without: where a text has none of it, the pattern finds nothing there and
# is not run (NUMERIC and NAMED try their alternatives at every letter: 10-25 µs a question). NAMED's month
# is a whole word, a run of WORD_RUN.
DAY_AND_MONTH = re.compile(r"\d[./]\d")
WORD_RUN = re.compile(r"\w+")
NOW_WORD = re.compile(r"\b(?:nå|i dag|idag|now|today|for tiden|currently|no)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Dated:
    """What a date in a question says: its year (if written), month and day (if written), or that it is now."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    now: bool = False

    def as_of(self, year: int | None, today: date) -> date | None:
        """The last day the date covers in a year (today for 'nå'); None without a year or month."""
        if self.now:
            return today
        year = self.year or year
        if year is None or self.month is None:
            return None
        last = calendar.monthrange(year, self.month)[1]
        return date(year, self.month, min(self.day or last, last))


def read_date(text: str, today: date) -> tuple[Dated | None, str]:
    """The first date in a text, and the text with every date taken out."""
    found: list[Dated] = []

    def taken(dated: Dated | None, match: re.Match[str]) -> str:
        """A date found is kept and taken out of the text; anything else stays."""
        if dated is None:
            return match.group(0)
        found.append(dated)
        return " "

    text = ISO.sub(lambda m: taken(_numeric(m, today, dotted=True), m), text)
    if DAY_AND_MONTH.search(text):
        text = NUMERIC.sub(lambda m: taken(_numeric(m, today), m), text)
    if names_month(text):
        text = NAMED.sub(lambda m: taken(_named(m, today), m), text)
    if NOW_WORD.search(text):
        text = NOW.sub(lambda m: taken(Dated(year=today.year, now=True), m), text)
    return (found[0] if found else None), text


def names_month(text: str) -> bool:
    """Whether a word of the text is a month's name (any case): else no month NAMED finds is one _named takes."""
    return any(word.casefold() in MONTHS for word in WORD_RUN.findall(text))


def _numeric(match: re.Match[str], today: date, *, dotted: bool = False) -> Dated | None:
    """'10.12.15', '31.12.2015', 'pr 31.12', '2015-12-10'; None for what is no date ('2.5 per dwelling')."""
    day, month = int(match.group("day")), int(match.group("month"))
    year = _full_year(match.group("year"), today)
    marked = dotted or year is not None or match.groupdict().get("before") or match.groupdict().get("dot")
    if not (1 <= day <= 31 and 1 <= month <= 12 and marked) or year == 0:
        return None
    return Dated(year, month, day)


def _named(match: re.Match[str], today: date) -> Dated | None:
    """'10. desember 2015', 'December 10, 2015', 'i november 2018', 'per desember'; None for 'may' the verb."""
    month = match.group("month").casefold()  # 'ſept' matches the pattern as 'sept' does
    day = match.group("day") or match.group("day_after")
    year = _full_year(match.group("year"), today)
    if month not in MONTHS:  # a letter the pattern matched case-blind with no plain form ('İ')
        return None
    if (month not in PLAIN_MONTHS and not (day or year or match.group("before"))) or year == 0:
        return None
    if day and not 1 <= int(day) <= 31:
        return None
    return Dated(year, MONTHS[month], int(day) if day else None)


def _full_year(written: str | None, today: date) -> int | None:
    """A written year in full ('15' is 2015, '98' 1998); 0 for one no question may ask about."""
    if written is None:
        return None
    year = int(written)
    if len(written) == 2:
        year += 2000 if year <= today.year % 100 + 1 else 1900
    return year if 1977 <= year <= today.year + 1 else 0
