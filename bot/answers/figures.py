"""Single figures: one measure's current value with its companion and sub-groups, and its earlier statements."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.answers.cards import aggregate_line, no_data
from bot.answers.context import Context, groups_all_first, label, title, year_for
from bot.render import Citations, day
from bot.replies import Reply
from bot.texts import text
from bot.understanding import Question
from store.models import Place
from store.queries import Aggregate, Statement, precedence
from store.vocabulary import REVISED, Group, Measure

# A figure is shown with its companion: the revised request or decision, the forecast of settlements, the
# high end of a range stated as low–high ('20-90k vil søke asyl', '40-50k (5år) opphold').
COMPANIONS: dict[str, str] = {
    **REVISED,
    Measure.SETTLED: Measure.SETTLED_FORECAST,
    Measure.ASYLUM_SEEKERS_FORECAST_MIN: Measure.ASYLUM_SEEKERS_FORECAST_MAX,
    Measure.RESIDENCE_PERMITS_5Y_MIN: Measure.RESIDENCE_PERMITS_5Y_MAX,
}
SHOWN_STATEMENTS = 5  # earlier statements under a figure


async def figure_answer(question: Question, place: Place, ctx: Context) -> Reply:
    """One measure for a place and year (with its companion and sub-groups), and every statement of it."""
    assert question.measure is not None
    measure, group = question.measure, question.group
    year, note = await year_for(question, place, (measure,), ctx)
    if year is None:
        return await no_data(place, question.year, ctx, [measure], group)
    measures = [m for m in (measure, COMPANIONS.get(measure)) if m is not None]
    cite = Citations(ctx.language)
    lines = await _measure_lines(place, year, measures, group, cite, ctx)
    if not lines:
        return await no_data(place, year, ctx, [measure], group)
    return Reply("\n".join([note + title(place, ctx.language, f"{year}"), *lines]) + cite.render())


async def _measure_lines(
    place: Place, year: int, measures: Sequence[str], group: str, cite: Citations, ctx: Context
) -> list[str]:
    """For each measure and group shown: its current value (or total) and its earlier statements."""
    held = await ctx.figures(place)
    history = held.statements(year, measures, latest_dates=SHOWN_STATEMENTS + 1)
    truncated = len({s.figure.as_of for s in history}) > SHOWN_STATEMENTS
    counts = held.counts(year, measures) if truncated else {}
    totals = await ctx.totals(place, year, measures) if ctx.is_sum(place, year) else {}
    present = {(s.figure.measure, s.figure.group) for s in history} | set(totals)
    lines = []
    for shown in measures:
        for sub_group in [group] if group != Group.ALL else groups_all_first(shown, present):
            key = (shown, sub_group)
            own = [s for s in history if (s.figure.measure, s.figure.group) == key]
            hidden = counts.get(key, len(own)) - len(own)
            lines.extend(_figure_lines(own, hidden, totals.get(key), cite, ctx))
    return lines


def _figure_lines(
    history: list[Statement], hidden: int, total: Aggregate | None, cite: Citations, ctx: Context
) -> list[str]:
    """A figure's current value (or total with coverage), its latest other statements and how many are older."""
    current = total.stated if total is not None else max(history, key=precedence, default=None)
    line = aggregate_line(total, cite, ctx) if total is not None else ""
    if total is None and current is not None:
        name = label(current.figure.measure, current.figure.group, ctx.language)
        line = f"{name}: <b>{ctx.value(current)}</b>{cite.cite(current)}"
    others = [s for s in history if current is None or s.figure.id != current.figure.id]
    return ([line] if line else []) + _earlier_lines(others, hidden, cite, ctx)


def _earlier_lines(others: list[Statement], hidden: int, cite: Citations, ctx: Context) -> list[str]:
    """The latest earlier statements of a figure, after a line saying how many older ones are not shown;
    the same value of the same date from several sources is one line with each source's mark."""
    hidden += max(len(others) - SHOWN_STATEMENTS, 0)
    lines = [text("more_statements", ctx.language, count=hidden)] if hidden else []
    alike: dict[tuple[date, str, bool], list[Statement]] = {}
    for other in others[-SHOWN_STATEMENTS:]:
        alike.setdefault((other.figure.as_of, ctx.value(other), other.figure.approximate), []).append(other)
    for (as_of, value, approximate), same in alike.items():
        rough = f" ({text('approximate', ctx.language)})" if approximate else ""
        when = f"{text('as_of', ctx.language)} {day(as_of, ctx.language)}"
        lines.append(f"  {when}: {value}{cite.cite_all(same)}{rough}")
    return lines
