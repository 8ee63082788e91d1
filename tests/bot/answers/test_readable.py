"""Readable answers: no empty lists or cards, no line twice, intro results as tables in a fixed order,
sums that say when their parts are of different dates."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.answers import Context
from bot.assistant import Assistant
from bot.caller import Caller
from bot.render import plain
from bot.replies import Reply
from bot.understanding import Question
from store.models import Place
from store.store import Store
from store.vocabulary import Group, Intent, Measure
from tests.bot.answers.asking import TODAY, about, answer_text, replies_to

# Seed 004, "Status etter endt program": the outcomes in the document's order, and the total.
OUTCOMES = [
    ("arbeid ≥ 30 t/uke", 46),
    ("arbeid ≤ 29 t/uke", 62),
    ("arbeidssøker, tiltak i regi av NAV", 28),
    ("arbeidssøker på KVP", 5),
    ("arbeidssøker med lønnstilskudd", 1),
    ("arbeidssøker, tiltak i regi av andre", 2),
    ("ikke arbeidssøker", 1),
    ("helsemessige årsaker", 11),
    ("ingen aktivitet", 1),
    ("grunnskole", 26),
    ("høyere utdanning", 11),
    ("videregående", 59),
    ("andre trygdeytelser", 3),
    ("sosialhjelp", 73),
    ("annet", 13),
]
TRACKS = [("spor 1 (lav eller ingen utdanning)", "32 %"), ("spor 2 (videregående)", "40 %")]
TRACKS += [("spor 3 (høyere utdanning)", "19 %"), ("ungdom", "6,6 %")]


def table_rows(markup: str) -> list[tuple[str, str]]:
    """The rows of the monospace tables in an answer's markup, as (name, value)."""
    cells = (
        re.fullmatch(r"(.*?)\s+(\S+(?: %)?)", cell) for cell in re.findall(r"<code>([^<]+)</code>", markup)
    )
    return [(cell.group(1).strip(), cell.group(2)) for cell in cells if cell is not None]


async def test_trondheims_intro_figures_are_a_table_in_the_documents_order(store: Store) -> None:
    """Seed 004: 579 participants by track (Nov 2018), then 342 people by outcome, each row in the slide's order."""
    replies = await replies_to(store, await about(store, "5001", Intent.INTRO, years=(2018,)))
    markup = replies[0].text
    assert "<code>arbeid ≥ 30 t/uke                    46</code>" in markup
    answer = plain(markup)
    assert "Deltakere i introduksjonsprogram: 579¹" in answer
    assert "Status etter endt introprogram: 342²" in answer
    assert table_rows(markup) == TRACKS + [(name, str(value)) for name, value in OUTCOMES]
    assert sum(value for _, value in OUTCOMES) == 342


async def test_a_countys_intro_result_is_its_line_with_its_rank(store: Store) -> None:
    """Seed 001: Sør-Trøndelag 44 %, rank 12 in 2014."""
    answer = await answer_text(store, await about(store, "16", Intent.INTRO, years=(2014,)))
    assert "Introprogram: andel i arbeid/utdanning (%): 44 %¹" in answer
    assert "Introprogram: plass blant fylkene: 12¹" in answer


async def test_shares_are_never_summed_over_municipalities(store: Store) -> None:
    """Trøndelag's 2018 card: Trondheim's track shares are not added up into a 'sum' of percentages."""
    answer = await answer_text(store, await about(store, "50", Intent.STATUS, years=(2018,)))
    assert "etter spor (%)" not in answer
    assert "Bosatt: Beregnet sum: 269¹" in answer


async def test_a_sum_of_parts_of_different_dates_says_so(store: Store) -> None:
    """Trondheimsregionen settled in 2015: Trondheim's 495 for the year, the nine others as of 10.12 (seeds 000, 004)."""
    answer = await answer_text(store, await about(store, "TRONDHEIMSREGIONEN", Intent.STATUS, years=(2015,)))
    assert (
        "Bosatt: 643¹ (oppgitt) · Beregnet sum: 740¹,² "
        "(10 av 10 kommuner med tall; Trondheim per 31.12.2015, de andre per 10.12.2015)"
    ) in answer
    assert "Anmodning: 821¹ (oppgitt) · Beregnet sum: 821¹ (10 av 10 kommuner med tall)\n" in answer


