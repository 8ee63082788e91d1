"""Changes: how much a figure rose or fell during its year (a revision, or growth through the year) and
from the year before, with both figures and the difference."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import product
from typing import NamedTuple

from bot.answers.cards import no_data, same_day
from bot.answers.context import (
    PARTIAL,
    STAND_INS,
    WORKED_OUT,
    Context,
    as_of_words,
    groups_all_first,
    label,
    revision,
    shown_name,
    title,
    year_for,
)
from bot.render import Citations, day, escape, fixed, number, signed
from bot.replies import Reply
from bot.texts import group_label, measure_label, short_measure_label, text
from bot.understanding import Question
from store.held import PlaceFigures
from store.models import Place, place_id_of
from store.queries import Aggregate, Statement, precedence, settled_share
from store.vocabulary import REVISED, WHOLE_OF, Group, Measure


@dataclass(frozen=True)
class Point:
    """A figure at one point: its value, how it is shown, what it rests on and, for a sum, whom it covers."""

    value: float | None
    shown: str
    sources: list[Statement]
    covering: frozenset[int] = frozenset()  # the members summed; empty for a stated figure
    coverage: str = ""  # ' (10/48)' for a sum
    whole: bool = True  # of the whole place: stated not as a part sum, or summed over every member


async def change_answer(question: Question, place: Place, ctx: Context) -> Reply:
    """How a figure changed in a year (original to revised, or first to latest statement) and since the year before;
    or between the years (and measures) named."""
    if len(question.years) > 1 or question.second_measure or question.also or question.without_group:
        return await _between(question, place, ctx)
    measure, group = question.measure or Measure.SETTLED, question.group
    year, note = await _year_of_change(question, place, measure, ctx)
    if year is None:
        return await no_data(place, question.year, ctx, [measure], group)
    held = await ctx.figures(place)
    cite = Citations(ctx.language)
    lines, compared = _changes_within(question, held, year, measure, cite, ctx)
    before, after = (
        await _point(place, year - 1, measure, group, ctx),
        await _point(place, year, measure, group, ctx),
    )
    if after is None:
        return await no_data(place, year, ctx, [measure], group)
    if question.revision and not lines:  # 'opprinnelig og justert', but it was not revised
        what = label(measure, group, ctx.language)
        lines.append(text("not_revised", ctx.language, what=what, year=year, value=_shown(after, cite)))
    if before is not None and not question.revision:
        words = {
            "previous": year - 1,
            "year": year,
            "before": _shown(before, cite),
            "after": _shown(after, cite),
        }
        lines.append(
            text("change_from_year", ctx.language, difference=_difference(before, after, ctx), **words)
        )
        compared = (before, after)
    if not lines:
        lines.append(text("change_single", ctx.language, year=year, value=_shown(after, cite)))
    lines.extend(_in_percent(compared, ctx) if question.in_percent and compared else [])
    lines.extend(_times(compared, ctx) if question.times and compared else [])
    what = f"{label(measure, group, ctx.language)} {year}, {text('change_word', ctx.language)}"
    return Reply("\n".join([note + title(place, ctx.language, what), *lines]) + cite.render())


async def _year_of_change(
    question: Question, place: Place, measure: str, ctx: Context
) -> tuple[int | None, str]:
    """The year asked, else the latest with the measure: for its revision asked, the latest it was revised in."""
    if question.revision and question.year is None and measure in REVISED:
        year, note = await year_for(question, place, (measure, REVISED[measure]), ctx, every=True)
        if year is not None:
            return year, note
    return await year_for(question, place, (measure,), ctx)


STATED_PER_CENT = re.compile(r"\d\s?%")  # a per cent in a source's words: '45% økning'
# A count of dwellings set against a count of people is taken as the people the dwellings house.
PEOPLE_OF: dict[str, str] = {Measure.CAPACITY_DWELLINGS: Measure.CAPACITY}
# Between two figures, a year without a planning figure also takes its request: seed 000's table gives the
# request for 2016 beside the planning figure for 2017, so that the request is 2016's plan.
BETWEEN_STAND_INS: dict[str, tuple[str, ...]] = {**STAND_INS, Measure.PLANNED: (Measure.REQUESTED,)}


class End(NamedTuple):
    """One of the two figures a change or difference is between: a place's measure and group in a year (as first
    stated, if `original`, not as revised; as it stood on a day, if `as_of`)."""

    place: Place
    measure: str
    group: str
    year: int
    original: bool = False
    as_of: date | None = None


async def _between(question: Question, place: Place, ctx: Context) -> Reply:
    """Between two figures, both shown: one place's first to its second with the per cent ('fra anmodning 2016
    til plantall 2017', 'differansen mellom anmodning og vedtak'), or the first less the second, as computed,
    for two places or the total and a group ('Midt-Norge minus Møre og Romsdal', 'var ikke fra Ukraina')."""
    ends = await _ends(question, place, ctx)
    if ends is None:
        return await no_data(place, None, ctx, [question.measure or Measure.SETTLED], question.group)
    found = await _same_day(ends, [await _point_or_stand_in(end, ctx) for end in ends], ctx)
    points = [point for point, _ in found]
    if points == [None, None]:
        return await no_data(place, ends[-1].year, ctx, [ends[-1].measure], ends[-1].group)
    cite = Citations(ctx.language)
    lines = [
        f"{_end_label(end, ends, _measure_shown(end, point, stand_in), ctx.language)}: "
        + _end_shown(point, stand_in, cite, ctx)
        for end, (point, stand_in) in zip(ends, found, strict=True)
    ]
    before, after = points
    first, second = ends  # one place's figure to a later one of it (a change), or one less another
    changed = (first.place, first.group) == (second.place, second.group) and first.year != second.year
    word = text("change_word" if first.year != second.year else "difference_word", ctx.language)
    if before is not None and after is not None:
        between = _difference(before, after, ctx) if changed else _subtracted(before, after, ctx)
        lines.append(f"{word.capitalize()}: {between}")
        lines.extend(_in_percent((before, after), ctx) if question.in_percent and changed else [])
        lines.extend(_times((before, after), ctx) if question.times else [])
        lines.extend(_share_left(before, after, ctx) if question.without_group and question.per else [])
        lines.extend(_stated_change(before, after, ctx) if changed else [])
    years = sorted({end.year for end in ends})
    as_of = as_of_words(ends[-1].as_of, ctx.language)
    heading = title(place, ctx.language, f"{'–'.join(str(y) for y in years)}, {word}{as_of}")
    return Reply("\n".join([heading, *lines]) + cite.render())


Found = tuple[Point | None, str | None]  # an end's figure and the measure standing in for its own, if any


async def _same_day(ends: tuple[End, End], found: list[Found], ctx: Context) -> list[Found]:
    """Two places' figures of one year as of the same day: the one stated later taken as it stood on the other's day,
    where it was stated then (Trondheim's 398 of 10.12.2015 beside the region's 643 of that day, not its 495 of
    31.12)."""
    first, second = (
        point.sources[0].figure.as_of if point and len(point.sources) == 1 else None for point, _ in found
    )
    apart = ends[0].place != ends[1].place and ends[0].year == ends[1].year
    if not apart or first is None or second is None or first == second:
        return found
    later = 0 if first > second else 1
    again = await _point_or_stand_in(ends[later]._replace(as_of=min(first, second)), ctx)
    return [again if index == later and again[0] is not None else end for index, end in enumerate(found)]


async def _ends(question: Question, place: Place, ctx: Context) -> tuple[End, End] | None:
    """The two figures asked between: two places, the total and a group, two measures of a year each, or one
    measure's first and last year (None when no year has either)."""
    first = question.measure or Measure.SETTLED
    last = question.second_measure or first
    if first not in PEOPLE_OF and last not in PEOPLE_OF.values():  # 'gapet mellom anmodningen og boligene'
        last = PEOPLE_OF.get(last, last)
    if last not in PEOPLE_OF and first not in PEOPLE_OF.values():  # 'dekker boligene anmodningen'
        first = PEOPLE_OF.get(first, first)
    years = question.years
    if not years:  # no year named: the latest with both, else with either
        latest, _ = await year_for(question, place, (first, last), ctx, every=True)
        if latest is None:
            latest, _ = await year_for(question, place, (first, last), ctx)
        if latest is None:
            return None
        years = [latest]
    less = question.without_group
    groups = [WHOLE_OF.get(less, Group.ALL), less] if less else [question.group] * 2
    on = question.as_of_in  # 'pr 10.12': each end as it stood on that day of its year
    if question.also:
        other, year = question.also[0].place, years[-1]
        ours = End(place, first, groups[0], year, as_of=on(year))
        return ours, ours._replace(place=other, measure=last)
    if len(question.measure_years) > 1:  # each measure its year, the earlier first
        (m1, y1), (m2, y2) = sorted(question.measure_years[:2], key=lambda pair: pair[1])
        return End(place, m1, groups[0], y1, as_of=on(y1)), End(place, m2, groups[0], y2, as_of=on(y2))
    originals = question.original_years
    return (
        End(place, first, groups[0], years[0], years[0] in originals, on(years[0])),
        End(place, last, groups[1], years[-1], years[-1] in originals, on(years[-1])),
    )


