"""Answers to understood questions: status cards, figures, totals, series, rankings, grants."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from bot.charts import bar_chart
from bot.render import Citations, day, escape, number, percent, shown_value
from bot.replies import Button, Reply
from bot.texts import (
    ADMIN_COMMANDS,
    COMMANDS,
    EXAMPLES,
    group_label,
    level_label,
    measure_label,
    short_measure_label,
    text,
)
from bot.understanding import Question
from store.held import PlaceFigures
from store.models import Place, ident
from store.places import PlaceIndex, PlaceMatch
from store.queries import (
    Aggregate,
    Statement,
    aggregates,
    precedence,
    settled_share,
)
from store.store import Store

CARD_MEASURES = (
    "requested",
    "requested_revised",
    "decided",
    "decided_revised",
    "settled",
    "assigned",
    "planned",
    "settlement_need",
    "settled_forecast",
    "proposed",
    "capacity",
    "capacity_dwellings",
)
SUB_GROUPS = ("em", "em_under_15", "ukraine", "resettlement", "family")
INTRO_MEASURES = (
    "intro_result_pct",
    "intro_result_rank",
    "intro_participants",
    "intro_participants_pct",
    "intro_outcome",
)
SHOWN_SNAPSHOTS = 2  # earlier as-of dates on a status card
SHOWN_STATEMENTS = 5  # earlier statements under a figure
AGGREGATE_LEVELS = ("county", "region", "nation", "group")
COMPARED_MEASURES = ("requested", "decided", "settled", "assigned")
NOT_COMPARED = ("series", "grant", "intro")  # these answer for the first place named


@dataclass
class Context:
    """What every answer needs: the data, the reader's language, today, and privacy."""

    store: Store
    index: PlaceIndex
    language: str
    today: date
    hide_small: bool = False

    def value(self, statement: Statement) -> str:
        """A figure's value, hidden as ':' where privacy asks for it."""
        figure = statement.figure
        return ":" if figure.suppressed else self._shown(figure.value, figure.group)

    def total_value(self, total: Aggregate) -> str:
        """A sum over members, hidden as a value is (a small EM sum could show one member's)."""
        return self._shown(total.computed, total.group)

    def _shown(self, value: float | None, group: str) -> str:
        """A number, or ':' when unknown or, for non-members, an EM count under 5 as IMDi hides it."""
        return shown_value(value, group, self.language, hide_small=self.hide_small)

    async def figures(self, place: Place) -> PlaceFigures:
        """A place's statements (held in memory once read)."""
        return await self.store.figures.of(ident(place))

    async def years(self, place: Place, group: str | None = None) -> dict[str, list[int]]:
        """For each measure, the years with figures: the place's own and, for a larger place, its members'."""
        own = (await self.figures(place)).years(group)
        if place.level not in AGGREGATE_LEVELS:
            return own
        covered = {m: set(ys) for m, ys in own.items()}
        for measure, year in await self.store.figures.of_members(place, group):
            covered.setdefault(measure, set()).add(year)
        return {measure: sorted(years) for measure, years in sorted(covered.items())}

    async def totals(
        self, place: Place, year: int, measures: Sequence[str] | None = None
    ) -> dict[tuple[str, str], Aggregate]:
        """A larger place's stated totals and the sums over its members in a year."""
        return (await self.totals_by_year(place, [year], measures))[year]

    async def totals_by_year(
        self, place: Place, years: Sequence[int], measures: Sequence[str] | None = None
    ) -> dict[int, dict[tuple[str, str], Aggregate]]:
        """totals for several years, in one query."""
        members = {year: self.index.members_in_year(place, year) for year in years}
        async with self.store.unit() as session:
            return await aggregates(session, place=place, members=members, measures=measures)


