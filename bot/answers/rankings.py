"""Comparisons and rankings: places side by side, and a larger place's members ranked."""

from __future__ import annotations

from collections.abc import Sequence

from bot.answers.cards import no_data, status_answer
from bot.answers.context import (
    AGGREGATE_LEVELS,
    Context,
    caveat_words,
    label,
    latest_note,
    title,
    value_of,
    year_for,
)
from bot.render import Citations, escape, percent
from bot.replies import Reply
from bot.texts import group_label, short_measure_label, text
from bot.understanding import Question
from store.held import PlaceFigures
from store.models import Place, place_id_of
from store.queries import Aggregate, Statement, settled_share
from store.vocabulary import PROGRESS_MEASURES, Group, Measure

SHARE_MEASURES = (Measure.DECIDED, Measure.SETTLED)  # what the share of the decision settled is worked out of


async def compare_answer(question: Question, places: list[Place], ctx: Context, notes: str) -> Reply:
    """Places named together, side by side for one year: their own figures and share of the decision settled."""
    measures = (question.measure,) if question.measure else PROGRESS_MEASURES
    held = [await ctx.figures(place) for place in places]
    year, note = question.year, ""
    if year is None:
        year = _latest_year(held, measures)
        if year is None:
            return await no_data(places[0], None, ctx, measures[:1])
        note = latest_note(year, ctx.language)
    by_place: dict[int, dict[str, Statement]] = {place_id_of(place): {} for place in places}
    for figures in held:
        for statement in figures.current([year], measures, [question.group]):
            by_place[statement.figure.place_id][statement.figure.measure] = statement
    cite = Citations(ctx.language)
    group = "" if question.group == Group.ALL else f" · {group_label(question.group, ctx.language)}"
    names = " · ".join(escape(place.name) for place in places)
    lines = [f"{notes}{note}<b>{names}</b> · {year}{group}"]
    lines.extend(_compared_line(place, by_place[place_id_of(place)], measures, cite, ctx) for place in places)
    return Reply("\n".join(lines) + cite.render())


def _latest_year(held: list[PlaceFigures], measures: Sequence[str]) -> int | None:
    """The latest year any of the places has figures of these measures for."""
    years = [y for figures in held for m, ys in figures.years().items() if m in measures for y in ys]
    return max(years, default=None)


def _compared_line(
    place: Place, values: dict[str, Statement], measures: Sequence[str], cite: Citations, ctx: Context
) -> str:
    """'Melhus: anmodning 56¹ · vedtak 51¹ · bosatt 43¹ · utsøkt 13¹ · 84 %'."""
    parts = [
        f"{short_measure_label(m, ctx.language)} {ctx.value(values[m])}{cite.cite(values[m])}"
        + _caveats(values[m], ctx.language)
        for m in measures
        if m in values
    ]
    share = settled_share(value_of(values.get(Measure.DECIDED)), value_of(values.get(Measure.SETTLED)))
    if share is not None:
        parts.append(percent(share, ctx.language))
    return f"{escape(place.name)}: " + (" · ".join(parts) or text("no_figures_short", ctx.language))


def _caveats(statement: Statement, language: str) -> str:
    """' (bare delsum, avrundet)', or nothing for a plain figure."""
    words = caveat_words(statement, language)
    return f" ({', '.join(words)})" if words else ""


async def ranking_answer(question: Question, place: Place, ctx: Context) -> Reply:
    """Members of a county, region or group ranked by the share of their decision settled (or by a value)."""
    if question.most:
        return await _ranking_by_value(question, place, ctx)
    year, note = await year_for(question, place, SHARE_MEASURES, ctx, every=True)
    if year is None or place.level not in AGGREGATE_LEVELS:
        return await status_answer(question, place, ctx)
    found = await ctx.totals(place, year, SHARE_MEASURES)
    empty = Aggregate(place, year, "", Group.ALL, None, [], 0)
    decided = found.get((Measure.DECIDED, Group.ALL), empty)
    cite = Citations(ctx.language)
    rows = _share_rows(decided, found.get((Measure.SETTLED, Group.ALL), empty), cite, ctx)
    if question.best:  # 'hvem har kommet lengst': the largest share first
        rows.reverse()
    if not rows:
        return await no_data(place, year, ctx, [Measure.DECIDED])
    lines = [note + title(place, ctx.language, f"{text('share_settled_title', ctx.language)} {year}")]
    lines.extend(f"{i}. {row}" for i, row in enumerate(rows, 1))
    lines.append(text("known_of", ctx.language, known=len(rows), members=decided.members))
    return Reply("\n".join(lines) + cite.render())


def _share_rows(decided: Aggregate, settled: Aggregate, cite: Citations, ctx: Context) -> list[str]:
    """'Melhus: 43¹ / 51² (84 %)' for each member with both figures, the smallest share first."""
    settled_by_member = {member.id: statement for member, statement in settled.parts}
    rows = []
    for member, decision in decided.parts:
        done = settled_by_member.get(member.id)
        share = settled_share(decision.figure.value, value_of(done))
        if done is None or share is None:
            continue
        shown = f"{ctx.value(done)}{cite.cite(done)} / {ctx.value(decision)}{cite.cite(decision)}"
        rows.append((share, f"{escape(member.name)}: {shown} ({percent(share, ctx.language)})"))
    return [row for _, row in sorted(rows, key=lambda row: row[0])]


async def _ranking_by_value(question: Question, place: Place, ctx: Context) -> Reply:
    """Members ranked by one figure, largest first ('flest bosatt i Trøndelag 2015')."""
    measure = question.measure or Measure.SETTLED
    year, note = await year_for(question, place, (measure,), ctx)
    if year is None or place.level not in AGGREGATE_LEVELS:
        return await status_answer(question, place, ctx)
    what = label(measure, question.group, ctx.language)
    total = (await ctx.totals(place, year, [measure])).get((measure, question.group))
    known = [(member, s) for member, s in (total.parts if total else []) if s.figure.value is not None]
    if not known:
        return await no_data(place, year, ctx, [measure], question.group)
    cite = Citations(ctx.language)
    known.sort(key=lambda part: (-(part[1].figure.value or 0), part[0].name))  # small hidden values come last
    lines = [note + title(place, ctx.language, f"{what} {year}, {text('largest_first', ctx.language)}")]
    lines.extend(
        f"{i}. {escape(member.name)}: {ctx.value(s)}{cite.cite(s)}" for i, (member, s) in enumerate(known, 1)
    )
    members = len(ctx.index.members_in_year(place, year))
    lines.append(text("known_of", ctx.language, known=len(known), members=members))
    return Reply("\n".join(lines) + cite.render())
