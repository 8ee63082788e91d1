"""Checking figures against the register and the stored figures, applying them, and undoing changes.

An upload or a /set becomes a `Plan`: each entry resolved to a place and compared with the current
figure (new, changed, unchanged, or an earlier statement). A plan without errors is applied in the
caller's unit of work, with one audit `Change` that every written figure points to; undo retracts
those figures and records the undo in the audit log.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from sqlalchemy import insert, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from store.models import Change, Figure, Place, Source, ident
from store.places import PlaceIndex
from store.queries import FigureRow, Statement, active, current_figures
from store.reading import Entry, Problem, Reading
from store.users import audit
from store.vocabulary import POPULATION_GROUPS, WRITABLE_MEASURES, Group

FIGURE_ACTIONS = ("import", "set")
WRITTEN = ("new", "changed", "earlier")
PARTS = ((Group.EM, Group.ALL), (Group.EM_UNDER_15, Group.EM))  # (group, the group it is part of)


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

    deltas: list[Delta]
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        """Problems that stop the import."""
        return [p for p in self.problems if p.error]

    @property
    def warnings(self) -> list[Problem]:
        """Problems shown but not stopping the import."""
        return [p for p in self.problems if not p.error]

    def counts(self) -> Counter[str]:
        """How many entries are new, changed, unchanged and earlier."""
        return Counter(d.kind for d in self.deltas)

    def largest(self, limit: int = 5) -> list[Delta]:
        """The changes that move a value the most."""
        changed = [d for d in self.deltas if d.kind == "changed"]
        return sorted(changed, key=lambda d: -d.size)[:limit]

    @property
    def written(self) -> list[Delta]:
        """The entries that become statements."""
        return [d for d in self.deltas if d.kind in WRITTEN]


def resolve(index: PlaceIndex, text: str, year: int) -> tuple[Place | None, Problem | None]:
    """The one place a code or name stands for in a year, or the problem (unknown, ambiguous)."""
    matches = index.exact(text, year=year)
    if len(matches) == 1:
        return matches[0].place, None
    place = index.by_code.get(text)  # the export's codes: regions, groups, the nation
    if place is not None:
        return place, None
    if matches:
        names = ", ".join(f"{m.place.name} ({m.place.code})" for m in matches)
        return None, Problem(0, "imp_ambiguous_place", {"place": text, "places": names})
    suggestions = ", ".join(p.name for p in index.suggestions(text))
    if not suggestions:
        return None, Problem(0, "imp_unknown_place", {"place": text})
    return None, Problem(0, "imp_unknown_place_like", {"place": text, "suggestions": suggestions})


def _resolved(index: PlaceIndex, entries: list[Entry]) -> tuple[list[tuple[Entry, Place]], list[Problem]]:
    """Entries with their places; problems for the rows whose place is not known for certain."""
    found: list[tuple[Entry, Place]] = []
    problems: list[Problem] = []
    cache: dict[tuple[str, int], tuple[Place | None, Problem | None]] = {}
    for entry in entries:
        key = (entry.place, entry.year)
        if key not in cache:
            cache[key] = resolve(index, entry.place, entry.year)
        place, problem = cache[key]
        if place is not None:
            found.append((entry, place))
        elif problem is not None and (entry.row, problem.key) not in {(p.row, p.key) for p in problems[-1:]}:
            problems.append(Problem(entry.row, problem.key, problem.values))  # once per row
    return found, problems


def _duplicates(found: list[tuple[Entry, Place]]) -> list[Problem]:
    """Rows stating the same figure for the same date as an earlier row."""
    seen: dict[tuple[int, int, str, str, date], int] = {}
    problems = []
    for entry, place in found:
        key = (ident(place), entry.year, entry.measure, entry.group, entry.as_of)
        if key in seen:
            problems.append(Problem(entry.row, "imp_duplicate", {"first": str(seen[key])}))
        else:
            seen[key] = entry.row
    return problems


def _consistency(
    found: list[tuple[Entry, Place]], current: dict[tuple[int, int, str, str], Statement]
) -> list[Problem]:
    """EM above the total, under-15 above EM (errors); a decision above the request (warning)."""
    values = {(ident(p), e.year, e.measure, e.group, e.as_of): e.value for e, p in found}
    requests = {key: s.figure.value for key, s in current.items() if key[2] == "requested"}
    requests |= {
        (ident(p), e.year, e.measure, e.group): e.value for e, p in found if e.measure == "requested"
    }
    problems = []
    for entry, place in found:
        for group, whole in PARTS:
            total = values.get((ident(place), entry.year, entry.measure, whole, entry.as_of))
            if entry.group == group and entry.value is not None and total is not None and entry.value > total:
                key = "imp_em_above_total" if group == "em" else "imp_under_15_above_em"
                problems.append(
                    Problem(entry.row, key, {"part": _whole(entry.value), "whole": _whole(total)})
                )
        request = requests.get((ident(place), entry.year, "requested", entry.group))
        if (
            entry.measure == "decided"
            and entry.value is not None
            and request is not None
            and entry.value > request
        ):
            shown = {"decided": _whole(entry.value), "requested": _whole(request)}
            problems.append(Problem(entry.row, "imp_decided_above_request", shown, error=False))
    return problems


def _stated_totals(found: list[tuple[Entry, Place]]) -> list[Problem]:
    """A note for each row naming a county, region or the nation: stored as that place's stated total."""
    rows = {e.row: p for e, p in found if p.level != "municipality"}
    return [Problem(row, "imp_stated_total", {"place": p.name}, error=False) for row, p in rows.items()]


