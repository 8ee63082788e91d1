"""Each place's statements held in memory for answers: read in one query, kept until the data changes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from store.cache import GenerationCache
from store.models import Place, place_id_of
from store.queries import (
    Aggregate,
    Statement,
    aggregates,
    current_of,
    figure_counts,
    figure_years,
    precedence,
    statements,
)

if TYPE_CHECKING:
    from store.places import PlaceIndex
    from store.reader import Reader
    from store.store import Store

HELD_STATEMENTS = 100_000  # at most this many statements in memory (~500 bytes each: ~50 MB)
READ_WHOLE = 500  # a place with at most this many statements is read whole, in one query (~2 ms)
WARM_PLACES = 16  # places read in one query when warming: the questions asked meanwhile wait for one at most


def _wanted(
    found: Sequence[Statement], measures: Sequence[str] | None, groups: Sequence[str] | None
) -> list[Statement]:
    """The statements of one of the measures and groups (None: any)."""
    return [
        s
        for s in found
        if (measures is None or s.figure.measure in measures) and (groups is None or s.figure.group in groups)
    ]


class PlaceFigures:
    """A place's active statements of the years read so far, by year, ordered by measure, group and as-of; and how
    many statements it has of each measure, year and group (read from the index alone)."""

    def __init__(self, counts: Mapping[tuple[str, int, str], int]) -> None:
        self.counts_of = dict(counts)
        self.stated = sum(self.counts_of.values())  # statements it has
        self.stated_years = sorted({year for _, year, _ in self.counts_of})
        self.size = 0  # statements read
        self.by_year: dict[int, list[Statement]] = {}

    @classmethod
    def of_statements(cls, found: Sequence[Statement]) -> PlaceFigures:
        """Every statement of a place, read (each year's in order)."""
        counts: dict[tuple[str, int, str], int] = {}
        for statement in found:
            key = (statement.figure.measure, statement.figure.year, statement.figure.group)
            counts[key] = counts.get(key, 0) + 1
        held = cls(counts)
        held.add(found, held.unread(None))
        return held

    def unread(self, years: Iterable[int] | None) -> list[int]:
        """Those of these years (None: every one) with statements not read yet."""
        wanted = None if years is None else set(years)
        return [y for y in self.stated_years if (wanted is None or y in wanted) and y not in self.by_year]

    def add(self, found: Sequence[Statement], years: Sequence[int]) -> None:
        """Hold the statements of these years, just read (a year read meanwhile is kept as it was)."""
        unread = set(self.unread(years))
        for year in unread:
            self.by_year[year] = []
        for statement in found:
            if statement.figure.year in unread:
                self.by_year[statement.figure.year].append(statement)
                self.size += 1

    def of_sources(self, sources: Sequence[int]) -> PlaceFigures:
        """The statements of these sources only, where they have any; else all (every year read)."""
        found = [
            s for year in self.stated_years for s in self._of_year(year) if s.figure.source_id in sources
        ]
        return PlaceFigures.of_statements(found) if found else self

    def weight(self) -> int:
        """What it holds, counted in statements: those read, and each count of a measure, year and group as one."""
        return self.size + len(self.counts_of)

    def empty(self) -> bool:
        """Whether the place has no statements at all."""
        return not self.counts_of

    def _of_year(self, year: int) -> list[Statement]:
        """A year's statements; a year with statements must have been read (HeldFigures.of)."""
        found = self.by_year.get(year)
        if found is None and self.unread([year]):
            raise LookupError(f"the statements of {year} were not read")
        return found or []

    def statements(
        self,
        year: int,
        measures: Sequence[str] | None = None,
        group: str | None = None,
        latest_dates: int | None = None,
    ) -> list[Statement]:
        """A year's statements (of some measures, of one group), oldest first; or of the last few as-of dates."""
        groups = None if group is None else [group]
        found = _wanted(self._of_year(year), measures, groups)
        if latest_dates is None:
            return found
        recent = set(sorted({s.figure.as_of for s in found}, reverse=True)[:latest_dates])
        return [s for s in found if s.figure.as_of in recent]

    def current(
        self,
        years: Sequence[int] | None = None,
        measures: Sequence[str] | None = None,
        groups: Sequence[str] | None = None,
        as_of: date | None = None,
    ) -> list[Statement]:
        """The current statement per year, measure and group, as current_figures picks it (or as of a day,
        where the figure was stated by then)."""
        found: list[Statement] = []
        for year in self.stated_years if years is None else sorted(set(years)):
            wanted = _wanted(self._of_year(year), measures, groups)
            chosen = current_of(wanted)
            if as_of is not None:
                chosen.update(current_of([s for s in wanted if s.figure.as_of <= as_of]))
            found.extend(statement for _, statement in sorted(chosen.items()))
        return found

    def disagreeing(self, current: Statement) -> list[Statement]:
        """Other sources' whole-year statements of a figure whose value is another (each source's latest).

        Only a figure stated for its whole year can disagree: snapshots during the year are progress.
        """
        figure = current.figure
        end = date(figure.year, 12, 31)
        if figure.as_of < end or figure.value is None:
            return []
        latest: dict[int, Statement] = {}
        for statement in self.statements(figure.year, [figure.measure], figure.group):
            other = statement.figure
            if other.source_id != figure.source_id and other.as_of >= end and not other.approximate:
                latest[other.source_id] = statement  # oldest first: the last of each source stays
        return [s for s in latest.values() if s.figure.value is not None and s.figure.value != figure.value]

    def counts(self, year: int, measures: Sequence[str]) -> dict[tuple[str, str], int]:
        """How many statements each figure of a year has."""
        return {
            (m, group): n
            for (m, of_year, group), n in self.counts_of.items()
            if of_year == year and m in measures
        }

    def years(self, group: str | None = None) -> dict[str, list[int]]:
        """For each measure with figures (of one group, if given), the years covered, by measure."""
        covered: dict[str, set[int]] = {}
        for measure, year, of_group in self.counts_of:
            if group in (None, of_group):
                covered.setdefault(measure, set()).add(year)
        return {measure: sorted(years) for measure, years in sorted(covered.items())}


def latest(found: Sequence[Statement], as_of: date | None = None) -> Statement | None:
    """The statement that holds (as of a day, where one was made by then)."""
    by_then = [s for s in found if as_of is None or s.figure.as_of <= as_of]
    return max(by_then or found, key=precedence, default=None)


def disagreements(current: Sequence[Statement], every: Sequence[Statement]) -> dict[int, list[Statement]]:
    """Other sources' differing whole-year statements of each current figure that has any, by the figure's id."""
    by_place: dict[int, list[Statement]] = {}
    for statement in every:
        by_place.setdefault(statement.figure.place_id, []).append(statement)
    held = {place_id: PlaceFigures.of_statements(found) for place_id, found in by_place.items()}
    found = {
        s.figure.id: held[s.figure.place_id].disagreeing(s) for s in current if s.figure.place_id in held
    }
    return {key: said for key, said in found.items() if said}


class HeldFigures:
    """The statements of recently asked-about places, read once per data generation."""

    def __init__(self, store: Store, budget: int = HELD_STATEMENTS, read_whole: int = READ_WHOLE) -> None:
        self.store = store
        self.read_whole = read_whole  # a place with at most this many statements is read whole
        self.places: GenerationCache[PlaceFigures] = GenerationCache(
            store, budget=budget, weigh=PlaceFigures.weight
        )
        self.members: GenerationCache[set[tuple[str, int]]] = GenerationCache(store)
        self.totals: GenerationCache[Totals] = GenerationCache(store, budget=budget, weigh=_weight)
        self.warmed: int | None = None  # the data generation whose places were last read ahead

    async def keep_warm(self) -> bool:
        """Once per change of the data, read ahead the statements of the places asked about before it, then
        of every other place with figures, as far as the budget goes, then the larger places' totals and the
        years their members have figures: a first question about one is answered from memory. Whether it read."""
        generation = self.store.generation
        if self.warmed == generation:
            return False
        index = await self.store.index()
        asked = [place_id for place_id in self.places.recent() if isinstance(place_id, int)]
        await self.warm([*asked, *sorted(index.with_figures)])
        summed = [key[0] for key in self.totals.recent() if isinstance(key, tuple)]
        larger = [
            p
            for p in index.memberships
            if p in index.with_figures and index.places[p].level != "municipality"
        ]
        years = sorted({year for held in self.places.entries.values() for year in held.by_year})
        await self.warm_totals([index.places[p] for p in dict.fromkeys([*summed, *sorted(larger)])], years)
        for place_id in sorted(larger):  # the years of their series (a query each)
            await self.of_members(index.places[place_id], reader=self.store.reading_ahead)
        self.warmed = generation
        return True

    async def warm(self, place_ids: Sequence[int]) -> None:
        """Hold these places' statements (read WARM_PLACES places a query), in order, until the budget is full."""
        wanted = [place_id for place_id in dict.fromkeys(place_ids) if not self.places.holds(place_id)]
        for start in range(0, len(wanted), WARM_PLACES):
            chunk = wanted[start : start + WARM_PLACES]
            generation = self.store.generation
            by_place: dict[int, list[Statement]] = {place_id: [] for place_id in chunk}
            for statement in await statements(self.store.reading_ahead, place_ids=chunk):
                by_place[statement.figure.place_id].append(statement)
            for place_id, found in by_place.items():
                held = PlaceFigures.of_statements(found)
                if self.places.weight + held.weight() > self.places.budget:
                    return
                self.places.put(place_id, held, generation)

    async def warm_totals(self, places: Sequence[Place], years: Sequence[int]) -> None:
        """Hold these larger places' totals of every measure, year by year (a query each), until the budget is full."""
        for place in places:
            for year in years:
                key = (place_id_of(place), (year,), None)
                if self.totals.holds(key):
                    continue
                generation = self.store.generation
                index = await self.store.index()
                found = await aggregates(
                    self.store.reading_ahead, place=place, members={year: index.members_in_year(place, year)}
                )
                if self.totals.weight + _weight(found) > self.totals.budget:
                    return
                self.totals.put(key, found, generation)

    async def of(self, place_id: int, years: Iterable[int] | None = None) -> PlaceFigures:
        """A place's statements of these years (None: every year; none: only how many it has): from memory, or
        read. A place with few statements is read whole; one with many, by the years asked (a municipality's
        weekly snapshots of 20 years are ~2 000 statements, its year's ~100)."""
        generation = self.store.generation
        held = self.places.get(place_id)
        counted = held is None
        if held is None:
            held = PlaceFigures(await figure_counts(self.store.reader, place_id=place_id))
        if held.stated <= self.read_whole:
            years = None
        unread = held.unread(years)
        if unread:
            read = None if years is None else unread  # every year: no list of them to bind
            held.add(await statements(self.store.reader, place_ids=[place_id], years=read), unread)
        if counted or unread:
            self.places.put(place_id, held, generation)  # weighed anew
        return held

    async def totals_of(
        self, place: Place, years: Sequence[int], measures: Sequence[str] | None = None
    ) -> Totals:
        """A larger place's stated totals and the sums over each year's members: from memory, or one query."""
        key = (place_id_of(place), tuple(years), None if measures is None else tuple(measures))
        found = self.totals.get(key) or self._warmed_totals(place, years, measures)
        if found is None:
            generation = self.store.generation
            index = await self.store.index()
            members = {year: index.members_in_year(place, year) for year in years}
            found = await aggregates(self.store.reader, place=place, members=members, measures=measures)
            self.totals.put(key, found, generation)
        return found

    def _warmed_totals(
        self, place: Place, years: Sequence[int], measures: Sequence[str] | None
    ) -> Totals | None:
        """A larger place's totals of some measures from its years' totals of every measure, where each year's are
        held (read ahead); else None."""
        by_year = {year: self.totals.get((place_id_of(place), (year,), None)) for year in years}
        if any(held is None for held in by_year.values()):
            return None
        return {
            year: {key: total for key, total in held[year].items() if measures is None or key[0] in measures}
            for year, held in by_year.items()
            if held is not None
        }

    async def of_members(
        self, place: Place, group: str | None = None, *, reader: Reader | None = None
    ) -> set[tuple[str, int]]:
        """(measure, year) with figures of a larger place's municipalities (or a merged one's former ones), while
        members; read, where not held, through the store's reader unless told."""
        key = (place_id_of(place), group)
        found = self.members.get(key)
        if found is None:
            generation = self.store.generation
            index = await self.store.index()
            members = [place_id_of(m) for m in index.members_ever(place)]
            rows: list[tuple[int, str, int]] = []
            if members:  # a municipality that was never merged from others has none: no query
                rows = await figure_years(reader or self.store.reader, place_ids=members, group=group)
            found = _while_members(rows, place, index)
            self.members.put(key, found, generation)
        return found


Totals = dict[int, dict[tuple[str, str], Aggregate]]  # by year, then measure and group


def _weight(totals: Totals) -> int:
    """How many statements some totals hold (each member's, and the stated one)."""
    return sum(len(total.parts) + 1 for by_figure in totals.values() for total in by_figure.values())


def _while_members(
    rows: Sequence[tuple[int, str, int]], parent: Place, index: PlaceIndex
) -> set[tuple[str, int]]:
    """(measure, year) of the rows whose place was a member of the parent that year."""
    return {
        (measure, year)
        for place_id, measure, year in rows
        if place_id in index.member_ids_in_year(parent, year)
    }
