"""Comparisons and rankings: places side by side, and a larger place's members ranked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from itertools import product
from typing import NamedTuple

from bot.answers.cards import CARD_MEASURES, no_data, status_answer
from bot.answers.changes import ratio_of, ratio_title
from bot.answers.context import (
    AGGREGATE_LEVELS,
    Context,
    as_of_words,
    caveat_words,
    label,
    latest_note,
    on_the_day,
    revision,
    shown_name,
    title,
    value_of,
    with_revision,
    year_for,
)
from bot.render import Citations, escape, number, percent, signed
from bot.replies import Reply
from bot.texts import group_label, short_measure_label, text
from bot.understanding import Question
from store.held import PlaceFigures
from store.models import Place, place_id_of
from store.queries import Aggregate, Statement, aggregates, settled_share
from store.vocabulary import PROGRESS_MEASURES, REVISED, Group, Measure

SHARE_MEASURES = (Measure.DECIDED, Measure.SETTLED)  # what the share of the decision settled is worked out of


async def compare_answer(question: Question, places: list[Place], ctx: Context, notes: str) -> Reply:
    """Places named together, side by side for one year: their own figures and share of the decision settled
    (with the figures it is worked out of when asked who has come furthest: 'hvem har kommet lengst')."""
    measures = _compared_measures(question, PROGRESS_MEASURES)
    if question.best:
        measures = tuple(dict.fromkeys((*measures, *SHARE_MEASURES)))
    held = [await ctx.figures(place) for place in places]
    year, note = question.year, ""
    if len(question.measure_years) > 1:  # 'anm. 2016 og plantall 2017': the later year is the one asked
        year = max(at for _, at in question.measure_years)
    if year is None:
        year = _latest_year(held, measures, question, ctx.today)
        if year is None:
            return await no_data(places[0], None, ctx, measures[:1])
        note = latest_note(year, ctx.language)
    as_of = question.as_of_in(year)  # 'Trondheim og Klæbu per 10.12.15': each place's figure of that day
    columns = _columns(question, measures, year)
    keys = {column: _key(column, question.group, year) for column in columns}
    by_place: dict[int, dict[str, Statement]] = {place_id_of(place): {} for place in places}
    for figures in held:
        for statement in figures.current(
            [column.year for column in columns],
            [column.measure for column in columns],
            [column.group for column in columns],
            as_of=ctx.known_on(question, year),
        ):
            figure = statement.figure
            key = keys.get(Column(figure.measure, figure.group, figure.year))
            if key is not None:
                by_place[figure.place_id][key] = statement
    cite = Citations(ctx.language)
    years = sorted({column.year for column in columns})
    shown = [
        (keys[column], _label(column, question.group, len(years) > 1, ctx.language)) for column in columns
    ]
    group = "" if question.group == Group.ALL else f" · {group_label(question.group, ctx.language)}"
    names = " · ".join(escape(shown_name(place, ctx.language)) for place in places)
    asked = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(year)
    lines = [f"{notes}{note}<b>{names}</b> · {asked}{group}{as_of_words(as_of, ctx.language)}"]
    lines.extend(
        _compared_line(shown_name(place, ctx.language), by_place[place_id_of(place)], shown, cite, ctx)
        for place in places
    )
    if question.together:
        lines.append(_sum_line(list(by_place.values()), shown, cite, ctx))
    return Reply("\n".join(lines) + cite.render())


class Column(NamedTuple):
    """A figure set side by side for each place: its measure, group and year."""

    measure: str
    group: str
    year: int


def _columns(question: Question, measures: Sequence[str], year: int) -> list[Column]:
    """Each measure, in the year of its own where each has one ('anm. 2016 og plantall 2017'), for the group
    asked and each further group named ('anm. 2016 inkl. EM': everyone's and the minors')."""
    groups = question.groups if len(question.groups) > 1 else [question.group]
    pairs = question.measure_years if len(question.measure_years) > 1 else [(m, year) for m in measures]
    return [Column(measure, group, at) for measure, at in pairs for group in groups]


def _key(column: Column, group: str, year: int) -> str:
    """A column's key in a place's values: its measure where it is the group and year asked (so the share of the
    decision settled finds them), else all three."""
    if (column.group, column.year) == (group, year):
        return column.measure
    return f"{column.measure}|{column.group}|{column.year}"


def _label(column: Column, group: str, dated: bool, language: str) -> str:
    """'anmodning', 'anmodning EM', 'plantall (2017)': the measure, with its group where not the one asked and its
    year where the columns' years differ (in brackets: 'anmodning 2016 42' would read as one number)."""
    words = [short_measure_label(column.measure, language)]
    if column.group != group:
        words.append(group_label(column.group, language))
    if dated:
        words.append(f"({column.year})")
    return " ".join(words)