async def answer(question: Question, ctx: Context) -> list[Reply]:
    """The replies to a question; every question gets at least one."""
    if question.intent in ("help", "start"):
        return [help_reply(ctx.language, welcome=question.intent == "start")]
    if not question.places:
        return [_no_place(question, ctx)]
    if len(question.places) > 1:
        return [_choose_place(question, ctx.language)]
    match = question.places[0]
    notes = _match_notes(match, question, ctx.language)
    if question.also and question.intent not in NOT_COMPARED:
        return [await compare_answer(question, [match.place, *(m.place for m in question.also)], ctx, notes)]
    if not ctx.index.has_figures(match.place):
        return [Reply(notes + _no_figures(match.place, ctx))]
    replies = await _dispatch(question, match.place, ctx)
    replies[0].text = notes + replies[0].text
    return replies


async def _dispatch(question: Question, place: Place, ctx: Context) -> list[Reply]:
    """Route to the answer for the kind of question."""
    if question.intent == "series":
        return await series_answer(question, place, ctx)
    if question.intent == "ranking":
        return [await ranking_answer(question, place, ctx)]
    if question.intent == "intro":
        return [await status_answer(question, place, ctx, measures=INTRO_MEASURES)]
    if question.intent == "grant":
        return [await grant_answer(question, place, ctx)]
    if question.intent == "figure" and question.measure:
        return [await figure_answer(question, place, ctx)]
    return [await status_answer(question, place, ctx)]


def help_reply(language: str, *, welcome: bool = False, admin: bool = False) -> Reply:
    """Help with examples and the commands (an admin's too for an admin; the welcome line for /start)."""
    lines = [text("welcome", language)] if welcome else []
    lines.append(text("help", language))
    lines.extend(f"• <code>{escape(example)}</code>" for example in EXAMPLES)
    sections = [("help_commands", COMMANDS), *([("help_admin_commands", ADMIN_COMMANDS)] if admin else [])]
    for heading, commands in sections:
        lines.append(f"\n{text(heading, language)}:")
        lines.extend(
            f"/{name} — {escape(texts.get(language, texts['nb']))}" for name, texts in commands.items()
        )
    return Reply("\n".join(lines))


def _no_place(question: Question, ctx: Context) -> Reply:
    """No place recognised: suggestions for an unknown name, or help for anything else."""
    suggestions = ctx.index.suggestions(question.unknown_text) if question.unknown_text else []
    names_a_place = question.intent != "unknown" or (len(question.unknown_text.split()) == 1 and suggestions)
    if question.unknown_text and names_a_place:
        message = text("unknown_place", ctx.language, text=escape(question.unknown_text))
        if suggestions:
            names = ", ".join(escape(p.name) for p in suggestions)
            message += f" {text('did_you_mean', ctx.language)}: {names}?"
        buttons = [[(p.name, _callback(question, p))] for p in suggestions]
        return Reply(message, buttons=buttons)
    if question.intent == "unknown" and not question.measure:
        reply = help_reply(ctx.language)
        reply.text = text("not_understood", ctx.language) + "\n" + reply.text.split("\n", 1)[1]
        return reply
    return Reply(text("which_place", ctx.language))


def _callback(question: Question, place: Place) -> str:
    """Button data that repeats the question for a chosen place (at most 64 bytes)."""
    years = f"{question.years[0]}-{question.years[-1]}" if question.years else ""
    return f"q:{question.intent}:{place.code}:{years}:{question.measure or ''}:{question.group}"[:64]


def _choose_place(question: Question, language: str) -> Reply:
    """Several places fit: ask which one, with a button each."""
    buttons: list[list[Button]] = [
        [
            (
                f"{m.place.name} ({level_label(m.place.level, language)} {m.place.code})",
                _callback(question, m.place),
            )
        ]
        for m in question.places[:8]
    ]
    return Reply(text("choose_place", language, text=escape(question.place_text)), buttons=buttons)


def _match_notes(match: PlaceMatch, question: Question, language: str) -> str:
    """Say so when the place was read from a typo or an old name or number."""
    if match.how == "fuzzy":
        return (
            text(
                "interpreted_as",
                language,
                text=escape(question.place_text),
                name=escape(match.place.name),
            )
            + "\n"
        )
    if match.how == "old" and match.label != match.place.name:
        return text("old_name", language, label=escape(match.label), name=escape(match.place.name)) + "\n"
    return ""


