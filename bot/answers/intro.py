"""The introduction programme: a place's figures as a small table, or the counties of a larger place ranked."""

from __future__ import annotations

import math

from bot.answers.cards import status_answer
from bot.answers.context import AGGREGATE_LEVELS, Context, latest_note, title
from bot.answers.tables import INTRO_MEASURES, table
from bot.render import Citations
from bot.replies import Reply
from bot.texts import measure_label, text
from bot.understanding import Question
from store.models import Place, place_id_of
from store.queries import Aggregate, Statement, aggregates, figure_years
from store.vocabulary import Group, Measure

RESULT, RANK = Measure.INTRO_RESULT_PCT, Measure.INTRO_RESULT_RANK  # stated per county (seed 001)


async def intro_answer(question: Question, place: Place, ctx: Context) -> Reply:
    """A place's introduction figures as a table; for a larger place without results of its own that year,
    its counties ranked by their results (the nation: every county with results)."""
    if place.level in AGGREGATE_LEVELS:
        ranked = await _counties_ranked(question, place, ctx)
        if ranked is not None:
            return ranked
    return await status_answer(question, place, ctx, INTRO_MEASURES, text("intro_word", ctx.language))


async def _counties_ranked(question: Question, place: Place, ctx: Context) -> Reply | None:
    """The counties within a place ranked by their stated place (or share), None when none has results."""
    year, note = question.year, ""
    if year is None:
        years = await _results_years(place, ctx)
        if not years:
            return None
        year, note = years[-1], latest_note(years[-1], ctx.language)
    counties = ctx.index.counties_within(place, year)
    if not counties:
        return None
    async with ctx.store.unit() as session:
        found = await aggregates(session, place=place, members={year: counties}, measures=[RESULT, RANK])
    results = found[year].get((RESULT, Group.ALL))
    if results is None or not results.parts:
        return None
    cite = Citations(ctx.language)
    what = f"{measure_label(RESULT, ctx.language)} {year}, {text('counties_ranked', ctx.language)}"
    lines = [note + title(place, ctx.language, what)]
    lines.extend(table(_ranked(results, found[year].get((RANK, Group.ALL))), cite, ctx))
    lines.append(text("counties_known", ctx.language, known=results.known, members=len(counties)))
    return Reply("\n".join(lines) + cite.render())


def _ranked(results: Aggregate, ranks: Aggregate | None) -> list[tuple[str, list[Statement]]]:
    """'12. Sør-Trøndelag' with its result and stated place, best first (by the stated place, else the share)."""
    rank_of = {place_id_of(county): statement for county, statement in (ranks.parts if ranks else [])}

    def order(part: tuple[Place, Statement]) -> tuple[float, float]:
        rank = rank_of.get(place_id_of(part[0]))
        stated = rank.figure.value if rank is not None and rank.figure.value is not None else math.inf
        return stated, -(part[1].figure.value or 0)

    rows = []
    for position, (county, result) in enumerate(sorted(results.parts, key=order), 1):
        rank = rank_of.get(place_id_of(county))
        shown = int(rank.figure.value) if rank is not None and rank.figure.value is not None else position
        rows.append((f"{shown:>2}. {county.name}", [result] + ([rank] if rank is not None else [])))
    return rows


async def _results_years(place: Place, ctx: Context) -> list[int]:
    """The years with county results within a place, oldest first."""
    counties = [place_id_of(county) for county in ctx.index.counties_within(place)]
    if not counties:
        return []
    async with ctx.store.unit() as session:
        found = await figure_years(session, place_ids=counties)
    return sorted({year for _, measure, year in found if measure == RESULT})