def _plain(measures: Sequence[str], language: str) -> list[tuple[str, str]]:
    """Measures as keys with their labels, for a line of one group and year."""
    return [(measure, short_measure_label(measure, language)) for measure in measures]


def _sum_line(
    values: list[dict[str, Statement]], shown: Sequence[tuple[str, str]], cite: Citations, ctx: Context
) -> str:
    """'Beregnet sum: anmodning 675¹': each measure summed over the places with a known value, saying how many
    of them that is where some have none ('bosatt 740¹ (1 av 2 med tall)')."""
    parts = []
    for key, words in shown:
        statements = [
            by_key[key] for by_key in values if key in by_key and by_key[key].figure.value is not None
        ]
        if statements:
            total = ctx.value_of_sum(statements)
            known = len(statements)
            coverage = (
                ""
                if known == len(values)
                else " (" + text("places_known", ctx.language, known=known, all=len(values)) + ")"
            )
            parts.append(f"{words} <b>{total}</b>{cite.cite_all(statements)}{coverage}")
    summed = text("summed", ctx.language)
    return f"{summed[:1].upper()}{summed[1:]}: " + (
        " · ".join(parts) or text("no_figures_short", ctx.language)
    )


def _compared_measures(question: Question, unnamed: Sequence[str]) -> tuple[str, ...]:
    """Every measure named, each with its revision ('anmodning 500 · justert anmodning 4 400'), else `unnamed`."""
    if not question.measure:
        return tuple(unnamed)
    named = question.measures or [question.measure]
    return tuple(dict.fromkeys(m for measure in named for m in (measure, REVISED.get(measure)) if m))


def _latest_year(
    held: list[PlaceFigures], measures: Sequence[str], question: Question, today: date
) -> int | None:
    """The latest year any of the places has figures of these measures for (stated on the day asked, if one is)."""
    years = {y for figures in held for m, ys in figures.years().items() if m in measures for y in ys}
    if question.as_of_day is not None:  # 'anm., vedt. og bos. pr 10.12 for Melhus og Malvik'
        years = on_the_day(held, years, measures, question.as_of_day, today)
    return max(years, default=None)


def _compared_line(
    name: str, values: dict[str, Statement], shown: Sequence[tuple[str, str]], cite: Citations, ctx: Context
) -> str:
    """'Melhus: anmodning 56¹ · vedtak 51¹ · bosatt 43¹ · utsøkt 13¹ · 84 %' (a place's or a year's)."""
    parts = [
        f"{words} {ctx.value(values[key])}{cite.cite(values[key])}" + _caveats(values[key], ctx.language)
        for key, words in shown
        if key in values
    ]
    share = settled_share(value_of(values.get(Measure.DECIDED)), value_of(values.get(Measure.SETTLED)))
    if share is not None:
        parts.append(ctx.percent(share))
    return f"{escape(name)}: " + (" · ".join(parts) or text("no_figures_short", ctx.language))


def _caveats(statement: Statement, language: str) -> str:
    """' (bare delsum, avrundet)', or nothing for a plain figure."""
    words = caveat_words(statement, language)
    return f" ({', '.join(words)})" if words else ""