def _whole(value: float) -> str:
    """A value for a problem's text: 12 rather than 12.0."""
    return str(int(value)) if value.is_integer() else str(value)


def _delta_kind(entry: Entry, current: Statement | None) -> str:
    """Whether an entry is new, changes the current figure, repeats it, or is an earlier statement."""
    if current is None:
        return "new"
    figure = current.figure
    same = figure.value == entry.value or (entry.suppressed and figure.value is not None)
    if same:  # a hidden value never replaces a known one
        return "unchanged"
    return "earlier" if entry.as_of < figure.as_of else "changed"


async def _vocabulary_problems(session: AsyncSession, entries: list[Entry]) -> list[Problem]:
    """Measures and groups that are neither the usual ones nor already stored (a typo would start a new one)."""
    measures = set(WRITABLE_MEASURES) | set((await session.exec(select(Figure.measure).distinct())).all())
    groups = set(POPULATION_GROUPS) | set((await session.exec(select(Figure.group).distinct())).all())
    problems = []
    for entry in entries:
        for known, value in ((measures, entry.measure), (groups, entry.group)):
            if value not in known:
                problems.append(Problem(entry.row, "imp_unknown_measure", {"text": value}))
    return problems


async def check(session: AsyncSession, index: PlaceIndex, reading: Reading) -> Plan:
    """Resolve the entries' places, find the problems, and compare with the current figures."""
    found, problems = _resolved(index, reading.entries)
    problems += await _vocabulary_problems(session, reading.entries)
    stored = await current_figures(
        session,
        place_ids=sorted({ident(p) for _, p in found}),
        years=sorted({e.year for e, _ in found}),
    )
    current = {(s.figure.place_id, s.figure.year, s.figure.measure, s.figure.group): s for s in stored}
    problems = [*reading.problems, *problems, *_duplicates(found), *_consistency(found, current)]
    if reading.kind != "export":  # the export names its totals on purpose; a table row may be a partial sum
        problems += _stated_totals(found)
    deltas = []
    for entry, place in found:
        statement = current.get((ident(place), entry.year, entry.measure, entry.group))
        deltas.append(Delta(entry, place, statement, _delta_kind(entry, statement)))
    return Plan(await _known_earlier(session, deltas), sorted(problems, key=lambda p: (p.row, not p.error)))


async def _known_earlier(session: AsyncSession, deltas: list[Delta]) -> list[Delta]:
    """Earlier statements already stored with the same date and value count as unchanged (a re-import)."""
    earlier = [d for d in deltas if d.kind == "earlier"]
    if not earlier:
        return deltas
    query = select(Figure).where(
        active(),
        col(Figure.place_id).in_({ident(d.place) for d in earlier}),
        col(Figure.year).in_({d.entry.year for d in earlier}),
        col(Figure.as_of).in_({d.entry.as_of for d in earlier}),
    )
    stored = {
        (f.place_id, f.year, f.measure, f.group, f.as_of, f.value) for f in (await session.exec(query)).all()
    }
    return [replace(d, kind="unchanged") if d.kind == "earlier" and _key(d) in stored else d for d in deltas]


def _key(delta: Delta) -> tuple[int, int, str, str, date, float | None]:
    """A delta's figure as stored: place, year, measure, group, as-of and value."""
    entry = delta.entry
    return (ident(delta.place), entry.year, entry.measure, entry.group, entry.as_of, entry.value)


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
    now = datetime.now(UTC)
    rows = [
        {
            "place_id": ident(d.place),
            "year": d.entry.year,
            "measure": d.entry.measure,
            "group": d.entry.group,
            "value": d.entry.value,
            "suppressed": d.entry.suppressed,
            "approximate": False,
            "scope": "",
            "as_of": d.entry.as_of,
            "source_id": source.id,
            "source_table": "",
            "source_area": d.entry.place,
            "note": "",
            "recorded_at": now,
            "change_id": change.id,
        }
        for d in plan.written
    ]
    if rows:
        await session.exec(insert(Figure), params=rows)
    return change


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
