"""Read queries: current figures, statements, series, aggregates with coverage."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import ColumnElement, and_, func
from sqlalchemy import select as core_select  # sqlmodel's select types at most four columns
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from store.models import Figure, Place, Source, ident


@dataclass(frozen=True)
class Statement:
    """A figure with its source, as answers need it."""

    figure: Figure
    source: Source

    @property
    def label(self) -> str:
        """The source as people cite it: document and table."""
        table = f", {self.figure.source_table}" if self.figure.source_table else ""
        return f"{self.source.title}{table}"


def settled_share(decided: float | None, settled: float | None) -> float | None:
    """Settled as a share of the decision, where both are known and something was decided."""
    return settled / decided if decided and settled is not None else None


@dataclass(frozen=True)
class Aggregate:
    """A total for a county, region, nation or group: stated, computed, and how much is known."""

    place: Place
    year: int
    measure: str
    group: str
    stated: Statement | None
    parts: list[tuple[Place, Statement]]
    members: int

    @property
    def computed(self) -> float | None:
        """The sum over the members with a known value (None when none is known)."""
        values = [s.figure.value for _, s in self.parts if s.figure.value is not None]
        return sum(values) if values else None

    @property
    def known(self) -> int:
        """How many members have a value."""
        return len(self.parts)


def active() -> ColumnElement[bool]:
    """Statements that have not been retracted (undone)."""
    return col(Figure.retracted_at).is_(None)


def _filters(
    place_ids: Sequence[int],
    years: Sequence[int] | None,
    measures: Sequence[str] | None,
    groups: Sequence[str] | None,
    as_of: date | None = None,
) -> list[ColumnElement[bool]]:
    """WHERE clauses for the optional filters."""
    clauses = [active(), col(Figure.place_id).in_(place_ids)]
    if as_of is not None:
        clauses.append(col(Figure.as_of) <= as_of)
    if years is not None:
        clauses.append(col(Figure.year).in_(years))
    if measures is not None:
        clauses.append(col(Figure.measure).in_(measures))
    if groups is not None:
        clauses.append(col(Figure.group).in_(groups))
    return clauses


def precedence(statement: Statement) -> tuple[date, bool, int]:
    """How statements of one figure rank: latest as-of, then exact before rounded, then newest.

    current_figures applies the same order in SQL.
    """
    figure = statement.figure
    return (figure.as_of, not figure.approximate, figure.id or 0)


def current_of(found: Sequence[Statement]) -> dict[tuple[str, str], Statement]:
    """The current statement per (measure, group) among one place's statements for one year."""
    current: dict[tuple[str, str], Statement] = {}
    for statement in found:
        key = (statement.figure.measure, statement.figure.group)
        if key not in current or precedence(statement) > precedence(current[key]):
            current[key] = statement
    return current


async def current_figures(
    session: AsyncSession,
    *,
    place_ids: Sequence[int],
    years: Sequence[int] | None = None,
    measures: Sequence[str] | None = None,
    groups: Sequence[str] | None = None,
    as_of: date | None = None,
) -> list[Statement]:
    """The current statement per place, year, measure and group: latest as-of, exact before rounded.

    SQL finds each figure's latest as-of date; `precedence` settles statements of the same date.
    With `as_of`, the statements as they stood on that date.
    """
    filters = _filters(place_ids, years, measures, groups, as_of)
    keys = (col(Figure.place_id), col(Figure.year), col(Figure.measure), col(Figure.group))
    latest = (
        core_select(*keys, func.max(Figure.as_of).label("latest")).where(*filters).group_by(*keys).subquery()
    )
    same_figure = [
        col(Figure.place_id) == latest.c.place_id,
        col(Figure.year) == latest.c.year,
        col(Figure.measure) == latest.c.measure,
        col(Figure.group) == latest.c.group,
    ]
    query = (
        select(Figure, Source)
        .join(latest, and_(*same_figure, col(Figure.as_of) == latest.c.latest))
        .join(Source, col(Source.id) == col(Figure.source_id))
        .where(active())  # the join already keeps to the places, years and dates asked for
    )
    current: dict[tuple[int, int, str, str], Statement] = {}
    for figure, source in (await session.exec(query)).all():
        statement = Statement(figure, source)
        key = (figure.place_id, figure.year, figure.measure, figure.group)
        if key not in current or precedence(statement) > precedence(current[key]):
            current[key] = statement
    return sorted(
        current.values(), key=lambda s: (s.figure.year, s.figure.measure, s.figure.group, s.figure.place_id)
    )