async def rankings_answer(question: Question, place: Place, ctx: Context) -> list[Reply]:
    """A ranking for each measure named ('flest anmodet og vedtatt', 'hvilket år … anmodet og bosatte flest'),
    else the one ranking."""
    if question.by_difference and not _own_years_asked(question, place):
        return [await _ranking_by_difference(question, place, ctx)]
    if _ranked_by_each(question, place):
        return [await ranking_answer(_only(question, m), place, ctx) for m in question.measures]
    return [await ranking_answer(question, place, ctx)]


def _only(question: Question, measure: str) -> Question:
    """The question about one of its measures, in that measure's own year where it has one."""
    years = [year for named, year in question.measure_years if named == measure] or question.years
    return replace(
        question, measure=measure, measures=[measure], second_measure=None, years=years, measure_years=[]
    )


async def ranking_answer(question: Question, place: Place, ctx: Context) -> Reply:
    """Members of a larger place ranked by a ratio (the share of the decision settled unless another is named)
    or by a value; a single place's years ranked or side by side."""
    if _own_years_asked(question, place):
        return await _own_years(question, place, ctx)
    if question.per is None and (
        _by_value(question) or question.above is not None or question.below is not None
    ):
        return await _ranking_by_value(question, place, ctx)
    return await _ranking_by_ratio(question, place, ctx)


def _ranked_by_each(question: Question, place: Place) -> bool:
    """Whether several measures named make a ranking each: members or a place's years ranked by a value (not
    years side by side, nor the share settled, which takes decided and settled together)."""
    if question.per is not None or len(question.measures) < 2:
        return False
    if _own_years_asked(question, place):
        return question.by_year or ((question.most or question.least) and len(question.years) != 1)
    return question.most or question.least or any(m not in SHARE_MEASURES for m in question.measures)


def _own_years_asked(question: Question, place: Place) -> bool:
    """Whether a place's own years are ranked or set side by side, rather than its members ranked."""
    versus_years = question.versus and len(question.years) > 1
    return question.by_year or place.level not in AGGREGATE_LEVELS or versus_years


def _by_value(question: Question) -> bool:
    """Whether members are ranked by a figure rather than a share: 'flest', a group, or a measure not of progress."""
    named = question.measure not in (None, *SHARE_MEASURES)
    return question.most or named or question.group != Group.ALL


async def _ranking_by_ratio(question: Question, place: Place, ctx: Context) -> Reply:
    """Members ranked by one figure as a share of another, smallest first unless the largest is asked for."""
    measure, per = ratio_of(question)
    group = question.group if question.group_share else Group.ALL  # 'andel EM i plantallet': EM of the total
    year, note = await year_for(question, place, (measure, per), ctx, every=True)
    if year is None:
        return await status_answer(question, place, ctx)
    found = await ctx.totals(place, year, (measure, per), ctx.known_on(question, year))
    empty = Aggregate(place, year, "", Group.ALL, None, [], 0)
    base = found.get((per, Group.ALL), empty)
    cite = Citations(ctx.language)
    shares = _shares(found.get((measure, group), empty), base, _left_out(question))
    if not shares:
        return await no_data(place, year, ctx, [per])
    if question.best or question.most:  # 'hvem har kommet lengst': the largest share first
        shares.reverse()
    if question.remaining:  # 'hvem mangler flest': the most remaining first
        shares.sort(key=lambda row: -_remaining_of(row))
    kept = [row for row in shares if _within(row[0], question)]
    what = (
        text(
            "group_share_title",
            ctx.language,
            group=group_label(group, ctx.language),
            what=short_measure_label(per, ctx.language),
        )
        if question.group_share
        else ratio_title(measure, per, ctx.language)
    )
    as_of = as_of_words(question.as_of_in(year), ctx.language)
    lines = [
        note + title(place, ctx.language, f"{what} {year}{as_of}{_bounds_words(question, ctx.language)}")
    ]
    lines.extend(f"{i}. {_share_row(row, cite, ctx, question.remaining)}" for i, row in enumerate(kept, 1))
    if not kept:
        lines.append(text("none_within", ctx.language, known=len(shares)))
    lines.append(text("known_of", ctx.language, known=len(shares), members=base.members))
    return Reply("\n".join(lines) + cite.render(), ranked_first=kept[0][1] if kept else None)


