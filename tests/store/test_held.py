"""Places' statements held in memory: the same answers as SQL, read again after a change, bounded."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Callable
from datetime import date

import pytest
from sqlmodel import col, distinct, func, select

from store.cache import GenerationCache
from store.held import HeldFigures, PlaceFigures, latest
from store.models import Figure
from store.queries import Aggregate, Statement, active, aggregates, current_figures, statements
from store.store import Store
from store.users import audit
from tests.figures import add_statements


async def test_held_current_is_what_sql_finds_current(store: Store) -> None:
    """For every seeded place, the held current statements are current_figures' (same ids, same order)."""
    index = await store.index()
    for place_id in sorted(index.with_figures):
        held = await store.figures.of(place_id)
        async with store.unit() as session:
            in_sql = await current_figures(session, place_ids=[place_id])
        assert [s.figure.id for s in held.current()] == [s.figure.id for s in in_sql]


async def test_held_current_as_of_a_day(store: Store) -> None:
    """As of 10.12.2015 Trondheim had settled 398 (seed 000); for the whole year 495 (seed 004)."""
    trondheim = (await store.index()).by_code["5001"]
    held = await store.figures.of(trondheim.id or 0)

    def settled(as_of: date | None) -> float | None:
        (found,) = held.current(years=[2015], measures=["settled"], groups=["all"], as_of=as_of)
        return found.figure.value

    assert (settled(None), settled(date(2015, 12, 10)), settled(date(2015, 1, 1))) == (495, 398, 495)
    statements = held.statements(2015, ["settled"], "all")
    chosen = [latest(statements, day) for day in (date(2015, 12, 31), date(2015, 12, 10), date(2015, 1, 1))]
    assert [s.figure.value if s else None for s in chosen] == [495, 398, 495]  # none by 1 January: the latest


async def test_held_years_and_counts_are_what_the_table_holds(store: Store) -> None:
    """Years per measure and statements per figure, against counts made in SQL."""
    trondheim = (await store.index()).by_code["5001"]
    held = await store.figures.of(trondheim.id or 0)
    async with store.unit() as session:
        by_measure = select(Figure.measure, func.count(distinct(Figure.year))).where(
            active(), Figure.place_id == trondheim.id
        )
        years = dict((await session.exec(by_measure.group_by(col(Figure.measure)))).all())
        per_figure = select(Figure.measure, Figure.group, func.count()).where(
            active(), Figure.place_id == trondheim.id, Figure.year == 2015
        )
        counted = (await session.exec(per_figure.group_by(col(Figure.measure), col(Figure.group)))).all()
    assert {measure: len(covered) for measure, covered in held.years().items()} == years
    assert held.counts(2015, [m for m, _, _ in counted]) == {(m, g): n for m, g, n in counted}
    assert held.years()["settled"][:2] == [2006, 2007]


async def test_latest_dates_keeps_the_last_as_of_dates(store: Store) -> None:
    """Trondheim settled 2015 was stated 10.12 and 31.12: the last date alone, or both."""
    trondheim = (await store.index()).by_code["5001"]
    held = await store.figures.of(trondheim.id or 0)
    last = held.statements(2015, ["settled"], "all", latest_dates=1)
    both = held.statements(2015, ["settled"], "all", latest_dates=2)
    assert [(s.figure.value, s.figure.as_of) for s in last] == [(495, date(2015, 12, 31))]
    assert [s.figure.value for s in both] == [398, 495]


async def test_held_figures_are_read_again_after_a_change(store: Store) -> None:
    """Held until the data changes; a committed statement is seen at the next question."""
    melhus = (await store.index()).by_code["5028"]
    held = await store.figures.of(melhus.id or 0)
    assert await store.figures.of(melhus.id or 0) is held
    await add_statements(store, [("Melhus", 2015, "settled", 50, date(2015, 12, 20))])
    again = await store.figures.of(melhus.id or 0)
    assert again is not held
    assert [s.figure.value for s in again.current([2015], ["settled"], ["all"])] == [50]


