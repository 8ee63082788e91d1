"""Questions nobody rehearsed (issue 13): dates, typos, follow-ups, short questions' language, several
measures or groups at once, and the status table's sub-measures, in bokmål, nynorsk and English.

Expected figures are the seed documents' (seed 000's tables of 10.12.15 and 11.12.15, seed 003, seed 004).
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.assistant import Assistant
from bot.caller import Caller
from bot.dates import read_date
from bot.language import COMMANDS
from bot.phrases import PHRASE_LANGUAGES, VOCABULARY
from bot.render import plain
from bot.understanding import parse
from store.store import Store
from tests.bot.test_understanding import TODAY
from tests.conftest import ADMIN_ID

CITED = "¹²³⁴⁵⁶⁷⁸⁹"


def caller(language: str) -> Caller:
    """An admin whose /language is the given one."""
    return Caller(user_id=ADMIN_ID, language=language, role="admin")


async def reply(assistant: Assistant, *messages: str, language: str = "nb") -> str:
    """The first reply to the last message, asked after the others in the same chat, as plain text."""
    for message in messages[:-1]:
        await assistant.handle(message, caller(language))
    return plain((await assistant.handle(messages[-1], caller(language)))[0].text)


def assert_cited(answer: str, figures: tuple[str, ...]) -> None:
    """Each figure appears with a footnote mark."""
    for figure in figures:
        assert re.search(rf"(?<!\d)(?<!\d ){re.escape(figure)}[{CITED}]", answer), (
            f"{figure} not cited in:\n{answer}"
        )


# 1. Dates and small numbers are never places.
DATES = [
    # text, years, as of, the place
    ("status Trondheim per 10.12.15", [2015], date(2015, 12, 10), "5001"),
    ("bosatt Malvik pr. 10.12.2015", [2015], date(2015, 12, 10), "5031"),
    ("kor mange var busett i Skaun pr 10.12.2015?", [2015], date(2015, 12, 10), "5029"),
    ("settled in Melhus as of 10.12.15", [2015], date(2015, 12, 10), "5028"),
    ("bosatt Trondheim 2015 pr 31.12", [2015], date(2015, 12, 31), "5001"),
    ("status Trondheim i november 2018", [2018], date(2018, 11, 30), "5001"),
    ("settled Trondheim in Dec 2015", [2015], date(2015, 12, 31), "5001"),
    ("settled Trondheim as of December 10, 2015", [2015], date(2015, 12, 10), "5001"),
    ("busett Trondheim 10. desember 2015", [2015], date(2015, 12, 10), "5001"),
    ("bosatt Stjørdal 2015-12-10", [2015], date(2015, 12, 10), "5035"),
    ("bosatt Skaun per desember 2015", [2015], date(2015, 12, 31), "5029"),
    # 'nå', 'now': as of today, no year (the latest figures up to today, of whichever year: class 8 of set 10)
    ("hvor mange er bosatt i Melhus nå?", [], TODAY, "5028"),
    ("kor mange er busett i Melhus no?", [], TODAY, "5028"),
    ("how many are settled in Melhus now", [], TODAY, "5028"),
    ("anmodning Melhus i dag", [], TODAY, "5028"),
]


@pytest.mark.parametrize(("message", "years", "as_of", "code"), DATES, ids=[d[0] for d in DATES])
async def test_a_date_sets_the_year_and_is_no_place(
    store: Store, message: str, years: list[int], as_of: date, code: str
) -> None:
    """A date's day and month are never county codes; it gives the year and the as-of day."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert [m.place.code for m in question.places] == [code] and not question.also
    assert (question.years, question.as_of) == (years, as_of)


@pytest.mark.parametrize(
    "message", ["per desember", "pr 31.12", "i november", "in December", "per 10.12"], ids=str
)
async def test_a_date_without_a_place_names_none(store: Store, message: str) -> None:
    """A date alone names no place: '31.12' is neither Østfold nor Hordaland."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert all(m.place.code == "NO" for m in question.places) and not question.unknown_text


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("status fylke 16 2016", "16"),
        ("bosatt county 50 2019", "50"),
        ("status kommune 1601 2015", "5001"),
        ("status K1601 2015", "5001"),
        ("status kommunenummer 2012", "5601"),  # Alta's old number, not the year 2012
    ],
    ids=str,
)
async def test_numbers_written_as_codes_are_places(store: Store, message: str, code: str) -> None:
    """A one- or two-digit number after 'fylke' or 'county', a K-prefixed or a number word's code."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert [m.place.code for m in question.places] == [code]