async def _ranking_by_difference(question: Question, place: Place, ctx: Context) -> Reply:
    """Members ranked by how far apart two of their figures are ('størst avstand mellom anmodning og vedtak':
    Skaun 32 − 11 = 21 first), the largest apart first unless the least is asked for."""
    measure, other = question.measure or Measure.REQUESTED, question.second_measure or Measure.DECIDED
    year, note = await year_for(question, place, (measure, other), ctx, every=True)
    if year is None:
        return await status_answer(question, place, ctx)
    found = await ctx.totals(place, year, (measure, other), ctx.known_on(question, year))
    empty = Aggregate(place, year, "", Group.ALL, None, [], 0)
    others = {member.id: s for member, s in found.get((other, question.group), empty).parts}
    left_out = _left_out(question)
    rows = [
        (member, s, others[member.id])
        for member, s in found.get((measure, question.group), empty).parts
        if member.id in others
        and None not in (value_of(s), value_of(others[member.id]))
        and place_id_of(member) not in left_out
    ]
    if not rows:
        return await no_data(place, year, ctx, [measure, other], question.group)
    sign = 1 if question.least else -1
    rows.sort(key=lambda row: (sign * abs(_apart(row)), row[0].name))
    cite = Citations(ctx.language)
    names = {
        "what": short_measure_label(measure, ctx.language),
        "other": short_measure_label(other, ctx.language),
    }
    order = text("smallest_first" if question.least else "largest_first", ctx.language)
    as_of = as_of_words(question.as_of_in(year), ctx.language)
    heading = f"{text('difference_title', ctx.language, **names)} {year}{as_of}, {order}"
    lines = [note + title(place, ctx.language, heading)]
    lines.extend(f"{i}. {_apart_line(row, cite, ctx)}" for i, row in enumerate(rows, 1))
    stated = [
        total.stated for m in (measure, other) if (total := found.get((m, question.group))) and total.stated
    ]
    if len(stated) == 2:  # a sum over some members set against a stated total would say nothing
        lines.append(
            _apart_line((place, stated[0], stated[1]), cite, ctx)
        )  # the place's own, below its members
    lines.append(
        text("known_of", ctx.language, known=len(rows), members=len(ctx.index.members_in_year(place, year)))
    )
    return Reply("\n".join(lines) + cite.render(), ranked_first=rows[0][0])


def _apart_line(row: tuple[Place, Statement, Statement], cite: Citations, ctx: Context) -> str:
    """'Skaun: 32¹ − 11¹ = 21', a member's or the place's own two figures apart (':' where either is hidden)."""
    member, first, second = row
    shown = ctx.value(first), ctx.value(second)
    apart = ":" if ":" in shown else signed(_apart(row), ctx.language)
    return f"{escape(member.name)}: {shown[0]}{cite.cite(first)} − {shown[1]}{cite.cite(second)} = {apart}"


def _apart(row: tuple[Place, Statement, Statement]) -> float:
    """How far a member's first figure is above its second (below it: less than nothing)."""
    _, first, second = row
    return (value_of(first) or 0) - (value_of(second) or 0)


ShareRow = tuple[float, Place, Statement, Statement]  # share, member, its figure, what it is divided by


def _shares(ranked: Aggregate, base: Aggregate, left_out: frozenset[int]) -> list[ShareRow]:
    """Each member with both figures and a share, the smallest share first."""
    ranked_by_member = {member.id: statement for member, statement in ranked.parts}
    rows = []
    for member, divisor in base.parts:
        done = ranked_by_member.get(member.id)
        share = settled_share(divisor.figure.value, value_of(done))
        if done is not None and share is not None and place_id_of(member) not in left_out:
            rows.append((share, member, done, divisor))
    return sorted(rows, key=lambda row: (row[0], row[1].name))