async def test_held_totals_are_what_sql_sums_and_are_read_again_after_a_change(store: Store) -> None:
    """A county's totals are what SQL sums, held until the data changes, then summed anew."""
    index = await store.index()
    county = index.by_code["16"]  # Sør-Trøndelag
    settled = await store.figures.totals_of(county, [2015], ["settled"])
    assert set(settled[2015]) == {("settled", "all"), ("settled", "em")}
    async with store.unit() as session:
        members = {2015: index.members_in_year(county, 2015)}
        in_sql = await aggregates(session, place=county, members=members, measures=["settled"])
    assert settled[2015][("settled", "all")].computed == in_sql[2015][("settled", "all")].computed
    assert await store.figures.totals_of(county, [2015], ["settled"]) is settled
    before = settled[2015][("settled", "all")].computed or 0
    await add_statements(store, [("Melhus", 2015, "settled", 50, date(2015, 12, 31))])
    after = (await store.figures.totals_of(county, [2015], ["settled"]))[2015][("settled", "all")]
    assert after.computed == before - 43 + 50  # Melhus's 43 of 31.12.2015 (seed 004) replaced by 50


async def test_budget_drops_the_least_recently_used(store: Store) -> None:
    """Beyond the budget of statements the place asked about longest ago is dropped."""
    index = await store.index()
    trondheim, melhus, malvik = (index.by_code[code].id or 0 for code in ("5001", "5028", "5031"))
    sizes = {place: (await store.figures.of(place)).weight() for place in (trondheim, melhus, malvik)}
    figures = HeldFigures(store, budget=sizes[trondheim] + sizes[melhus])
    for place in (trondheim, melhus, trondheim, malvik):
        await figures.of(place)
    assert set(figures.places.entries) == {trondheim, malvik}
    assert figures.places.weight == sizes[trondheim] + sizes[malvik]


def _read(held: PlaceFigures) -> list[Statement]:
    """A place's held statements, year by year in order."""
    return [statement for found in held.by_year.values() for statement in found]


async def test_warmed_places_hold_what_a_first_question_reads(store: Store) -> None:
    """After keep_warm every place with figures is held, with the statements its own read finds, in order."""
    await store.figures.keep_warm()
    index = await store.index()
    assert store.figures.warmed == store.generation
    for place_id in sorted(index.with_figures):
        warmed = store.figures.places.get(place_id)
        assert warmed is not None
        assert await store.figures.of(place_id) is warmed  # no read: a first question is answered from memory
        alone = PlaceFigures.of_statements(await statements(store.reader, place_ids=[place_id]))
        assert (_read(warmed), list(warmed.by_year)) == (_read(alone), list(alone.by_year))


async def test_warming_stops_at_the_budget(store: Store) -> None:
    """Places are read ahead in the order given until the next would not fit the budget."""
    index = await store.index()
    trondheim, melhus, malvik = (index.by_code[code].id or 0 for code in ("5001", "5028", "5031"))
    sizes = {place: (await store.figures.of(place)).weight() for place in (trondheim, melhus, malvik)}
    figures = HeldFigures(store, budget=sizes[trondheim] + sizes[melhus] + sizes[malvik] - 1)
    await figures.warm([trondheim, melhus, malvik])
    assert list(figures.places.entries) == [trondheim, melhus]
    assert figures.places.weight == sizes[trondheim] + sizes[melhus]


async def test_after_a_change_the_places_asked_about_are_warmed_first(store: Store) -> None:
    """A change empties what is held; keep_warm reads the places asked about before it first, as they now are."""
    index = await store.index()
    melhus, malvik = (index.by_code[code].id or 0 for code in ("5028", "5031"))
    sizes = {place: (await store.figures.of(place)).weight() for place in (melhus, malvik)}
    figures = HeldFigures(store, budget=sizes[melhus] + 1 + sizes[malvik])  # Melhus gains a statement
    await figures.of(malvik)
    await figures.of(melhus)
    await add_statements(store, [("Melhus", 2015, "settled", 50, date(2015, 12, 20))])
    await figures.keep_warm()
    assert list(figures.places.entries)[:2] == [melhus, malvik]  # the most recently asked first
    assert all(held.size == 0 for held in list(figures.places.entries.values())[2:])  # no other place fits
    held = figures.places.get(melhus)
    assert held is not None and [s.figure.value for s in held.current([2015], ["settled"], ["all"])] == [50]
    await figures.keep_warm()
    assert figures.places.get(melhus) is held  # once per change of the data: nothing read again


def _totals(totals: dict[int, dict[tuple[str, str], Aggregate]]) -> list[tuple[object, ...]]:
    """Totals as plain values: each year's and figure's place, stated statement, members' statements and count."""
    return [
        (year, key, t.place.code, t.stated, [(m.code, s) for m, s in t.parts], t.members)
        for year, by_figure in totals.items()
        for key, t in by_figure.items()
    ]


