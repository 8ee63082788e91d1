"""Status cards: a municipality's figures with sub-groups, snapshots and progress; a larger place's totals;
and, where the figure asked for is missing, what the place has instead."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from bot.answers.context import (
    Context,
    Keyed,
    as_of_words,
    caveat_words,
    dates_note,
    groups_all_first,
    keyed,
    label,
    span,
    title,
    value_of,
    year_for,
)
from bot.answers.places import what_exists
from bot.answers.tables import INTRO_MEASURES, intro_lines
from bot.render import Citations, day, escape, number
from bot.replies import Reply
from bot.texts import group_label, measure_label, short_measure_label, text
from bot.understanding import Question
from store.held import PlaceFigures
from store.models import Place
from store.places import valid_in
from store.queries import Aggregate, Statement, settled_share
from store.vocabulary import NOT_PEOPLE, POPULATION_GROUPS, WRITABLE_MEASURES, Group, Measure

# A card shows every measure an admin may write, then the planning figures, in this order.
CARD_MEASURES = (
    *WRITABLE_MEASURES,
    Measure.SETTLEMENT_NEED,
    Measure.SETTLED_FORECAST,
    Measure.PROPOSED,
    Measure.CAPACITY,
    Measure.CAPACITY_DWELLINGS,
)
SNAPSHOT_MEASURES = (Measure.SETTLED, Measure.ASSIGNED)
# How settlement is going: a year with only requests, plans or forecasts says nothing of it.
PROGRESS_MEASURES = (Measure.DECIDED, Measure.SETTLED, Measure.ASSIGNED)
SHOWN_SNAPSHOTS = 2  # earlier as-of dates on a status card


async def status_answer(
    question: Question,
    place: Place,
    ctx: Context,
    measures: Sequence[str] | None = None,
    what: str | None = None,
) -> Reply:
    """The status card of a place and year (totals with coverage for larger places)."""
    year, note = await year_for(question, place, measures or CARD_MEASURES, ctx)
    if year is None and measures is None:
        year, note = await year_for(question, place, (), ctx)
    if year is None:
        return await no_data(place, None, ctx, measures or (), question.group, what)
    cite = Citations(ctx.language)
    lines = await card_lines(place, year, question.group, cite, ctx, measures, question.as_of_in(year))
    if not lines:
        return await no_data(place, year, ctx, measures or (), question.group, what)
    cards = [note + _card(question, place, year, lines, ctx)]
    plain = question.year is None and not measures and place.level == "municipality"
    progress = await _progress_year(question, place, ctx) if plain else None
    if progress is not None and progress < year:  # a municipality's latest year is only plans: how it went
        earlier = await card_lines(
            place, progress, question.group, cite, ctx, None, question.as_of_in(progress)
        )
        cards.append(
            text("progress_year", ctx.language, year=progress)
            + "\n"
            + _card(question, place, progress, earlier, ctx)
        )
    return Reply("\n\n".join(cards) + cite.render())


def _card(question: Question, place: Place, year: int, lines: list[str], ctx: Context) -> str:
    """A card's heading and lines."""
    what = text("status_title", ctx.language, year=year) + as_of_words(question.as_of_in(year), ctx.language)
    return "\n".join([title(place, ctx.language, what), *lines])


async def _progress_year(question: Question, place: Place, ctx: Context) -> int | None:
    """The latest year with figures of how settlement went, a decision, settled or assigned, up to this year (a
    later year's cannot be known yet: where the data hold some, they are not how it is going today)."""
    year, _ = await year_for(question, place, PROGRESS_MEASURES, ctx, until=ctx.today.year)
    return year


async def card_lines(
    place: Place,
    year: int,
    group: str,
    cite: Citations,
    ctx: Context,
    measures: Sequence[str] | None = None,
    as_of: date | None = None,
) -> list[str]:
    """The lines of a place's card for a year (as of a day, if asked; totals with coverage where summed)."""
    if ctx.is_sum(place, year):
        return await _aggregate_lines(place, year, group, cite, ctx, measures, as_of)
    return await _municipality_lines(place, year, group, cite, ctx, measures, as_of)