def _share_row(row: ShareRow, cite: Citations, ctx: Context, remaining: bool = False) -> str:
    """'Melhus: 43¹ / 51² (84 %)', with what remains when asked: '· gjenstår 8'."""
    share, member, done, divisor = row
    shown = f"{ctx.value(done)}{cite.cite(done)} / {ctx.value(divisor)}{cite.cite(divisor)}"
    left = (
        f" · {text('remaining_word', ctx.language)} {number(_remaining_of(row), ctx.language)}"
        if remaining
        else ""
    )
    return f"{escape(member.name)}: {shown} ({ctx.percent(share)}){left}"


def _remaining_of(row: ShareRow) -> float:
    """What remains of a member's decision (none when it has settled as many or more)."""
    _, _, done, divisor = row
    return max(0.0, (divisor.figure.value or 0) - (done.figure.value or 0))


def _within(value: float, question: Question) -> bool:
    """Whether a share (or value) is inside the bounds asked for ('flere enn de vedtok': above 1)."""
    if question.exactly:
        return value == question.above
    at_least = question.at_least and question.above is not None and value >= question.above
    return (question.above is None or value > question.above or at_least) and (
        question.below is None or value < question.below
    )


def _bounds_words(question: Question, language: str) -> str:
    """', over 100 %' or ', under 50 %' for a share (a plain number for a value), '' without bounds."""
    words = []
    for key, bound in (("above", question.above), ("below", question.below)):
        if bound is not None:
            shown = percent(bound, language) if question.per else number(bound, language)
            key = (
                "exactly" if question.exactly else "at_least" if key == "above" and question.at_least else key
            )
            words.append(text(f"bound_{key}", language, bound=shown))
    return "".join(f", {word}" for word in words)


def _left_out(question: Question) -> frozenset[int]:
    """The places a ranking leaves out ('utenom Trondheim')."""
    return frozenset(place_id_of(match.place) for match in question.excluded)


async def _ranking_by_value(question: Question, place: Place, ctx: Context) -> Reply:
    """Members ranked by one figure, largest first unless the least is asked for ('flest bosatt i Trøndelag 2015')."""
    measure = question.measure or Measure.SETTLED
    year, note = await year_for(question, place, (measure,), ctx)
    if year is None:
        return await status_answer(question, place, ctx)
    what = label(measure, question.group, ctx.language)
    parts, members = await _members_of(question, place, year, measure, ctx)
    left_out = _left_out(question)
    known = [
        (member, s)
        for member, s in parts
        if s.figure.value is not None and place_id_of(member) not in left_out
    ]
    if not known:
        return await no_data(place, year, ctx, [measure], question.group)
    cite = Citations(ctx.language)
    sign = 1 if question.least else -1
    known.sort(key=lambda part: (sign * (part[1].figure.value or 0), part[0].name))
    kept = [(member, s) for member, s in known if _within(s.figure.value or 0, question)]
    order = text("smallest_first" if question.least else "largest_first", ctx.language)
    as_of = as_of_words(question.as_of_in(year), ctx.language)
    heading = f"{what} {year}{as_of}, {order}{_bounds_words(question, ctx.language)}"
    lines = [note + title(place, ctx.language, heading)]
    lines.extend(
        f"{i}. {escape(member.name)}: {ctx.value(s)}{cite.cite(s)}" for i, (member, s) in enumerate(kept, 1)
    )
    if not kept:
        lines.append(text("none_within", ctx.language, known=len(known)))
    key = "counties_known" if question.rank_level == "county" else "known_of"
    lines.append(text(key, ctx.language, known=len(known), members=members))
    return Reply("\n".join(lines) + cite.render(), ranked_first=kept[0][0] if kept else None)


async def _members_of(
    question: Question, place: Place, year: int, measure: str, ctx: Context
) -> tuple[list[tuple[Place, Statement]], int]:
    """The members' figures of a measure and how many members there are: the counties' own figures when
    counties are ranked ('which county settled the most'), else the municipalities'."""
    counties = ctx.index.counties_within(place, year) if question.rank_level == "county" else []
    if counties:
        found = await aggregates(
            ctx.store.reader,
            place=place,
            members={year: counties},
            measures=[measure],
            as_of=ctx.known_on(question, year),
        )
        total = found[year].get((measure, question.group))
        return (total.parts if total else []), len(counties)
    total = (await ctx.totals(place, year, [measure], ctx.known_on(question, year))).get(
        (measure, question.group)
    )
    return (total.parts if total else []), len(ctx.index.members_in_year(place, year))