def _end_label(end: End, ends: tuple[End, End], measure: str, language: str) -> str:
    """What an end is: the measure shown and its group, with its place where the places differ and its year."""
    where = f"{shown_name(end.place, language)}, " if ends[0].place != ends[1].place else ""
    what = label(measure, end.group, language)
    first_stated = f" ({text('original_word', language)})" if end.original else ""
    return f"{where}{what[:1].lower() + what[1:] if where else what} {end.year}{first_stated}"


async def _point_or_stand_in(end: End, ctx: Context) -> tuple[Point | None, str | None]:
    """An end's figure, or where it has none what stands for it (the planning figure for a request, the request
    for a planning figure; one stated before a sum over the members), and which."""
    point = await _point(
        end.place, end.year, end.measure, end.group, ctx, original=end.original, as_of=end.as_of
    )
    stand_ins = BETWEEN_STAND_INS.get(end.measure, ()) if point is None else ()
    for summed, stand_in in product((False, True), stand_ins):
        point = await _point(end.place, end.year, stand_in, end.group, ctx, summed=summed, as_of=end.as_of)
        if point is not None:
            return point, stand_in
    return point, None


def _measure_shown(end: End, point: Point | None, stand_in: str | None) -> str:
    """The measure of an end's figure: its revision where that is stated as its own (Drammen's decision for 2023:
    the revised decision, 400), else the end's."""
    stated = point.sources[0].figure.measure if point is not None and len(point.sources) == 1 else ""
    return stated if stand_in is None and stated == REVISED.get(end.measure) else end.measure