async def no_data(
    place: Place,
    year: int | None,
    ctx: Context,
    measures: Sequence[str] = (),
    group: str = Group.ALL,
    what: str | None = None,
) -> Reply:
    """No figures for what was asked: the place's other figures of that year, or the years it has figures for."""
    what = what or (
        label(measures[0], group, ctx.language) if measures else _status_word(group, ctx.language)
    )
    named = f"{what} · {escape(place.name)}"
    head = (
        text("no_data", ctx.language, what=named, year=year)
        if year
        else text("no_data_at_all", ctx.language, what=named)
    )
    cite = Citations(ctx.language)
    # everyone's figures of that year, a group's as parts of them: 'Plantall: 160 · herav EM: 8'
    instead = await card_lines(place, year, Group.ALL, cite, ctx) if year else []
    if not instead:
        return Reply(f"{head}\n{await what_exists(place, ctx, group)}")
    lines = [head, text("figures_instead", ctx.language, name=escape(place.name), year=year), *instead]
    lines.extend(await _elsewhere(place, measures, group, what, ctx))
    return Reply("\n".join(lines) + cite.render())


def _status_word(group: str, language: str) -> str:
    """'status', or 'status, enslige mindreårige (EM)' for a group."""
    word = text("status_word", language)
    return word if group == Group.ALL else f"{word}, {group_label(group, language)}"


async def _elsewhere(place: Place, measures: Sequence[str], group: str, what: str, ctx: Context) -> list[str]:
    """The line saying which years have what was asked (or that none do); none for a plain status."""
    if not measures and group == Group.ALL:
        return []
    covered = await ctx.years(place, None if group == Group.ALL else group)
    years = sorted({y for m, ys in covered.items() if not measures or m in measures for y in ys})
    what = what if measures else group_label(group, ctx.language)
    if years:
        return [text("years_of", ctx.language, what=what, years=span(years))]
    return [text("none_of", ctx.language, name=escape(place.name), what=what)]


def _card_order(found: set[str], measures: Sequence[str] | None) -> list[str]:
    """The measures of a card: the chosen ones, or the standard ones followed by any others stated (figures that
    count no people, a plan's years or a programme's length, only where the card would have nothing else)."""
    if measures is not None:
        return [m for m in measures if m in found]
    shown = [m for m in CARD_MEASURES if m in found] + sorted(found - set(CARD_MEASURES) - NOT_PEOPLE)
    return shown or sorted(found)


async def _municipality_lines(
    place: Place,
    year: int,
    group: str,
    cite: Citations,
    ctx: Context,
    measures: Sequence[str] | None,
    as_of: date | None,
) -> list[str]:
    """Request, decision, settled, assigned with sub-groups, the intro table; for everyone also snapshots and progress."""
    held = await ctx.figures(place, [year])
    # without a day asked, as known today: a count stated later (a year's total in a later report) is not yet
    found = keyed(held.current(years=[year], as_of=as_of or ctx.today))
    order = _card_order({measure for measure, _ in found}, measures)
    lines = []
    for measure in (m for m in order if m not in INTRO_MEASURES):
        row = _card_row(measure, found, group, cite, ctx)
        lines.extend([row] if row else [])
        if measure == Measure.ASSIGNED and group == Group.ALL:  # the status table's TOTALT after its parts
            lines.extend(_total_row(found, cite, ctx))
    shown = [found[(m, group)] for m in order if (m, group) in found and m not in INTRO_MEASURES]
    lines.extend(disagreement_lines(held, shown, cite, ctx))
    if group != Group.ALL:
        return lines
    lines.extend(intro_lines({key: s for key, s in found.items() if key[0] in order}, cite, ctx))
    recent = held.statements(year, SNAPSHOT_MEASURES, Group.ALL, latest_dates=SHOWN_SNAPSHOTS + 1)
    lines.extend(_snapshots([s for s in recent if s.figure.as_of <= ctx.today], found, cite, ctx))
    progress = _progress(found, ctx)
    return [*lines, progress] if progress else lines


