"""The transcription of the five seed documents: counts, spot values and stated subtotals."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date

import pytest
from sqlmodel import col, delete, func, select

from store.models import Figure, PlaceAlias
from store.queries import current_figures
from store.seed import DATA, add_missing_aliases, place_by_code, seed
from store.store import Store

STATUS_2015 = ["1601", "1653", "1663", "1638", "1657", "1624", "1648", "1714", "1718", "1662"]
# The TOTALT column of seed 000's status table (settled + assigned), transcribed from the document.
TOTALT_2015 = {
    "1601": 556,
    "1653": 56,
    "1663": 44,
    "1638": 40,
    "1657": 17,
    "1624": 12,
    "1648": 16,
    "1714": 57,
    "1718": 21,
    "1662": 17,
}


def seed_rows() -> list[dict[str, str]]:
    """The seed data file as rows."""
    with (DATA / "seed_figures.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_document_is_transcribed() -> None:
    """Each of the five documents has its figures in the data file."""
    counts = Counter(row["source"] for row in seed_rows())
    assert (
        counts
        == {
            "seed-000": 10 * 4
            + 5
            + 10 * 6
            + 3 * 6
            + 6,  # status table + totals, requests + subtotals, bullets
            # settled 2011-15, needs 2016, intro, outlook, EM, grants, the competence programme's modules, IMDi's start
            "seed-001": 5 * 3 + 3 + 5 * 2 + 6 + 1 + 2 + 2 + 1,
            # global migration bullets and the 2014/2015 comparison; Kristiansand's strategy and Agder's plan
            "seed-002": 13 + 3 + 2,
            "seed-003": 5 + 15 + 4,  # national figures, Drammen 2020-2024, capacity and EM
            "seed-004": 13 * 2
            + 2
            + 1
            + 4
            + 16
            + 3,  # series 2006-2018 with EM, 2019, intro participants, tracks, outcomes, settling's and intro's length
        }
    )


async def test_every_seed_row_is_stored_once(store: Store) -> None:
    """The database holds exactly one statement per row of the data file."""
    async with store.unit() as session:
        stored = (await session.exec(select(func.count()).select_from(Figure))).one()
    assert stored == len(seed_rows())


async def test_seeding_twice_changes_nothing(store: Store) -> None:
    """A second seed adds no place and no figure."""
    async with store.unit() as session:
        assert await seed(session) == (0, 0, 0)
        assert (await session.exec(select(func.count()).select_from(Figure))).one() == len(seed_rows())


async def _stored_aliases(store: Store) -> set[tuple[object, ...]]:
    """Every alias row as its place, key, kind, label and period."""
    async with store.unit() as session:
        rows = (await session.exec(select(PlaceAlias))).all()
        return {(a.place_id, a.key, a.kind, a.label, a.valid_from, a.valid_to) for a in rows}


async def test_a_database_seeded_without_a_later_versions_names_gets_them(store: Store) -> None:
    """Names an earlier version lacked (county abbreviations, adjectives) are added by a second seed, no others."""
    whole = await _stored_aliases(store)
    later = ["mr", "st", "nt", "sortrondersk", "sortronderske", "trondersk"]
    async with store.unit() as session:
        await session.exec(delete(PlaceAlias).where(col(PlaceAlias.key).in_(later)))
    assert len(await _stored_aliases(store)) == len(whole) - len(later)

    async with store.unit() as session:
        assert await seed(session) == (0, len(later), 0)
    assert await _stored_aliases(store) == whole
    county = (await store.index()).exact("MR", year=2019)[0].place
    assert county.name == "Møre og Romsdal"


async def test_every_name_and_code_is_added_again_as_the_first_seed_made_it(store: Store) -> None:
    """Adding the missing names to a database that lost all gives back exactly the first seed's rows."""
    whole = await _stored_aliases(store)
    async with store.unit() as session:
        await session.exec(delete(PlaceAlias))
        assert await add_missing_aliases(session) == len(whole)
    assert await _stored_aliases(store) == whole


async def _values(
    store: Store,
    codes: list[str],
    year: int,
    measure: str,
    group: str = "all",
    as_of: date | None = None,
) -> dict[str, float]:
    """Current values of a measure for places given by code."""
    async with store.unit() as session:
        places = {code: await place_by_code(session, code, year) for code in codes}
        ids = {p.id: code for code, p in places.items() if p is not None and p.id is not None}
        found = await current_figures(
            session,
            place_ids=list(ids),
            years=[year],
            measures=[measure],
            groups=[group],
            as_of=as_of,
        )
    return {ids[s.figure.place_id]: s.figure.value for s in found if s.figure.value is not None}


@pytest.mark.parametrize(
    ("measure", "stated"),
    [("requested", 821), ("decided", 728), ("settled", 643), ("assigned", 193)],
    ids=["anmodning-821", "vedtak-728", "bosatte-643", "utsokte-193"],
)
async def test_status_table_rows_add_up_to_its_total(store: Store, measure: str, stated: int) -> None:
    """Seed 000's status table: the ten rows add up to the Total row, as of 10.12.2015."""
    values = await _values(store, STATUS_2015, 2015, measure, as_of=date(2015, 12, 10))
    assert len(values) == 10
    assert sum(values.values()) == stated
    group = await _values(store, ["TRONDHEIMSREGIONEN"], 2015, measure, as_of=date(2015, 12, 10))
    assert group == {"TRONDHEIMSREGIONEN": stated}


