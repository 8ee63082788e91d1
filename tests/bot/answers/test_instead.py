"""No figure for what was asked: the place's other figures of that year, never only 'no figures'."""

from __future__ import annotations

from store.store import Store
from store.vocabulary import Group, Intent, Measure
from tests.bot.answers.asking import about, answer_text


async def test_a_missing_measure_is_answered_with_the_years_other_figures(store: Store) -> None:
    """Drammen has no settled count for 2023: its request 360 (revised 430) and decision 360 (revised 400), seed 003."""
    answer = await answer_text(store, await about(store, "3301", Intent.FIGURE, Measure.SETTLED, (2023,)))
    assert "Ingen tall for Bosatt · Drammen i 2023." in answer
    assert "Drammen har dette for 2023:" in answer
    for line in ("Anmodning: 360¹", "Justert anmodning: 430¹", "Vedtak: 360¹", "Justert vedtak: 400¹"):
        assert line in answer
    assert "Drammen har ingen tall for Bosatt." in answer


async def test_a_missing_group_is_answered_with_everyones_figures_of_that_year(store: Store) -> None:
    """Melhus has no EM figures for 2015: its 2015 status (seed 000) and the years with EM figures."""
    answer = await answer_text(
        store, await about(store, "5028", Intent.STATUS, years=(2015,), group=Group.EM)
    )
    assert "Ingen tall for status, enslige mindreårige (EM) · Melhus i 2015." in answer
    for line in ("Anmodning: 56¹", "Vedtak: 51¹", "Bosatt: 43¹", "Utsøkt (ikke ankommet): 13¹"):
        assert line in answer
    assert "Tall for enslige mindreårige (EM): 2016–2017." in answer


async def test_a_larger_place_without_the_measure_shows_its_totals_of_that_year(store: Store) -> None:
    """Midt-Norge has no request for 2017: its stated plan 3 262 and the members' sums instead (seed 000)."""
    answer = await answer_text(
        store, await about(store, "IMDI-MIDT", Intent.FIGURE, Measure.REQUESTED, (2017,))
    )
    assert "Plantall: 3 262¹ (oppgitt)" in answer or "Plantall: 3 262² (oppgitt)" in answer
    assert "Tall for Anmodning: 2015–2016." in answer


async def test_a_year_without_any_figures_lists_the_years_that_have_them(store: Store) -> None:
    """Melhus in 2020 has nothing: the measures and years it has (seed 000)."""
    answer = await answer_text(store, await about(store, "5028", Intent.FIGURE, Measure.SETTLED, (2020,)))
    assert "Melhus har tall for: " in answer and "Bosatt 2015" in answer
