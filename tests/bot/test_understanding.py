"""Reading questions: place, years, measure, group and intent."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.phrases import PHRASE_LANGUAGES, VOCABULARY, Meaning
from bot.understanding import (
    BETWEEN_YEARS,
    PHRASE_WORDS,
    YEAR_DIGITS,
    YEAR_RANGE,
    Question,
    _last_words,
    parse,
)
from bot.wordlists import common_words
from store.models import Place
from store.names import normalise
from store.places import PlaceMatch
from store.store import Store

TODAY = date(2026, 11, 23)

CASES = [
    # text, intent, place code, years, measure, group
    ("status Trondheim 2015", "status", "5001", [2015], None, "all"),
    ("/status 1601 2015", "status", "5001", [2015], None, "all"),
    ("hvor mange er bosatt i Melhus i år?", "figure", "5028", [2026], "settled", "all"),
    ("EM anmodning 2016 Trondheim", "figure", "5001", [2016], "requested", "em"),
    ("plantall 2017 Stjørdal", "figure", "5035", [2017], "planned", "all"),
    ("hvor langt har Malvik kommet?", "status", "5031", [], None, "all"),
    ("bosatte Norge 2014", "figure", "NO", [2014], "settled", "all"),
    (
        "How many unaccompanied minors did Trondheim settle in 2016?",
        "figure",
        "5001",
        [2016],
        "settled",
        "em",
    ),
    ("status trondhiem", "status", "5001", [], None, "all"),
    ("busette i Orkdal 2015", "figure", "5024", [2015], "settled", "all"),
    (
        "kor mange einslege mindreårige vart busett i Trondheim i fjor",
        "figure",
        "5001",
        [2025],
        "settled",
        "em",
    ),
    ("oppmoding Skaun neste år", "figure", "5029", [2027], "requested", "all"),
    ("Trondheim 2006–2018", "series", "5001", list(range(2006, 2019)), None, "all"),
    ("Trondheim siden 2006", "series", "5001", list(range(2006, 2027)), None, "all"),
    ("historikk Trondheim", "series", "5001", [], None, "all"),
    ("anmodnig Skaun 2016", "figure", "5029", [2016], "requested", "all"),
    (
        "hvorav EM under 15 år anmodning Melhus 2016",
        "figure",
        "5028",
        [2016],
        "requested",
        "em_under_15",
    ),
    ("Sør-Trøndelag anmodning 2016", "figure", "16", [2016], "requested", "all"),
    ("Midt-Norge bosatt 2013", "figure", "IMDI-MIDT", [2013], "settled", "all"),
    ("tilskudd Trondheim 2015", "grant", "5001", [2015], None, "all"),
    (
        "hvilken kommune i Trondheimsregionen er lengst bak vedtaket i 2015?",
        "ranking",
        "TRONDHEIMSREGIONEN",
        [2015],
        "decided",
        "all",
    ),
    ("ukrainere bosatt Norge 2023", "figure", "NO", [2023], "settled", "ukraine"),
]


@pytest.mark.parametrize(
    ("message", "intent", "code", "years", "measure", "group"), CASES, ids=[c[0] for c in CASES]
)
async def test_parse(
    store: Store,
    message: str,
    intent: str,
    code: str,
    years: list[int],
    measure: str | None,
    group: str,
) -> None:
    """Each question is read to the expected parts."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert question.intent == intent
    assert [m.place.code for m in question.places] == [code]
    assert question.years == years
    assert (question.measure, question.group) == (measure, group)