@pytest.mark.parametrize(
    "message", ["status 16 Trondheim 2015", "EM under 15 Melhus 2016", "bosatt 12 Malvik"]
)
async def test_small_numbers_alone_are_no_codes(store: Store, message: str) -> None:
    """'16' or '12' beside a place is no county."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert len(question.places) == 1 and not question.also


@pytest.mark.parametrize(
    ("message", "years"),
    [("bosatt Norge 1978", [1978]), ("status Trondheim 2099", []), ("anmodning Skaun 2027", [2027])],
    ids=str,
)
async def test_four_digits_are_a_year_from_1977_to_next_year(
    store: Store, message: str, years: list[int]
) -> None:
    """1978 and next year are years; 2099 is none (a code, where one exists)."""
    assert parse(message, index=await store.index(), today=TODAY).years == years


@pytest.mark.parametrize(
    ("text", "left"),
    [("Drammen: 2.5 per dwelling", "2.5"), ("1.073 vedtaksplasser", "1.073"), ("may I ask", "may")],
    ids=str,
)
def test_numbers_and_words_that_are_no_dates(text: str, left: str) -> None:
    """Decimals, thousands and 'may' the verb are left as they are."""
    dated, rest = read_date(text, TODAY)
    assert dated is None and left in rest


@pytest.mark.parametrize(
    ("message", "language", "figures", "phrase"),
    [
        ("bosatt Trondheim per 10.12.15", "nb", ("398",), "Bosatt: 398"),
        ("kor mange var busett i Trondheim pr. 10.12.2015", "nn", ("398",), "Busett: 398"),
        ("settled Trondheim in Dec 2015", "en", ("495",), "Settled: 495"),
        ("status Trondheim per 10.12.15", "nb", ("469", "450", "398", "158"), "Bosatt: 398"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
async def test_the_answer_holds_the_figure_of_the_date(
    assistant: Assistant, message: str, language: str, figures: tuple[str, ...], phrase: str
) -> None:
    """Trondheim's settled count is 398 as of 10.12.2015 and 495 for the whole year (seed 004)."""
    answer = await reply(assistant, message, language=language)
    assert_cited(answer, figures)
    assert phrase in answer and "Vest-Agder" not in answer


# 2. Typos: the clearly nearest place is taken, with a note.
@pytest.mark.parametrize(
    ("message", "language", "note", "figure"),
    [
        ("bosatt Stjørdla 2015", "nb", "Tolket «stjordla» som Stjørdal.", "57"),
        ("busett i Stjordl 2015", "nn", "Tolka «stjordl» som Stjørdal.", "57"),
        ("how many were settled in Trondhiem in 2015", "en", "Read “trondhiem” as Trondheim.", "495"),
        ("vedtak Mlehus 2015", "nb", "Tolket «mlehus» som Melhus.", "51"),
    ],
    ids=lambda value: value if isinstance(value, str) and " " in value else "",
)
async def test_the_clearly_nearest_name_is_taken(
    assistant: Assistant, message: str, language: str, note: str, figure: str
) -> None:
    """'Stjørdla' is one swap from Stjørdal and two edits from Stordal: Stjørdal, said so."""
    answer = await reply(assistant, message, language=language)
    assert note in answer
    assert_cited(answer, (figure,))


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("stjordla", {"Stjørdal"}),
        ("stjordl", {"Stjørdal"}),
        ("stjrdal", {"Stjørdal"}),  # the ø left out, not Stordal with j for o
        ("oslp", {"Oslo"}),
        ("tindal", {"Rindal"}),  # t is next to r on the keyboard, not to b
        ("pindal", {"Bindal", "Rindal"}),
        ("lesa", {"Leka", "Lesja"}),
    ],
)
async def test_equally_near_names_are_offered(store: Store, typed: str, names: set[str]) -> None:
    """'pindal' is one edit from Bindal and Rindal, neither a keyboard slip: both offered."""
    assert {m.place.name for m in (await store.index()).fuzzy(typed)} == names


