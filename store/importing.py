"""Checking figures against the register and the stored figures, applying them, and undoing changes.

An upload or a /set becomes a `Plan`: each entry resolved to a place and compared with the current
figure (new, changed, unchanged, or an earlier statement). A plan without errors is applied in the
caller's unit of work, with one audit `Change` that every written figure points to; undo retracts
those figures and records the undo in the audit log.
"""

from __future__ import annotations

import asyncio
import heapq
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import cache
from itertools import islice

from sqlalchemy import insert, update
from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from store.metrics import IMPORTS
from store.models import Change, Figure, Place, Source, place_id_of
from store.places import PlaceIndex
from store.queries import FigureRow, Statement, active, current_figures
from store.reading import Entries, Entry, Problem, Problems, Reading
from store.users import audit
from store.vocabulary import POPULATION_GROUPS, WRITABLE_MEASURES, Group, Measure

FIGURE_ACTIONS = ("import", "set")
WRITTEN = ("new", "changed", "earlier")
PARTS = ((Group.EM, Group.ALL), (Group.EM_UNDER_15, Group.EM))  # (group, the group it is part of)
WHOLES = {whole for _, whole in PARTS}
LARGEST = 5  # changes shown in a preview
INSERTED_AT_ONCE = 5_000  # statements per INSERT, so others are answered between them
STATISTICS = ("imdi", "imdi_table")
SUFFIX = re.compile(r"\s*\([^)]*\)\s*$")  # IMDi's '(t.o.m. 2019)', '(f.o.m. 2020)', '(Østf.)'
# the layouts of IMDi's statistics downloads
FIGURES = Figure.__table__  # type: ignore[attr-defined]  # SQLModel declares no __table__


@dataclass(frozen=True)
class Delta:
    """One entry compared with the stored figure: what applying it would do."""

    entry: Entry
    place: Place
    current: Statement | None
    kind: str  # "new", "changed", "unchanged" or "earlier" (a statement older than the current one)

    @property
    def old(self) -> float | None:
        """The current value (None when there is none, or it is hidden)."""
        return None if self.current is None else self.current.figure.value

    @property
    def size(self) -> float:
        """How much the value moves, for listing the largest changes first."""
        return abs((self.entry.value or 0) - (self.old or 0))


@dataclass
class Plan:
    """What applying a reading would change, and every problem found."""

    deltas: list[Delta]  # left empty when there are errors: such a plan is never applied
    problems: Problems
    tally: Counter[str] = field(default_factory=Counter)  # new, changed, unchanged and earlier entries
    changes: list[Delta] = field(default_factory=list)  # the changes that move a value the most
    based_on: int | None = None  # the newest change of figures when it was checked (newest_figure_change)

    def __post_init__(self) -> None:
        if not self.tally:
            self.tally = Counter(d.kind for d in self.deltas)

    @property
    def errors(self) -> Problems:
        """Problems that stop the import."""
        return self.problems.chosen(error=True)

    @property
    def warnings(self) -> Problems:
        """Problems shown but not stopping the import."""
        return self.problems.chosen(error=False)

    def counts(self) -> Counter[str]:
        """How many entries are new, changed, unchanged and earlier."""
        return self.tally

    def largest(self, limit: int = LARGEST) -> list[Delta]:
        """The changes that move a value the most."""
        return self.changes[:limit]

    @property
    def written(self) -> list[Delta]:
        """The entries that become statements."""
        return [d for d in self.deltas if d.kind in WRITTEN]


def resolve(
    index: PlaceIndex, text: str, year: int, suggest: Callable[[str], list[Place]] | None = None
) -> tuple[Place | None, Problem | None]:
    """The one place a code or name stands for in a year, or the problem (unknown, ambiguous)."""
    matches = index.exact(text, year=year)
    if len(matches) == 1:
        return matches[0].place, None
    place = index.by_code.get(text)  # the export's codes: regions, groups, the nation
    if place is not None:
        return place, None
    if matches:
        names = ", ".join(f"{m.place.name} ({m.place.code})" for m in matches)
        return None, Problem(0, "imp_ambiguous_place", {"place": text, "places": names}, value=text)
    if SUFFIX.search(text):
        return resolve(index, index.completed(text) or SUFFIX.sub("", text).strip(), year, suggest)
    suggestions = ", ".join(p.name for p in (suggest or index.suggestions)(text))
    if not suggestions:
        return None, Problem(0, "imp_unknown_place", {"place": text}, value=text)
    return None, Problem(0, "imp_unknown_place_like", {"place": text, "suggestions": suggestions}, value=text)


