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
