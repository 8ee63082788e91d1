"""What every kind of answer shares: the Context (data, language, today, privacy) and small helpers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from bot.render import escape, shown_value
from bot.texts import group_label, level_label, measure_label, text
from bot.understanding import Question
from store.held import PlaceFigures
from store.models import Place, place_id_of
from store.places import PlaceIndex
from store.queries import Aggregate, Statement, aggregates
from store.store import Store
from store.vocabulary import Group

AGGREGATE_LEVELS = ("county", "region", "nation", "group")
Keyed = dict[tuple[str, str], Statement]  # statements by (measure, group)


@dataclass
class Context:
    """What every answer needs: the data, the reader's language, today, and privacy."""

    store: Store
    index: PlaceIndex
    language: str
    today: date
    hide_small: bool = False

    def value(self, statement: Statement) -> str:
        """A figure's value, hidden as ':' where privacy asks for it."""
        figure = statement.figure
        return ":" if figure.suppressed else self._shown(figure.value, figure.group)

    def total_value(self, total: Aggregate) -> str:
        """A sum over members, hidden as a value is (a small EM sum could show one member's)."""
        return self._shown(total.computed, total.group)

    def _shown(self, value: float | None, group: str) -> str:
        """A number, or ':' when unknown or, for non-members, an EM count under 5 as IMDi hides it."""
        return shown_value(value, group, self.language, hide_small=self.hide_small)

    async def figures(self, place: Place) -> PlaceFigures:
        """A place's statements (held in memory once read)."""
        return await self.store.figures.of(place_id_of(place))

    async def years(self, place: Place, group: str | None = None) -> dict[str, list[int]]:
        """For each measure, the years with figures: the place's own and, for a larger place, its members'."""
        own = (await self.figures(place)).years(group)
        if place.level not in AGGREGATE_LEVELS:
            return own
        covered = {m: set(ys) for m, ys in own.items()}
        for measure, year in await self.store.figures.of_members(place, group):
            covered.setdefault(measure, set()).add(year)
        return {measure: sorted(years) for measure, years in sorted(covered.items())}

    async def totals(
        self, place: Place, year: int, measures: Sequence[str] | None = None
    ) -> dict[tuple[str, str], Aggregate]:
        """A larger place's stated totals and the sums over its members in a year."""
        return (await self.totals_by_year(place, [year], measures))[year]

    async def totals_by_year(
        self, place: Place, years: Sequence[int], measures: Sequence[str] | None = None
    ) -> dict[int, dict[tuple[str, str], Aggregate]]:
        """totals for several years, in one query."""
        members = {year: self.index.members_in_year(place, year) for year in years}
        async with self.store.unit() as session:
            return await aggregates(session, place=place, members=members, measures=measures)


def title(place: Place, language: str, what: str) -> str:
    """The bold heading of a card: place, its kind and code, and what is shown."""
    kind = level_label(place.level, language)
    code = f" {place.code}" if place.level in ("municipality", "county") else ""
    return f"<b>{escape(place.name)}</b> ({kind}{code}) · {what}"


def label(measure: str, group: str, language: str) -> str:
    """A measure, with its group unless all: 'Anmodning, enslige mindreårige (EM)'."""
    name = measure_label(measure, language)
    return name if group == Group.ALL else f"{name}, {group_label(group, language)}"


def span(years: list[int]) -> str:
    """Years as compact ranges: 2006–2018, 2020."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def value_of(statement: Statement | None) -> float | None:
    """A statement's value, or None when there is no statement."""
    return statement.figure.value if statement is not None else None


def keyed(statements: list[Statement]) -> Keyed:
    """Statements by (measure, group)."""
    return {(s.figure.measure, s.figure.group): s for s in statements}


def groups_all_first(measure: str, keys: Iterable[tuple[str, str]]) -> list[str]:
    """The groups a measure has among (measure, group) keys: all first, then by name."""
    return sorted({g for m, g in keys if m == measure}, key=lambda g: (g != Group.ALL, g))


def caveat_words(statement: Statement, language: str) -> list[str]:
    """'bare delsum' for a stated total that covers only some places, 'avrundet' for a rounded figure."""
    words = [text("partial_total", language)] if statement.figure.scope == "partial" else []
    return words + ([text("approximate", language)] if statement.figure.approximate else [])


async def year_for(
    question: Question, place: Place, measures: Sequence[str], ctx: Context
) -> tuple[int | None, str]:
    """The year asked about, or the latest with figures of these measures (any if none) and a note saying so."""
    if question.year is not None:
        return question.year, ""
    group = None if question.group == Group.ALL else question.group  # EM: the latest year with EM figures
    years = _years_of((await ctx.figures(place)).years(group), measures)
    if not years and place.level in AGGREGATE_LEVELS:  # none of its own: its members' count
        found = await ctx.store.figures.of_members(place, group)
        years = [year for measure, year in found if not measures or measure in measures]
    if not years:
        return None, ""
    latest = max(years)
    return latest, latest_note(latest, ctx.language)


def latest_note(year: int, language: str) -> str:
    """The line that says no year was given and which one is shown."""
    return text("latest_year", language, year=year) + "\n"


def _years_of(covered: dict[str, list[int]], measures: Sequence[str]) -> list[int]:
    """The years covered of these measures (of any, if none given)."""
    return [
        year for measure, years in covered.items() if not measures or measure in measures for year in years
    ]
