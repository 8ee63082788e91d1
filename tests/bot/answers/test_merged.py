"""Merged municipalities and counties: sums of what they were made of, and successors for later years."""

from __future__ import annotations

import pytest

from bot.assistant import Assistant
from bot.caller import Caller
from bot.render import plain
from store.store import Store
from store.vocabulary import Intent, Measure
from tests.bot.answers.asking import about, answer_text, asked, lines_with, replies_to


async def test_indre_fosen_2016_is_the_sum_of_rissa_and_leksvik(store: Store) -> None:
    """Seed 000's 2016 requests: Rissa 25 + Leksvik 17 = 42, EM 6 + 4 = 10, with coverage and the note."""
    answer = await answer_text(store, await about(store, "5054", Intent.STATUS, years=(2016,)))
    assert (
        "Indre Fosen ble opprettet 01.01.2018 av Leksvik og Rissa; tall fra årene før er summen av deres."
        in answer
    )
    assert "Anmodning: Beregnet sum: 42¹ (2 av 2 kommuner med tall)" in answer
    assert "Anmodning, enslige mindreårige (EM): Beregnet sum: 10¹ (2 av 2 kommuner med tall)" in answer


async def test_orkland_2017_is_summed_from_the_parts_with_figures(store: Store) -> None:
    """Orkdal's plan for 2017 (50) of Agdenes, Meldal and Orkdal; Snillfjord's part named, not summed."""
    answer = await answer_text(store, await about(store, "5059", Intent.FIGURE, Measure.PLANNED, (2017,)))
    assert "Orkland ble opprettet 01.01.2020 av Agdenes, Meldal og Orkdal" in answer
    assert "Snillfjord ble delt, og bare en del gikk inn i Orkland: ikke med i summen." in answer
    assert "Plantall: Beregnet sum: 50¹ (1 av 3 kommuner med tall)" in answer


async def test_a_merged_municipalitys_history_is_summed_year_by_year(store: Store) -> None:
    """Settled in 2015: Rissa 11 + Leksvik 20 = 31 (seed 000), with how many are known."""
    answer = await answer_text(store, await about(store, "5054", Intent.SERIES, Measure.SETTLED))
    assert "2015 | 31¹ (2/2: Rissa 11¹ + Leksvik 20¹)" in answer


async def test_a_municipality_asked_about_after_its_merger_answers_for_its_successor(
    assistant: Assistant, admin: Caller
) -> None:
    """Rissa in 2019 is part of Indre Fosen: said, and answered for Indre Fosen."""
    (reply,) = await assistant.handle("status Rissa 2019", admin)
    answer = plain(reply.text)
    assert answer.startswith("Rissa ble slått sammen med andre til Indre Fosen fra 01.01.2018")
    assert "svaret gjelder Indre Fosen" in answer and "Indre Fosen" in answer.splitlines()[1]


async def test_a_county_asked_about_after_its_merger_answers_for_its_successor(store: Store) -> None:
    """Sør-Trøndelag in 2018 is Trøndelag: Trondheim's 269 settled (seed 004) summed there."""
    answer = await answer_text(store, await about(store, "16", Intent.FIGURE, Measure.SETTLED, (2018,)))
    assert "Sør-Trøndelag ble slått sammen med andre til Trøndelag fra 01.01.2018" in answer
    assert "Bosatt: Beregnet sum: 269¹ (1 av 47 kommuner med tall)" in answer


async def test_a_split_municipality_offers_each_successor(store: Store) -> None:
    """Snillfjord in 2021 went to Heim, Hitra and Orkland: a button for each."""
    (reply,) = await replies_to(store, await about(store, "5012", Intent.STATUS, years=(2021,)))
    assert "Snillfjord ble delt fra 01.01.2020 mellom Heim, Hitra og Orkland." in plain(reply.text)
    assert [label for row in reply.buttons for label, _ in row] == ["Heim", "Hitra", "Orkland"]


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("status Indre Fosen 2016", "nb"),
        ("kor mange vart Indre Fosen oppmoda om i 2016", "nn"),
        ("what was Indre Fosen's request for 2016", "en"),
    ],
)
async def test_a_merged_municipality_shows_the_sum_and_each_predecessor(
    assistant: Assistant, message: str, language: str
) -> None:
    """Seed 000's 2016 requests: 42 in all, Rissa 25 and Leksvik 17 each on a line of its own."""
    answer = await asked(assistant, message, language)
    assert lines_with(answer, "42¹", "(2 ")
    assert lines_with(answer, "  Rissa", "25¹") and lines_with(answer, "  Leksvik", "17¹")


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("bosatt Orkland 2015", "nb"),
        ("kor mange busette Orkland i 2015", "nn"),
        ("how many did Orkland settle in 2015", "en"),
    ],
)
async def test_orkland_before_it_existed_names_its_part(
    assistant: Assistant, message: str, language: str
) -> None:
    """Orkland 2015 is Orkdal's 40 settled (seed 000): the sum, with Orkdal's line, and Snillfjord named."""
    answer = await asked(assistant, message, language)
    assert lines_with(answer, "Orkdal", "40¹") and "Snillfjord" in answer


@pytest.mark.parametrize(
    ("message", "language"),
    [("historikk anmodning Indre Fosen", "nb"), ("request history Indre Fosen", "en")],
)
async def test_a_series_over_a_merger_names_the_parts(
    assistant: Assistant, message: str, language: str
) -> None:
    """Requests 2015 (Rissa 32 + Leksvik 17 = 49) and 2016 (25 + 17 = 42), each year's parts in its cell."""
    answer = await asked(assistant, message, language)
    assert lines_with(answer, "2015 | 49¹", "Rissa 32¹ + Leksvik 17¹")
    assert lines_with(answer, "2016 | 42²", "Rissa 25² + Leksvik 17²")