def _no_figures(place: Place, ctx: Context) -> str:
    """A known place without figures: say so, and where its figures may be instead."""
    lines = [
        text(
            "no_figures_place",
            ctx.language,
            name=escape(place.name),
            level=level_label(place.level, ctx.language),
        )
    ]
    if place.successor_code and place.valid_to:
        successors = [
            ctx.index.by_code[c].name for c in place.successor_code.split(",") if c in ctx.index.by_code
        ]
        lines.append(
            text(
                "merged_into",
                ctx.language,
                name=escape(place.name),
                successor=escape(", ".join(successors)),
                date=day(place.valid_to, ctx.language),
            )
        )
    former = [p.name for p in ctx.index.predecessors(place) if ctx.index.has_figures(p)]
    if former and place.valid_from:
        lines.append(
            text(
                "predecessors",
                ctx.language,
                name=escape(place.name),
                date=day(place.valid_from, ctx.language),
                names=escape(", ".join(former)),
            )
        )
    return "\n".join(lines)


def _title(place: Place, language: str, what: str) -> str:
    """The bold heading of a card: place, its kind and code, and what is shown."""
    kind = level_label(place.level, language)
    code = f" {place.code}" if place.level in ("municipality", "county") else ""
    return f"<b>{escape(place.name)}</b> ({kind}{code}) · {what}"


async def _year_for(
    question: Question, place: Place, measures: tuple[str, ...], ctx: Context
) -> tuple[int | None, str]:
    """The year asked about, or the latest year with figures of these measures (any if none given).

    A question about one group (EM, Ukrainians) looks for the latest year with figures of that group.
    A larger place's own (stated) figures come first; without any, its municipalities' figures count.
    """
    if question.year is not None:
        return question.year, ""
    group = None if question.group == "all" else question.group
    years = _years_of((await ctx.figures(place)).years(group), measures)
    if not years and place.level in AGGREGATE_LEVELS:  # none of its own: its members' count
        found = await ctx.store.figures.of_members(place, group)
        years = [year for measure, year in found if not measures or measure in measures]
    if not years:
        return None, ""
    latest = max(years)
    return latest, text("latest_year", ctx.language, year=latest) + "\n"


def _years_of(covered: dict[str, list[int]], measures: tuple[str, ...]) -> list[int]:
    """The years covered of these measures (of any, if none given)."""
    return [
        year for measure, years in covered.items() if not measures or measure in measures for year in years
    ]


async def _what_exists(place: Place, ctx: Context, group: str = "all") -> str:
    """What a place (and a larger place's municipalities) has figures for: '… Bosatt 2006–2018; …'.

    For a question about one group (EM), the figures of that group.
    """
    covered = await ctx.years(place, None if group == "all" else group)
    parts = [f"{_label(m, group, ctx.language)} {_span(years)}" for m, years in covered.items()]
    key = "what_exists_with_members" if place.level in AGGREGATE_LEVELS else "what_exists"
    return text(key, ctx.language, name=escape(place.name), years="; ".join(parts))


def _label(measure: str, group: str, language: str) -> str:
    """A measure, with its group unless all: 'Anmodning, enslige mindreårige (EM)'."""
    label = measure_label(measure, language)
    return label if group == "all" else f"{label}, {group_label(group, language)}"