@pytest.mark.parametrize("message", ["asdfgh qwerty", "Atlantis 2015", "status Xyzzy"])
async def test_unknown_places_stay_unknown(store: Store, message: str) -> None:
    """Words that name no place are kept as unknown, never matched to a place."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert question.places == [] and question.unknown_text


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Trondheim 1900–2099", 1977, 2027),
        ("Trondheim 2020–2099", 2020, 2027),
        ("Trondheim 2006-2018", 2006, 2018),
        ("Trondheim 2026-2030", 2026, 2030),
    ],
    ids=["both ends beyond", "to the end of the century", "within", "to a plan's year"],
)
async def test_a_year_range_is_bounded_by_the_years_a_question_may_ask(
    store: Store, text: str, first: int, last: int
) -> None:
    """A range in free text keeps the years from the register's first year to next year, or to its end where that
    may be a year (up to 25 years ahead: a plan's)."""
    question = parse(text, index=await store.index(), today=TODAY)
    assert question.years == list(range(first, last + 1))


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("hvem har kommet over Trondheim i 2015", "5001"),
        ("hvordan går det i Melhus?", "5028"),
        ("hvem skal bosette flest i Trondheimsregionen", "TRONDHEIMSREGIONEN"),
        ("results for Skaun 2015", "5029"),
        ("beste kommune i Trøndelag 2015", "50"),
        ("how many were settled this time in Melhus", "5028"),
    ],
)
async def test_common_words_are_never_places(store: Store, message: str, code: str) -> None:
    """'over', 'går', 'skal', 'results', 'beste', 'time' beside a place named exactly: only that place."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert [m.place.code for m in question.places] == [code]
    assert not question.also and not question.unknown_text


@pytest.mark.parametrize(
    "message", ["hvem går over", "results", "beste skal", "how many this time", "vi har"]
)
async def test_words_alone_name_no_place(store: Store, message: str) -> None:
    """A question of common words only names no place (the nation where figures are asked) nor an unknown one."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert all(m.place.code == "NO" for m in question.places) and not question.unknown_text


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("status Hole 2015", "Hole"),  # capitalised
        ("bosatt i hole", "Hole"),  # in a place slot
        ("hole", "Hole"),  # alone
        ("bosatte moss 2015", "Moss"),  # after a measure
        ("hvor mange er bosatt i Sel", "Sel"),
        ("anmodning Vik 2016", "Vik"),
        ("status bø", "Bø"),  # æøå: a name, not the word 'bo'
        ("anmodning drammen 2021", "Drammen"),  # a long word is read as the name
    ],
)
async def test_names_that_are_words_are_found_as_names(store: Store, message: str, name: str) -> None:
    """Register names that are also words count when capitalised, spelt with æøå, in a place slot or long."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert {m.place.name.split(" (")[0] for m in question.places} == {name}


@pytest.mark.parametrize("message", ["hvor mange er bosatt, vi så en sel i fjor", "settled as of 2015"])
async def test_names_used_as_words_are_no_places(store: Store, message: str) -> None:
    """'sel' (a seal) mid-sentence and 'as' (Ås) in 'as of' are the words."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert all(m.place.code == "NO" for m in question.places)


async def test_no_typo_is_read_where_a_place_is_named_exactly(store: Store) -> None:
    """'Melhsu' is Melhus, but not beside Malvik named exactly."""
    index = await store.index()
    assert [m.how for m in parse("bosatt Melhsu 2015", index=index, today=TODAY).places] == ["fuzzy"]
    question = parse("bosatt Melhsu Malvik 2015", index=index, today=TODAY)
    assert [m.place.name for m in question.places] == ["Malvik"] and not question.also


async def test_no_common_or_vocabulary_word_is_ever_a_place(store: Store) -> None:
    """Words of nb, nn and en and of the vocabulary, alone or in sentences, name no place (names apart)."""
    index = await store.index()
    name_words = {word for key in index.aliases for word in key.split()}
    words = sorted({w for language in ("nb", "nn", "en") for w in common_words(language)} | set(VOCABULARY))
    words = [w for w in words if not set(w.split()) & name_words]
    sentence = st.lists(st.sampled_from(words), min_size=1, max_size=8).map(" ".join)

    @settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(message=sentence, capitalised=st.booleans())
    def check(message: str, capitalised: bool) -> None:
        question = parse(message.title() if capitalised else message, index=index, today=TODAY)
        assert all(m.place.code == "NO" for m in question.places), message
        assert not question.unknown_text and not question.place_text, message

    check()


