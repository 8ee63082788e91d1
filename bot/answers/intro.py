"""The introduction programme: a place's figures as a small table, or the counties of a larger place ranked."""

from __future__ import annotations

import math

from bot.answers.cards import card_lines, no_data, status_answer
from bot.answers.context import Context, latest_note, title, year_for
from bot.answers.tables import INTRO_MEASURES, table
from bot.render import Citations, escape, number, signed
from bot.replies import Reply
from bot.texts import group_label, measure_label, text
from bot.understanding import Question
from store.held import PlaceFigures
from store.models import Place, place_id_of
from store.queries import Aggregate, Statement, aggregates, figure_years, places_stating
from store.vocabulary import INTRO_GROUPS, INTRO_TRACKS, NON_ADDITIVE, Group, Intent, Measure

RESULT, RANK = Measure.INTRO_RESULT_PCT, Measure.INTRO_RESULT_RANK  # stated per county (seed 001)
NATION = "NO"
# Each category of the programme, and the measure that states it: tracks by share, outcomes by count.
CATEGORY_MEASURE: dict[str, str] = {
    group: Measure.INTRO_PARTICIPANTS_PCT if group in INTRO_TRACKS else Measure.INTRO_OUTCOME
    for group in INTRO_GROUPS
}
TOTAL_OF: dict[str, str] = {  # the total a category is part of
    Measure.INTRO_PARTICIPANTS_PCT: Measure.INTRO_PARTICIPANTS,
    Measure.INTRO_OUTCOME: Measure.INTRO_OUTCOME,
}


async def intro_answer(question: Question, place: Place, ctx: Context) -> Reply:
    """A place's introduction figures as a table (a county's with the counties ranked below it, one category
    alone when named: 'spor 2', 'sosialhjelp'); for a larger place without results of its own that year, its
    counties ranked by their results (the nation: every county with results)."""
    if _categories(question):
        return await _category(question, place, ctx)
    if place.level in ("region", "nation", "group"):
        ranked = await _counties_ranked(question, place, ctx)
        if ranked is not None:
            return ranked
    if place.level == "county":
        return await _county(question, place, ctx)
    return await status_answer(question, place, ctx, INTRO_MEASURES, text("intro_word", ctx.language))


def county_without_results(place: Place, question: Question, ctx: Context) -> str | None:
    """For a county with no figures asked about its introduction results, the line saying so (else None):
    the counties that have results answer instead."""
    if question.intent != Intent.INTRO or place.level != "county" or ctx.index.has_figures(place):
        return None
    return text("no_intro_results", ctx.language, name=escape(place.name)) + "\n"


async def _category(question: Question, place: Place, ctx: Context) -> Reply:
    """Categories of the programme ('spor 2', 'sosialhjelp'): each figure beside the total it is part of, for
    the place asked about or, where it has none, the places that state it; several counts summed, as computed
    ('grunnskole, videregående og høyere til sammen': 26 + 59 + 11 = 96)."""
    groups = _categories(question)
    measure = CATEGORY_MEASURE[groups[0]]
    places = [place] if measure in (await ctx.figures(place, ())).years(groups[0]) else []
    if not places:
        stated = await places_stating(ctx.store.reader, measure=measure)
        places = [ctx.index.places[i] for i in dict.fromkeys(i for i, group in stated if group in groups)]
    cite = Citations(ctx.language)
    lines = []
    for where in places:
        held = await ctx.figures(where)
        statements = held.current(question.years or None, [measure], groups)
        for statement in statements:
            lines.extend(_category_lines(where, statement, held, cite, ctx))
        lines.extend(_sum_line(statements, held, cite, ctx))
    if not lines:
        return await no_data(place, question.year, ctx, [measure], question.group)
    return Reply("\n".join(dict.fromkeys(lines)) + cite.render())


def _categories(question: Question) -> list[str]:
    """The programme's categories named, those stated by the first one's measure ('spor 1 og spor 3'; several
    outcomes are summed in the answer); also when the total is asked beside them ('out of how many')."""
    named = [group for group in (*question.groups, question.group) if group in CATEGORY_MEASURE]
    return list(dict.fromkeys(g for g in named if CATEGORY_MEASURE[g] == CATEGORY_MEASURE[named[0]]))


def _sum_line(statements: list[Statement], held: PlaceFigures, cite: Citations, ctx: Context) -> list[str]:
    """'Til sammen: 26 + 59 + 11 = 96 av 342 (28 %)' for several counts of one year, with the total they are part
    of where it is stated (none for one count, or a hidden value)."""
    values = [s.figure.value for s in statements]
    if (
        len(values) < 2
        or any(s.figure.measure in NON_ADDITIVE for s in statements)
        or len({s.figure.year for s in statements}) > 1
        or None in values
    ):
        return []
    parts = " + ".join(number(v, ctx.language) for v in values)
    summed = sum(v for v in values if v is not None)
    line = f"{text('together_word', ctx.language)}: {parts} = <b>{number(summed, ctx.language)}</b>"
    figure = statements[0].figure
    for whole in held.current([figure.year], [TOTAL_OF[figure.measure]], [Group.ALL]):
        line += " " + text("of_total", ctx.language, total=f"{ctx.value(whole)}{cite.cite(whole)}")
        line += f" ({ctx.percent(summed / whole.figure.value)})" if whole.figure.value else ""
    return [line]