def _span(years: list[int]) -> str:
    """Years as compact ranges: 2006–2018, 2020."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


async def _no_data(what: str, place: Place, year: int | None, ctx: Context, group: str = "all") -> Reply:
    """No figures for this question: say what does exist (of the group asked about, if one)."""
    what = f"{what} · {escape(place.name)}"
    head = (
        text("no_data", ctx.language, what=what, year=year)
        if year
        else text("no_data_at_all", ctx.language, what=what)
    )
    return Reply(f"{head}\n{await _what_exists(place, ctx, group)}")


async def status_answer(
    question: Question, place: Place, ctx: Context, measures: tuple[str, ...] | None = None
) -> Reply:
    """The status card of a place and year (totals with coverage for larger places)."""
    year, note = await _year_for(question, place, measures or CARD_MEASURES, ctx)
    if year is None and measures is None:
        year, note = await _year_for(question, place, (), ctx)
    if year is None:
        return await _no_data(text("status_title", ctx.language, year="").strip(), place, None, ctx)
    if place.level in AGGREGATE_LEVELS:
        return await _aggregate_card(place, year, question.group, ctx, note, measures)
    return await _municipality_card(place, year, question.group, ctx, note, measures)


def _card_order(found: set[str], measures: tuple[str, ...] | None) -> list[str]:
    """The measures of a card: the chosen ones, or the standard ones followed by any others stated."""
    if measures is not None:
        return [m for m in measures if m in found]
    return [m for m in CARD_MEASURES if m in found] + sorted(found - set(CARD_MEASURES))


async def _municipality_card(
    place: Place, year: int, group: str, ctx: Context, note: str, measures: tuple[str, ...] | None
) -> Reply:
    """Request, decision, settled, assigned with sub-groups, snapshots and share of the decision."""
    held = await ctx.figures(place)
    found = _keyed(held.current(years=[year]))
    order = _card_order({measure for measure, _ in found}, measures)
    if not order:
        return await _no_data(text("status_title", ctx.language, year="").strip(), place, year, ctx)
    cite = Citations(ctx.language)
    lines = [note + _title(place, ctx.language, text("status_title", ctx.language, year=year))]
    lines.extend(row for row in (_card_row(m, found, group, cite, ctx) for m in order) if row)
    recent = held.statements(year, ["settled", "assigned"], "all", latest_dates=SHOWN_SNAPSHOTS + 1)
    lines.extend(_snapshots(recent, found, cite, ctx))
    progress = _progress(found, ctx)
    if progress:
        lines.append(progress)
    return Reply("\n".join(lines) + cite.render())


def _groups_of(measure: str, found: dict[tuple[str, str], Statement]) -> list[str]:
    """The groups stated for a measure: all first, then the usual sub-groups, then any others."""
    present = {group for m, group in found if m == measure}
    usual = [g for g in ("all", *SUB_GROUPS) if g in present]
    return usual + sorted(present - set(usual))


def _with_under_15(group: str) -> list[str]:
    """The groups shown when one is asked for: minors come with the minors under 15."""
    return [group, "em_under_15"] if group == "em" else [group]


def _card_row(
    measure: str, found: dict[tuple[str, str], Statement], group: str, cite: Citations, ctx: Context
) -> str:
    """One measure's line: the total and its sub-groups, each with its footnote."""
    groups = _groups_of(measure, found) if group == "all" else _with_under_15(group)
    parts = []
    for key in groups:
        statement = found.get((measure, key))
        if statement is None:
            continue
        mark = cite.cite(statement)
        rough = f" ({text('approximate', ctx.language)})" if statement.figure.approximate else ""
        label = "" if key == "all" else f"{text('of_which', ctx.language)} {group_label(key, ctx.language)}: "
        parts.append(f"{label}{ctx.value(statement)}{mark}{rough}")
    if not parts:
        return ""
    return f"{measure_label(measure, ctx.language)}: " + " · ".join(parts)


def _snapshots(
    history: list[Statement], found: dict[tuple[str, str], Statement], cite: Citations, ctx: Context
) -> list[str]:
    """Earlier as-of dates of settled and assigned (e.g. the status of 10.12.2015)."""
    settled = found.get(("settled", "all"))
    by_date: dict[date, dict[str, Statement]] = {}
    for statement in history:
        if statement.figure.measure in ("settled", "assigned") and statement.figure.group == "all":
            by_date.setdefault(statement.figure.as_of, {})[statement.figure.measure] = statement
    lines = []
    for when, measures in sorted(by_date.items()):
        if settled is not None and when == settled.figure.as_of:
            continue
        if "settled" not in measures:
            continue
        parts = [
            f"{measure_label(m, ctx.language).split(' (')[0].lower()} {ctx.value(s)}"
            for m, s in sorted(measures.items(), reverse=True)
        ]
        values = [s.figure.value for s in measures.values()]
        summed = " + ".join(parts)
        if len(values) == 2 and None not in values:
            summed += f" = {number(sum(v for v in values if v is not None), ctx.language)}"
        mark = cite.cite(next(iter(measures.values())))
        lines.append(text("snapshot", ctx.language, date=day(when, ctx.language), parts=summed) + mark)
    return lines