@pytest.mark.parametrize(
    ("message", "intent", "measure"),
    [
        ("bosetting Trondheim 2015", "status", None),
        ("busetjing i Skaun 2015", "status", None),
        ("settlement in Melhus 2015", "status", None),
        ("how many was Stjørdal asked to settle in 2016", "figure", "requested"),
        ("hvor mange ble Skaun bedt om å bosette i 2016", "figure", "requested"),
        ("hvor mange er Melhus anmodet om å bosette", "figure", "requested"),
        ("hvor mange skal bosettes i 2017", "figure", "settlement_need"),
        ("hvor mange skal bosettes i Melhus i 2017", "figure", "requested"),
    ],
)
async def test_topic_words_are_no_measure(
    store: Store, message: str, intent: str, measure: str | None
) -> None:
    """'bosetting' asks for the status card; 'asked to settle' is the request; 'skal bosettes' the need."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert (question.intent, question.measure) == (intent, measure)


INTENTS = [
    # text, intent, best first, by the value
    ("hvem har kommet kortest i Trondheimsregionen", "ranking", False, False),
    ("hvem har kommet lengst i Trondheimsregionen", "ranking", True, False),
    ("dårligst i Trøndelag 2015", "ranking", False, False),
    ("hvilken kommune er best i Trøndelag", "ranking", True, False),
    ("hvem ligger etter med busetjinga i Trøndelag", "ranking", False, False),
    ("kven ligg etter i Trøndelag", "ranking", False, False),
    ("which municipality is lagging in Trøndelag", "ranking", False, False),
    ("which municipality in Trøndelag is furthest behind", "ranking", False, False),
    ("who has come furthest in Trøndelag", "ranking", True, False),
    ("hvem bosatte flest i Trøndelag", "ranking", False, True),
    ("kven fekk flest busette i Trøndelag", "ranking", False, True),
    ("which municipality settled the most in Trøndelag", "ranking", False, True),
    ("får Trondheim tilskudd i 2016", "grant", False, False),
    ("how much extra grant did Trondheim get", "grant", False, False),
    ("kor mykje tilskot fekk Trondheim", "grant", False, False),
    ("ekstratilskudd Trondheim", "grant", False, False),
]


@pytest.mark.parametrize(("message", "intent", "best", "most"), INTENTS, ids=[i[0] for i in INTENTS])
async def test_intents_from_many_phrasings(
    store: Store, message: str, intent: str, best: bool, most: bool
) -> None:
    """Rankings (behind or best first, or by the value) and grants from free phrasings."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert (question.intent, question.best, question.most) == (intent, best, most)


@pytest.mark.parametrize("kind", ["intent", "rank", "compare"])
def test_each_intent_has_phrasings_in_three_languages(kind: str) -> None:
    """Every intent, ranking order and comparison is said in bokmål, nynorsk and English."""
    values = {meaning.value for meaning in VOCABULARY.values() if meaning.kind == kind}
    for value in values:
        phrases = [p for p, m in VOCABULARY.items() if m == Meaning(kind, value)]
        assert {lang for p in phrases for lang in PHRASE_LANGUAGES[p]} == {"nb", "nn", "en"}, value


async def test_every_intent_phrase_is_understood(store: Store) -> None:
    """Each phrase of an intent, said of a group of municipalities, gives its intent (help and start alone)."""
    index = await store.index()
    wrong = []
    for phrase, (kind, value) in VOCABULARY.items():
        if kind not in ("intent", "rank", "compare"):
            continue
        message = phrase if value in ("help", "start") else f"{phrase} Trondheimsregionen 2015"
        expected = value if kind == "intent" else "ranking"
        if parse(message, index=index, today=TODAY).intent != expected:
            wrong.append(message)
    assert not wrong


@pytest.mark.parametrize(
    ("message", "intent", "measure", "group", "years"),
    [
        ("hvor mange EM skal bosettes i 2017", "figure", "settlement_need", "em", [2017]),
        (
            "how many refugees did IMDi ask the municipalities to take in 2024",
            "figure",
            "requested",
            "all",
            [2024],
        ),
        ("hvordan går det med bosettingen?", "status", None, "all", []),
        ("which county had the best introduction results", "intro", None, "all", []),
    ],
)
async def test_questions_without_a_place_are_about_the_nation(
    store: Store, message: str, intent: str, measure: str | None, group: str, years: list[int]
) -> None:
    """No place named: the whole country."""
    question = parse(message, index=await store.index(), today=TODAY)
    assert [m.place.code for m in question.places] == ["NO"]
    assert (question.intent, question.measure, question.group, question.years) == (
        intent,
        measure,
        group,
        years,
    )