async def test_status_table_totalt_is_settled_plus_assigned(store: Store) -> None:
    """The TOTALT column (836 in all) is settled + assigned for every row."""
    settled = await _values(store, STATUS_2015, 2015, "settled", as_of=date(2015, 12, 10))
    assigned = await _values(store, STATUS_2015, 2015, "assigned", as_of=date(2015, 12, 10))
    assert {code: settled[code] + assigned[code] for code in STATUS_2015} == TOTALT_2015
    assert sum(TOTALT_2015.values()) == 836


@pytest.mark.parametrize(
    ("county", "codes", "year", "measure", "group", "stated"),
    [
        (
            "16",
            ["1601", "1624", "1638", "1648", "1653", "1657", "1662", "1663"],
            2016,
            "requested",
            "all",
            909,
        ),
        (
            "16",
            ["1601", "1624", "1638", "1648", "1653", "1657", "1662", "1663"],
            2016,
            "requested",
            "em",
            226,
        ),
        (
            "16",
            ["1601", "1624", "1638", "1648", "1653", "1657", "1662", "1663"],
            2017,
            "planned",
            "em_under_15",
            76,
        ),
        ("17", ["1714", "1718"], 2016, "requested", "all", 97),
        ("17", ["1714", "1718"], 2017, "planned", "em", 40),
    ],
    ids=["st-2016-909", "st-em-226", "st-plan-u15-76", "nt-2016-97", "nt-plan-em-40"],
)
async def test_request_table_subtotals(
    store: Store, county: str, codes: list[str], year: int, measure: str, group: str, stated: int
) -> None:
    """Seed 000's request table: listed rows add up to the stated county subtotals."""
    values = await _values(store, codes, year, measure, group)
    assert sum(values.values()) == stated
    assert await _values(store, [county], year, measure, group) == {county: stated}


@pytest.mark.parametrize(
    ("code", "year", "measure", "group", "value"),
    [
        ("1601", 2015, "settled", "all", 495),
        ("1601", 2016, "settled", "em", 123),
        ("5001", 2019, "planned", "all", 160),
        ("IMDI-MIDT", 2016, "requested", "all", 2922),
        ("IMDI-MIDT", 2017, "planned", "em", 1097),
        ("NO", 2015, "settled", "all", 11300),
        ("NO", 2016, "requested_revised", "all", 18000),
        ("NO", 2023, "settled", "ukraine", 29730),
        ("NO", 2024, "requested", "all", 37000),
        ("15", 2014, "settled", "all", 468),
        ("15", 2016, "requested", "all", 1073),
        ("3301", 2023, "requested_revised", "all", 430),
        ("3301", 2023, "decided_revised", "all", 400),
        ("3005", 2022, "requested_revised", "all", 310),
        ("3301", 2024, "capacity", "all", 250),
        ("07", 2014, "intro_result_pct", "all", 61),
        ("16", 2014, "intro_result_rank", "all", 12),
        ("5001", 2018, "intro_participants", "all", 579),
        ("5001", 2018, "intro_participants_pct", "youth", 6.6),
        ("NO", 2015, "grant_beyond_request_nok", "all", 50000),
        ("NO", 2016, "grant_per_settled_nok", "em", 100000),
        ("WORLD", 2015, "displaced", "all", 60_000_000),
    ],
)
async def test_spot_values(
    store: Store, code: str, year: int, measure: str, group: str, value: float
) -> None:
    """Figures read from the documents, checked one by one."""
    assert await _values(store, [code], year, measure, group) == {code: value}


async def test_trondheim_series_2006_2018(store: Store) -> None:
    """Seed 004's series: thirteen years of totals and EM."""
    totals = {y: (await _values(store, ["5001"], y, "settled"))["5001"] for y in range(2006, 2019)}
    em = {y: (await _values(store, ["5001"], y, "settled", "em"))["5001"] for y in range(2006, 2019)}
    # The two rows of the document's table, "Totalt" and "EM".
    assert list(totals.values()) == [
        201,
        208,
        229,
        306,
        303,
        256,
        330,
        288,
        340,
        495,
        740,
        675,
        269,
    ]
    assert list(em.values()) == [8, 7, 15, 27, 29, 11, 16, 18, 20, 44, 123, 43, 15]


async def test_intro_outcomes_add_up_to_342(store: Store) -> None:
    """Seed 004's outcomes after the programme: the categories add up to the stated 342."""
    async with store.unit() as session:
        trondheim = await place_by_code(session, "5001")
        assert trondheim is not None and trondheim.id is not None
    outcomes = (await store.figures.of(trondheim.id)).statements(2018, ["intro_outcome"])
    by_group = {s.figure.group: s.figure.value for s in outcomes}
    assert by_group.pop("all") == 342
    assert len(by_group) == 15 and sum(v for v in by_group.values() if v is not None) == 342


async def test_rounded_duplicates_are_kept_and_exact_preferred(store: Store) -> None:
    """Seed 002's '11k' and seed 001's 11 300 are both stored; the exact one is current."""
    async with store.unit() as session:
        norway = await place_by_code(session, "NO")
        assert norway is not None and norway.id is not None
    history = (await store.figures.of(norway.id)).statements(2015, ["settled"], "all")
    assert sorted((s.figure.value, s.figure.approximate) for s in history) == [
        (11000, True),
        (11000, True),
        (11300, False),
    ]
    assert await _values(store, ["NO"], 2015, "settled") == {"NO": 11300}