def _end_shown(point: Point | None, stand_in: str | None, cite: Citations, ctx: Context) -> str:
    """One end of a change: its figure, 'ingen tall', or 'ingen tall; plantall 55¹'."""
    if point is None:
        return text("no_figures_short", ctx.language)
    if stand_in is None:
        return _shown(point, cite)
    instead = short_measure_label(stand_in, ctx.language)
    return text("stand_in_value", ctx.language, instead=instead, value=_shown(point, cite))


def _stated_change(before: Point, after: Point, ctx: Context) -> list[str]:
    """The source's own words of a change, where both figures are stated together with them and they give a per
    cent (seed 002: '11000 bosatt i 2015 fra 7700 i 2014 er en 45% økning', where 7 700 → 11 000 is 43 %)."""
    notes = {statement.figure.note for statement in [*before.sources, *after.sources]}
    note = notes.pop() if len(notes) == 1 else ""
    return [text("source_says", ctx.language, words=escape(note))] if STATED_PER_CENT.search(note) else []


def _in_percent(compared: tuple[Point, Point], ctx: Context) -> list[str]:
    """The change in per cent to a tenth ('Endring i prosent: +45,2 %'), where it can be worked out."""
    before, after = compared
    if not _comparable(before, after) or not before.value or after.value is None:
        return []
    change = (after.value - before.value) / before.value
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    shown = f"{sign}{ctx.percent(abs(change), at_least=1)}"
    return [text("change_in_percent", ctx.language, change=shown)]


