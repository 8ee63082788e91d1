"""Revisions and changes: originals beside revisions in a series, and how much a figure rose."""

from __future__ import annotations

from datetime import date

from bot.assistant import Assistant
from bot.caller import Caller
from bot.render import plain
from store.store import Store
from store.vocabulary import Intent, Measure
from tests.bot.answers.asking import about, answer_text
from tests.figures import add_statements


async def test_a_series_of_requests_shows_each_revision_beside_its_original(
    assistant: Assistant, admin: Caller
) -> None:
    """Seed 003: Drammen's requests 2020–2024 read '85 (58)', '58', '58 (310)', '360 (430)', '340'."""
    table, chart = await assistant.handle("historikk anmodning Drammen", admin)
    answer = plain(table.text)
    for row in ("2020 | 85¹ (58¹)", "2021 | 58¹ |", "2022 | 58¹ (310¹)", "2023 | 360¹ (430¹)", "2024 | 340¹"):
        assert row in answer
    assert "I parentes: justert anmodning." in answer
    assert chart.has_picture


async def test_a_series_of_decisions_shows_the_revised_decision(store: Store) -> None:
    """Seed 003: the 2023 decision 360, revised to 400."""
    answer = await answer_text(store, await about(store, "3301", Intent.SERIES, Measure.DECIDED))
    assert "2023 | 360¹ (400¹)" in answer and "I parentes: justert vedtak." in answer


async def test_how_much_a_request_rose_gives_both_figures_and_the_difference(store: Store) -> None:
    """Drammen's 2022 request: 58, revised to 310 (the Ukraine increase), from 58 in 2021."""
    answer = await answer_text(store, await about(store, "3301", Intent.CHANGE, Measure.REQUESTED, (2022,)))
    assert "Drammen (kommune 3301) · Anmodning 2022, endring" in answer
    assert "Opprinnelig 58¹ → justert 310¹: +252 (+434 %)" in answer
    assert "Fra 2021 til 2022: 58¹ → 310¹: +252 (+434 %)" in answer


async def test_a_change_from_a_revised_year_starts_from_its_revision(store: Store) -> None:
    """2023: 360 revised to 430; from 2022's revised 310 to 430."""
    answer = await answer_text(store, await about(store, "3301", Intent.CHANGE, Measure.REQUESTED, (2023,)))
    assert "Opprinnelig 360¹ → justert 430¹: +70 (+19 %)" in answer
    assert "Fra 2022 til 2023: 310¹ → 430¹: +120 (+39 %)" in answer


async def test_settled_grows_through_the_year_and_from_the_year_before(store: Store) -> None:
    """Trondheim 2015: 398 by 10.12 (seed 000), 495 for the year (seed 004), 340 in 2014."""
    answer = await answer_text(store, await about(store, "5001", Intent.CHANGE, Measure.SETTLED, (2015,)))
    assert "Per 10.12.2015: 398¹ → per 31.12.2015: 495²: +97 (+24 %)" in answer
    assert "Fra 2014 til 2015: 340² → 495²: +155 (+46 %)" in answer


async def test_the_nations_rise_in_settlements(store: Store) -> None:
    """Seed 001: 7 784 settled in 2014, 11 300 in 2015 (seed 002 rounds it to a 45 % rise)."""
    answer = await answer_text(store, await about(store, "NO", Intent.CHANGE, Measure.SETTLED, (2015,)))
    assert "Fra 2014 til 2015: 7 784¹ → 11 300¹: +3 516 (+45 %)" in answer


async def test_sums_over_different_municipalities_are_not_compared(store: Store) -> None:
    """Trøndelag settled: 10 municipalities known in 2015, one in 2016: no difference given."""
    answer = await answer_text(store, await about(store, "50", Intent.CHANGE, Measure.SETTLED, (2016,)))
    assert "ikke sammenlignbart (ulike kommuner med tall)" in answer


async def test_a_single_figure_says_there_is_nothing_to_compare(store: Store) -> None:
    """Melhus's plan for 2017 (65, seed 000) is its only one: nothing to compare it with."""
    answer = await answer_text(store, await about(store, "5028", Intent.CHANGE, Measure.PLANNED, (2017,)))
    assert "Bare ett tall for 2017: 65¹; ingen tidligere å sammenligne med." in answer


async def test_a_later_statement_of_another_value_is_a_revision(
    store: Store, assistant: Assistant, admin: Caller
) -> None:
    """Melhus's 2016 request 56 (seed 000) stated again as 70 in June: '56 (70)', and a rise of 14."""
    await add_statements(store, [("Melhus", 2016, "requested", 70, date(2016, 6, 1))])
    table, *_ = await assistant.handle("historikk anmodning Melhus 2015-2016", admin)
    assert "2016 | 56² (70³)" in plain(table.text)  # 2015 is cited first
    answer = await answer_text(store, await about(store, "5028", Intent.CHANGE, Measure.REQUESTED, (2016,)))
    assert "Opprinnelig 56¹ → justert 70²: +14 (+25 %)" in answer


async def test_a_change_button_repeats_the_question(assistant: Assistant, admin: Caller) -> None:
    """A chosen place's button carries the change intent through."""
    (reply,) = await assistant.choose("q:change:3301:2022-2022:requested:all", admin)
    assert "+252" in plain(reply.text)