def _value_of(statement: Statement | None) -> float | None:
    """A statement's value, or None when there is no statement."""
    return statement.figure.value if statement is not None else None


def _progress(found: dict[tuple[str, str], Statement], ctx: Context) -> str:
    """Share of the decision settled and what remains."""
    decided = found.get(("decided_revised", "all")) or found.get(("decided", "all"))
    settled = found.get(("settled", "all"))
    share = settled_share(_value_of(decided), _value_of(settled))
    if decided is None or settled is None or share is None:
        return ""
    remaining = max((decided.figure.value or 0) - (settled.figure.value or 0), 0)
    return text(
        "share_settled",
        ctx.language,
        share=percent(share, ctx.language),
        remaining=number(remaining, ctx.language),
    )


async def _aggregate_card(
    place: Place, year: int, group: str, ctx: Context, note: str, measures: tuple[str, ...] | None
) -> Reply:
    """Stated totals and computed sums with coverage, for a county, region, nation or group."""
    found = await ctx.totals(place, year, measures)
    cite = Citations(ctx.language)
    lines = [note + _title(place, ctx.language, text("status_title", ctx.language, year=year))]
    for measure in _card_order({m for m, _ in found}, measures):
        groups = sorted({g for m, g in found if m == measure}, key=lambda g: (g != "all", g))
        for sub_group in groups if group == "all" else _with_under_15(group):
            if (measure, sub_group) in found:
                lines.append(_aggregate_line(found[(measure, sub_group)], cite, ctx))
    if len(lines) == 1:
        return await _no_data(text("status_title", ctx.language, year="").strip(), place, year, ctx)
    return Reply("\n".join(lines) + cite.render())


def _keyed(statements: list[Statement]) -> dict[tuple[str, str], Statement]:
    """Statements by (measure, group)."""
    return {(s.figure.measure, s.figure.group): s for s in statements}


def _aggregate_line(total: Aggregate, cite: Citations, ctx: Context) -> str:
    """'Anmodning: 909¹ (stated, partial total only) · computed sum 909 (8 of 25 known)'."""
    label = _label(total.measure, total.group, ctx.language)
    parts = []
    if total.stated:
        words = [text("stated_total", ctx.language).lower(), *_caveat_words(total.stated, ctx.language)]
        parts.append(f"{ctx.value(total.stated)}{cite.cite(total.stated)} ({', '.join(words)})")
    if total.parts and total.members:
        marks = cite.cite_all([statement for _, statement in total.parts])
        parts.append(
            text(
                "computed_total",
                ctx.language,
                value=ctx.total_value(total) + marks,
                known=total.known,
                members=total.members,
            )
        )
    return f"{label}: " + " · ".join(parts)


# A figure is shown with its companion: the revised request or decision, the forecast of settlements.
COMPANIONS = {"requested": "requested_revised", "decided": "decided_revised", "settled": "settled_forecast"}