def _times(compared: tuple[Point, Point], ctx: Context) -> list[str]:
    """The later figure as a factor of the earlier, to a tenth unless asked otherwise ('Forhold: 2,6 ganger så
    mange'), where it can be worked out."""
    before, after = compared
    if not _comparable(before, after) or not before.value or after.value is None:
        return []
    factor = fixed(after.value / before.value, ctx.language, ctx.decimals or 1)
    return [text("change_times", ctx.language, factor=factor)]


def _share_left(whole: Point, part: Point, ctx: Context) -> list[str]:
    """What is left of the whole as a share of it ('hvor mange prosent var ikke fra Ukraina': 3 971 of 33 701,
    12 %)."""
    if not whole.value or part.value is None:
        return []
    return [
        f"{text('share_word', ctx.language)}: <b>{ctx.percent((whole.value - part.value) / whole.value)}</b>"
    ]


async def ratio_answer(question: Question, place: Place, ctx: Context) -> Reply:
    """One figure as a share of another for a place and year ('hvor stor andel av anmodningen har Melhus vedtatt')."""
    measure, per = ratio_of(question)
    stored = [WORKED_OUT.get(m, (m,))[-1] for m in (measure, per)]  # TOTALT's year: the assigned's
    year, note = await year_for(question, place, stored, ctx, every=True)
    if year is None:
        return await no_data(place, question.year, ctx, [measure, per], question.group)
    of_whom = _shared_of(question) if question.group_share else question.group
    groups, as_of = (question.group, of_whom), question.as_of_in(year)
    known = ctx.known_on(question, year)
    points = [
        await _point(place, year, m, g, ctx, as_of=known) for m, g in zip((measure, per), groups, strict=True)
    ]
    if points == [None, None]:
        return await no_data(place, year, ctx, [measure, per], question.group)
    cite = Citations(ctx.language)
    lines = [
        f"{label(m, g, ctx.language)}: "
        + (_shown(point, cite) if point is not None else text("no_figures_short", ctx.language))
        for m, g, point in zip((measure, per), groups, points, strict=True)
    ]
    part, whole = points
    share = settled_share(whole.value if whole else None, part.value if part else None)
    if share is not None:
        lines.append(f"{text('share_word', ctx.language)}: <b>{ctx.percent(share)}</b>")
    if share is not None and part and whole and (measure, per) == (Measure.SETTLED, Measure.DECIDED):
        left = number(max(0.0, (whole.value or 0) - (part.value or 0)), ctx.language)  # Rissa: 7 to go
        lines[-1] += f" · {text('remaining_word', ctx.language)} {left}"
    what = f"{_ratio_heading(question, measure, per, ctx.language)} {year}{as_of_words(as_of, ctx.language)}"
    return Reply("\n".join([note + title(place, ctx.language, what), *lines]) + cite.render())


async def part_share_answer(question: Question, part: Place, whole: Place, ctx: Context) -> Reply:
    """A place's share of a figure of the place it lies in ('hvor stor del av Midt-Norges anmodning for 2016 står
    Trondheim for': 650 of 2 922, 22 %)."""
    measure, group = question.measure or Measure.SETTLED, question.group
    year, note = await year_for(question, whole, (measure,), ctx)
    if year is None:
        return await no_data(whole, question.year, ctx, [measure], group)
    as_of = question.as_of_in(year)
    points = [await _point(place, year, measure, group, ctx, as_of=as_of) for place in (part, whole)]
    cite = Citations(ctx.language)
    lines = [
        f"{escape(shown_name(place, ctx.language))}: "
        + (_shown(point, cite) if point is not None else text("no_figures_short", ctx.language))
        for place, point in zip((part, whole), points, strict=True)
    ]
    share = settled_share(*(point.value if point else None for point in reversed(points)))
    if share is not None:
        lines.append(f"{text('share_word', ctx.language)}: <b>{ctx.percent(share)}</b>")
    whole_name = shown_name(whole, ctx.language)
    what = text("part_share_title", ctx.language, what=label(measure, group, ctx.language), whole=whole_name)
    heading = title(part, ctx.language, f"{what} {year}{as_of_words(as_of, ctx.language)}")
    return Reply("\n".join([note + heading, *lines]) + cite.render())


