"""Single figures: one measure's current value with its companion and sub-groups, and its earlier statements."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.answers.cards import (
    aggregate_line,
    former_lines,
    former_totals,
    no_data,
    total_lines,
    with_under_15,
)
from bot.answers.context import WORKED_OUT, Context, as_of_words, groups_all_first, label, title, year_for
from bot.render import Citations, day
from bot.replies import Reply
from bot.texts import text
from bot.understanding import Question
from store.held import latest
from store.models import Place
from store.queries import Aggregate, Statement
from store.vocabulary import ORIGINALS, REVISED, Group, Measure

# A figure is shown with its companion: the revised request or decision (a revised one with its original), the
# request an administration's proposal answers, the forecast of settlements, the people the dwellings house
# ('100 boliger tilsier ca 250 flyktninger'), the high end of a range stated as low–high ('20-90k vil søke asyl',
# '40-50k (5år) opphold').
COMPANIONS: dict[str, str] = {
    **REVISED,
    **ORIGINALS,
    Measure.SETTLED: Measure.SETTLED_FORECAST,
    Measure.PROPOSED: Measure.REQUESTED,
    Measure.CAPACITY_DWELLINGS: Measure.CAPACITY,
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
    groups = [] if group == Group.ALL else [Group.ALL, *with_under_15(group)]  # a group's with its whole
    found = await _grouped_lines(place, year, measures, groups, cite, ctx, question.as_of_in(year))
    if not any(own for shown, own in found if group == Group.ALL or shown != Group.ALL):
        return await no_data(place, year, ctx, [measure], group)
    lines = [line for _, own in found for line in own]
    heading = title(place, ctx.language, f"{year}{as_of_words(question.as_of_in(year), ctx.language)}")
    return Reply("\n".join([note + heading, *lines]) + cite.render())


async def several_answer(question: Question, place: Place, ctx: Context) -> Reply:
    """Several measures or groups named: each measure (for its own year, where it has one) with the groups
    asked and its companion, each cited, or 'no figures': 'anmodet, vedtatt og bosatt', 'anmodning 2016 og
    plantall 2017'."""
    groups = [] if Group.ALL in question.groups else question.groups  # the total: with every group stated
    cite = Citations(ctx.language)
    blocks: list[str] = []
    found = False
    for year, named, note in await _years_of(question, place, ctx):
        measures = _without_companions(named)
        lines = [
            await _lines_of(m, place, year, groups, cite, ctx, question.as_of_in(year), alone=measures)
            for m in measures
        ]
        found = found or any(lines)
        heading = title(place, ctx.language, f"{year}{as_of_words(question.as_of_in(year), ctx.language)}")
        blocks.extend([note + heading, *_rows(measures, lines, ctx)])
    if not found:
        return await no_data(place, question.year, ctx, question.measures, question.group)
    return Reply("\n".join(blocks) + cite.render())


def _without_companions(named: Sequence[str]) -> list[str]:
    """The measures named, less those shown beside an earlier one ('anmodning og justert anmodning': one)."""
    kept: list[str] = []
    for measure in named:
        if measure not in {COMPANIONS.get(earlier) for earlier in kept}:
            kept.append(measure)
    return kept


def _rows(measures: list[str], lines: list[list[str]], ctx: Context) -> list[str]:
    """Each measure's lines, or its name and 'no figures'."""
    missing = f": {text('no_figures_short', ctx.language)}"
    return [
        row
        for measure, own in zip(measures, lines, strict=True)
        for row in own or [_name(measure, ctx) + missing]
    ]


def _name(measure: str, ctx: Context) -> str:
    """A measure's name in the reader's language."""
    return label(measure, Group.ALL, ctx.language)


