"""What every kind of answer shares: the Context (data, language, today, privacy) and small helpers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from bot.render import Citations, day, escape, number, percent, shown_value
from bot.texts import group_label, level_label, measure_label, text
from bot.understanding import Question
from store.held import PlaceFigures
from store.models import Place, place_id_of
from store.places import PlaceIndex
from store.queries import Aggregate, Statement, aggregates, precedence
from store.store import Store
from store.vocabulary import DAYS_A_MODULE, NOT_PEOPLE, REVISED, Group, Measure

SMALL = 5  # IMDi hides values under 5 in public tables
SHOWN_NAMES = 3  # places (or dates) named in a running note before '(+4)' (or a span of dates)
AGGREGATE_LEVELS = ("county", "region", "nation", "group")
Keyed = dict[tuple[str, str], Statement]  # statements by (measure, group)
PERCENT_MEASURES = (Measure.INTRO_RESULT_PCT, Measure.INTRO_PARTICIPANTS_PCT)  # stated in per cent: '61 %'
# Where a year has no request, what stands for it, marked as such: the planning figure, else the settlement need.
STAND_INS: dict[str, tuple[str, ...]] = {Measure.REQUESTED: (Measure.PLANNED, Measure.SETTLEMENT_NEED)}
# TOTALT is worked out from settled and assigned where it is not stated: their years are its years.
WORKED_OUT: dict[str, tuple[str, ...]] = {
    Measure.SETTLED_AND_ASSIGNED: (Measure.SETTLED_AND_ASSIGNED, Measure.ASSIGNED)
}
PARTIAL = "partial"  # a stated total's scope where it sums the rows listed only


@dataclass
class Context:
    """What every answer needs: the data, the reader's language, today, and privacy."""

    store: Store
    index: PlaceIndex
    language: str
    today: date
    hide_small: bool = False
    sources: tuple[int, ...] = ()  # the sources a question names: their figures, where they have any
    decimals: int = 0  # of a share in per cent, as the question asks ('med én desimal')

    def percent(self, share: float, at_least: int = 0) -> str:
        """A share in per cent, to the decimals asked (at least those given: a change in per cent has one)."""
        return percent(share, self.language, max(self.decimals, at_least))

    def value(self, statement: Statement) -> str:
        """A figure's value ('61 %' where stated in per cent), hidden as ':' where privacy asks for it."""
        figure = statement.figure
        if figure.suppressed:
            return ":"
        if figure.measure in NOT_PEOPLE and figure.value is not None:  # '2015', '3 moduler', '1,5 måneder'
            return (
                str(int(figure.value)) if figure.value.is_integer() else number(figure.value, self.language)
            )
        shown = self._shown(figure.value, figure.group)
        return f"{shown} %" if figure.measure in PERCENT_MEASURES and figure.value is not None else shown

    def value_of_sum(self, statements: Sequence[Statement]) -> str:
        """The sum of statements' values, hidden as a sum over members is."""
        return self._shown(sum(s.figure.value or 0 for s in statements), statements[0].figure.group)

    def total_value(self, total: Aggregate) -> str:
        """A sum over members, hidden as a value is (a small EM sum could show one member's)."""
        return self._shown(total.computed, total.group)

    def _shown(self, value: float | None, group: str) -> str:
        """A number, or ':' when unknown or, for non-members, an EM count under 5 as IMDi hides it."""
        return shown_value(value, group, self.language, hide_small=self.hide_small)

    async def figures(self, place: Place, years: Iterable[int] | None = None) -> PlaceFigures:
        """A place's statements of these years (None: every year; none: only which it has), held in memory once
        read; of the sources named, where they state any (every year read)."""
        if self.sources:
            return (await self.store.figures.of(place_id_of(place))).of_sources(self.sources)
        return await self.store.figures.of(place_id_of(place), years)

    def known_on(self, question: Question, year: int) -> date | None:
        """The day whose figures answer: the one asked as of, else today for this year's (a figure of a day after
        today cannot be known yet: 398 settled on 10.12.2015, not a later report's 495 of 31.12)."""
        return question.as_of_in(year) or (self.today if year == self.today.year else None)

    def is_sum(self, place: Place, year: int) -> bool:
        """Whether a place's figures for a year are totals over members: a larger place's, or a merged
        municipality's for a year before it existed (Indre Fosen in 2016: Rissa and Leksvik)."""
        return place.level in AGGREGATE_LEVELS or bool(self.index.members_in_year(place, year))

    async def years(self, place: Place, group: str | None = None) -> dict[str, list[int]]:
        """For each measure, the years with figures: the place's own and its members' (or former parts')."""
        own = (await self.figures(place, ())).years(group)
        if not self.index.members_ever(place):
            return own
        covered = {m: set(ys) for m, ys in own.items()}
        for measure, year in await self.store.figures.of_members(place, group):
            covered.setdefault(measure, set()).add(year)
        return {measure: sorted(years) for measure, years in sorted(covered.items())}

    async def totals(
        self, place: Place, year: int, measures: Sequence[str] | None = None, as_of: date | None = None
    ) -> dict[tuple[str, str], Aggregate]:
        """A larger place's stated totals and the sums over its members in a year (as of a day, if given)."""
        return (await self.totals_by_year(place, [year], measures, as_of))[year]

    async def totals_by_year(
        self,
        place: Place,
        years: Sequence[int],
        measures: Sequence[str] | None = None,
        as_of: date | None = None,
    ) -> dict[int, dict[tuple[str, str], Aggregate]]:
        """totals for several years, in one query (held until the data changes; as of a day, read anew); a
        total the sources named state is theirs."""
        if as_of is None:
            totals = await self.store.figures.totals_of(place, years, measures)
        else:
            members = {year: self.index.members_in_year(place, year) for year in years}
            totals = await aggregates(
                self.store.reader, place=place, members=members, measures=measures, as_of=as_of
            )
        return await self._stated_by_sources(place, totals) if self.sources else totals

    async def _stated_by_sources(
        self, place: Place, totals: dict[int, dict[tuple[str, str], Aggregate]]
    ) -> dict[int, dict[tuple[str, str], Aggregate]]:
        """Totals whose stated figure is the named sources' own where they state one (Salomonsen's 11 000 settled
        in 2015, not Hitimana's 11 300)."""
        held = await self.figures(place)
        named = {
            (s.figure.year, s.figure.measure, s.figure.group): s
            for s in held.current()
            if s.figure.source_id in self.sources
        }
        return {
            year: {
                key: replace(total, stated=named.get((year, *key), total.stated))
                for key, total in by_key.items()
            }
            for year, by_key in totals.items()
        }