async def statements(
    session: AsyncSession,
    *,
    place_id: int,
    year: int | None = None,
    measures: Sequence[str] | None = None,
    group: str | None = None,
    latest_dates: int | None = None,
) -> list[Statement]:
    """Every active statement of a place (or of some measures), oldest as-of first.

    With `latest_dates`, only the statements of the figure's last few as-of dates.
    """
    filters = _filters(
        [place_id], None if year is None else [year], measures, None if group is None else [group]
    )
    if latest_dates is not None:
        recent = (
            select(col(Figure.as_of))
            .where(*filters)
            .distinct()
            .order_by(col(Figure.as_of).desc())
            .limit(latest_dates)
        )
        filters.append(col(Figure.as_of).in_(recent.scalar_subquery()))
    query = (
        select(Figure, Source)
        .join(Source, col(Source.id) == col(Figure.source_id))
        .where(*filters)
        .order_by(col(Figure.year), col(Figure.measure), col(Figure.group), col(Figure.as_of), col(Figure.id))
    )
    return [Statement(f, s) for f, s in (await session.exec(query)).all()]


async def statement_counts(
    session: AsyncSession, *, place_id: int, year: int, measures: Sequence[str]
) -> dict[tuple[str, str], int]:
    """How many active statements each figure of a place and year has."""
    query = (
        select(col(Figure.measure), col(Figure.group), func.count())
        .where(*_filters([place_id], [year], measures, None))
        .group_by(col(Figure.measure), col(Figure.group))
    )
    return {(measure, group): count for measure, group, count in (await session.exec(query)).all()}


async def aggregates(
    session: AsyncSession,
    *,
    place: Place,
    members: Sequence[Place],
    year: int,
    measures: Sequence[str] | None = None,
) -> dict[tuple[str, str], Aggregate]:
    """Per measure and group: the place's stated total and the sum over its members (one query)."""
    by_id = {ident(m): m for m in members}
    found = await current_figures(session, place_ids=[ident(place), *by_id], years=[year], measures=measures)
    grouped: dict[tuple[str, str], Aggregate] = {}
    for statement in sorted(found, key=lambda s: (s.figure.measure, s.figure.group)):
        key = (statement.figure.measure, statement.figure.group)
        total = grouped.setdefault(key, Aggregate(place, year, key[0], key[1], None, [], len(members)))
        if statement.figure.place_id == place.id:
            grouped[key] = replace(total, stated=statement)
        else:
            total.parts.append((by_id[statement.figure.place_id], statement))
    return grouped


async def years_with_figures(
    session: AsyncSession, *, place_id: int, group: str | None = None
) -> dict[str, list[int]]:
    """For each measure a place has figures for (of one group, if given), the years covered."""
    filters = [active(), col(Figure.place_id) == place_id] + ([col(Figure.group) == group] if group else [])
    query = (
        select(Figure.measure, Figure.year)
        .where(*filters)
        .distinct()
        .order_by(col(Figure.measure), col(Figure.year))
    )
    years: dict[str, list[int]] = {}
    for measure, year in (await session.exec(query)).all():
        years.setdefault(measure, []).append(year)
    return years


async def places_with_figures(session: AsyncSession) -> set[int]:
    """The ids of places that have at least one figure."""
    return set((await session.exec(select(Figure.place_id).where(active()).distinct())).all())