async def _own_years(question: Question, place: Place, ctx: Context) -> Reply:
    """A place's own years: side by side when several are named, else ranked by a figure ('hvilket år flest')."""
    if len(question.years) > 1 and not (question.by_year or question.most or question.least):
        return await years_compared(question, place, ctx)
    if question.year is not None and not question.by_year:
        return await status_answer(question, place, ctx)
    return await _years_ranked(question, place, ctx)


async def years_compared(question: Question, place: Place, ctx: Context) -> Reply:
    """One place's figures for the years named, a line a year and group: 'Orkdal 2016 vs 2017', 'settled and
    minors in 2015 vs 2016'."""
    measures = _compared_measures(question, CARD_MEASURES)
    held = await ctx.figures(place)
    cite = Citations(ctx.language)
    lines = [title(place, ctx.language, " · ".join(str(year) for year in question.years))]
    for year, group in product(question.years, question.groups or [question.group]):
        values = {s.figure.measure: s for s in held.current([year], measures, [group])}
        name = str(year) if group == Group.ALL else f"{year}, {group_label(group, ctx.language)}"
        lines.append(_compared_line(name, values, _plain(measures, ctx.language), cite, ctx))
    return Reply("\n".join(lines) + cite.render())


async def _years_ranked(question: Question, place: Place, ctx: Context) -> Reply:
    """A place's years ranked by one figure (the revised one where it was revised during the year): the top
    year and its value first, then the series year by year, each revision beside its original."""
    measure = question.measure or Measure.SETTLED
    held = await ctx.figures(place)
    current = held.current(question.years or None, [measure], [question.group])
    stated = [
        revision(held, s.figure.year, measure, s.figure.group) or (s, None)
        for s in sorted(current, key=lambda s: s.figure.year)
    ]
    known = [(original, revised) for original, revised in stated if value_of(revised or original) is not None]
    if not known:
        return await no_data(place, question.year, ctx, [measure], question.group)
    cite = Citations(ctx.language)
    what = label(measure, question.group, ctx.language)
    lines = [title(place, ctx.language, f"{what}, {text('years_ranked', ctx.language)}")]
    lines.append(_top_year(question, known, cite, ctx))
    lines.extend(
        f"<code>{original.figure.year}</code> | {with_revision(original, revised, cite, ctx)}"
        for original, revised in stated
    )
    if any(revised for _, revised in stated):
        revised_name = short_measure_label(REVISED[measure], ctx.language)
        lines.append(text("revised_in_parentheses", ctx.language, what=revised_name))
    return Reply("\n".join(lines) + cite.render())


Revised = tuple[Statement, Statement | None]  # a year's original statement and its revision, if revised


def _top_year(question: Question, known: list[Revised], cite: Citations, ctx: Context) -> str:
    """The year asked for: the first above the bound ('hvilket år passerte … 1000'), else the highest (lowest)."""
    sign = 1 if question.least else -1
    top = min(known, key=lambda pair: (sign * (value_of(pair[1] or pair[0]) or 0), pair[0].figure.year))
    if question.first_above and question.above is not None:
        bound = number(question.above, ctx.language)
        above = [pair for pair in known if (value_of(pair[1] or pair[0]) or 0) > question.above]
        if not above:
            value = with_revision(*top, cite, ctx)
            return text("none_above", ctx.language, bound=bound, year=top[0].figure.year, value=value)
        first = above[0]
        value = with_revision(*first, cite, ctx)
        return text("first_above", ctx.language, bound=bound, year=first[0].figure.year, value=value)
    key = "fewest_in_year" if question.least else "most_in_year"
    return text(key, ctx.language, year=top[0].figure.year, value=with_revision(*top, cite, ctx))
