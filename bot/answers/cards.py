"""Status cards: a municipality's figures with sub-groups, snapshots and progress; a larger place's totals."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.answers.context import (
    AGGREGATE_LEVELS,
    Context,
    Keyed,
    caveat_words,
    groups_all_first,
    keyed,
    label,
    title,
    value_of,
    year_for,
)
from bot.answers.places import no_data
from bot.render import Citations, day, number, percent
from bot.replies import Reply
from bot.texts import group_label, measure_label, short_measure_label, text
from bot.understanding import Question
from store.models import Place
from store.queries import Aggregate, Statement, settled_share
from store.vocabulary import POPULATION_GROUPS, WRITABLE_MEASURES, Group, Measure

# A card shows every measure an admin may write, then the planning figures, in this order.
CARD_MEASURES = (
    *WRITABLE_MEASURES,
    Measure.SETTLEMENT_NEED,
    Measure.SETTLED_FORECAST,
    Measure.PROPOSED,
    Measure.CAPACITY,
    Measure.CAPACITY_DWELLINGS,
)
INTRO_MEASURES = (
    Measure.INTRO_RESULT_PCT,
    Measure.INTRO_RESULT_RANK,
    Measure.INTRO_PARTICIPANTS,
    Measure.INTRO_PARTICIPANTS_PCT,
    Measure.INTRO_OUTCOME,
)
SNAPSHOT_MEASURES = (Measure.SETTLED, Measure.ASSIGNED)
SHOWN_SNAPSHOTS = 2  # earlier as-of dates on a status card


async def status_answer(
    question: Question, place: Place, ctx: Context, measures: Sequence[str] | None = None
) -> Reply:
    """The status card of a place and year (totals with coverage for larger places)."""
    year, note = await year_for(question, place, measures or CARD_MEASURES, ctx)
    if year is None and measures is None:
        year, note = await year_for(question, place, (), ctx)
    if year is None:
        return await _no_card(place, None, ctx)
    if place.level in AGGREGATE_LEVELS:
        return await _aggregate_card(place, year, question.group, ctx, note, measures)
    return await _municipality_card(place, year, question.group, ctx, note, measures)


async def intro_answer(question: Question, place: Place, ctx: Context) -> Reply:
    """The card of the introduction programme's results for a place and year."""
    return await status_answer(question, place, ctx, measures=INTRO_MEASURES)


async def _no_card(place: Place, year: int | None, ctx: Context) -> Reply:
    """No status to show for a place (and year): what it has figures for instead."""
    return await no_data(text("status_word", ctx.language), place, year, ctx)


def _card_order(found: set[str], measures: Sequence[str] | None) -> list[str]:
    """The measures of a card: the chosen ones, or the standard ones followed by any others stated."""
    if measures is not None:
        return [m for m in measures if m in found]
    return [m for m in CARD_MEASURES if m in found] + sorted(found - set(CARD_MEASURES))


async def _municipality_card(
    place: Place, year: int, group: str, ctx: Context, note: str, measures: Sequence[str] | None
) -> Reply:
    """Request, decision, settled, assigned with sub-groups, snapshots and share of the decision."""
    held = await ctx.figures(place)
    found = keyed(held.current(years=[year]))
    order = _card_order({measure for measure, _ in found}, measures)
    if not order:
        return await _no_card(place, year, ctx)
    cite = Citations(ctx.language)
    lines = [note + title(place, ctx.language, text("status_title", ctx.language, year=year))]
    lines.extend(row for row in (_card_row(m, found, group, cite, ctx) for m in order) if row)
    recent = held.statements(year, SNAPSHOT_MEASURES, Group.ALL, latest_dates=SHOWN_SNAPSHOTS + 1)
    lines.extend(_snapshots(recent, found, cite, ctx))
    progress = _progress(found, ctx)
    if progress:
        lines.append(progress)
    return Reply("\n".join(lines) + cite.render())


def _groups_of(measure: str, found: Keyed) -> list[str]:
    """The groups stated for a measure: all first, then the usual sub-groups, then any others."""
    present = {group for m, group in found if m == measure}
    usual = [g for g in POPULATION_GROUPS if g in present]
    return usual + sorted(present - set(usual))


def _with_under_15(group: str) -> list[str]:
    """The groups shown when one is asked for: minors come with the minors under 15."""
    return [group, Group.EM_UNDER_15] if group == Group.EM else [group]


