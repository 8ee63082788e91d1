"""Formatting for replies: numbers and dates the Norwegian way, HTML, source footnotes."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from bot.texts import text
from store.queries import Statement

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
NUMERALS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
TAG = re.compile(r"<[^>]+>")
SMALL = 5  # IMDi hides values under 5 in public tables
SMALL_GROUPS = ("em", "em_under_15")  # the groups whose small values it hides


def signed(value: float, language: str = "nb") -> str:
    """A difference written with a minus sign where it is below nothing ('−45', not '-45'), else as a number."""
    return f"−{number(-value, language)}" if value < 0 else number(value, language)


def number(value: float | None, language: str = "nb") -> str:
    """11600 as '11 600', 6.6 as '6,6' (English keeps the decimal point)."""
    if value is None:
        return ":"
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", " ")
    decimal = "." if language == "en" else ","
    return f"{value:,.1f}".replace(",", " ").replace(".", decimal)


def shown_value(value: float | None, group: str, language: str, *, hide_small: bool) -> str:
    """A number, or ':' when unknown or, for non-members, an EM count under 5 as IMDi hides it."""
    small = group in SMALL_GROUPS and value is not None and value < SMALL
    return ":" if hide_small and small else number(value, language)


def percent(share: float, language: str = "nb", decimals: int = 0) -> str:
    """0.873 as '87 %' (with one decimal '87,3 %'; English '87.3 %')."""
    if not decimals:
        return f"{number(round(share * 100), language)} %"
    return f"{fixed(share * 100, language, decimals)} %"


def fixed(value: float, language: str, decimals: int) -> str:
    """A number to these decimals: 2.596 to one as '2,6' (English '2.6'), thousands apart as in `number`."""
    shown = f"{value:,.{decimals}f}".replace(",", " ")
    return shown if language == "en" else shown.replace(".", ",")


def day(value: date, language: str = "nb") -> str:
    """A date as '10.12.2015' (Norwegian) or '10 Dec 2015' (English)."""
    if language == "en":
        return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
    return f"{value.day:02}.{value.month:02}.{value.year}"  # strftime's "%d.%m.%Y", at a third of its cost


def escape(value: object) -> str:
    """Text made safe for Telegram HTML."""
    return html.escape(str(value), quote=False)


def plain(markup: str) -> str:
    """Telegram HTML as plain text, for the console."""
    return html.unescape(TAG.sub("", markup))


@dataclass
class Citations:
    """Numbered source footnotes: each cites a document and table, with the as-of dates used."""

    language: str
    entries: list[str] = field(default_factory=list)
    dates: dict[str, set[date]] = field(default_factory=dict)
    lines: dict[tuple[int, str], str] = field(default_factory=dict)  # each source and table's line, made once

    def cite(self, statement: Statement) -> str:
        """The footnote marker for a statement, adding its source line if new."""
        figure = statement.figure
        key = (figure.source_id, figure.source_table)
        line = self.lines.get(key) or self.lines.setdefault(key, self._line(statement))
        if line not in self.entries:
            self.entries.append(line)
        self.dates.setdefault(line, set()).add(figure.as_of)
        return str(self.entries.index(line) + 1).translate(SUPERSCRIPTS)

    def _line(self, statement: Statement) -> str:
        """A statement's source line: document, its date, and the table."""
        figure, source = statement.figure, statement.source
        table = f", {text('table', self.language)} «{figure.source_table}»" if figure.source_table else ""
        dated = f" ({day(source.document_date, self.language)})" if source.document_date else ""
        rough = f", {text('date_approximate', self.language)}" if source.date_approximate else ""
        return f"{escape(source.title)}{dated}{rough}{escape(table)}"

    def cite_all(self, statements: Sequence[Statement]) -> str:
        """The markers of several statements' sources, in order and apart: '¹,²'."""
        marks = {self.cite(statement) for statement in statements}
        return ",".join(sorted(marks, key=lambda mark: int(mark.translate(NUMERALS))))

    def render(self) -> str:
        """The footnote block, or nothing when no source was cited."""
        if not self.entries:
            return ""
        lines = [
            f"{str(i).translate(SUPERSCRIPTS)} {entry}; {self._when(entry)}"
            for i, entry in enumerate(self.entries, 1)
        ]
        return f"\n\n<i>{text('sources', self.language)}:</i>\n" + "\n".join(lines)

    def _when(self, entry: str) -> str:
        """'per 10.12.2015', or the first and last as-of dates of a series."""
        dates = sorted(self.dates[entry])
        span = day(dates[0], self.language)
        if len(dates) > 1:
            span += f"–{day(dates[-1], self.language)}"
        return f"{text('as_of', self.language)} {span}"


def utf16_length(value: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(value.encode("utf-16-le")) // 2


def visible_length(markup: str) -> int:
    """The length Telegram checks: the text after its HTML is parsed, in UTF-16 units."""
    return utf16_length(plain(markup))


def _cut(line: str, limit: int) -> list[str]:
    """An overlong line as plain text in pieces of at most `limit` UTF-16 units."""
    pieces: list[str] = []
    piece: list[str] = []
    size = 0
    for character in plain(line):
        width = 2 if ord(character) > 0xFFFF else 1
        if size + width > limit:
            pieces.append("".join(piece))
            piece, size = [], 0
        piece.append(character)
        size += width
    pieces.append("".join(piece))
    return [escape(p) for p in pieces]


def split_message(markup: str, limit: int = 4096) -> list[str]:
    """Split HTML text at line breaks into parts Telegram accepts (tags never span lines here)."""
    if utf16_length(markup) <= limit:  # the visible text is never longer than its HTML: one part
        return [markup] if markup.strip() else []
    lines = [
        piece
        for line in markup.split("\n")
        for piece in ([line] if visible_length(line) <= limit else _cut(line, limit))
    ]
    parts: list[str] = []
    current: str | None = None
    for line in lines:
        candidate = line if current is None else f"{current}\n{line}"
        if current is not None and visible_length(candidate) > limit:
            parts.append(current)
            candidate = line
        current = candidate
    if current is not None and current.strip():
        parts.append(current)
    return parts