def _places(index: PlaceIndex, entries: Entries) -> dict[tuple[str, int], Place | Problem]:
    """Each place as written, for each year it is stated for: the place, or why it is not known for certain."""
    found: dict[tuple[str, int], Place | Problem] = {}
    suggest = cache(index.suggestions)  # the same for every year
    for text, year in entries.places_and_years():
        place, problem = resolve(index, text, year, suggest)
        found[(text, year)] = place or problem or Problem(0, "imp_unknown_place", {"place": text}, value=text)
    return found


Key = tuple[int, int, str, str, date]  # a figure of one date: place, year, measure, group, as-of


@dataclass(frozen=True, slots=True)
class _Known:
    """A place found for an entry, with its id at hand (an ORM attribute costs microseconds each time)."""

    place: Place
    id: int
    total: bool  # a county, region or the nation: stated as its total


@dataclass
class _Comparison:
    """The state of comparing a reading's entries with the stored figures, entry by entry."""

    places: dict[tuple[str, int], _Known | Problem]
    known: tuple[set[str], set[str]]  # the measures and the groups that may be written
    current: dict[tuple[int, int, str, str], Statement]
    problems: Problems = field(default_factory=Problems)
    first_rows: dict[Key, int] = field(default_factory=dict)  # where each figure is first stated
    wholes: dict[Key, float | None] = field(default_factory=dict)  # totals, and all minors, for the parts
    requests: dict[tuple[int, int, str], float | None] = field(default_factory=dict)
    reported: tuple[int, str] = (0, "")  # the last (row, key) reported, so a row says a thing once

    def report(self, problem: Problem) -> None:
        """A problem of a row, unless the row said it already."""
        if (problem.row, problem.key) != self.reported:
            self.reported = (problem.row, problem.key)
            self.problems.append(problem)

    def placed(self, entries: Entries) -> Iterator[tuple[Entry, _Known]]:
        """The entries whose place is known (made again from the compact reading: they may be millions)."""
        for entry in entries:
            place = self.places[(entry.place, entry.year)]
            if isinstance(place, _Known):
                yield entry, place


def _first_pass(comparison: _Comparison, entries: Entries) -> None:
    """Unknown places, unknown measures and repeated figures reported; totals and requests noted for the second."""
    measures, groups = comparison.known
    for entry in entries:
        place = comparison.places[(entry.place, entry.year)]
        if isinstance(place, Problem):
            comparison.report(replace(place, row=entry.row))
            continue
        for known, value in ((measures, entry.measure), (groups, entry.group)):
            if value not in known:
                comparison.problems.append(
                    Problem(entry.row, "imp_unknown_measure", {"text": value}, value=value)
                )
        key = (place.id, entry.year, entry.measure, entry.group, entry.as_of)
        first = comparison.first_rows.setdefault(key, entry.row)
        if first != entry.row:
            comparison.report(Problem(entry.row, "imp_duplicate", {"first": str(first)}, value=entry.place))
        if entry.group in WHOLES:
            comparison.wholes[key] = entry.value
        if entry.measure == Measure.REQUESTED:
            comparison.requests[(place.id, entry.year, entry.group)] = entry.value


def _consistency(comparison: _Comparison, entry: Entry, place: int) -> None:
    """EM above the total, under-15 above EM (errors); a decision above the request (warning)."""
    if entry.value is None:
        return
    for group, whole in PARTS:
        if entry.group != group:
            continue
        total = comparison.wholes.get((place, entry.year, entry.measure, whole, entry.as_of))
        if total is not None and entry.value > total:
            key = "imp_em_above_total" if group == "em" else "imp_under_15_above_em"
            values = {"part": _whole(entry.value), "whole": _whole(total)}
            comparison.problems.append(Problem(entry.row, key, values, value=_whole(entry.value)))
    if entry.measure != Measure.DECIDED:
        return
    stored = comparison.current.get((place, entry.year, Measure.REQUESTED, entry.group))
    request = comparison.requests.get(
        (place, entry.year, entry.group), None if stored is None else stored.figure.value
    )
    if request is not None and entry.value > request:
        shown = {"decided": _whole(entry.value), "requested": _whole(request)}
        comparison.problems.append(Problem(entry.row, "imp_decided_above_request", shown, error=False))