@pytest.mark.parametrize(("message", "buttons"), [("status Pindal 2015", 2), ("bosatt Tindal 2015", 0)])
async def test_a_choice_only_between_equally_near_names(
    assistant: Assistant, message: str, buttons: int
) -> None:
    """Buttons for Bindal and Rindal; none where one name is clearly nearer."""
    (answer,) = await assistant.handle(message, caller("nb"))
    assert len(answer.buttons) == buttons


@pytest.mark.parametrize(
    ("message", "name"),
    [("status Stjordal 2015", "Stjørdal"), ("status Orkdal 2015", "Orkdal"), ("status Orland", "Ørland")],
)
async def test_ascii_spellings_are_exact(store: Store, message: str, name: str) -> None:
    """Names without æøå are names, not typos: Orkdal is not Ørland."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert [(m.place.name, m.how) for m in question.places] == [(name, "exact")]


# 3. Follow-ups.
FOLLOW_UPS = [
    # previous, follow-up, caller's language, expected figures, text expected
    ("anmodning Melhus 2016", "og året før?", "nb", ("56",), "Melhus (kommune 5028) · 2015"),
    ("oppmoding Melhus 2016", "og året før?", "nn", ("56",), "Oppmoding: 56"),
    ("status Trondheim 2016", "and the year before?", "en", ("469", "450"), "status 2015"),
    ("bosatte Trondheim 2016", "og året etter?", "nb", ("675",), "2017"),
    ("settled Trondheim 2015", "the following year", "en", ("740",), "Settled: 740"),
    ("anmodning Trondheim 2016", "next year's planning figure", "en", ("730",), "Planning figure: 730"),
    ("anmodning Trondheim 2016", "og neste års plantall?", "nb", ("730",), "Plantall: 730"),
    ("bosatt Melhus 2015", "og vedtaket?", "nb", ("51",), "Vedtak: 51"),
    ("oppmoding Skaun 2015", "og vedtaket?", "nn", ("11",), "Vedtak: 11"),
    ("busett Skaun 2015", "og oppmodinga?", "nn", ("32",), "Oppmoding: 32"),
    ("settled Malvik 2015", "and what did the council decide?", "en", ("48",), "Council decision: 48"),
    ("vedtak Orkdal 2015", "and the request?", "en", ("48",), "Request: 48"),
    ("anmodning Trondheim 2016", "and for unaccompanied minors?", "en", ("160",), "unaccompanied minors"),
    ("oppmoding Skaun 2016", "kva med EM?", "nn", ("8",), "einslege mindreårige"),
    ("anmodning Melhus 2016", "hvor mange ble bosatt der i 2015?", "nb", ("43",), "Bosatt: 43"),
    ("oppmoding Malvik 2015", "kor mange vart busett der?", "nn", ("38",), "Busett: 38"),
    ("request Skaun 2015", "and how many settled there?", "en", ("14",), "Settled: 14"),
    ("bosatte Trondheim 2016", "hvor mange av dem var EM?", "nb", ("123",), "enslige mindreårige"),
    ("busette Trondheim 2016", "kor mange av dei var einslege mindreårige?", "nn", ("123",), "einslege"),
    ("settled Trondheim 2017", "how many of them were unaccompanied minors?", "en", ("43",), "minors"),
]


@pytest.mark.parametrize(
    ("previous", "message", "language", "figures", "phrase"),
    FOLLOW_UPS,
    ids=[f"{f[0]} / {f[1]}" for f in FOLLOW_UPS],
)
async def test_follow_ups_replace_only_what_they_name(
    assistant: Assistant, previous: str, message: str, language: str, figures: tuple[str, ...], phrase: str
) -> None:
    """Relative years, a measure or a group alone, 'der', 'of them': the rest is the previous question's."""
    answer = await reply(assistant, previous, message, language=language)
    assert_cited(answer, figures)
    assert phrase in answer


@pytest.mark.parametrize(
    "message",
    ["hvor mange ble bosatt der i 2016?", "året før", "the following year", "how many of them were EM"],
)
async def test_words_pointing_back_make_a_follow_up(store: Store, message: str) -> None:
    """'der', 'året før', 'of them' without a place named build on the previous question."""
    assert parse(message, index=await store.index(), today=TODAY).follow_up