def title(place: Place, language: str, what: str) -> str:
    """The bold heading of a card: place, its kind and code, and what is shown."""
    kind = level_label(place.level, language)
    code = f" {place.code}" if place.level in ("municipality", "county") else ""
    return f"<b>{escape(shown_name(place, language))}</b> ({kind}{code}) · {what}"


def shown_name(place: Place, language: str) -> str:
    """The place's name, the nation's in the reply's language (Norge, Noreg, Norway)."""
    return text("nation_name", language) if place.level == "nation" else place.name


def as_of_words(as_of: date | None, language: str) -> str:
    """' · per 10.12.2015' for a question asked as of a day, else ''."""
    return f" · {text('as_of', language)} {day(as_of, language)}" if as_of else ""


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
    """'bare delsum' for a stated total that covers only some places, 'avrundet' for a rounded figure, '6 dager i
    alt' for the competence programme's modules of two days each."""
    figure = statement.figure
    words = [text("partial_total", language)] if figure.scope == PARTIAL else []
    if figure.measure == Measure.COMPETENCE_MODULES and figure.value is not None:
        words.append(text("days_in_all", language, days=number(figure.value * DAYS_A_MODULE, language)))
    return words + ([text("approximate", language)] if figure.approximate else [])


async def year_for(
    question: Question,
    place: Place,
    measures: Sequence[str],
    ctx: Context,
    *,
    every: bool = False,
    until: int | None = None,
) -> tuple[int | None, str]:
    """The year asked about, or the latest with figures of these measures (of all of them if `every`;
    any measure if none given; none after `until`) and a note saying so."""
    if question.year is not None:
        return question.year, ""
    group = None if question.group == Group.ALL else question.group  # EM: the latest year with EM figures
    held = await ctx.figures(place, ())
    years = _years(_covered(held.years(group).items(), measures), measures, every)
    if question.as_of_day is not None:  # 'pr 10.12': the latest year with a statement made on that day
        years = on_the_day([await ctx.figures(place, years)], years, measures, question.as_of_day, ctx.today)
    if not years:  # none of its own: its members' (or former parts') count
        found = await ctx.store.figures.of_members(place, group)
        years = _years(_covered([(m, [year]) for m, year in found], measures), measures, every)
    if question.as_of is not None:  # 'nå', 'now': no year after today's
        until = min(until or question.as_of.year, question.as_of.year)
    years = {year for year in years if until is None or year <= until}
    if not years:
        return None, ""
    latest = max(years)
    return latest, latest_note(latest, ctx.language)


