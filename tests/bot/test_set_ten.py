"""Classes of failure found on held-out set 10 (issue 13), each in bokmål, nynorsk and English.

Figures are seed 000's tables of 10.12.15 and 11.12.15, seed 002's 'Global migrasjon' slide and seed 004's
Trondheim figures; each test's clock is a day its figures were known on.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.assistant import Assistant
from bot.understanding import parse
from store.store import Store
from tests.bot.test_unrehearsed import reply
from tests.conftest import OSLO

STATUS_DAY = date(2015, 12, 11)  # the day after seed 000's status table
SLIDES_DAY = date(2016, 2, 15)  # seed 002's slides are of February 2016
TRONDHEIM_DAY = date(2019, 1, 20)  # seed 004 is of January 2019


def on(store: Store, day: date) -> Assistant:
    """The assistant with its clock on a day."""
    return Assistant(store, zone=OSLO, clock=lambda: datetime(day.year, day.month, day.day, 12, tzinfo=OSLO))


@pytest.mark.parametrize(
    ("message", "language", "difference"),
    [
        ("Skaun har bosatt flere enn de vedtok, hvor mange flere er det?", "nb", "14 − 11 = 3"),
        ("Leksvik har busett fleire enn dei vedtok. Kor mange over er dei?", "nn", "20 − 17 = 3"),
        ("Skaun settled more than they decided - how many more?", "en", "14 − 11 = 3"),
        ("Melhus har bosatt færre enn de vedtok – hvor mange færre?", "nb", "51 − 43 = 8"),
        ("hvor mange flere enn vedtatt bosatte Skaun i 2015?", "nb", "14 − 11 = 3"),
        ("kor mange fleire enn dei vedtok busette Skaun i 2015?", "nn", "14 − 11 = 3"),
        ("how many more than they decided did Skaun settle in 2015?", "en", "14 − 11 = 3"),
    ],
)
async def test_one_place_past_a_bound_asked_how_far_is_the_difference(
    store: Store, message: str, language: str, difference: str
) -> None:
    """'flere enn de vedtok … hvor mange flere': the settled and the decision of one table and their difference, the
    larger first, not a ranking of one municipality's years; 'more than they decided' before the settled
    likewise (the measure after 'than' is the one compared against)."""
    answer = await reply(on(store, STATUS_DAY), message, language=language)
    assert difference in answer, answer


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("Hvor mange mangler Trondheim på vedtaket for 2015?", "nb"),
        ("Kor mange manglar Trondheim for å nå vedtaket for 2015?", "nn"),
        ("How many is Trondheim short of its 2015 decision - how many left to settle?", "en"),
    ],
)
async def test_what_remains_is_of_the_figures_known_on_the_day(
    store: Store, message: str, language: str
) -> None:
    """Asked on 11.12.15, what remains of Trondheim's decision is 450 − 398 = 52 (88 %): the year's 495, stated in a
    report of 2019, was not known yet; asked in 2019 it is (110 %, none left)."""
    then = await reply(on(store, STATUS_DAY), message, language=language)
    assert "88 %" in then and " 52" in then and "495" not in then, then
    later = await reply(on(store, TRONDHEIM_DAY), message, language=language)
    assert "110 %" in later and "495" in later, later


@pytest.mark.parametrize(
    ("messages", "language"),
    [
        (("Hvor mange EM ble Skaun bedt om å bosette i 2016?", "og plantallet for 2017?"), "nb"),
        (("Kor mange EM vart Skaun bedne om å busetje i 2016?", "og plantalet for 2017?"), "nn"),
        (("How many UMs was Skaun asked to settle in 2016?", "and the planning figure for 2017?"), "en"),
    ],
)
async def test_a_follow_up_naming_a_new_measure_asks_the_total_with_the_group(
    store: Store, messages: tuple[str, str], language: str
) -> None:
    """A new measure after a question about a group: Skaun's planning figure for 2017 in total (35) with the
    minors (13) beside it, not the minors alone."""
    answer = await reply(on(store, STATUS_DAY), *messages, language=language)
    assert ": 35¹" in answer and ": 13¹" in answer, answer


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("Melhus EM 2016? noen under 15?", "nb"),
        ("Melhus EM 2016 – nokre under 15?", "nn"),
        ("Melhus UMs 2016, any under 15?", "en"),
    ],
)
async def test_those_under_15_asked_apart_come_beside_the_minors(
    store: Store, message: str, language: str
) -> None:
    """'EM …? noen under 15?': Melhus's minors (14) and those under 15 (6), not those under 15 alone."""
    answer = await reply(on(store, STATUS_DAY), message, language=language)
    assert ": 14¹" in answer and ": 6¹" in answer, answer


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("Hvor mange enslige mindreårige skal bosettes i 2016, og hvor mange var det tidligere?", "nb"),
        ("Kor mange einslege mindreårige skal busetjast i 2016, og kor mange var det før?", "nn"),
        ("How many unaccompanied minors are to be settled in 2016, and how many were there before?", "en"),
    ],
)
async def test_how_many_before_compares_the_figure_with_its_earlier_statement(
    store: Store, message: str, language: str
) -> None:
    """'og kor mange var det før?': seed 000's 'fra 500 til 4.400 barn og unge i 2016', both figures."""
    answer = await reply(on(store, STATUS_DAY), message, language=language)
    assert "500¹" in answer and "4 400¹" in answer, answer


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("Melhus tall: anmodning, vedtak, bosatt", "nb"),
        ("Melhus tal: oppmoding, vedtak, busett", "nn"),
        ("Melhus figures please - request, decision, settled", "en"),
    ],
)
async def test_measures_listed_without_a_year_share_one_year(
    store: Store, message: str, language: str
) -> None:
    """Request, decision and settled with no year: 2015, the latest year with all three (56, 51, 43), not the
    request of 2016 beside the others of 2015."""
    answer = await reply(on(store, STATUS_DAY), message, language=language)
    assert "2015" in answer and "2016" not in answer, answer
    assert ": 56¹" in answer and ": 51¹" in answer and ": 43¹" in answer, answer


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("anmodning Orkdal (nå Orkland) 2016 inkl. EM", "nb"),
        ("oppmoding Orkdal (no Orkland) 2016 inkl. EM", "nn"),
        ("Orkdal (Orkland now) - 2016 request incl. UMA?", "en"),
    ],
)
async def test_a_later_name_in_brackets_is_no_date_and_no_further_place(
    store: Store, message: str, language: str
) -> None:
    """'Orkdal (Orkland now)': Orkdal's request (48) with the minors (12, 'incl. UMA'), as of no day, not a sum
    with Orkland's other parts."""
    answer = await reply(on(store, date(2016, 1, 5)), message, language=language)
    assert "5024" in answer and ": 48¹" in answer and ": 12¹" in answer, answer
    assert "05.01.2016" not in answer and "5 Jan 2016" not in answer, answer


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("hvor mange er på flukt i verden nå?", "nb"),
        ("kor mange er på flukt i verda no?", "nn"),
        ("how many people are displaced worldwide now?", "en"),
    ],
)
async def test_now_asks_for_the_latest_figures(store: Store, message: str, language: str) -> None:
    """'nå', 'now': the latest figure known today (60 million displaced, of 2015), not today's year's."""
    answer = await reply(on(store, SLIDES_DAY), message, language=language)
    assert "60 000 000¹" in answer, answer