def _shared_of(question: Question) -> str:
    """Whose figure a group's share is of: everyone's, or the minors' where their under-15s are named beside
    them ('hvor stor andel av EM-anmodningen er under 15 år': 40 of 160)."""
    whole = WHOLE_OF.get(question.group)
    return whole if whole in question.groups else Group.ALL


def _ratio_heading(question: Question, measure: str, per: str, language: str) -> str:
    """'Andel EM av anmodning' for a group's share of a measure, else the ratio's title ('Bosatt av vedtaket')."""
    if question.group_share:
        group, what = group_label(question.group, language), short_measure_label(per, language)
        return text("group_share_title", language, group=group, what=what)
    return ratio_title(measure, per, language)


def ratio_of(question: Question) -> tuple[str, str]:
    """The measure divided and what it is divided by: settled of the decision unless others are named."""
    if question.per is None:
        return Measure.SETTLED, Measure.DECIDED
    if question.group_share:  # the group's share of the measure: the measure divided by itself, of everyone
        return question.per, question.per
    measure = question.measure if question.measure not in (None, question.per) else Measure.SETTLED
    return measure, question.per


def ratio_title(measure: str, per: str, language: str) -> str:
    """'Bosatt av vedtaket', or 'Vedtak i forhold til anmodning'."""
    if (measure, per) == (Measure.SETTLED, Measure.DECIDED):
        return text("share_settled_title", language)
    names = {"what": measure_label(measure, language), "per": short_measure_label(per, language)}
    return text("ratio_title", language, **names)


def _changes_within(
    question: Question, held: PlaceFigures, year: int, measure: str, cite: Citations, ctx: Context
) -> tuple[list[str], tuple[Point, Point] | None]:
    """The change during the year of the group asked; for a revision asked of everyone, of each group stated
    ('14 000 → 18 000', and the minors' '500 → 4 400'), and the first two figures compared."""
    groups = [question.group]
    if question.revision and question.group == Group.ALL:
        groups = groups_all_first(
            measure, {(s.figure.measure, s.figure.group) for s in held.statements(year)}
        )
    lines: list[str] = []
    compared = None
    for group in groups:
        own, pair = _within(held, year, measure, group, cite, ctx)
        named = "" if group == question.group else f"{group_label(group, ctx.language)}: "
        lines.extend(named + line for line in own)
        compared = compared or pair
    return lines, compared


def _within(
    held: PlaceFigures, year: int, measure: str, group: str, cite: Citations, ctx: Context
) -> tuple[list[str], tuple[Point, Point] | None]:
    """The change during the year: original to revised, or the first statement to the latest (none if one, or if
    the latest restates the first), and the two figures compared."""
    found = revision(held, year, measure, group)
    if found is None:
        return [], None
    original, revised = found
    if revised is not None:
        before, after = _stated(original, ctx), _stated(revised, ctx)
        words = {"before": _shown(before, cite), "after": _shown(after, cite)}
        difference = _difference(before, after, ctx)
        return [text("change_revised", ctx.language, difference=difference, **words)], (before, after)
    statements = held.statements(year, [measure], group)
    first = min(statements, key=precedence)
    if first.figure.as_of == original.figure.as_of or first.figure.value == original.figure.value:
        return [], None  # one statement, or the same figure restated: no change during the year
    dates = {"first": day(first.figure.as_of, ctx.language), "last": day(original.figure.as_of, ctx.language)}
    before, after = _stated(first, ctx), _stated(original, ctx)
    words = {"before": _shown(before, cite), "after": _shown(after, cite), **dates}
    difference = _difference(before, after, ctx)
    return [text("change_through_year", ctx.language, difference=difference, **words)], (before, after)


