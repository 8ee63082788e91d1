"""Current values, history, as-of snapshots and aggregates with coverage."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import update
from sqlmodel import col, select

from store.models import Figure
from store.queries import active, aggregates, current_figures, current_of, places_with_figures, statements
from store.seed import place_by_code
from store.store import Store
from tests.figures import add_statements


async def test_latest_as_of_is_current(store: Store) -> None:
    """Trondheim settled 398 by 10.12.2015 and 495 in the whole year: 495 is current, 398 history."""
    async with store.unit() as session:
        trondheim = await place_by_code(session, "5001")
        assert trondheim is not None and trondheim.id is not None
        (current,) = await current_figures(
            session, place_ids=[trondheim.id], years=[2015], measures=["settled"], groups=["all"]
        )
        (then,) = await current_figures(
            session,
            place_ids=[trondheim.id],
            years=[2015],
            measures=["settled"],
            groups=["all"],
            as_of=date(2015, 12, 10),
        )
    history = (await store.figures.of(trondheim.id)).statements(2015, ["settled"], "all")
    assert (current.figure.value, current.figure.as_of) == (495, date(2015, 12, 31))
    assert (then.figure.value, then.figure.as_of) == (398, date(2015, 12, 10))
    assert [s.figure.value for s in history] == [398, 495]


async def test_new_statement_supersedes_and_retraction_restores(store: Store) -> None:
    """A later statement becomes current; retracting it brings the earlier one back."""
    async with store.unit() as session:
        melhus = await place_by_code(session, "5028")
        assert melhus is not None and melhus.id is not None
        old = (await current_figures(session, place_ids=[melhus.id], years=[2015], measures=["settled"]))[0]
        newer = Figure(
            place_id=melhus.id,
            year=2015,
            measure="settled",
            value=50,
            as_of=date(2015, 12, 20),
            source_id=old.figure.source_id,
            recorded_at=datetime.now(UTC),
        )
        session.add(newer)
    async with store.unit() as session:
        assert (await current_figures(session, place_ids=[melhus.id], years=[2015], measures=["settled"]))[
            0
        ].figure.value == 50
        stored = await session.get(Figure, newer.id)
        assert stored is not None
        stored.retracted_at = datetime.now(UTC)
    async with store.unit() as session:
        assert (await current_figures(session, place_ids=[melhus.id], years=[2015], measures=["settled"]))[
            0
        ].figure.value == 43


async def test_county_total_is_stated_partial_and_computed_with_coverage(store: Store) -> None:
    """Sør-Trøndelag 2016: stated 909 is a partial total; the sum covers 8 of 25 municipalities."""
    async with store.unit() as session:
        county = await place_by_code(session, "16")
        assert county is not None
        members = (await store.index()).members_in_year(county, 2016)
        total = (await aggregates(session, place=county, members={2016: members}))[2016][("requested", "all")]
    assert (
        total.stated is not None
        and total.stated.figure.value == 909
        and total.stated.figure.scope == "partial"
    )
    assert (total.computed, total.known, total.members) == (909, 8, 25)


async def test_region_total_is_whole_and_larger_than_the_known_sum(store: Store) -> None:
    """Midt 2922 is the whole region's request; the listed municipalities are far fewer."""
    async with store.unit() as session:
        region = await place_by_code(session, "IMDI-MIDT")
        assert region is not None
        members = (await store.index()).members_in_year(region, 2016)
        total = (await aggregates(session, place=region, members={2016: members}))[2016][("requested", "all")]
    assert total.stated is not None and total.stated.figure.value == 2922 and total.stated.figure.scope == ""
    assert total.computed == 909 + 97 and total.known == 10 and total.members > 50


async def test_totals_of_several_years_count_each_years_members(store: Store) -> None:
    """One query for 2015–2020 gives what each year alone gives: Rissa counts in 2015, Indre Fosen later."""
    await add_statements(store, [("1638", 2020, "settled", 5, date(2020, 6, 1))])  # Orkdal, Orkland from 2020
    index = await store.index()
    trondelag = index.by_code["50"]
    members = {year: index.members_in_year(trondelag, year) for year in range(2015, 2021)}
    async with store.unit() as session:
        together = await aggregates(
            session, place=trondelag, members=members, measures=["settled", "requested"]
        )
        for year, of_year in members.items():
            alone = (await aggregates(session, place=trondelag, members={year: of_year}))[year]
            assert together[year] == {key: alone[key] for key in together[year]}
            assert set(together[year]) == {key for key in alone if key[0] in ("settled", "requested")}
    settled_2015 = together[2015][("settled", "all")]
    assert "Rissa" in {member.name for member, _ in settled_2015.parts} and settled_2015.members == 48
    assert ("settled", "all") not in together[2020]  # Orkdal's 2020 figure: no longer a member of anything


async def test_python_and_sql_agree_on_the_current_statement(store: Store) -> None:
    """current_of (used for one place) picks what current_figures (SQL) picks, for every seeded figure."""
    index = await store.index()
    async with store.unit() as session:
        for place_id in sorted(index.with_figures):
            history = await statements(session, place_ids=[place_id])
            in_sql = await current_figures(session, place_ids=[place_id])
            for year in {s.figure.year for s in history}:
                in_python = current_of([s for s in history if s.figure.year == year])
                in_sql_year = {
                    (s.figure.measure, s.figure.group): s.figure.id for s in in_sql if s.figure.year == year
                }
                assert {key: s.figure.id for key, s in in_python.items()} == in_sql_year


async def test_places_with_figures_are_those_with_an_active_statement(store: Store) -> None:
    """Every place with a statement not retracted, and no other: Melhus is gone once all of its are retracted."""
    async with store.unit() as session:
        melhus = await place_by_code(session, "5028")
        assert melhus is not None
        stated = set((await session.exec(select(Figure.place_id).where(active()).distinct())).all())
        assert await places_with_figures(session) == stated and melhus.id in stated
        retract = (
            update(Figure).where(col(Figure.place_id) == melhus.id).values(retracted_at=datetime.now(UTC))
        )
        await session.exec(retract)
        assert await places_with_figures(session) == stated - {melhus.id}
