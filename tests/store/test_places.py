"""Place search: names, codes, old names, typos, and never a wrong guess."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from store.models import Place, place_id_of
from store.store import Store
from tests.figures import add_statements


@pytest.mark.parametrize(
    ("text", "code", "how"),
    [
        ("Trondheim", "5001", "exact"),
        ("trondheim", "5001", "exact"),
        ("TRONDHEIM", "5001", "exact"),
        ("Tråante", "5001", "exact"),
        ("1601", "5001", "old"),
        ("5001", "5001", "code"),
        ("trondhiem", "5001", "fuzzy"),
        ("Melhsu", "5028", "fuzzy"),
        ("Stjordal", "5035", "exact"),
        ("Klaebu", "5030", "exact"),
        ("Sør-Trøndelag", "16", "exact"),
        ("sor trondelag", "16", "exact"),
        ("Midt-Norge", "IMDI-MIDT", "exact"),
        ("Midt", "IMDI-MIDT", "exact"),
        ("landet", "NO", "exact"),
        ("Norway", "NO", "exact"),
        ("Trondheimsregionen", "TRONDHEIMSREGIONEN", "exact"),
        ("Oslo", "0301", "exact"),
    ],
)
async def test_finds_the_place(store: Store, text: str, code: str, how: str) -> None:
    """Each way of naming a place finds that place, and says how."""
    matches = (await store.index()).search(text)
    assert [(m.place.code, m.how) for m in matches] == [(code, how)]


async def test_oslo_is_known_and_has_no_figures(store: Store) -> None:
    """Oslo is a municipality without figures, not another place with figures."""
    index = await store.index()
    (match,) = index.search("Oslo")
    assert match.place.name == "Oslo" and not index.has_figures(match.place)


async def test_shared_names_are_ambiguous(store: Store) -> None:
    """Herøy is two municipalities: both are returned."""
    matches = (await store.index()).search("Herøy")
    assert {m.place.code for m in matches} == {"1515", "1818"}


@pytest.mark.parametrize("text", ["Xyzzy", "qwerty", "Atlantis", "Osl0x"])
async def test_unknown_names_find_nothing(store: Store, text: str) -> None:
    """Gibberish and places that do not exist match nothing."""
    assert (await store.index()).search(text) == []


async def test_merged_municipality_knows_its_predecessors(store: Store) -> None:
    """Indre Fosen lists Rissa and Leksvik as former municipalities."""
    index = await store.index()
    indre_fosen = index.by_code["5054"]
    assert {p.name for p in index.predecessors(indre_fosen)} == {"Rissa", "Leksvik"}


async def test_a_merger_is_followed_through_a_later_change_of_code(store: Store) -> None:
    """Svelvik went into Drammen's 3005 of 2020, which is 3301 since 2024; Kvalsund into Hammerfest's 5406."""
    index = await store.index()
    drammen, hammerfest = index.by_code["3301"], index.by_code["5603"]
    assert {p.name for p in index.predecessors(drammen)} == {"Nedre Eiker", "Svelvik"}
    kvalsund = next(p for p in index.predecessors(hammerfest))
    assert kvalsund.name == "Kvalsund" and index.successors(kvalsund) == [hammerfest]


async def test_a_merged_municipality_is_made_of_its_former_ones_before_it_existed(store: Store) -> None:
    """Indre Fosen in 2016 is Rissa and Leksvik; from 2018 it is itself; Trondheim never sums Klæbu."""
    index = await store.index()
    indre_fosen, trondheim = index.by_code["5054"], index.by_code["5001"]
    assert [p.name for p in index.members_in_year(indre_fosen, 2016)] == ["Leksvik", "Rissa"]
    assert index.members_in_year(indre_fosen, 2018) == []
    assert index.members_in_year(trondheim, 2015) == []
    assert index.has_figures(indre_fosen)
    rissa_and_leksvik = {index.by_code[code].id for code in ("1624", "1718")}
    assert index.member_ids_in_year(indre_fosen, 2016) == rissa_and_leksvik
    assert index.member_ids_in_year(indre_fosen, 2018) == frozenset()


async def test_a_larger_places_members_are_the_municipalities_of_its_spans_that_year_by_name(
    store: Store,
) -> None:
    """The nation's and each county's members of a year, worked out from plain ids, are the municipalities whose
    membership overlaps that year, sorted by name, with their ids alongside (counties before they existed aside)."""
    index = await store.index()
    larger = [p for p in index.places.values() if p.level in ("nation", "county")]
    for parent in larger:
        spans = index.memberships.get(place_id_of(parent), [])
        for year in (2006, 2015, 2020, 2024):
            if parent.valid_from is not None and parent.valid_from > date(year, 12, 31):
                continue  # before it existed: what became it (test_register: Trøndelag in 2015)
            members = index.members_in_year(parent, year)
            expected = {
                s.child_id
                for s in spans
                if (s.valid_from is None or s.valid_from <= date(year, 12, 31))
                and (s.valid_to is None or s.valid_to > date(year, 1, 1))
                and index.places[s.child_id].level == "municipality"
            }
            assert {place_id_of(p) for p in members} == expected, (parent.name, year)
            assert [p.name for p in members] == sorted(p.name for p in members)
            assert index.member_ids_in_year(parent, year) == expected
    nation = next(p for p in larger if p.level == "nation")
    assert len(index.members_in_year(nation, 2015)) == 428


async def test_a_split_municipality_is_not_summed_into_one_of_its_successors(store: Store) -> None:
    """Orkland was made of Agdenes, Meldal and Orkdal wholly, and of part of Snillfjord (the change list)."""
    index = await store.index()
    orkland = index.by_code["5059"]
    assert [p.name for p in index.former(orkland)] == ["Agdenes", "Meldal", "Orkdal"]
    assert [p.name for p in index.predecessors(orkland)] == ["Agdenes", "Meldal", "Orkdal", "Snillfjord"]
    snillfjord = next(p for p in index.predecessors(orkland) if p.name == "Snillfjord")
    assert [p.name for p in index.successors(snillfjord)] == ["Heim", "Hitra", "Orkland"]


async def test_a_county_knows_what_it_became(store: Store) -> None:
    """Sør-Trøndelag's municipalities moved to Trøndelag in 2018; Trøndelag's counties in 2014 were the two."""
    index = await store.index()
    south, trondelag = index.by_code["16"], index.by_code["50"]
    assert [p.name for p in index.successors(south)] == ["Trøndelag"]
    assert [p.name for p in index.counties_within(trondelag, 2014)] == ["Nord-Trøndelag", "Sør-Trøndelag"]
    assert len(index.counties_within(index.by_code["NO"], 2014)) == 19


async def test_every_alias_is_listed_by_its_first_word(store: Store) -> None:
    """The parser looks for a name only at a word listed as beginning one, up to that many words: every alias is."""
    index = await store.index()
    assert index.aliases
    for key in index.aliases:
        words = key.split(" ")
        assert index.words_from[words[0]] >= len(words)
    assert max(index.words_from.values()) > 1


async def test_a_names_exact_matches_are_kept_for_the_day_and_worked_out_anew_the_next(store: Store) -> None:
    """1601 is Trondheim's code in 2017 and its old code since 2018: what was kept on a day in 2017 is not
    said later, and the list a caller gets is its own."""
    index = await store.index()
    with time_machine.travel(date(2017, 6, 1), tick=False):
        index.exact("1601").clear()
        assert [(m.place.code, m.how) for m in index.exact("1601")] == [("5001", "code")]
    assert [(m.place.code, m.how) for m in index.exact("1601")] == [("5001", "old")]


async def test_after_figures_change_the_index_keeps_what_it_worked_out_of_the_register(store: Store) -> None:
    """Oslo's first figure makes a new index that knows it has figures, and that keeps the members, former
    municipalities and counties already worked out, the register being unchanged."""
    before = await store.index()
    county = before.by_code["16"]
    members = before.members_in_year(county, 2015)
    await add_statements(store, [("Oslo", 2015, "settled", 10, date(2015, 12, 31))])
    after = await store.index()
    (oslo,) = [match.place for match in after.search("Oslo")]
    assert after is not before and after.has_figures(oslo) and not before.has_figures(oslo)
    assert after.members_in_year(county, 2015) is members
    assert after.has_figures(after.by_code["NO"]) and after.places is before.places


async def test_after_the_register_changes_the_index_is_built_anew(store: Store) -> None:
    """A place renamed: the new index finds it by its new name and works out its members anew."""
    before = await store.index()
    county = before.by_code["16"]
    members = before.members_in_year(county, 2015)
    async with store.unit() as session:
        renamed = await session.get(Place, place_id_of(before.by_code["5028"]))
        assert renamed is not None
        renamed.name = "Melhus by"
        session.add(renamed)
    after = await store.index()
    assert after.by_code["5028"].name == "Melhus by" and after.places is not before.places
    assert after.members_in_year(county, 2015) is not members
    assert [place_id_of(m) for m in after.members_in_year(county, 2015)] == [place_id_of(m) for m in members]
