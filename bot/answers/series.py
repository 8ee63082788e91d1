"""Series: a measure over the years, as a compact table and a bar chart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import product

from bot.answers.cards import CARD_MEASURES, no_data, parts_of
from bot.answers.context import STAND_INS, Context, label, revision, span, title, with_revision
from bot.answers.rankings import years_compared
from bot.charts import bar_chart
from bot.render import Citations, escape, number
from bot.replies import Reply
from bot.texts import group_label, measure_label, short_measure_label, text
from bot.understanding import Question
from store.models import Place
from store.queries import Statement
from store.vocabulary import NON_ADDITIVE, ORIGINALS, REVISED, Group, Measure

# Without a measure named, a series is of the settled; where none are known, of the request and decision.
UNNAMED_MEASURES = (Measure.REQUESTED, Measure.DECIDED)


async def series_answer(question: Question, place: Place, ctx: Context) -> list[Reply]:
    """Each measure asked for (see _shown_measures) over the years, or why there are no figures."""
    if not question.measure and await _only_others_stated(question, place, ctx):
        return [await years_compared(question, place, ctx)]
    measures = _shown_measures(question, await ctx.years(place))
    replies = [
        reply for measure in measures for reply in await _measure_series(measure, question, place, ctx)
    ]
    return replies or [await no_data(place, question.year, ctx, measures[:1], question.group)]


async def _only_others_stated(question: Question, place: Place, ctx: Context) -> bool:
    """Whether a larger place states figures of its own in the years asked, but no settled count: with no measure
    named, its own figures year by year ('EM nasjonalt 2016 og 2017': the need) tell more than sums over the
    few members with settled counts."""
    if place.level == "municipality" or not question.years:
        return False
    held = await ctx.figures(place)
    own = {s.figure.measure for s in held.current(question.years, CARD_MEASURES, [question.group])}
    return bool(own) and Measure.SETTLED not in own


def _shown_measures(question: Question, found: dict[str, list[int]]) -> list[str]:
    """The measures named (a revision as its original, which shows it beside: 'justert anmodning 2020–2024');
    with none, the settled, or where the place has none in the years asked, the request and decision it has
    (Drammen 2020–2024)."""
    if question.measure:
        return list(dict.fromkeys(ORIGINALS.get(m, m) for m in question.measures or [question.measure]))

    def known(measure: str) -> bool:
        return any(not question.years or year in question.years for year in found.get(measure, []))

    return [Measure.SETTLED] if known(Measure.SETTLED) else [m for m in UNNAMED_MEASURES if known(m)]


async def _measure_series(measure: str, question: Question, place: Place, ctx: Context) -> list[Reply]:
    """A measure over the years: a compact table (a revision beside its original) and a bar chart (sums over
    the members where none is stated); none without figures."""
    # everyone: the total and the minors, and any group named beside them ('anmodning 2016 og 2017, med EM under 15')
    everyone = list(dict.fromkeys([Group.ALL, Group.EM, *question.groups]))
    asked: list[str] = [question.group] if question.group != Group.ALL else everyone
    series = Series(
        measure, ctx.language, Citations(ctx.language), over_years=question.together, average=question.average
    )
    held = await ctx.figures(place)
    for statement in held.current(question.years or None, [measure], asked):
        year, group = statement.figure.year, statement.figure.group
        original, revised = revision(held, year, measure, group) or (statement, None)
        series.add_stated(year, group, original, revised, ctx)
    members = ctx.index.members_ever(place)
    if not series.cells and members:
        await _add_sums(series, place, measure, asked, question.years, ctx)
        series.summed = bool(series.cells)
    if members and not series.summed and (free := [y for y in question.years if y not in series.cells]):
        await _add_sums(series, place, measure, asked, free, ctx)  # 2015's stated, 2016's summed
    sums = (False, True) if members else (False,)  # each stated one first, then sums over the members
    for summed, stand_in in product(sums, STAND_INS.get(measure, ())):
        await _add_stand_in(series, place, stand_in, asked, question.years, ctx, summed=summed)
    if not series.cells:
        return []
    missing = [year for year in question.years if year not in series.cells]
    note = await _missing_note(measure, missing, place, question.group, ctx)
    return series.replies(place, asked, ctx, note)


async def _add_sums(
    series: Series, place: Place, measure: str, asked: list[str], years: Sequence[int], ctx: Context
) -> None:
    """Sums of a measure over a larger place's members (a merged one's former parts), with how many are known,
    for each year (of those given) they have figures."""
    covered = [y for y in (await ctx.years(place)).get(measure, []) if not years or y in years]
    for year, totals in (await ctx.totals_by_year(place, covered, [measure])).items():
        for group in asked:
            total = totals.get((measure, group))
            if total is not None and total.parts and total.summable:
                parts = [statement for _, statement in total.parts]
                merged = f": {parts_of(total, series.cite, ctx)}" if place.level == "municipality" else ""
                coverage = f" ({total.known}/{total.members}{merged})"
                series.add(year, group, ctx.total_value(total), parts, total.computed, coverage, measure)
                series.summed_in.add(year)


async def _add_stand_in(
    series: Series,
    place: Place,
    stand_in: str,
    asked: list[str],
    years: Sequence[int],
    ctx: Context,
    *,
    summed: bool,
) -> None:
    """What stands for the measure in the years (asked, or any) it has no figure for: the place's own, or the
    sums over its members."""
    held = await ctx.figures(place)
    known = (await ctx.years(place) if summed else held.years()).get(stand_in, [])
    free = [year for year in years or known if year not in series.cells]
    if summed and free:
        await _add_sums(series, place, stand_in, asked, free, ctx)
    for statement in held.current(free, [stand_in], asked) if free and not summed else []:
        year, group = statement.figure.year, statement.figure.group
        series.add(year, group, ctx.value(statement), [statement], statement.figure.value, measure=stand_in)


async def _missing_note(measure: str, missing: list[int], place: Place, group: str, ctx: Context) -> str:
    """For years asked with no figure of the measure nor of what stands for it: what the place has then (of the
    group asked)."""
    if not missing:
        return ""
    found = await ctx.years(place, None if group == Group.ALL else group)
    held = [m for m, years in found.items() if set(years) & set(missing)]
    others = list(dict.fromkeys(short_measure_label(m, ctx.language) for m in held))
    what, years = measure_label(measure, ctx.language), span(missing)
    if others:
        return text("missing_years", ctx.language, what=what, years=years, others=", ".join(others))
    return text("missing_years_at_all", ctx.language, what=what, years=years)


@dataclass
class Series:
    """A series being gathered: table cells and chart bars per year and group, and their sources."""

    measure: str
    language: str
    cite: Citations
    summed: bool = False  # sums over the members, as no total is stated
    summed_in: set[int] = field(default_factory=set)  # the years of a sum over the members
    cells: dict[int, dict[str, str]] = field(default_factory=dict)
    bars: dict[str, dict[int, float]] = field(default_factory=dict)
    revised_bars: dict[str, dict[int, float]] = field(default_factory=dict)
    revised: bool = False  # a revision in parentheses somewhere
    over_years: bool = False  # the years summed too: 'til sammen 2015–2017'
    average: bool = False  # the years' mean too: 'i snitt per år 2016–2018'
    # The years shown of each measure that stands in for the one asked ('plantall' for a request), and their bars.
    stand_ins: dict[str, list[int]] = field(default_factory=dict)
    stand_in_bars: dict[tuple[str, str], dict[int, float]] = field(default_factory=dict)

    @property
    def what(self) -> str:
        """The measure's name: 'Anmodning'."""
        return measure_label(self.measure, self.language)

    def add(
        self,
        year: int,
        group: str,
        shown: str,
        sources: list[Statement],
        value: float | None,
        coverage: str = "",
        measure: str | None = None,
    ) -> None:
        """One cell: the value as shown, the statements it rests on, its bar and how much is known; of another
        measure than the series', named: 'plantall 55³'."""
        cell = f"{shown}{self.cite.cite_all(sources)}{coverage}"
        if measure is None or measure == self.measure:
            self._cell(year, group, cell, shown, value)
            return
        self.cells.setdefault(year, {})[group] = f"{short_measure_label(measure, self.language)} {cell}"
        if year not in self.stand_ins.setdefault(measure, []):
            self.stand_ins[measure].append(year)
        if value is not None and shown != ":":
            self.stand_in_bars.setdefault((measure, group), {})[year] = value

    def _cell(self, year: int, group: str, cell: str, shown: str, value: float | None) -> None:
        """A cell as written, and its bar where the value is known and shown."""
        self.cells.setdefault(year, {})[group] = cell
        if value is not None and shown != ":":
            self.bars.setdefault(group, {})[year] = value

    def add_stated(
        self, year: int, group: str, original: Statement, revised: Statement | None, ctx: Context
    ) -> None:
        """One year's stated figure and, in parentheses, its revision during the year: '360¹ (430¹)'."""
        cell = with_revision(original, revised, self.cite, ctx)
        self._cell(year, group, cell, ctx.value(original), original.figure.value)
        if revised is None:
            return
        self.revised = True
        if revised.figure.value is not None and ctx.value(revised) != ":":
            self.revised_bars.setdefault(group, {})[year] = revised.figure.value

    def replies(self, place: Place, asked: list[str], ctx: Context, missing: str = "") -> list[Reply]:
        """The table (with its sources and a note on the years asked that have nothing to show), then a chart
        when there is more than one year to draw."""
        groups = [g for g in asked if any(g in row for row in self.cells.values())]  # no empty columns
        first, last = min(self.cells), max(self.cells)
        heading = f"{self.what} {first}" if first == last else f"{self.what} {first}–{last}"
        replies = [self._table(place, heading, groups, ctx, missing)]
        bars: dict[str, dict[int, float]] = {}
        for group in groups:
            if group in self.bars:
                bars[self._name(group)] = self.bars[group]
            if group in self.revised_bars:
                bars[label(REVISED[self.measure], group, self.language)] = self.revised_bars[group]
        for (measure, group), values in self.stand_in_bars.items():
            bars[label(measure, group, self.language)] = values
        if first != last and bars:
            summed = f" ({text('summed', ctx.language)})" if self.summed else ""
            draw = partial(bar_chart, f"{place.name}: {self.what}{summed}", bars)
            replies.append(Reply(f"{escape(place.name)}: {escape(heading)}", draw=draw))
        return replies

    def _table(self, place: Place, heading: str, groups: list[str], ctx: Context, missing: str) -> Reply:
        """A row a year, a column a group, the notes, and the sources below."""
        header = " | ".join(self._name(g) for g in groups)
        lines = [title(place, ctx.language, heading)]
        lines.append(f"<code>{text('year_heading', ctx.language)}</code> | {escape(header)}")
        for year in sorted(self.cells):
            lines.append(f"<code>{year}</code> | " + " | ".join(self.cells[year].get(g, "–") for g in groups))
        if self.measure not in NON_ADDITIVE and len(self.cells) > 1:
            lines.extend([self._sum_row(groups, ctx)] if self.over_years else [])
            lines.extend([self._average_row(groups, ctx)] if self.average else [])
        if self.revised:
            revised = short_measure_label(REVISED[self.measure], ctx.language)
            lines.append(text("revised_in_parentheses", ctx.language, what=revised))
        for measure, years in self.stand_ins.items():
            instead = short_measure_label(measure, ctx.language)
            lines.append(
                text("stand_in_shown", ctx.language, what=self.what, years=span(years), instead=instead)
            )
        lines.extend([missing] if missing else [])
        if self.summed:
            lines.append(text("summed_series", ctx.language))
        elif self.summed_in:  # some years stated, some summed
            lines.append(text("summed_years", ctx.language, years=span(sorted(self.summed_in))))
        return Reply("\n".join(lines) + self.cite.render())

    def _sum_row(self, groups: list[str], ctx: Context) -> str:
        """The years added up, a column a group (the originals, not their revisions), saying how many years
        each sum has a figure for."""
        cells = []
        for group in groups:
            values = self.bars.get(group, {})
            cells.append(f"{number(sum(values.values()))}{self._coverage(values)}" if values else "–")
        return f"<code>{text('sum_heading', ctx.language)}</code> | " + " | ".join(cells)

    def _average_row(self, groups: list[str], ctx: Context) -> str:
        """The years' mean, a column a group, over the years each has a figure for ('≈ 561' where not whole)."""
        cells = []
        for group in groups:
            values = self.bars.get(group, {})
            mean = sum(values.values()) / len(values) if values else None
            about = "" if mean is None or mean.is_integer() else "≈ "
            cells.append("–" if mean is None else f"{about}{number(round(mean))}{self._coverage(values)}")
        return f"<code>{text('average_heading', ctx.language)}</code> | " + " | ".join(cells)

    def _coverage(self, values: dict[int, float]) -> str:
        """' (2/3)' where a column has figures for fewer years than the table shows, else nothing."""
        return f" ({len(values)}/{len(self.cells)})" if len(values) < len(self.cells) else ""

    def _name(self, group: str) -> str:
        """A column's and a bar's name: the measure for everyone, else the group."""
        return self.what if group == Group.ALL else group_label(group, self.language)