def disagreement_lines(
    held: PlaceFigures, shown: Sequence[Statement], cite: Citations, ctx: Context
) -> list[str]:
    """A line for each figure shown that another source states differently: 'Bosatt, annen kilde: 495¹'."""
    return [
        text(
            "other_source",
            ctx.language,
            measure=measure_label(s.figure.measure, ctx.language),
            value=ctx.value(other),
        )
        + cite.cite(other)
        for s in shown
        for other in held.disagreeing(s)
    ]


def _groups_of(measure: str, found: Keyed) -> list[str]:
    """The groups stated for a measure: all first, then the usual sub-groups, then any others."""
    present = {group for m, group in found if m == measure}
    usual = [g for g in POPULATION_GROUPS if g in present]
    return usual + sorted(present - set(usual))


def with_under_15(group: str) -> list[str]:
    """The groups shown when one is asked for: minors come with the minors under 15."""
    return [group, Group.EM_UNDER_15] if group == Group.EM else [group]


def _card_row(measure: str, found: Keyed, group: str, cite: Citations, ctx: Context) -> str:
    """One measure's line: the total and its sub-groups, each with its footnote."""
    groups = _groups_of(measure, found) if group == Group.ALL else with_under_15(group)
    of_which = f"{text('of_which', ctx.language)} " if (measure, Group.ALL) in found else ""
    parts = []
    for key in groups:
        statement = found.get((measure, key))
        if statement is None:
            continue
        mark = cite.cite(statement)
        rough = f" ({text('approximate', ctx.language)})" if statement.figure.approximate else ""
        prefix = "" if key == Group.ALL else f"{of_which}{group_label(key, ctx.language)}: "
        parts.append(f"{prefix}{ctx.value(statement)}{mark}{rough}")
    return f"{measure_label(measure, ctx.language)}: " + " · ".join(parts) if parts else ""


def _total_row(found: Keyed, cite: Citations, ctx: Context) -> list[str]:
    """The status table's TOTALT of the settled and assigned shown, where they are of the same day."""
    return total_lines(
        found.get((Measure.SETTLED, Group.ALL)), found.get((Measure.ASSIGNED, Group.ALL)), cite, ctx
    )


def same_day(settled: Statement | None, assigned: Statement | None) -> bool:
    """Whether a settled and an assigned count are both known and of the same day: parts of one TOTALT."""
    if settled is None or assigned is None or None in (settled.figure.value, assigned.figure.value):
        return False
    return settled.figure.as_of == assigned.figure.as_of


def total_lines(
    settled: Statement | None, assigned: Statement | None, cite: Citations, ctx: Context
) -> list[str]:
    """TOTALT of the status table worked out, where its parts are of the same day: 'Bosatt + utsøkt: 38 + 6 = 44',
    cited."""
    if settled is None or assigned is None or not same_day(settled, assigned):
        return []
    total = number((settled.figure.value or 0) + (assigned.figure.value or 0), ctx.language)
    parts = f"{ctx.value(settled)} + {ctx.value(assigned)} = <b>{total}</b>"
    name = measure_label(Measure.SETTLED_AND_ASSIGNED, ctx.language)
    return [f"{name}: {parts}{cite.cite_all([settled, assigned])}"]


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
    left = (decided.figure.value or 0) - (settled.figure.value or 0)
    remaining = number(max(left, 0), ctx.language)
    line = text("share_settled", ctx.language, share=ctx.percent(share), remaining=remaining)
    assigned = found.get((Measure.ASSIGNED, Group.ALL))
    if left > 0 and assigned is not None and same_day(settled, assigned):  # 'når vi regner med de utsøkte'
        counted = number(max(left - (assigned.figure.value or 0), 0), ctx.language)
        line += text("remaining_with_assigned", ctx.language, remaining=counted)
    return line


