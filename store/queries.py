"""Read queries: current figures, every statement of some places, aggregates with coverage.

Rows come back as plain tuples (FigureRow, SourceRow): making an ORM object costs ~40 µs, these < 1 µs.
Each query is built once, with bound parameters (building it anew cost up to a millisecond a question), and
runs in a session's transaction or through the store's Reader.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, and_, bindparam, exists, func
from sqlalchemy import select as core_select  # sqlmodel's select types at most four columns
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import Select

from store.models import Figure, Place, Source, place_id_of
from store.reader import Reader
from store.vocabulary import NON_ADDITIVE

Database = AsyncSession | Reader  # a unit of work's session, or the store's reader outside one


class FigureRow(NamedTuple):
    """The columns of a figure that answers, digests and exports read."""

    id: int
    place_id: int
    year: int
    measure: str
    group: str
    value: float | None
    suppressed: bool
    approximate: bool
    scope: str
    as_of: date
    source_id: int
    source_table: str
    change_id: int | None
    note: str  # the source's own words around the figure ('… er en 45% økning')


class SourceRow(NamedTuple):
    """The columns of a source that citations read."""

    id: int
    key: str
    title: str
    document_date: date | None
    date_approximate: bool


class Statement(NamedTuple):
    """A figure with its source, as answers need it."""

    figure: FigureRow
    source: SourceRow


FIGURE_COLUMNS: list[Any] = [col(getattr(Figure, name)) for name in FigureRow._fields]
SOURCE_COLUMNS: list[Any] = [col(getattr(Source, name)) for name in SourceRow._fields]


async def _rows(
    db: Database, query: Select[*tuple[Any, ...]], params: dict[str, Any]
) -> Sequence[tuple[Any, ...]]:
    """A query's rows through Core (the ORM's result handling costs twice as much): in the session's
    transaction, or through the reader."""
    if isinstance(db, Reader):
        return await db.rows(query, params)
    return (await (await db.connection()).execute(query, params)).all()


async def _with_sources(db: Database, rows: Sequence[tuple[Any, ...]]) -> list[Statement]:
    """Statements from rows of figures' columns, their sources read apart in one query: joined, a source's
    columns came again with each of its figures (a third of a place's read of thousands of weekly statements,
    a sixth of the nation's current figures)."""
    figures = [FigureRow._make(row) for row in rows]
    source_ids = sorted({figure.source_id for figure in figures})
    sources = {
        row[0]: SourceRow._make(row) for row in await _rows(db, _sources_query(), {"source_ids": source_ids})
    }
    return [Statement(figure, sources[figure.source_id]) for figure in figures]


def answer_queries() -> list[Select[*tuple[Any, ...]]]:
    """The queries answers run, for the reader to prepare once the store opens."""
    return [
        *(_statements_query(years=of_years) for of_years in (False, True)),
        _figure_counts_query(),
        _sources_query(),
        *(
            _current_query(years=True, measures=with_measures, groups=False, as_of=False)
            for with_measures in (False, True)
        ),
        *(_figure_years_query(of_group=of_group) for of_group in (False, True)),
        _places_stating_query(),
    ]


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
        """The sum over the members with a known value (None when none is known, or for shares and ranks)."""
        values = [s.figure.value for _, s in self.parts if s.figure.value is not None]
        return sum(values) if values and self.summable else None

    @property
    def summable(self) -> bool:
        """Whether the members' values add up to a total (counts do; shares and ranks do not)."""
        return self.measure not in NON_ADDITIVE

    @property
    def known(self) -> int:
        """How many members have a value (a hidden one, ':', is stated but not known, and not in the sum)."""
        return sum(1 for _, s in self.parts if s.figure.value is not None)


def active() -> ColumnElement[bool]:
    """Statements that have not been retracted (undone)."""
    return col(Figure.retracted_at).is_(None)


def _filters(*, years: bool, measures: bool, groups: bool, as_of: bool) -> list[ColumnElement[bool]]:
    """WHERE clauses for the places asked about and the optional filters, with parameters of the same names."""
    clauses = [active(), col(Figure.place_id).in_(bindparam("place_ids", expanding=True))]
    if as_of:
        clauses.append(col(Figure.as_of) <= bindparam("as_of"))
    if years:
        clauses.append(col(Figure.year).in_(bindparam("years", expanding=True)))
    if measures:
        clauses.append(col(Figure.measure).in_(bindparam("measures", expanding=True)))
    if groups:
        clauses.append(col(Figure.group).in_(bindparam("groups", expanding=True)))
    return clauses


def _given(**params: Any) -> dict[str, Any]:
    """The parameters given (None: not filtered by), a list for each sequence of values."""
    return {
        name: value if isinstance(value, str | date) else list(value)
        for name, value in params.items()
        if value is not None
    }


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


@cache
def _current_query(*, years: bool, measures: bool, groups: bool, as_of: bool) -> Select[*tuple[Any, ...]]:
    """current_figures' query, for the filters given (built once each)."""
    filters = _filters(years=years, measures=measures, groups=groups, as_of=as_of)
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
    figures: Select[*tuple[Any, ...]] = Select(*FIGURE_COLUMNS)
    query = figures.join(latest, and_(*same_figure, col(Figure.as_of) == latest.c.latest))
    return query.where(active())  # the join already keeps to the places, years and dates asked for


async def current_figures(
    db: Database,
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
    query = _current_query(
        years=years is not None,
        measures=measures is not None,
        groups=groups is not None,
        as_of=as_of is not None,
    )
    params = _given(place_ids=place_ids, years=years, measures=measures, groups=groups, as_of=as_of)
    current: dict[tuple[int, int, str, str], Statement] = {}
    for statement in await _with_sources(db, await _rows(db, query, params)):
        figure = statement.figure
        key = (figure.place_id, figure.year, figure.measure, figure.group)
        if key not in current or precedence(statement) > precedence(current[key]):
            current[key] = statement
    return sorted(
        current.values(), key=lambda s: (s.figure.year, s.figure.measure, s.figure.group, s.figure.place_id)
    )


@cache
def _statements_query(*, years: bool) -> Select[*tuple[Any, ...]]:
    """statements' query for the figures (of some years), by place, year, measure, group, as-of and id (built
    once each)."""
    query: Select[*tuple[Any, ...]] = Select(*FIGURE_COLUMNS)
    return query.where(*_filters(years=years, measures=False, groups=False, as_of=False)).order_by(
        col(Figure.place_id),
        col(Figure.year),
        col(Figure.measure),
        col(Figure.group),
        col(Figure.as_of),
        col(Figure.id),
    )


@cache
def _sources_query() -> Select[*tuple[Any, ...]]:
    """statements' query for the figures' sources (built once)."""
    query: Select[*tuple[Any, ...]] = Select(*SOURCE_COLUMNS)
    return query.where(col(Source.id).in_(bindparam("source_ids", expanding=True)))


async def statements(
    db: Database, *, place_ids: Sequence[int], years: Sequence[int] | None = None
) -> list[Statement]:
    """Every active statement of these places (of some years, if given), by place, year, measure and group,
    oldest as-of first."""
    query = _statements_query(years=years is not None)
    return await _with_sources(db, await _rows(db, query, _given(place_ids=place_ids, years=years)))


@cache
def _figure_counts_query() -> Select[*tuple[Any, ...]]:
    """figure_counts' query (built once): read from the index of active figures alone."""
    keys = (col(Figure.measure), col(Figure.year), col(Figure.group))
    query: Select[*tuple[Any, ...]] = Select(*keys, func.count())
    return query.where(active(), col(Figure.place_id) == bindparam("place_id")).group_by(*keys)


async def figure_counts(db: Database, *, place_id: int) -> dict[tuple[str, int, str], int]:
    """How many active statements a place has of each measure, year and group."""
    rows = await _rows(db, _figure_counts_query(), {"place_id": place_id})
    return {(measure, year, group): count for measure, year, group, count in rows}


async def aggregates(
    db: Database,
    *,
    place: Place,
    members: Mapping[int, Sequence[Place]],
    measures: Sequence[str] | None = None,
    as_of: date | None = None,
) -> dict[int, dict[tuple[str, str], Aggregate]]:
    """Per year, measure and group: the place's stated total and the sum over that year's members (one query;
    with `as_of`, the statements as they stood on that date)."""
    by_year = {year: {place_id_of(m): m for m in found} for year, found in members.items()}
    everyone = {place_id for found in by_year.values() for place_id in found}
    found = await current_figures(
        db,
        place_ids=[place_id_of(place), *everyone],
        years=list(by_year),
        measures=measures,
        as_of=as_of,
    )
    grouped: dict[int, dict[tuple[str, str], Aggregate]] = {year: {} for year in by_year}
    own = place_id_of(place)  # read once: an ORM attribute costs a microsecond or two each time
    for statement in sorted(found, key=lambda s: (s.figure.measure, s.figure.group)):
        figure, of_year = statement.figure, by_year[statement.figure.year]
        if figure.place_id != own and figure.place_id not in of_year:
            continue  # a member in another of the years asked about
        key = (figure.measure, figure.group)
        totals = grouped[figure.year]
        total = totals.get(key) or totals.setdefault(
            key, Aggregate(place, figure.year, *key, None, [], len(of_year))
        )
        if figure.place_id == own:
            totals[key] = replace(total, stated=statement)
        else:
            total.parts.append((of_year[figure.place_id], statement))
    return grouped


@cache
def _figure_years_query(*, of_group: bool) -> Select[*tuple[Any, ...]]:
    """figure_years' query, of one group or of all (built once each)."""
    keys = (col(Figure.place_id), col(Figure.measure), col(Figure.year))
    query: Select[*tuple[Any, ...]] = Select(*keys).where(
        active(), col(Figure.place_id).in_(bindparam("place_ids", expanding=True))
    )
    return query.where(col(Figure.group) == bindparam("group")).distinct() if of_group else query.distinct()


async def figure_years(
    db: Database, *, place_ids: Sequence[int], group: str | None = None
) -> list[tuple[int, str, int]]:
    """(place, measure, year) of the active statements of these places (of one group, if given), once each."""
    query = _figure_years_query(of_group=group is not None)
    rows = await _rows(db, query, _given(place_ids=place_ids, group=group))
    return [(place_id, measure, year) for place_id, measure, year in rows]


@cache
def _places_with_figures_query() -> Select[*tuple[Any, ...]]:
    """places_with_figures' query (built once): each place looked up in the index of active figures, not every
    figure's place read (on a national database of weekly snapshots 1 ms against 90 ms)."""
    stated = exists().where(col(Figure.place_id) == col(Place.id), active())
    return Select(col(Place.id)).where(stated)


async def places_with_figures(db: Database) -> set[int]:
    """The ids of places that have at least one figure."""
    return {place_id for (place_id,) in await _rows(db, _places_with_figures_query(), {})}


@cache
def _places_stating_query() -> Select[*tuple[Any, ...]]:
    """places_stating's query (built once)."""
    query: Select[*tuple[Any, ...]] = Select(col(Figure.place_id), col(Figure.group))
    return query.where(active(), col(Figure.measure) == bindparam("measure")).distinct()


async def places_stating(db: Database, *, measure: str) -> list[tuple[int, str]]:
    """(place id, group) of the active statements of a measure, once each."""
    return sorted(
        (place_id, group)
        for place_id, group in await _rows(db, _places_stating_query(), {"measure": measure})
    )