def _category_lines(
    place: Place, statement: Statement, held: PlaceFigures, cite: Citations, ctx: Context
) -> list[str]:
    """'Trondheim · introprogram 2018' and 'Status etter endt introprogram, sosialhjelp: 73¹ av 342¹ (21 %)'
    (a track's share, with how many that comes to: '40 %¹ av 579¹ (≈ 232)')."""
    figure, language = statement.figure, ctx.language
    share = figure.measure in NON_ADDITIVE
    value = f"{ctx.value(statement)}{cite.cite(statement)}"
    line = f"{measure_label(figure.measure, language)}, {group_label(figure.group, language)}: <b>{value}</b>"
    for total in held.current([figure.year], [TOTAL_OF[figure.measure]], [Group.ALL]):
        line += " " + text("of_total", language, total=f"{ctx.value(total)}{cite.cite(total)}")
        whole = total.figure.value
        if whole and figure.value is not None:
            part = _about(figure.value, whole, language) if share else ctx.percent(figure.value / whole)
            line += f" ({part})"
    return [title(place, language, f"{text('intro_word', language)} {figure.year}"), line]


def _about(share: float, total: float, language: str) -> str:
    """How many a share in per cent of a total comes to, rounded: '≈ 232' (40 % of 579)."""
    return f"≈ {number(round(share * total / 100), language)}"


async def _counties_ranked(question: Question, place: Place, ctx: Context) -> Reply | None:
    """The counties within a place ranked by their stated place (or share), None when none has results."""
    cite = Citations(ctx.language)
    lines = await _ranking_lines(question.year, place, cite, ctx)
    return Reply("\n".join(lines) + cite.render()) if lines else None


async def _county(question: Question, place: Place, ctx: Context) -> Reply:
    """A county's own results (share and stated place), then the counties ranked that year."""
    year, note = await year_for(question, place, INTRO_MEASURES, ctx)
    cite = Citations(ctx.language)
    lines = await card_lines(place, year, Group.ALL, cite, ctx, INTRO_MEASURES) if year else []
    if year is None or not lines:
        return await status_answer(question, place, ctx, INTRO_MEASURES, text("intro_word", ctx.language))
    lines.extend(await _results_apart(question, place, year, cite, ctx))
    among = await _ranking_lines(year, ctx.index.by_code[NATION], cite, ctx)
    heading = note + title(place, ctx.language, f"{text('intro_word', ctx.language)} {year}")
    return Reply("\n".join([heading, *lines, *(["", *among] if among else [])]) + cite.render())


async def _results_apart(
    question: Question, place: Place, year: int, cite: Citations, ctx: Context
) -> list[str]:
    """'Forskjell: Vestfold 61 %¹ − Sør-Trøndelag 44 %¹ = 17 prosentpoeng': a county's result less another's
    named beside it (none where either has no result that year)."""
    others = [match.place for match in question.also if match.place.level == "county"]
    results = [
        (await ctx.figures(county)).current([year], [RESULT], [Group.ALL]) for county in (place, *others[:1])
    ]
    if (
        len(results) < 2
        or not all(results)
        or None in (results[0][0].figure.value, results[1][0].figure.value)
    ):
        return []
    mine, theirs = results[0][0], results[1][0]
    apart = signed((mine.figure.value or 0) - (theirs.figure.value or 0), ctx.language)
    shown = [
        f"{escape(county.name)} {ctx.value(s)}{cite.cite(s)}"
        for county, s in ((place, mine), (others[0], theirs))
    ]
    word = text("difference_word", ctx.language).capitalize()
    return [f"{word}: {shown[0]} − {shown[1]} = <b>{apart}</b> {text('percentage_points', ctx.language)}"]


async def _ranking_lines(year: int | None, place: Place, cite: Citations, ctx: Context) -> list[str]:
    """The lines of the counties within a place ranked (the latest year with results if none given); none
    when no county has results."""
    note = ""
    if year is None:
        years = await _results_years(place, ctx)
        if not years:
            return []
        year, note = years[-1], latest_note(years[-1], ctx.language)
    counties = ctx.index.counties_within(place, year)
    if not counties:
        return []
    found = await aggregates(ctx.store.reader, place=place, members={year: counties}, measures=[RESULT, RANK])
    results = found[year].get((RESULT, Group.ALL))
    if results is None or not results.parts:
        return []
    what = f"{measure_label(RESULT, ctx.language)} {year}, {text('counties_ranked', ctx.language)}"
    lines = [note + title(place, ctx.language, what)]
    lines.extend(table(_ranked(results, found[year].get((RANK, Group.ALL))), cite, ctx))
    lines.append(text("counties_known", ctx.language, known=results.known, members=len(counties)))
    return lines


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
    found = await figure_years(ctx.store.reader, place_ids=counties)
    return sorted({year for _, measure, year in found if measure == RESULT})