@pytest.mark.parametrize(
    ("message", "level"),
    [
        ("which county had the best introduction results", "county"),
        ("hvilket fylke bosatte flest i 2016", "county"),
        ("which municipality is lagging in Trøndelag", "municipality"),
        ("intro Vestfold 2014", None),
    ],
)
async def test_what_a_ranking_ranks(store: Store, message: str, level: str | None) -> None:
    """'which county …' ranks counties."""
    assert parse(message, index=await store.index(), today=TODAY).rank_level == level


def test_every_vocabulary_phrase_is_listed_by_its_first_word() -> None:
    """A phrase is looked for only at a word listed as beginning one, up to that many words: every phrase is."""
    for phrase in VOCABULARY:
        words = phrase.split(" ")
        assert PHRASE_WORDS[words[0]] >= len(words)
    assert max(PHRASE_WORDS.values()) > 1


def _other(kind: str, value: object) -> Any:
    """A value of a field's kind (its declared type) other than this one."""
    if kind == "list[PlaceMatch]":
        return [PlaceMatch(Place(code="5001", name="Trondheim", level="municipality"), "Trondheim", "exact")]
    if isinstance(value, bool):
        return not value
    if value is None:
        return "x"
    if isinstance(value, int | float):
        return value + 1
    if isinstance(value, str):
        return value + "x"
    assert isinstance(value, list | tuple | frozenset)
    return type(value)(["x"])


def test_the_answer_cache_key_tells_every_field_apart() -> None:
    """Questions that differ in any one field have different keys: the answer cache never mixes them up."""
    question = Question(text="status Trondheim 2015")
    for changed in fields(Question):
        other = replace(
            question, **{changed.name: _other(str(changed.type), getattr(question, changed.name))}
        )
        assert other.key() != question.key(), changed.name


def test_a_copy_of_a_question_holds_every_field_and_is_set_apart() -> None:
    """A question's copy (answering sets fields of the copy) equals it in each field, and setting one leaves it."""
    question = Question(text="status Trondheim 2015")
    for changed in fields(Question):
        other = replace(
            question, **{changed.name: _other(str(changed.type), getattr(question, changed.name))}
        )
        duplicate = other.copy()
        assert duplicate == other and duplicate is not other, changed.name
        setattr(duplicate, changed.name, getattr(question, changed.name))
        assert getattr(other, changed.name) != getattr(question, changed.name), changed.name


@settings(max_examples=1000, deadline=None)
@given(
    text=st.lists(
        st.one_of(
            st.sampled_from(["kommune", "nr.", "K-", "Bø", "Ås", "Tromsø–", "é", "\u0301", "ß"]),
            st.text("aø1 .-,'\t\n"),
        )
    ).map(" ".join),
    count=st.integers(1, 3),
)
def test_a_texts_last_words_are_those_of_the_whole_normalised(text: str, count: int) -> None:
    """The last words, normalised a written word at a time, are the last words of the whole text normalised."""
    assert _last_words(text, count) == normalise(text).split()[-count:]


@settings(max_examples=1000, deadline=None)
@given(
    pieces=st.lists(
        st.one_of(
            st.sampled_from(["2015", "1999", "2006", "-", "–", "til", "to", "mellom", "between", "og"]),
            st.text(),
        ),
        max_size=6,
    ),
    joined=st.sampled_from([" ", ""]),
)
def test_no_range_of_years_is_missed_where_fewer_than_two_years_are_written(
    pieces: list[str], joined: str
) -> None:
    """The patterns of a range are skipped where the text holds fewer than two years: they would find none."""
    text = joined.join(pieces)
    ranged = BETWEEN_YEARS.search(text) or YEAR_RANGE.search(text)
    assert not ranged or len(YEAR_DIGITS.findall(text)) > 1
