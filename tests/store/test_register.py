"""The SSB register as places: municipalities across renumberings, counties, regions, groups."""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from store.models import Place
from store.register import load_register
from store.seed import place_by_code
from store.store import Store


def test_register_has_357_municipalities_today() -> None:
    """The 2024 version has 357 municipalities in 15 counties."""
    register = load_register()
    current = [m for m in register.municipalities if m.end is None]
    assert len(current) == 357
    assert len({m.counties[-1][0] for m in current}) == 15


@pytest.mark.parametrize(
    ("old", "entity", "successor"),
    [
        ("1601", "5001", None),  # Trondheim renumbered
        ("1624", "1624", "5054"),  # Rissa merged into Indre Fosen
        ("1718", "1718", "5054"),  # Leksvik merged into Indre Fosen
        ("1662", "5030", "5001"),  # Klæbu, via 5030, into Trondheim
        ("1638", "5024", "5059"),  # Orkdal, via 5024, into Orkland
        ("0602", "3301", None),  # Drammen 0602 → 3005 → 3301
        ("3005", "3301", None),
        ("1714", "5035", None),
    ],
    ids=[
        "trondheim",
        "rissa",
        "leksvik",
        "klaebu",
        "orkdal",
        "drammen-0602",
        "drammen-3005",
        "stjordal",
    ],
)
async def test_old_codes_lead_to_their_municipality(
    store: Store, old: str, entity: str, successor: str | None
) -> None:
    """An old code finds the municipality it belonged to, and a dissolved one names its successor."""
    async with store.unit() as session:
        place = await place_by_code(session, old)
    assert place is not None
    assert place.code == entity
    assert place.successor_code == successor


async def test_county_membership_follows_the_year(store: Store) -> None:
    """Sør-Trøndelag had 25 municipalities in 2015; Trøndelag, formed in 2018, is in 2015 what became it."""
    index = await store.index()
    south, north, trondelag = index.by_code["16"], index.by_code["17"], index.by_code["50"]
    assert len(index.members_in_year(south, 2015)) == 25
    before = {p.name for p in index.members_in_year(south, 2015) + index.members_in_year(north, 2015)}
    assert {
        p.name for p in index.members_in_year(trondelag, 2015)
    } == before  # Rissa and Leksvik, not Indre Fosen
    assert {"Rissa", "Leksvik"} <= before and "Indre Fosen" not in before
    # 47 in the 2018 register version (Rindal joined from Møre og Romsdal in 2019).
    assert len(index.members_in_year(trondelag, 2018)) == 47
    assert len(index.members_in_year(trondelag, 2024)) == 38


async def test_places_of_every_level(store: Store) -> None:
    """The nation, six IMDi regions, the counties and the named group exist."""
    async with store.unit() as session:
        counts = dict((await session.exec(select(Place.level, func.count()).group_by(Place.level))).all())
    index = await store.index()
    members = index.members_in_year(index.by_code["TRONDHEIMSREGIONEN"], 2015)
    assert counts["nation"] == 1 and counts["region"] == 6 and counts["county"] == 33
    assert {m.name for m in members} == {
        "Trondheim",
        "Melhus",
        "Malvik",
        "Orkdal",
        "Skaun",
        "Rissa",
        "Midtre Gauldal",
        "Stjørdal",
        "Leksvik",
        "Klæbu",
    }


@pytest.mark.parametrize(
    ("code", "year", "name", "successor"),
    [
        pytest.param("0716", 1998, "Våle", "0716", id="vale-1998"),
        pytest.param("0716", 2003, "Re", "3803", id="re-2003"),
        pytest.param("0718", 1998, "Ramnes", "0716", id="ramnes"),
        pytest.param("1214", 1999, "Ølen", "1160", id="olen-1214"),
        pytest.param("1159", 2004, "Ølen", "1160", id="olen-1159"),
        pytest.param("1154", 2000, "Vindafjord", None, id="vindafjord-1154"),
        pytest.param("1556", 2007, "Frei", "1505", id="frei"),
        pytest.param("1503", 2007, "Kristiansund", None, id="kristiansund-1503"),
        pytest.param("1601", 1995, "Trondheim", None, id="trondheim-1995"),
    ],
)
async def test_the_register_reaches_back_to_1995(
    store: Store, code: str, year: int, name: str, successor: str | None
) -> None:
    """IMDi's statistics use each year's numbers from 1995: the change list gives those of 1995–2007."""
    (match,) = (await store.index()).exact(code, year=year)
    assert (match.place.name, match.place.successor_code) == (name, successor)


async def test_a_county_before_2008_has_its_members_of_that_year(store: Store) -> None:
    """Vestfold in 1998 counts Våle and Ramnes, not Re, which was made of them in 2002."""
    index = await store.index()
    names = {p.name for p in index.members_in_year(index.by_code["07"], 1998)}
    assert {"Våle", "Ramnes", "Horten"} <= names and "Re" not in names
