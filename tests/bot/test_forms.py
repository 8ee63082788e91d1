"""Word forms: every vocabulary word's inflections and compounds mean what the word means."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from functools import cache

import pytest
from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

from bot.forms import SHORTEST_BASE, compound, understood
from bot.phrases import PHRASE_LANGUAGES, VOCABULARY, Meaning
from store.names import normalise

MEANINGFUL = ("measure", "group", "intent", "topic", "rank", "compare", "level")
# Listed under a vocabulary word but no inflection of its meaning: nynorsk 'plant' is the adjective 'flat'
# (also spelt 'plan'), and 'neednt' is "needn't" without its apostrophe.
NOT_FORMS = {"plant", "neednt"}


@cache
def forms_by_lemma(language: str) -> Mapping[str, list[str]]:
    """simplemma's forms of each lemma of a language, normalised; forms of more than one word left out."""
    forms: dict[str, list[str]] = defaultdict(list)
    for form, lemma in DefaultDictionaryFactory().get_dictionary(language).items():
        if " " not in normalise(form):
            forms[normalise(lemma)].append(normalise(form))
    return forms


def inflections(word: str, language: str) -> list[str]:
    """simplemma's inflected forms of a word that is a lemma: the word with an ending ('vedtak' → 'vedtaket')."""
    forms = forms_by_lemma(language).get(word, [])
    return [form for form in forms if form.startswith(word) and form != word and form not in NOT_FORMS]


def test_every_inflection_of_the_vocabulary_means_the_same() -> None:
    """Definite, plural and English forms of every one-word phrase (nb, nn, en) are understood as the phrase.

    Words shorter than four letters take no endings ('hid' and 'heir' are no forms of 'hi').
    """
    checked = 0
    for phrase, meaning in VOCABULARY.items():
        if " " in phrase or meaning.kind not in MEANINGFUL or len(phrase) < SHORTEST_BASE:
            continue
        for language in PHRASE_LANGUAGES[phrase]:
            for form in inflections(phrase, language):
                assert understood(form) == meaning, f"{form} ({language}) is not {phrase}"
                checked += 1
    assert checked > 150


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        ("bosettingsbehovet", Meaning("measure", "settlement_need")),
        ("vedtaket", Meaning("measure", "decided")),
        ("vedtakene", Meaning("measure", "decided")),
        ("anmodningene", Meaning("measure", "requested")),
        ("oppmodingane", Meaning("measure", "requested")),
        ("busetjinga", Meaning("topic", "")),
        ("tilskotet", Meaning("intent", "grant")),
        ("requests", Meaning("measure", "requested")),
        ("counties", Meaning("level", "county")),
        ("ranked", Meaning("rank", "behind")),
    ],
)
def test_inflected_forms(word: str, meaning: Meaning) -> None:
    """Forms the dictionaries may not list are read by their endings."""
    assert understood(word) == meaning


@pytest.mark.parametrize(
    ("word", "meanings"),
    [
        ("ekstratilskudd", [Meaning("extra", ""), Meaning("intent", "grant")]),
        ("ekstraanmodning", [Meaning("extra", ""), Meaning("measure", "requested")]),
        ("integreringstilskudd", [Meaning("intent", "grant")]),
        ("emanmodning", [Meaning("group", "em"), Meaning("measure", "requested")]),
        ("anmodningstall", [Meaning("measure", "requested")]),
        ("bosettingsvedtak", [Meaning("topic", ""), Meaning("measure", "decided")]),
        ("ukrainaflyktninger", [Meaning("group", "ukraine")]),
        ("flyktningtall", [Meaning("stop", "")]),
        ("trondheim", []),
    ],
)
def test_compounds(word: str, meanings: list[Meaning]) -> None:
    """A compound means its last part, and its first where that names a group, topic or measure."""
    assert compound(word) == meanings


# Tables and documents, as users name them: definite and plural forms of bokmål and nynorsk.
DOCUMENTS = (
    "tabellen",
    "tabeller",
    "oversikten",
    "oversynet",
    "lista",
    "listen",
    "tallene",
    "tala",
    "statistikken",
)


def test_a_table_or_document_named_after_a_measure_is_the_measure() -> None:
    """Every one-word measure of bokmål and nynorsk, joined to a table's or document's name with or without
    the linking 's' ('anmodningstabellen', 'vedtaksoversikten', 'plantala'), means that measure, as a form of
    a word or as a compound."""
    checked = 0
    for phrase, meaning in VOCABULARY.items():
        if meaning.kind != "measure" or " " in phrase or not PHRASE_LANGUAGES[phrase] & {"nb", "nn"}:
            continue
        for document in DOCUMENTS:
            for link in ("s", ""):
                word = f"{phrase}{link}{document}"  # 'plan' + 'tallene' is a form of 'plantall'
                found = [understood(word)] if understood(word) else compound(word)
                assert found == [meaning], f"{word} is not {meaning.value}"
                checked += 1
    assert checked > 500