def _card_row(measure: str, found: Keyed, group: str, cite: Citations, ctx: Context) -> str:
    """One measure's line: the total and its sub-groups, each with its footnote."""
    groups = _groups_of(measure, found) if group == Group.ALL else _with_under_15(group)
    parts = []
    for key in groups:
        statement = found.get((measure, key))
        if statement is None:
            continue
        mark = cite.cite(statement)
        rough = f" ({text('approximate', ctx.language)})" if statement.figure.approximate else ""
        prefix = (
            "" if key == Group.ALL else f"{text('of_which', ctx.language)} {group_label(key, ctx.language)}: "
        )
        parts.append(f"{prefix}{ctx.value(statement)}{mark}{rough}")
    return f"{measure_label(measure, ctx.language)}: " + " · ".join(parts) if parts else ""


def _snapshots(history: list[Statement], found: Keyed, cite: Citations, ctx: Context) -> list[str]:
    """Earlier as-of dates of settled and assigned (e.g. the status of 10.12.2015)."""
    settled = found.get((Measure.SETTLED, Group.ALL))
    by_date: dict[date, dict[str, Statement]] = {}
    for statement in history:
        if statement.figure.measure in SNAPSHOT_MEASURES and statement.figure.group == Group.ALL:
            by_date.setdefault(statement.figure.as_of, {})[statement.figure.measure] = statement
    return [
        _snapshot(when, measures, cite, ctx)
        for when, measures in sorted(by_date.items())
        if Measure.SETTLED in measures and (settled is None or when != settled.figure.as_of)
    ]


def _snapshot(when: date, measures: dict[str, Statement], cite: Citations, ctx: Context) -> str:
    """'Per 10.12.2015: bosatt 398 + utsøkt 158 = 556', cited."""
    parts = [
        f"{short_measure_label(m, ctx.language)} {ctx.value(s)}"
        for m, s in sorted(measures.items(), reverse=True)
    ]
    summed = " + ".join(parts)
    values = [s.figure.value for s in measures.values()]
    if len(values) == 2 and None not in values:
        summed += f" = {number(sum(v for v in values if v is not None), ctx.language)}"
    mark = cite.cite(next(iter(measures.values())))
    return text("snapshot", ctx.language, date=day(when, ctx.language), parts=summed) + mark


def _progress(found: Keyed, ctx: Context) -> str:
    """Share of the decision settled and what remains."""
    decided = found.get((Measure.DECIDED_REVISED, Group.ALL)) or found.get((Measure.DECIDED, Group.ALL))
    settled = found.get((Measure.SETTLED, Group.ALL))
    share = settled_share(value_of(decided), value_of(settled))
    if decided is None or settled is None or share is None:
        return ""
    remaining = number(max((decided.figure.value or 0) - (settled.figure.value or 0), 0), ctx.language)
    return text("share_settled", ctx.language, share=percent(share, ctx.language), remaining=remaining)


async def _aggregate_card(
    place: Place, year: int, group: str, ctx: Context, note: str, measures: Sequence[str] | None
) -> Reply:
    """Stated totals and computed sums with coverage, for a county, region, nation or group."""
    found = await ctx.totals(place, year, measures)
    cite = Citations(ctx.language)
    lines = [note + title(place, ctx.language, text("status_title", ctx.language, year=year))]
    for measure in _card_order({m for m, _ in found}, measures):
        groups = groups_all_first(measure, found) if group == Group.ALL else _with_under_15(group)
        lines.extend(aggregate_line(found[(measure, g)], cite, ctx) for g in groups if (measure, g) in found)
    if len(lines) == 1:
        return await _no_card(place, year, ctx)
    return Reply("\n".join(lines) + cite.render())


def aggregate_line(total: Aggregate, cite: Citations, ctx: Context) -> str:
    """'Anmodning: 909¹ (oppgitt, bare delsum) · Beregnet sum: 909² (8 av 25 kommuner med tall)'."""
    parts = []
    if total.stated:
        words = ", ".join([text("stated_total", ctx.language), *caveat_words(total.stated, ctx.language)])
        parts.append(f"{ctx.value(total.stated)}{cite.cite(total.stated)} ({words})")
    if total.parts and total.members:
        value = ctx.total_value(total) + cite.cite_all([statement for _, statement in total.parts])
        parts.append(
            text("computed_total", ctx.language, value=value, known=total.known, members=total.members)
        )
    return f"{label(total.measure, total.group, ctx.language)}: " + " · ".join(parts)