async def _aggregate_lines(
    place: Place,
    year: int,
    group: str,
    cite: Citations,
    ctx: Context,
    measures: Sequence[str] | None,
    as_of: date | None = None,
) -> list[str]:
    """Stated totals and computed sums with coverage (as of a day, if asked), for a county, region, nation,
    group or merged municipality; the share of the decision settled where both are stated."""
    found = await ctx.totals(place, year, measures, as_of)
    stated = {key: total.stated for key, total in found.items() if total.stated and key[0] in INTRO_MEASURES}
    former = await former_totals(place, year, measures, ctx)
    lines: list[str] = []
    for measure in _card_order({m for m, _ in found}, measures):
        if measure in INTRO_MEASURES and any(key[0] == measure for key in stated):
            continue  # the place's own introduction results: as a table below
        groups = groups_all_first(measure, found) if group == Group.ALL else with_under_15(group)
        for key in ((measure, g) for g in groups if (measure, g) in found):
            lines.append(aggregate_line(found[key], cite, ctx))
            lines.extend(former_lines(former, key, cite, ctx) if lines[-1] else [])
    if group == Group.ALL:
        lines.extend(intro_lines(stated, cite, ctx))
        lines.append(_progress({key: total.stated for key, total in found.items() if total.stated}, ctx))
    return [line for line in lines if line]


def aggregate_line(total: Aggregate, cite: Citations, ctx: Context) -> str:
    """'Anmodning: 909¹ (oppgitt, bare delsum) · Beregnet sum: 909² (8 av 25 kommuner med tall)'; '' if neither."""
    parts = []
    if total.stated:
        parts.append(_stated(total.stated, cite, ctx))
    if total.parts and total.members and total.summable:
        value = ctx.total_value(total) + cite.cite_all([statement for _, statement in total.parts])
        dates = dates_note(total.parts, ctx.language)
        parts.append(
            text(
                "computed_total",
                ctx.language,
                value=value,
                known=total.known,
                members=total.members,
                dates=f"; {dates}" if dates else "",
            )
        )
    if not parts:
        return ""
    name = label(total.measure, total.group, ctx.language)
    merged = total.place.level == "municipality"  # a merged municipality's years before: each part on a line
    return "\n".join(
        [f"{name}: " + " · ".join(parts), *(_part_lines(total, name, cite, ctx) if merged else [])]
    )


async def former_totals(
    place: Place, year: int, measures: Sequence[str] | None, ctx: Context
) -> list[tuple[Place, dict[tuple[str, str], Aggregate]]]:
    """The totals of the counties a county was made of, for a year before it existed (Trøndelag in 2016:
    Nord- and Sør-Trøndelag): their own stated figures go beside the sum over municipalities."""
    if place.level != "county" or valid_in(place, year):
        return []
    return [
        (county, await ctx.totals(county, year, measures))
        for county in ctx.index.counties_within(place, year)
    ]


def former_lines(
    former: list[tuple[Place, dict[tuple[str, str], Aggregate]]],
    key: tuple[str, str],
    cite: Citations,
    ctx: Context,
) -> list[str]:
    """'  Sør-Trøndelag (anmodning): 909¹ (oppgitt, bare delsum)', a line for each former county stating it."""
    what = label(*key, ctx.language)
    lines = []
    for county, totals in former:
        stated = totals[key].stated if key in totals else None
        if stated is not None:
            lines.append(
                f"  {escape(county.name)} ({what[:1].lower() + what[1:]}): {_stated(stated, cite, ctx)}"
            )
    return lines


def _stated(stated: Statement, cite: Citations, ctx: Context) -> str:
    """A stated total with what it is: '909¹ (oppgitt, bare delsum)'."""
    words = ", ".join([text("stated_total", ctx.language), *caveat_words(stated, ctx.language)])
    return f"{ctx.value(stated)}{cite.cite(stated)} ({words})"


def _part_lines(total: Aggregate, name: str, cite: Citations, ctx: Context) -> list[str]:
    """'  Rissa (anmodning): 25¹', a line for each municipality summed."""
    what = name[:1].lower() + name[1:]
    return [f"  {escape(member.name)} ({what}): {ctx.value(s)}{cite.cite(s)}" for member, s in total.parts]


def parts_of(total: Aggregate, cite: Citations, ctx: Context) -> str:
    """A merged municipality's sum, part by part: 'Rissa 25¹ + Leksvik 17¹'."""
    return " + ".join(f"{escape(member.name)} {ctx.value(s)}{cite.cite(s)}" for member, s in total.parts)