@pytest.mark.parametrize(
    "message", ["hvor mange av dem var EM?", "how many of them were unaccompanied minors"]
)
async def test_of_them_narrows_to_the_group(store: Store, message: str) -> None:
    """'av dem' without a place asks for the group alone; the previous question gives the rest."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert (question.group, question.groups, question.follow_up) == ("em", ["em"], True)


async def test_a_place_named_beside_there_is_a_question_of_its_own(store: Store) -> None:
    """'how many refugees are there in Malvik' names its place: no follow-up."""
    assert not parse(
        "how many refugees are there in Malvik 2015", index=await store.index(), today=TODAY
    ).follow_up


# 4. The language of short questions.
def language_specific_phrases() -> list[tuple[str, str]]:
    """Every vocabulary phrase only one language has (commands and the date reader's words apart)."""
    found = []
    for phrase, languages in sorted(PHRASE_LANGUAGES.items()):
        if len(languages) == 1 and VOCABULARY[phrase] not in COMMANDS and read_date(phrase, TODAY)[0] is None:
            found.append((phrase, next(iter(languages))))
    return found


async def test_each_language_specific_word_gives_its_language(store: Store) -> None:
    """'<phrase> Trondheim 2015' is in the phrase's language, for every phrase only one language has."""
    index = await store.index()
    phrases = language_specific_phrases()
    assert {language for _, language in phrases} == {"nb", "nn", "en"}
    wrong = [
        (phrase, language)
        for phrase, language in phrases
        if parse(f"{phrase} Trondheim 2015", index=index, today=TODAY).language != language
    ]
    assert not wrong


@pytest.mark.parametrize(
    ("message", "caller_language", "expected"),
    [
        ("Malvik settled 2015", "nb", "Settled: 38"),
        ("Skaun plantall 2017", "en", "Plantall: 35"),
        ("oppmoding Melhus 2016", "nb", "Oppmoding: 56"),
        ("vedtak Melhus 2015", "en", "Kilder"),  # nb or nn, never English: the caller's is not allowed
        ("vedtak Melhus 2015", "nn", "Kjelder"),  # nb or nn: the caller's nynorsk is allowed
        ("status Melhus 2015", "en", "Request: 56"),  # no language: the caller's
    ],
    ids=str,
)
async def test_short_questions_are_answered_in_their_vocabulary_s_language(
    assistant: Assistant, message: str, caller_language: str, expected: str
) -> None:
    """Where lingua is unsure, the vocabulary's words decide; a bare command falls back to the caller's choice."""
    assert expected in await reply(assistant, message, language=caller_language)


# 5. Several measures or groups in one question.
SEVERAL = [
    # text, measures, groups, a year per measure
    ("anmodet, vedtatt og bosatt i Malvik 2015", ["requested", "decided", "settled"], [], []),
    ("oppmoding, vedtak og busette i Klæbu 2015", ["requested", "decided", "settled"], [], []),
    ("request, decision and settled for Skaun 2015", ["requested", "decided", "settled"], [], []),
    ("plantall 2017 Skaun med EM og EM under 15", ["planned"], ["all", "em", "em_under_15"], []),
    ("Melhus 2016 inkl. EM", [], ["all", "em"], []),
    ("bosatte og EM Trondheim 2016", ["settled"], ["all", "em"], []),
    ("EM og EM under 15 anmodning Melhus 2016", ["requested"], ["em", "em_under_15"], []),
    ("unaccompanied minors under 15 requested Melhus 2016", ["requested"], ["em_under_15"], []),
    (
        "Skaun anmodning 2016 og plantall 2017",
        ["requested", "planned"],
        [],
        [("requested", 2016), ("planned", 2017)],
    ),
    (
        "oppmoding 2016 og plantal 2017 for Melhus",
        ["requested", "planned"],
        [],
        [("requested", 2016), ("planned", 2017)],
    ),
    ("how many did Stjørdal settle in 2014 and how many of them were EM", ["settled"], ["all", "em"], []),
    ("request and decision for Orkdal 2016", ["requested", "decided"], [], []),
    ("hvor mange ble Skaun bedt om å bosette i 2016", ["requested"], [], []),  # the request, not two
    ("how many was Melhus asked to settle in 2016", ["requested"], [], []),
]


@pytest.mark.parametrize(("message", "measures", "groups", "years"), SEVERAL, ids=[s[0] for s in SEVERAL])
async def test_every_measure_and_group_named_is_kept(
    store: Store, message: str, measures: list[str], groups: list[str], years: list[tuple[str, int]]
) -> None:
    """The Question carries each measure and group named, and a year per measure where each has its own."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert (question.measures, question.groups, question.measure_years) == (measures, groups, years)


ANSWERS = [
    ("anmodet, vedtatt og bosatt i Malvik 2015", "nb", ("48", "48", "38"), "Vedtak: 48"),
    ("oppmoding, vedtak og busette i Klæbu 2015", "nn", ("24", "18", "7"), "Busett: 7"),
    ("request, decision and settled for Skaun 2015", "en", ("32", "11", "14"), "Council decision: 11"),
    ("plantall 2017 Skaun med EM og EM under 15", "nb", ("35", "13", "0"), "Plantall, EM under 15 år: 0"),
    ("Melhus 2016 inkl. EM", "nb", ("56", "14"), "enslige mindreårige"),
    ("bosatte og EM Trondheim 2016", "nb", ("740", "123"), "Bosatt: 740"),
    ("Skaun anmodning 2016 og plantall 2017", "nb", ("32", "35"), "Skaun (kommune 5029) · 2017"),
    ("oppmoding 2016 og plantal 2017 for Melhus", "nn", ("56", "65"), "Plantal: 65"),
    (
        "how many did Trondheim settle in 2016 and how many of them were EM",
        "en",
        ("740", "123"),
        "Settled: 740",
    ),
    ("request and decision for Orkdal 2015", "en", ("48", "40"), "Request: 48"),
    ("anmodning og vedtak Drammen 2023", "nb", ("360", "430", "400"), "Justert vedtak: 400"),
]


@pytest.mark.parametrize(("message", "language", "figures", "phrase"), ANSWERS, ids=[a[0] for a in ANSWERS])
async def test_the_answer_shows_every_measure_and_group(
    assistant: Assistant, message: str, language: str, figures: tuple[str, ...], phrase: str
) -> None:
    """Never only the last one named: each figure with its footnote."""
    answer = await reply(assistant, message, language=language)
    assert_cited(answer, figures)
    assert phrase in answer


# 6. The status table's sub-measures.
SUB_MEASURES = [
    ("hvor mange er utsøkt i Klæbu 2015", "nb", "assigned", ("10",)),
    ("søkt ut Skaun 2015", "nb", "assigned", ("3",)),
    ("kor mange er på veg til Melhus i 2015", "nn", "assigned", ("13",)),
    ("how many were assigned but not yet moved in in Trondheim 2015", "en", "assigned", ("158",)),
    ("how many are on their way to Malvik 2015", "en", "assigned", ("6",)),
    ("TOTALT Melhus 2015", "nb", "settled_and_assigned", ("56",)),
    ("totalt Trondheim 2015", "nb", "settled_and_assigned", ("556",)),
    ("total Stjørdal 2015", "en", "settled_and_assigned", ("57",)),
    ("TOTALT Trondheimsregionen 2015", "nb", "settled_and_assigned", ("836",)),
    ("boliger Drammen 2024", "nb", "capacity_dwellings", ("100",)),
    ("bustader Drammen 2024", "nn", "capacity_dwellings", ("100",)),
    ("how much housing can Drammen provide in 2024", "en", "capacity_dwellings", ("100",)),
]


@pytest.mark.parametrize(
    ("message", "language", "measure", "figures"), SUB_MEASURES, ids=[s[0] for s in SUB_MEASURES]
)
async def test_sub_measures(
    assistant: Assistant, store: Store, message: str, language: str, measure: str, figures: tuple[str, ...]
) -> None:
    """Assigned ('utsøkt', 'på vei', 'not yet moved in'), TOTALT (settled + assigned) and dwellings."""
    assert parse(message, index=await store.index(), today=TODAY).measure == measure
    assert_cited(await reply(assistant, message, language=language), figures)