async def _point(
    place: Place,
    year: int,
    measure: str,
    group: str,
    ctx: Context,
    *,
    summed: bool = True,
    original: bool = False,
    as_of: date | None = None,
) -> Point | None:
    """The figure that stood at the end of a year (as first stated, if `original`; on a day, if `as_of`): the
    revised one if revised, else a sum over the members (unless not `summed`)."""
    held = await ctx.figures(place)
    if as_of is not None:
        stated = held.current([year], [measure], [group], as_of=as_of)
        if stated:
            return _stated(stated[0], ctx)
    else:
        found = revision(held, year, measure, group)
        if found is not None:
            return _stated(found[0] if original else found[1] or found[0], ctx)
    if measure == Measure.SETTLED_AND_ASSIGNED and group == Group.ALL:  # TOTALT not stated: from its parts
        worked = _settled_and_assigned(held, year, as_of, ctx)
        if worked is not None:
            return worked
    if not summed or not ctx.is_sum(place, year):
        return None
    total = (await ctx.totals(place, year, [measure], as_of)).get((measure, group))
    return _summed(total, ctx) if total is not None and total.parts and total.summable else None


def _settled_and_assigned(held: PlaceFigures, year: int, as_of: date | None, ctx: Context) -> Point | None:
    """The status table's TOTALT worked out from its parts of one day (the day the assigned were last counted by
    `as_of`): Melhus's 43 settled + 13 assigned on 10.12.2015 are 56."""
    assigned = held.current([year], [Measure.ASSIGNED], [Group.ALL], as_of=as_of)
    if not assigned:
        return None
    counted = assigned[0].figure.as_of
    settled = held.current([year], [Measure.SETTLED], [Group.ALL], as_of=counted)
    if not settled or not same_day(settled[0], assigned[0]):
        return None
    value = (settled[0].figure.value or 0) + (assigned[0].figure.value or 0)
    return Point(value, number(value, ctx.language), [settled[0], assigned[0]])


def _stated(statement: Statement, ctx: Context) -> Point:
    """A stated figure as a point (not of the whole place where it is a sum of listed rows only)."""
    whole = statement.figure.scope != PARTIAL
    return Point(statement.figure.value, ctx.value(statement), [statement], whole=whole)


def _summed(total: Aggregate, ctx: Context) -> Point:
    """A sum over the members with a value, and how many of how many that is."""
    covering = frozenset(place_id_of(member) for member, _ in total.parts)
    sources = [statement for _, statement in total.parts]
    coverage = f" ({total.known}/{total.members})"
    whole = total.known == total.members
    return Point(total.computed, ctx.total_value(total), sources, covering, coverage, whole)


def _shown(point: Point, cite: Citations) -> str:
    """A point's value with its footnotes (and its coverage, for a sum)."""
    return f"{point.shown}{cite.cite_all(point.sources)}{point.coverage}"


def _subtracted(first: Point, second: Point, ctx: Context) -> str:
    """'1 978 − 689 = 1 289': the first less the second, as computed (':' where either is hidden)."""
    if first.value is None or second.value is None or ":" in (first.shown, second.shown):
        return ":"
    return f"{first.shown} − {second.shown} = <b>{signed(first.value - second.value, ctx.language)}</b>"


def _difference(before: Point, after: Point, ctx: Context) -> str:
    """'+252 (+434 %)', or why there is none: a hidden value, or sums over different members."""
    if not _comparable(before, after):
        return text("not_comparable", ctx.language)
    if before.value is None or after.value is None or ":" in (before.shown, after.shown):
        return ":"
    change = after.value - before.value
    sign = "+" if change > 0 else "−" if change < 0 else "±"
    shown = f"<b>{sign}{number(abs(change), ctx.language)}</b>"
    if not before.value:
        return shown
    return f"{shown} ({sign}{ctx.percent(abs(change) / before.value)})"


def _comparable(before: Point, after: Point) -> bool:
    """Whether two figures cover the same: the same members summed, or each the whole place (a stated total and a
    sum over every member: 821 stated for 2015, 1 006 summed over all ten in 2016)."""
    return before.covering == after.covering or (before.whole and after.whole)