@pytest.mark.parametrize(
    ("messages", "language"),
    [
        (("Hvor mange søkte asyl i Norge i 2015?", "og hvor mange er ventet å søke i år?"), "nb"),
        (("Kor mange søkte asyl i Noreg i 2015?", "og kor mange er venta å søkje i år?"), "nn"),
        (
            (
                "How many applied for asylum in Norway in 2015?",
                "and how many are expected to apply this year?",
            ),
            "en",
        ),
    ],
)
async def test_a_follow_up_expecting_more_of_a_count_is_its_forecast(
    store: Store, messages: tuple[str, str], language: str
) -> None:
    """'and how many are expected …?' after asylum seekers: seed 002's '20-90k vil søke asyl i Norge i 2016'."""
    answer = await reply(on(store, SLIDES_DAY), *messages, language=language)
    assert "20 000¹" in answer and "90 000¹" in answer, answer


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("Hvor mange er på flukt i verden, og hvor mange av dem internt?", "nb"),
        ("Kor mange er på flukt i verda, og kor mange av dei internt?", "nn"),
        ("How many people are displaced worldwide, and how many of them internally?", "en"),
    ],
)
async def test_the_displaced_and_the_internally_displaced(store: Store, message: str, language: str) -> None:
    """'… og hvor mange av dem internt?': both measures of the slide (60 and 38 million)."""
    answer = await reply(on(store, SLIDES_DAY), message, language=language)
    assert "60 000 000¹" in answer and "38 000 000¹" in answer, answer


@pytest.mark.parametrize(
    ("messages", "language"),
    [
        (("Hvor mange er i introduksjonsprogram i Trondheim nå?", "hvor stor andel er på spor 2?"), "nb"),
        (("Kor mange er i introduksjonsprogram i Trondheim no?", "kor stor del er på spor 2?"), "nn"),
        (("How many are in the introduction programme in Trondheim now?", "what share is on track 2?"), "en"),
    ],
)
async def test_a_track_share_after_the_participants_now(
    store: Store, messages: tuple[str, str], language: str
) -> None:
    """After the participants 'nå' (579, November 2018), the share on track 2 (40 %) of the same programme."""
    assistant = on(store, TRONDHEIM_DAY)
    first = await reply(assistant, messages[0], language=language)
    assert "579¹" in first, first
    answer = await reply(assistant, *messages, language=language)
    assert "40 %" in answer, answer