def on_the_day(
    held: Sequence[PlaceFigures],
    years: set[int],
    measures: Sequence[str],
    month_day: tuple[int, int],
    today: date,
) -> set[int]:
    """Of these years, those in which any of the places has a statement made on the day asked ('pr 10.12'); if
    none, the year of the latest such day up to today."""
    on_day = {
        year for year in years if any(_stated_on(figures, year, measures, month_day) for figures in held)
    }
    return on_day or _last_such_day(month_day, today, years)


def _last_such_day(month_day: tuple[int, int], today: date, years: set[int]) -> set[int]:
    """The year of the latest such day up to today ('per 10. desember' asked on 14.12.2015: 2015; its members'
    statements of that day, for a county or the nation), if it has figures; else all the years."""
    year = today.year if month_day <= (today.month, today.day) else today.year - 1
    return {year} if year in years else years


def _stated_on(held: PlaceFigures, year: int, measures: Sequence[str], month_day: tuple[int, int]) -> bool:
    """Whether a year has a statement of these measures (any, if none given) as of a month and day."""
    return any(
        (s.figure.as_of.month, s.figure.as_of.day) == month_day
        for s in held.statements(year, measures or None)
    )


def latest_note(year: int, language: str) -> str:
    """The line that says no year was given and which one is shown."""
    return text("latest_year", language, year=year) + "\n"


def _covered(found: Iterable[tuple[str, list[int]]], measures: Sequence[str]) -> dict[str, set[int]]:
    """The years covered of each of these measures (of every measure, if none given)."""
    covered: dict[str, set[int]] = {}
    for measure, years in found:
        if not measures or measure in measures:
            covered.setdefault(measure, set()).update(years)
    return covered


def _years(covered: dict[str, set[int]], measures: Sequence[str], every: bool) -> set[int]:
    """The years with figures of any of the measures, or of every one of them."""
    if every and measures:
        return set.intersection(*(covered.get(measure, set()) for measure in measures))
    return set().union(*covered.values())


def revision(
    held: PlaceFigures, year: int, measure: str, group: str
) -> tuple[Statement, Statement | None] | None:
    """A figure's original statement in a year and, for a request or decision revised during the year, the
    revised one (stated as its own measure, or as a later statement of another value); None if none."""
    own = held.statements(year, [measure], group)
    if not own:
        return None
    current = max(own, key=precedence)
    revised = REVISED.get(measure)
    if revised is None:
        return current, None
    stated = held.statements(year, [revised], group)
    if stated:
        return current, max(stated, key=precedence)
    first = min(own, key=precedence)
    return (first, current) if first.figure.value != current.figure.value else (current, None)


def with_revision(original: Statement, revised: Statement | None, cite: Citations, ctx: Context) -> str:
    """A stated figure and, in parentheses, its revision during the year, each cited: '360¹ (430¹)'."""
    shown = f"{ctx.value(original)}{cite.cite(original)}"
    return shown if revised is None else f"{shown} ({ctx.value(revised)}{cite.cite(revised)})"


def dates_note(parts: Sequence[tuple[Place, Statement]], language: str) -> str:
    """'Trondheim per 31.12.2015, de andre per 10.12.2015' for a sum of parts of several as-of dates ('' if one)."""
    by_date: dict[date, list[str]] = {}
    for member, statement in parts:
        by_date.setdefault(statement.figure.as_of, []).append(member.name)
    if len(by_date) < 2:
        return ""
    if len(by_date) > SHOWN_NAMES:  # too many to name: the span of dates
        return f"{text('as_of', language)} {day(min(by_date), language)}–{day(max(by_date), language)}"
    common = max(by_date, key=lambda when: (len(by_date[when]), when))
    named = [when for when in sorted(by_date) if when != common or len(by_date[common]) == 1]
    words = [f"{_names(by_date[when])} {text('as_of', language)} {day(when, language)}" for when in named]
    if common not in named:
        words.append(text("others_as_of", language, date=day(common, language)))
    return ", ".join(words)


def _names(names: list[str]) -> str:
    """Up to three names, and how many more: 'Melhus, Malvik, Skaun (+4)'."""
    shown = ", ".join(escape(name) for name in names[:SHOWN_NAMES])
    return shown + (f" (+{len(names) - SHOWN_NAMES})" if len(names) > SHOWN_NAMES else "")


def joined(names: Sequence[str], language: str) -> str:
    """Names as a running list: 'Agdenes, Meldal og Orkdal' (escaped)."""
    escaped = [escape(name) for name in names]
    if len(escaped) < 2:
        return "".join(escaped)
    return f"{', '.join(escaped[:-1])} {text('and', language)} {escaped[-1]}"