async def figure_answer(question: Question, place: Place, ctx: Context) -> Reply:
    """One measure for a place and year (with its companion and sub-groups), and every statement of it."""
    assert question.measure is not None
    measure, group = question.measure, question.group
    year, note = await _year_for(question, place, (measure,), ctx)
    what = _label(measure, group, ctx.language)
    if year is None:
        return await _no_data(what, place, question.year, ctx, group)
    measures = [m for m in (measure, COMPANIONS.get(measure)) if m is not None]
    held = await ctx.figures(place)
    history = held.statements(year, measures, latest_dates=SHOWN_STATEMENTS + 1)
    truncated = len({s.figure.as_of for s in history}) > SHOWN_STATEMENTS
    counts = held.counts(year, measures) if truncated else {}
    totals = await ctx.totals(place, year, measures) if place.level in AGGREGATE_LEVELS else {}
    cite = Citations(ctx.language)
    lines = []
    for shown in measures:
        present = {(s.figure.measure, s.figure.group) for s in history} | set(totals)
        for sub_group in (
            [group]
            if group != "all"
            else sorted({g for m, g in present if m == shown}, key=lambda g: (g != "all", g))
        ):
            own = [s for s in history if (s.figure.measure, s.figure.group) == (shown, sub_group)]
            hidden = counts.get((shown, sub_group), len(own)) - len(own)
            lines.extend(_figure_lines(own, hidden, totals.get((shown, sub_group)), cite, ctx))
    if not lines:
        return await _no_data(what, place, year, ctx, group)
    return Reply("\n".join([note + _title(place, ctx.language, f"{year}"), *lines]) + cite.render())


def _figure_lines(
    history: list[Statement], hidden: int, total: Aggregate | None, cite: Citations, ctx: Context
) -> list[str]:
    """A figure's current value (or total with coverage), its latest other statements and how many are older."""
    lines = []
    current_id = None
    if total is not None:
        lines.append(_aggregate_line(total, cite, ctx))
        current_id = total.stated.figure.id if total.stated else None
    elif history:
        current = max(history, key=precedence)
        current_id = current.figure.id
        figure = current.figure
        label = _label(figure.measure, figure.group, ctx.language)
        lines.append(f"{label}: <b>{ctx.value(current)}</b>{cite.cite(current)}")
    others = [s for s in history if s.figure.id != current_id]
    hidden += max(len(others) - SHOWN_STATEMENTS, 0)
    if hidden:
        lines.append(text("more_statements", ctx.language, count=hidden))
    for other in others[-SHOWN_STATEMENTS:]:
        rough = f" ({text('approximate', ctx.language)})" if other.figure.approximate else ""
        when = f"{text('as_of', ctx.language)} {day(other.figure.as_of, ctx.language)}"
        lines.append(f"  {when}: {ctx.value(other)}{cite.cite(other)}{rough}")
    return lines


async def series_answer(question: Question, place: Place, ctx: Context) -> list[Reply]:
    """A measure over the years: a compact table and a bar chart (sums over the members where none is stated)."""
    measure = question.measure or "settled"
    asked = [question.group] if question.group != "all" else ["all", "em"]
    series = Series(measure_label(measure, ctx.language), Citations(ctx.language))
    for statement in (await ctx.figures(place)).current(question.years or None, [measure], asked):
        figure = statement.figure
        series.add(figure.year, figure.group, ctx.value(statement), [statement], figure.value)
    if not series.cells and place.level in AGGREGATE_LEVELS:
        await _add_sums(series, place, measure, asked, question.years, ctx)
    if not series.cells:
        what = _label(measure, question.group, ctx.language)
        return [await _no_data(what, place, question.year, ctx, question.group)]
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
        header = " | ".join(group_label(g, ctx.language) if g != "all" else self.what for g in groups)
        lines = [_title(place, ctx.language, span)]
        lines.append(f"<code>{text('year_heading', ctx.language)}</code> | {escape(header)}")
        for year in sorted(self.cells):
            lines.append(f"<code>{year}</code> | " + " | ".join(self.cells[year].get(g, "–") for g in groups))
        if self.summed:
            lines.append(text("summed_series", ctx.language))
        replies = [Reply("\n".join(lines) + self.cite.render())]
        bars = {
            self.what if g == "all" else group_label(g, ctx.language): self.bars[g]
            for g in groups
            if g in self.bars
        }
        if first != last and bars:
            title = f"{place.name}: {self.what}" + (
                f" ({text('summed', ctx.language)})" if self.summed else ""
            )
            replies.append(
                Reply(f"{escape(place.name)}: {escape(span)}", draw=partial(bar_chart, title, bars))
            )
        return replies