@pytest.mark.parametrize(
    "message",
    [
        "Trondheim settlement figures 2014 through 2018",
        "Trondheim settled 2014 thru 2018",
        "bosatte i Trondheim 2014 til og med 2018",
        "busette i Trondheim 2014 t.o.m. 2018",
    ],
)
async def test_a_range_of_years_by_its_words(store: Store, message: str) -> None:
    """'2014 through 2018', 'til og med': every year from the first to the last."""
    question = parse(message, index=await store.index(), today=TRONDHEIM_DAY)
    assert question.years == [2014, 2015, 2016, 2017, 2018]


# Classes of the misses left in sets 4 and 6.


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("hvem i Trondheimsregionen hadde flest plasser igjen å fylle av vedtaket per 10.12.15?", "nb"),
        ("kven i Trondheimsregionen hadde flest plassar att å fylle av vedtaket per 10.12.15?", "nn"),
        (
            "who in the Trondheim region had the most places left to fill of the decision as of 10.12.15?",
            "en",
        ),
    ],
)
async def test_places_left_to_fill_are_what_remains(store: Store, message: str, language: str) -> None:
    """'plasser igjen å fylle', 'places left to fill': the members by what remains of the decision, Trondheim's
    450 − 398 = 52 first (a ranking is not yet as known on the day: the 10 December is named)."""
    answer = await reply(on(store, STATUS_DAY), message, language=language)
    assert "1. Trondheim: 398¹ / 450¹" in answer, answer


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("Hvor mange flere EM er Trondheim tenkt å ta i 2017 enn i 2016?", "nb"),
        ("Kor mange fleire EM er Trondheim tenkt å ta i 2017 enn i 2016?", "nn"),
        ("How many more UMs is Trondheim meant to take in 2017 than in 2016?", "en"),
    ],
)
async def test_meant_to_take_is_the_planning_figure(store: Store, message: str, language: str) -> None:
    """'tenkt å ta', 'meant to take': the planning figure (2017: 250 minors), for 2016 its request (160)."""
    answer = await reply(on(store, STATUS_DAY), message, language=language)
    assert "160¹" in answer and "250¹" in answer and "+90" in answer, answer


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("Hvor mye gikk Drammens anmodning ned fra den justerte i fjor til årets?", "nb"),
        ("Kor mykje gjekk oppmodinga til Drammen ned frå den justerte i fjor til årets?", "nn"),
        ("How much did Drammen's request fall from last year's revised one to this year's?", "en"),
    ],
)
async def test_two_time_words_are_two_years(store: Store, message: str, language: str) -> None:
    """'fra … i fjor til årets': 2023 and 2024, Drammen's revised request of 2023 (430) to 2024's (340)."""
    answer = await reply(on(store, date(2024, 2, 5)), message, language=language)
    assert "430¹" in answer and "340¹" in answer and "−90" in answer, answer


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("Hvor mange flere skulle Møre og Romsdal bosette i 2016 enn de gjorde i 2015?", "nb"),
        ("Kor mange fleire skulle Møre og Romsdal busetje i 2016 enn dei gjorde i 2015?", "nn"),
        ("How many more was Møre og Romsdal supposed to settle in 2016 than it did in 2015?", "en"),
    ],
)
async def test_what_was_to_be_settled_against_what_was_settled(
    store: Store, message: str, language: str
) -> None:
    """'skulle … bosette i 2016 enn de gjorde i 2015': the request of 2016 (1 073) against the settled of 2015
    (689), +384 (set 9)."""
    answer = await reply(on(store, SLIDES_DAY), message, language=language)
    assert "689¹" in answer and "1 073²" in answer and "+384" in answer, answer


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("Hvor mange skal Skaun bosette i 2016?", "nb"),
        ("Kor mange skal Skaun busetje i 2016?", "nn"),
        ("How many is Skaun supposed to settle in 2016?", "en"),
    ],
)
async def test_settling_after_a_modal_is_the_request(store: Store, message: str, language: str) -> None:
    """'skal Skaun bosette', with the place between the modal and the verb, is 'skal bosettes': the request (32)."""
    answer = await reply(on(store, STATUS_DAY), message, language=language)
    assert ": 32¹" in answer and "2015" not in answer.split("\n\n")[0], answer


@pytest.mark.parametrize(
    ("message", "language", "says"),
    [
        ("Hvor mange prosent økte bosettingen fra 2014 til 2015 ifølge Salomonsen?", "nb", "Kilden sier"),
        ("Kor mykje auka busetjinga frå 2014 til 2015 ifølgje Salomonsen?", "nn", "Kjelda seier"),
        (
            "By what percentage did settlement rise from 2014 to 2015 according to Salomonsen?",
            "en",
            "The source says",
        ),
    ],
)
async def test_a_change_with_the_per_cent_its_source_states(
    store: Store, message: str, language: str, says: str
) -> None:
    """Salomonsen's 7 700 → 11 000 is +43 % worked out, and the slide's own words say 45 %: both are shown (sets
    6, 8, 9)."""
    answer = await reply(on(store, SLIDES_DAY), message, language=language)
    assert (
        "(+43 %)" in answer and f"{says}: «11000 bosatt i 2015 fra 7700 i 2014 er en 45% økning»" in answer
    ), answer