async def test_the_same_value_from_two_documents_is_one_line(store: Store) -> None:
    """Seed 002 says '11k settled in 2015' twice (two slides): one line with both sources."""
    answer = await answer_text(store, await about(store, "NO", Intent.FIGURE, Measure.SETTLED, (2015,)))
    assert answer.count("per 31.12.2015: 11 000") == 1
    assert "per 31.12.2015: 11 000⁴,⁵ (avrundet)" in answer


async def test_a_group_without_figures_is_said_and_not_an_empty_list(
    assistant: Assistant, admin: Caller
) -> None:
    """Melhus has no figures for Ukrainians: said, then what it has."""
    (reply,) = await assistant.handle("historikk ukrainere Melhus", admin)
    answer = plain(reply.text)
    assert "Melhus har ingen tall for kollektiv beskyttelse (Ukraina)." in answer
    assert "Melhus har tall for: " in answer and ": ." not in answer


async def test_a_sub_group_without_its_total_is_not_of_which(store: Store) -> None:
    """Drammen 2024: the administration proposed 6 minors (seed 003), with no total to be 'of'."""
    answer = await answer_text(store, await about(store, "3301", Intent.STATUS, years=(2024,)))
    assert "Foreslått av administrasjonen: enslige mindreårige (EM): 6²" in answer


def problems(reply: Reply) -> Iterator[str]:
    """What makes a reply unreadable: an empty list, a repeated line, a heading with nothing under it."""
    lines = plain(reply.text).split("\n")
    body = lines[: lines.index("Kilder:")] if "Kilder:" in lines else lines
    for number, line in enumerate(lines):
        nothing_follows = number + 1 == len(lines) or not lines[number + 1].strip()
        if line.endswith(": .") or (line.endswith(":") and nothing_follows):
            yield f"empty list: {line!r}"
        if line.strip() and line in lines[:number]:
            yield f"repeated: {line!r}"
    heading = next((number for number, line in enumerate(body) if " · " in line), None)  # after any notes
    if reply.draw is None and heading is not None and not "".join(body[heading + 1 :]).strip():
        yield f"empty card: {body[heading]!r}"


async def questions_about(place: Place, ctx: Context, store: Store) -> list[Question]:
    """Every kind of question about a place: without a year, and for each year with figures (each measure
    it has that year, and one it has not)."""
    covered = await ctx.years(place)
    kinds: list[tuple[str, str | None, tuple[int, ...], str]] = [
        (Intent.STATUS, None, (), Group.ALL),
        (Intent.INTRO, None, (), Group.ALL),
        (Intent.RANKING, None, (), Group.ALL),
        (Intent.CHANGE, Measure.SETTLED, (), Group.ALL),
        *((Intent.SERIES, measure, (), Group.ALL) for measure in covered),
    ]
    for year in sorted({year for found in covered.values() for year in found}):
        present = [measure for measure, found in covered.items() if year in found]
        absent = [measure for measure in covered if measure not in present][:1]
        kinds += [(Intent.STATUS, None, (year,), Group.ALL), (Intent.STATUS, None, (year,), Group.EM)]
        kinds += [(Intent.FIGURE, measure, (year,), Group.ALL) for measure in present + absent]
        kinds += [(Intent.CHANGE, Measure.REQUESTED, (year,), Group.ALL)]
    return [await about(store, place.code, *kind) for kind in kinds]


async def test_no_answer_about_any_place_and_year_is_unreadable(store: Store) -> None:
    """Every place with figures, every year it (or its members) has figures, every kind of question."""
    index = await store.index()
    ctx = Context(store=store, index=index, language="nb", today=TODAY)
    found = []
    for place_id in sorted(index.with_figures):
        for question in await questions_about(index.places[place_id], ctx, store):
            for reply in await replies_to(store, question):
                found += [
                    f"{index.places[place_id].name} {question.intent} {question.years}: {p}"
                    for p in problems(reply)
                ]
    assert found == []