@pytest.mark.parametrize("measures", [None, ("settled",), ("request", "decision")], ids=["all", "one", "two"])
async def test_totals_read_ahead_are_what_a_first_question_sums(
    store: Store, measures: tuple[str, ...] | None
) -> None:
    """After keep_warm every county's, region's and the nation's totals of each year are held, and those of some
    measures, taken from them, are what aggregates finds for those measures alone."""
    await store.figures.keep_warm()
    index = await store.index()
    larger = [index.places[p] for p in index.memberships if p in index.with_figures]
    larger = [place for place in larger if place.level != "municipality"]
    years = sorted({year for held in store.figures.places.entries.values() for year in held.by_year})
    assert larger and years
    for place in larger:
        for year in years:
            assert store.figures.totals.holds((place.id, (year,), None))
        for chosen in ([years[0]], years[-3:]):
            held = await store.figures.totals_of(place, chosen, measures)
            members = {year: index.members_in_year(place, year) for year in chosen}
            alone = await aggregates(store.reader, place=place, members=members, measures=measures)
            assert _totals(held) == _totals(alone)


async def test_years_of_members_read_ahead_are_what_a_first_series_finds(store: Store) -> None:
    """After keep_warm the years in which each county's, region's and the nation's members have figures are held,
    and are what a fresh HeldFigures (nothing held) reads for the same place."""
    await store.figures.keep_warm()
    index = await store.index()
    larger = [index.places[p] for p in index.memberships if p in index.with_figures]
    larger = [place for place in larger if place.level != "municipality"]
    assert larger
    for place in larger:
        assert store.figures.members.holds((place.id, None))
        assert await store.figures.of_members(place) == await HeldFigures(store).of_members(place)
    nation = next(place for place in larger if place.level == "nation")
    assert ("settled", 2015) in await store.figures.of_members(nation)  # Trondheim's, among others


async def test_cache_drops_a_value_computed_before_a_change(store: Store) -> None:
    """A value computed at an older generation is not kept."""
    cache: GenerationCache[str] = GenerationCache(store)
    generation = store.generation
    store.invalidate()
    cache.put("question", "answer", generation)
    assert cache.get("question") is None


async def test_changes_by_another_process_are_noticed(store: Store) -> None:
    """A change committed through another store (the command line, a second bot) is seen once caught up."""
    melhus = (await store.index()).by_code["5028"]
    other = await Store.open(store.engine.url.render_as_string(hide_password=False))
    try:
        assert await _settled_2015(store, melhus.id or 0) == [43]
        await add_statements(other, [("Melhus", 2015, "settled", 50, date(2015, 12, 20))])
        async with other.unit() as session:
            await audit(session, user_id=None, action="import", summary="Melhus settled 2015 → 50")
        assert await _settled_2015(store, melhus.id or 0) == [43]  # held: this process has not looked yet
        await store.catch_up()
        assert await _settled_2015(store, melhus.id or 0) == [50]
    finally:
        await other.close()


async def test_watching_catches_up_in_the_background(store: Store) -> None:
    """With watch(), an audited change of another process is noticed without anyone asking."""
    other = await Store.open(store.engine.url.render_as_string(hide_password=False))
    try:
        generation = store.generation
        await store.watch(every=0.05)
        async with other.unit() as session:
            await audit(session, user_id=None, action="import", summary="nothing else")
        for _ in range(100):
            await asyncio.sleep(0.05)
            if store.generation != generation:
                break
        assert store.generation > generation
    finally:
        await other.close()


@pytest.mark.parametrize(
    "error",
    [ConnectionRefusedError(111, "Connect call failed ('127.0.0.1', 5432)"), RuntimeError("a bug")],
    ids=["database-refuses", "any-other-error"],
)
async def test_watching_survives_failed_looks_and_forgets_what_it_held_when_back(
    store: Store, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, error: Exception
) -> None:
    """Failed looks are logged once, not every look; the first look that works again forgets what is held."""
    if store.engine.dialect.name == "postgresql":
        pytest.skip("PostgreSQL listens rather than looks: tests/store/test_signals.py cuts its connection")
    look = store.catch_up
    failed = 0

    async def failing_look() -> None:
        nonlocal failed
        failed += 1
        raise error

    await store.watch(every=0.01)
    held = await store.index()
    with caplog.at_level(logging.INFO, logger="store.store"):
        monkeypatch.setattr(store, "catch_up", failing_look)
        await _eventually(lambda: failed >= 5)
        generation = store.generation
        monkeypatch.setattr(store, "catch_up", look)
        await _eventually(lambda: store.generation > generation)
    assert await store.index() is not held
    logged = [(r.levelname, r.getMessage(), r.exc_info) for r in caplog.records if r.name == "store.store"]
    assert [(level, message) for level, message, _ in logged] == [
        ("WARNING", "cannot look for other processes' changes; looking again quietly"),
        ("INFO", "the database answers again; what was held is forgotten"),
    ]
    assert logged[0][2] is not None and logged[0][2][1] is error