def _compare(
    reading: Reading,
    places: dict[tuple[str, int], Place | Problem],
    known: tuple[set[str], set[str]],
    current: dict[tuple[int, int, str, str], Statement],
) -> Plan:
    """The plan: every entry checked and compared with its current figure (run in a thread: it may be millions)."""
    statistics = reading.kind in STATISTICS
    found = {
        key: _unplaced(p, key[0], statistics)
        if isinstance(p, Problem)
        else _Known(p, place_id_of(p), p.level != "municipality")
        for key, p in places.items()
    }
    comparison = _Comparison(found, known, current)
    _first_pass(comparison, reading.entries)
    deltas: list[Delta] = []
    tally: Counter[str] = Counter()
    changes: list[tuple[float, int, Delta]] = []  # a heap of the largest changes
    totals: dict[int, Place] = {}  # rows naming a county, region or the nation
    for entry, place in comparison.placed(reading.entries):
        _consistency(comparison, entry, place.id)
        statement = current.get((place.id, entry.year, entry.measure, entry.group))
        first = comparison.first_rows[(place.id, entry.year, entry.measure, entry.group, entry.as_of)]
        entry = _restated(entry, statement, reading.restated)
        delta = Delta(entry, place.place, statement, _delta_kind(entry, statement))
        tally[delta.kind] += 1
        if delta.kind == "changed" and first == entry.row:  # a repeated row once
            heapq.heappush(changes, (delta.size, -entry.row, delta))
            if len(changes) > LARGEST:
                heapq.heappop(changes)
        if not (reading.problems.blocking or comparison.problems.blocking):
            deltas.append(delta)
        if place.total:
            totals.setdefault(entry.row, place.place)
    if reading.kind not in (
        "export",
        *STATISTICS,
    ):  # those name whole totals; a table row may be a partial sum
        notes = (
            Problem(row, "imp_stated_total", {"place": p.name}, error=False) for row, p in totals.items()
        )
        comparison.problems.extend(notes)
    problems = reading.problems.merged(comparison.problems)
    largest = [delta for _, _, delta in sorted(changes, key=lambda c: (-c[0], -c[1]))]
    return Plan([] if problems.blocking else deltas, problems, tally, largest)


def _unplaced(problem: Problem, text: str, statistics: bool) -> Problem:
    """Why a place is not known: in IMDi's statistics an unknown number (9999) is a note, its rows skipped."""
    if statistics and text.isdigit():
        return Problem(0, "imp_unknown_code", {"place": text}, error=False, value=text)
    return problem


def _restated(entry: Entry, current: Statement | None, restated: date | None) -> Entry:
    """A past year's figure that differs from the current one, stated as of the upload (IMDi revises its statistics)."""
    if restated is None or current is None or entry.as_of >= restated or _same(entry, current):
        return entry
    return entry._replace(as_of=restated)


def _same(entry: Entry, current: Statement) -> bool:
    """Whether an entry says what the current statement does (a hidden value never replaces a known one)."""
    figure = current.figure
    return figure.value == entry.value or (entry.suppressed and figure.value is not None)


def _whole(value: float) -> str:
    """A value for a problem's text: 12 rather than 12.0."""
    return str(int(value)) if value.is_integer() else str(value)


def _delta_kind(entry: Entry, current: Statement | None) -> str:
    """Whether an entry is new, changes the current figure, repeats it, or is an earlier statement."""
    if current is None:
        return "new"
    if _same(entry, current):
        return "unchanged"
    return "earlier" if entry.as_of < current.figure.as_of else "changed"


async def _known_vocabulary(session: AsyncSession) -> tuple[set[str], set[str]]:
    """The measures and groups a file may state: the usual ones and those already stored (a typo would start a new one)."""
    measures = set(WRITABLE_MEASURES) | set((await session.exec(select(Figure.measure).distinct())).all())
    groups = set(POPULATION_GROUPS) | set((await session.exec(select(Figure.group).distinct())).all())
    return measures, groups


async def check(session: AsyncSession, index: PlaceIndex, reading: Reading) -> Plan:
    """Resolve the entries' places, find the problems, and compare with the current figures.

    The work over every entry runs in threads, between the database's answers, so that a large file
    never keeps the bot from answering others.
    """
    based_on = await newest_figure_change(session)  # read first: a change after it makes the plan stale
    places = await asyncio.to_thread(_places, index, reading.entries)
    known = await _known_vocabulary(session)
    found = [place for place in places.values() if isinstance(place, Place)]
    stored = await current_figures(
        session, place_ids=sorted({place_id_of(p) for p in found}), years=sorted({year for _, year in places})
    )
    current = {(s.figure.place_id, s.figure.year, s.figure.measure, s.figure.group): s for s in stored}
    plan = await _known_earlier(session, await asyncio.to_thread(_compare, reading, places, known, current))
    plan.based_on = based_on
    return plan


async def _known_earlier(session: AsyncSession, plan: Plan) -> Plan:
    """Earlier statements already stored with the same date and value count as unchanged (a re-import)."""
    earlier = [d for d in plan.deltas if d.kind == "earlier"]
    if not earlier:
        return plan
    query = select(Figure).where(
        active(),
        col(Figure.place_id).in_({place_id_of(d.place) for d in earlier}),
        col(Figure.year).in_({d.entry.year for d in earlier}),
        col(Figure.as_of).in_({d.entry.as_of for d in earlier}),
    )
    stored = {
        (f.place_id, f.year, f.measure, f.group, f.as_of, f.value) for f in (await session.exec(query)).all()
    }
    deltas = [
        replace(d, kind="unchanged") if d.kind == "earlier" and _key(d) in stored else d for d in plan.deltas
    ]
    return Plan(deltas, plan.problems, Counter(d.kind for d in deltas), plan.changes)