async def _lines_of(
    measure: str,
    place: Place,
    year: int,
    groups: Sequence[str],
    cite: Citations,
    ctx: Context,
    as_of: date | None,
    alone: Sequence[str] = (),
) -> list[str]:
    """One measure's lines and its companion's (unless the companion is among the measures shown `alone`), or
    TOTALT worked out from settled and assigned."""
    companion = COMPANIONS.get(measure)
    shown = [m for m in (measure, companion) if m is not None and (m == measure or m not in alone)]
    found = await _grouped_lines(place, year, shown, groups, cite, ctx, as_of)
    lines = [line for _, own in found for line in own]
    if not lines and measure == Measure.SETTLED_AND_ASSIGNED and not ctx.is_sum(place, year):
        return await _settled_and_assigned(place, year, cite, ctx)
    return lines


async def _settled_and_assigned(place: Place, year: int, cite: Citations, ctx: Context) -> list[str]:
    """TOTALT of the status table where it is not stated: settled + assigned as of the same day, cited."""
    held = await ctx.figures(place, [year])
    assigned = latest(held.statements(year, [Measure.ASSIGNED], Group.ALL))
    if assigned is None:
        return []
    settled = latest(held.statements(year, [Measure.SETTLED], Group.ALL), assigned.figure.as_of)
    return total_lines(settled, assigned, cite, ctx)


async def _years_of(question: Question, place: Place, ctx: Context) -> list[tuple[int, list[str], str]]:
    """The years to show, each with its measures and the note for a year not given: a measure's own year
    ('anmodning 2016 og plantall 2017'), else the year asked, else the latest year with figures of all the
    measures named ('request, decision, settled': one year), else each measure's latest with figures."""
    own: dict[str, list[int]] = {}
    for named, its_year in question.measure_years:
        own.setdefault(named, []).append(its_year)
    by_year: dict[int, tuple[list[str], str]] = {}
    rest = [measure for measure in question.measures if measure not in own]
    together = [WORKED_OUT.get(measure, (measure,))[-1] for measure in rest]
    common = await year_for(question, place, together, ctx, every=True) if len(rest) > 1 else (None, "")
    for measure in question.measures:
        found_in = WORKED_OUT.get(measure, (measure,))
        years: list[int | None]
        if measure in own:
            years, note = [*own[measure]], ""
        elif common[0] is not None:
            years, note = [common[0]], common[1]
        else:
            year, note = await year_for(question, place, found_in, ctx)
            years = [year]
        for year in (y for y in years if y is not None):
            by_year.setdefault(year, ([], note))[0].append(measure)
    return [(year, measures, note) for year, (measures, note) in sorted(by_year.items())]


async def _grouped_lines(
    place: Place,
    year: int,
    measures: Sequence[str],
    groups: Sequence[str],
    cite: Citations,
    ctx: Context,
    as_of: date | None = None,
) -> list[tuple[str, list[str]]]:
    """For each measure and group shown (every group stated, if none given): its value (as of a day, if asked) or
    total and its other statements, with the group they are of."""
    held = await ctx.figures(place, [year])
    history = held.statements(year, measures, latest_dates=SHOWN_STATEMENTS + 1)
    truncated = len({s.figure.as_of for s in history}) > SHOWN_STATEMENTS
    counts = held.counts(year, measures) if truncated else {}
    totals = await ctx.totals(place, year, measures, as_of) if ctx.is_sum(place, year) else {}
    former = await former_totals(place, year, measures, ctx)
    present = {(s.figure.measure, s.figure.group) for s in history} | set(totals)
    found = []
    for shown in measures:
        for sub_group in groups or groups_all_first(shown, present):
            key = (shown, sub_group)
            own = [s for s in history if (s.figure.measure, s.figure.group) == key]
            hidden = counts.get(key, len(own)) - len(own)
            lines = _figure_lines(own, hidden, totals.get(key), cite, ctx, as_of)
            found.append((sub_group, lines + (former_lines(former, key, cite, ctx) if key in totals else [])))
    return found


def _figure_lines(
    history: list[Statement],
    hidden: int,
    total: Aggregate | None,
    cite: Citations,
    ctx: Context,
    as_of: date | None = None,
) -> list[str]:
    """A figure's value (as of a day, if asked) or total with coverage, its other statements and how many are older."""
    current = total.stated if total is not None else latest(history, as_of)
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