async def _eventually(condition: Callable[[], bool]) -> None:
    """Wait until a condition holds (five seconds at most)."""
    for _ in range(500):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the condition did not come true within five seconds")


async def test_closing_lets_a_look_under_way_finish(store: Store) -> None:
    """Closing while the watcher looks cuts no query off: no connection is left open, no thread fails."""
    url = store.engine.url.render_as_string(hide_password=False)
    for pause in [0.0, 0.001, 0.002, 0.005] * 5:
        other = await Store.open(url, prepare=False)
        await other.watch(every=0)
        await asyncio.sleep(pause)
        await other.close()
    gc.collect()  # a connection dropped unclosed would warn here, and warnings fail the tests


async def _settled_2015(store: Store, place_id: int) -> list[float | None]:
    """A place's current settled value for 2015, as held."""
    return [s.figure.value for s in (await store.figures.of(place_id)).current([2015], ["settled"], ["all"])]


async def test_a_place_read_by_years_holds_those_years_as_read_whole(store: Store) -> None:
    """With many statements, only the years asked are read: each as the whole read has it, the rest refused
    until read; which years and how many statements it has are known before any is read."""
    trondheim = (await store.index()).by_code["5001"].id or 0
    whole = await store.figures.of(trondheim)
    figures = HeldFigures(store, read_whole=0)
    counted = await figures.of(trondheim, ())
    assert (counted.by_year, counted.size) == ({}, 0)
    assert counted.years() == whole.years() and not counted.empty()
    assert counted.counts(2015, ["settled", "decided"]) == whole.counts(2015, ["settled", "decided"])
    with pytest.raises(LookupError):
        counted.statements(2015)
    held = await figures.of(trondheim, [2015, 1990])  # no figures of 1990: nothing to read
    assert held is counted and list(held.by_year) == [2015]
    assert held.statements(2015) == whole.statements(2015)
    assert held.current([2015]) == whole.current([2015])
    assert held.size == len(whole.statements(2015)) and figures.places.weight == held.weight()
    await figures.of(trondheim, [2016, 2015])
    assert sorted(held.by_year) == [2015, 2016] and held.current([2016]) == whole.current([2016])
    assert held.size == len(whole.statements(2015)) + len(whole.statements(2016))
    assert figures.places.weight == held.weight() == held.size + len(whole.counts_of)
    await figures.of(trondheim)
    assert held.current() == whole.current() and figures.places.weight == whole.weight()


async def test_a_small_place_is_read_whole_whatever_the_years_asked(store: Store) -> None:
    """At most read_whole statements: one query reads every year, so later questions read nothing."""
    melhus = (await store.index()).by_code["5028"].id or 0
    whole = await store.figures.of(melhus)
    figures = HeldFigures(store, read_whole=whole.size)
    held = await figures.of(melhus, [2015])
    assert list(held.by_year) == list(whole.by_year) and held.size == whole.size


async def test_a_value_grown_since_it_was_put_is_weighed_anew_when_put_again(store: Store) -> None:
    """The cache keeps the weight each value had when put: a value that grew (more years read) is put again."""
    cache: GenerationCache[list[int]] = GenerationCache(store, budget=5, weigh=len)
    grown, other = [1], [1, 2]
    cache.put("grown", grown, store.generation)
    cache.put("other", other, store.generation)
    grown.extend([2, 3])
    cache.put("grown", grown, store.generation)
    assert (cache.weight, list(cache.entries)) == (5, ["other", "grown"])
    grown.append(4)
    cache.put("grown", grown, store.generation)  # 6 > 5: the least recently used goes
    assert (cache.weight, list(cache.entries)) == (4, ["grown"])