async def compare_answer(question: Question, places: list[Place], ctx: Context, notes: str) -> Reply:
    """Places named together, side by side for one year: their own figures and share of the decision settled."""
    measures = (question.measure,) if question.measure else COMPARED_MEASURES
    held = [await ctx.figures(place) for place in places]
    year, note = question.year, ""
    if year is None:
        covered = [figures.years() for figures in held]
        years = [y for found in covered for m, ys in found.items() if m in measures for y in ys]
        if not years:
            return await _no_data(measure_label(measures[0], ctx.language), places[0], None, ctx)
        year = max(years)
        note = text("latest_year", ctx.language, year=year) + "\n"
    by_place: dict[int, dict[str, Statement]] = {ident(place): {} for place in places}
    for figures in held:
        for statement in figures.current([year], measures, [question.group]):
            by_place[statement.figure.place_id][statement.figure.measure] = statement
    cite = Citations(ctx.language)
    group = "" if question.group == "all" else f" · {group_label(question.group, ctx.language)}"
    names = " · ".join(escape(place.name) for place in places)
    lines = [f"{notes}{note}<b>{names}</b> · {year}{group}"]
    lines.extend(_compared_line(place, by_place[ident(place)], measures, cite, ctx) for place in places)
    return Reply("\n".join(lines) + cite.render())


def _compared_line(
    place: Place, values: dict[str, Statement], measures: tuple[str, ...], cite: Citations, ctx: Context
) -> str:
    """'Melhus: anmodning 56¹ · vedtak 51¹ · bosatt 43¹ · utsøkt 13¹ · 84 %'."""
    parts = [
        f"{short_measure_label(m, ctx.language)} {ctx.value(values[m])}{cite.cite(values[m])}"
        + _caveats(values[m], ctx.language)
        for m in measures
        if m in values
    ]
    share = settled_share(_value_of(values.get("decided")), _value_of(values.get("settled")))
    if share is not None:
        parts.append(percent(share, ctx.language))
    return f"{escape(place.name)}: " + (" · ".join(parts) or text("no_figures_short", ctx.language))


def _caveat_words(statement: Statement, language: str) -> list[str]:
    """'bare delsum' for a stated total that covers only some places, 'avrundet' for a rounded figure."""
    words = [text("partial_total", language)] if statement.figure.scope == "partial" else []
    return words + ([text("approximate", language)] if statement.figure.approximate else [])


def _caveats(statement: Statement, language: str) -> str:
    """' (bare delsum, avrundet)', or nothing for a plain figure."""
    words = _caveat_words(statement, language)
    return f" ({', '.join(words)})" if words else ""


async def ranking_answer(question: Question, place: Place, ctx: Context) -> Reply:
    """Members of a county, region or group ranked by the share of their decision settled (or by a value)."""
    if question.most:
        return await _ranking_by_value(question, place, ctx)
    year, note = await _year_for(question, place, ("decided", "settled"), ctx)
    if year is None or place.level not in AGGREGATE_LEVELS:
        return await status_answer(question, place, ctx)
    found = await ctx.totals(place, year, ["decided", "settled"])
    empty = Aggregate(place, year, "", "all", None, [], 0)
    decided = found.get(("decided", "all"), empty)
    settled = {p.id: s for p, s in found.get(("settled", "all"), empty).parts}
    cite = Citations(ctx.language)
    rows = []
    for member, decision in decided.parts:
        done = settled.get(member.id)
        share = settled_share(decision.figure.value, _value_of(done))
        if done is None or share is None:
            continue
        settled_part = f"{ctx.value(done)}{cite.cite(done)}"
        decided_part = f"{ctx.value(decision)}{cite.cite(decision)}"
        rows.append(
            (
                share,
                f"{escape(member.name)}: {settled_part} / {decided_part} ({percent(share, ctx.language)})",
            )
        )
    if not rows:
        return await _no_data(measure_label("decided", ctx.language), place, year, ctx)
    rows.sort(key=lambda row: row[0])
    lines = [
        note
        + _title(
            place,
            ctx.language,
            f"{text('share_settled', ctx.language, share='', remaining='').split(':')[0]} {year}",
        )
    ]
    lines.extend(f"{i}. {line}" for i, (_, line) in enumerate(rows, 1))
    lines.append(text("known_of", ctx.language, known=len(rows), members=decided.members))
    return Reply("\n".join(lines) + cite.render())