def _key(delta: Delta) -> tuple[int, int, str, str, date, float | None]:
    """A delta's figure as stored: place, year, measure, group, as-of and value."""
    entry = delta.entry
    return (place_id_of(delta.place), entry.year, entry.measure, entry.group, entry.as_of, entry.value)


async def source_for(session: AsyncSession, *, key: str, title: str, day: date) -> Source:
    """The source with this key, created if new."""
    source = (await session.exec(select(Source).where(Source.key == key))).first()
    if source is None:
        source = Source(key=key, title=title, document_date=day)
        session.add(source)
        await session.flush()
    return source


async def apply_plan(
    session: AsyncSession, plan: Plan, *, source: Source, user_id: int | None, action: str, summary: str
) -> Change:
    """Write the plan's new statements with one audit entry; the caller's unit of work commits all or nothing."""
    if plan.errors:
        raise ValueError("a plan with errors is never applied")
    change = await audit(session, user_id=user_id, action=action, summary=summary)
    IMPORTS.labels(action).inc()
    await write_statements(session, rows_of(plan.written), source=source, change=change)
    return change


Row = tuple[int, int, str, str, float | None, date, str]
# a statement to write: place id, year, measure, group, value (None: hidden), as-of, the place as written


def rows_of(deltas: Iterable[Delta]) -> Iterator[Row]:
    """The statements some deltas write."""
    for d in deltas:
        entry = d.entry
        yield (
            place_id_of(d.place),
            entry.year,
            entry.measure,
            entry.group,
            entry.value,
            entry.as_of,
            entry.place,
        )


async def write_statements(
    session: AsyncSession, rows: Iterable[Row], *, source: Source, change: Change
) -> None:
    """Insert statements under a source and an audit entry, in the caller's transaction."""
    connection = (
        await session.connection()
    )  # Core's executemany: the ORM's bulk path costs five times as much
    now = datetime.now(UTC)
    left = iter(rows)
    while chunk := [_statement(row, source, change, now) for row in islice(left, INSERTED_AT_ONCE)]:
        await connection.execute(insert(FIGURES), chunk)


def _statement(row: Row, source: Source, change: Change, now: datetime) -> dict[str, object]:
    """One statement's columns."""
    place_id, year, measure, group, value, as_of, area = row
    return {
        "place_id": place_id,
        "year": year,
        "measure": measure,
        "group": group,
        "value": value,
        "suppressed": value is None,
        "approximate": False,
        "scope": "",
        "as_of": as_of,
        "source_id": source.id,
        "source_table": "",
        "source_area": area,
        "note": "",
        "recorded_at": now,
        "change_id": change.id,
    }


async def newest_figure_change(session: AsyncSession) -> int | None:
    """The id of the newest audit entry that wrote or retracted figures (None before any)."""
    query = select(func.max(Change.id)).where(col(Change.action).in_((*FIGURE_ACTIONS, "undo")))
    return (await session.exec(query)).one()


async def undoable(session: AsyncSession, *, change_id: int | None, user_id: int) -> Change | None:
    """The change to undo: the one given, or the user's latest figure change not yet undone."""
    query = select(Change).where(col(Change.action).in_(FIGURE_ACTIONS), col(Change.undone_by).is_(None))
    if change_id is not None:
        query = query.where(Change.id == change_id)
    else:
        query = query.where(Change.user_id == user_id).order_by(col(Change.id).desc())
    return (await session.exec(query)).first()


async def undo_change(session: AsyncSession, change: Change, *, user_id: int) -> tuple[Change, int]:
    """Retract every statement a change wrote and record the undo; return its audit entry and the count."""
    undo = await audit(session, user_id=user_id, action="undo", summary=f"#{change.id} {change.summary}")
    result = await session.exec(
        update(Figure)
        .where(col(Figure.change_id) == change.id, col(Figure.retracted_at).is_(None))
        .values(retracted_at=datetime.now(UTC))
    )
    change.undone_by = undo.id
    session.add(change)
    await session.flush()
    return undo, result.rowcount


async def recent_changes(session: AsyncSession, *, limit: int = 10) -> list[Change]:
    """The latest entries of the audit log, newest first."""
    query = select(Change).order_by(col(Change.id).desc()).limit(limit)
    return list((await session.exec(query)).all())


async def figure_changes(session: AsyncSession, figures: Sequence[FigureRow]) -> dict[int, Change]:
    """The audit entries that wrote these figures, by id."""
    ids = sorted({f.change_id for f in figures if f.change_id is not None})
    if not ids:
        return {}
    return {
        c.id: c for c in (await session.exec(select(Change).where(col(Change.id).in_(ids)))).all() if c.id
    }
