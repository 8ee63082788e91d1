"""Place search: names, codes, old names, typos, and never a wrong guess."""

from __future__ import annotations

import pytest

from store.store import Store


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
