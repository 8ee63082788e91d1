"""Series: a measure over the years, as a compact table and a bar chart."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial

from bot.answers.context import AGGREGATE_LEVELS, Context, label, title
from bot.answers.places import no_data
from bot.charts import bar_chart
from bot.render import Citations, escape
from bot.replies import Reply
from bot.texts import group_label, measure_label, text
from bot.understanding import Question
from store.models import Place
from store.queries import Statement
from store.vocabulary import Group, Measure


async def series_answer(question: Question, place: Place, ctx: Context) -> list[Reply]:
    """A measure over the years: a compact table and a bar chart (sums over the members where none is stated)."""
    measure = question.measure or Measure.SETTLED
    asked: list[str] = [question.group] if question.group != Group.ALL else [Group.ALL, Group.EM]
    series = Series(measure_label(measure, ctx.language), Citations(ctx.language))
    for statement in (await ctx.figures(place)).current(question.years or None, [measure], asked):
        figure = statement.figure
        series.add(figure.year, figure.group, ctx.value(statement), [statement], figure.value)
    if not series.cells and place.level in AGGREGATE_LEVELS:
        await _add_sums(series, place, measure, asked, question.years, ctx)
    if not series.cells:
        what = label(measure, question.group, ctx.language)
        return [await no_data(what, place, question.year, ctx, question.group)]
    return series.replies(place, asked, ctx)


async def _add_sums(
    series: Series, place: Place, measure: str, asked: list[str], years: Sequence[int], ctx: Context
) -> None:
    """Sums over a larger place's members, with how many are known, for each year they have figures."""
    covered = [y for y in (await ctx.years(place)).get(measure, []) if not years or y in years]
    for year, totals in (await ctx.totals_by_year(place, covered, [measure])).items():
        for group in asked:
            total = totals.get((measure, group))
            if total is not None and total.parts:
                parts = [statement for _, statement in total.parts]
                coverage = f" ({total.known}/{total.members})"
                series.add(year, group, ctx.total_value(total), parts, total.computed, coverage)
    series.summed = bool(series.cells)


@dataclass
class Series:
    """A series being gathered: table cells and chart bars per year and group, and their sources."""

    what: str
    cite: Citations
    summed: bool = False  # sums over the members, as no total is stated
    cells: dict[int, dict[str, str]] = field(default_factory=dict)
    bars: dict[str, dict[int, float]] = field(default_factory=dict)

    def add(
        self,
        year: int,
        group: str,
        shown: str,
        sources: list[Statement],
        value: float | None,
        coverage: str = "",
    ) -> None:
        """One cell: the value as shown, the statements it rests on, its bar and how much is known."""
        marks = self.cite.cite_all(sources)
        self.cells.setdefault(year, {})[group] = f"{shown}{marks}{coverage}"
        if value is not None and shown != ":":
            self.bars.setdefault(group, {})[year] = value

    def replies(self, place: Place, asked: list[str], ctx: Context) -> list[Reply]:
        """The table (with its sources), then a chart when there is more than one year to draw."""
        groups = [g for g in asked if any(g in row for row in self.cells.values())]  # no empty columns
        first, last = min(self.cells), max(self.cells)
        span = f"{self.what} {first}" if first == last else f"{self.what} {first}–{last}"
        replies = [self._table(place, span, groups, ctx)]
        bars = {self._name(g, ctx.language): self.bars[g] for g in groups if g in self.bars}
        if first != last and bars:
            summed = f" ({text('summed', ctx.language)})" if self.summed else ""
            draw = partial(bar_chart, f"{place.name}: {self.what}{summed}", bars)
            replies.append(Reply(f"{escape(place.name)}: {escape(span)}", draw=draw))
        return replies

    def _table(self, place: Place, span: str, groups: list[str], ctx: Context) -> Reply:
        """A row a year, a column a group, and the sources below."""
        header = " | ".join(self._name(g, ctx.language) for g in groups)
        lines = [title(place, ctx.language, span)]
        lines.append(f"<code>{text('year_heading', ctx.language)}</code> | {escape(header)}")
        for year in sorted(self.cells):
            lines.append(f"<code>{year}</code> | " + " | ".join(self.cells[year].get(g, "–") for g in groups))
        if self.summed:
            lines.append(text("summed_series", ctx.language))
        return Reply("\n".join(lines) + self.cite.render())

    def _name(self, group: str, language: str) -> str:
        """A column's and a bar's name: the measure for everyone, else the group."""
        return self.what if group == Group.ALL else group_label(group, language)