async def _ranking_by_value(question: Question, place: Place, ctx: Context) -> Reply:
    """Members ranked by one figure, largest first ('flest bosatt i Trøndelag 2015')."""
    measure = question.measure or "settled"
    year, note = await _year_for(question, place, (measure,), ctx)
    if year is None or place.level not in AGGREGATE_LEVELS:
        return await status_answer(question, place, ctx)
    what = _label(measure, question.group, ctx.language)
    total = (await ctx.totals(place, year, [measure])).get((measure, question.group))
    known = [(member, s) for member, s in (total.parts if total else []) if s.figure.value is not None]
    if not known:
        return await _no_data(what, place, year, ctx, question.group)
    cite = Citations(ctx.language)
    known.sort(key=lambda part: (-(part[1].figure.value or 0), part[0].name))  # small hidden values come last
    title = f"{what} {year}, {text('largest_first', ctx.language)}"
    lines = [note + _title(place, ctx.language, title)]
    lines.extend(
        f"{i}. {escape(member.name)}: {ctx.value(s)}{cite.cite(s)}" for i, (member, s) in enumerate(known, 1)
    )
    lines.append(
        text("known_of", ctx.language, known=len(known), members=len(ctx.index.members_in_year(place, year)))
    )
    return Reply("\n".join(lines) + cite.render())


async def grant_answer(question: Question, place: Place, ctx: Context) -> Reply:
    """The extra grants of seed 001 computed for a municipality and year."""
    year, note = await _year_for(question, place, ("settled",), ctx)
    nation = ctx.index.by_code["NO"]
    rules = (await ctx.figures(nation)).current(
        [year] if year else None, ["grant_beyond_request_nok", "grant_per_settled_nok"]
    )
    if year is None or not rules:
        return await _no_data(measure_label("grant_beyond_request_nok", ctx.language), place, year, ctx)
    own = _keyed((await ctx.figures(place)).current([year]))
    cite = Citations(ctx.language)
    lines = [
        note
        + _title(
            place,
            ctx.language,
            f"{measure_label('grant_per_settled_nok', ctx.language).split(' (')[0]} {year}",
        )
    ]
    for rule in rules:
        lines.append(_grant_line(rule, own, cite, ctx))
    return Reply("\n".join(lines) + cite.render())


def _grant_line(rule: Statement, own: dict[tuple[str, str], Statement], cite: Citations, ctx: Context) -> str:
    """One grant rule applied: the amount, what it is multiplied by, and the result."""
    rate = rule.figure.value or 0
    settled = own.get(("settled", rule.figure.group))
    label = f"{measure_label(rule.figure.measure, ctx.language)}: {number(rate)}{cite.cite(rule)}"
    if settled is None or settled.figure.value is None:
        return f"{label} — {text('no_data', ctx.language, what=measure_label('settled', ctx.language), year=rule.figure.year)}"
    count = settled.figure.value
    if rule.figure.measure == "grant_beyond_request_nok":
        requested = own.get(("requested", "all"))
        if requested is None or requested.figure.value is None:
            return f"{label} — {text('no_data', ctx.language, what=measure_label('requested', ctx.language), year=rule.figure.year)}"
        count = max(count - requested.figure.value, 0)
        basis = f"({number(settled.figure.value)}{cite.cite(settled)} − {number(requested.figure.value)}{cite.cite(requested)})"
    else:
        basis = f"{number(count)}{cite.cite(settled)}"
    return f"{label}\n  {basis} × {number(rate)} = <b>{number(count * rate)} kr</b>"
