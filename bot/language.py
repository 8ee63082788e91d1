"""The language a question is written in: bokmål, nynorsk or English, or None when it does not say."""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from bot import texts
from bot.phrases import PHRASE_LANGUAGES, VOCABULARY, Meaning
from bot.wordlists import LANGUAGES, common_words
from store.names import normalise

CODES = {Language.BOKMAL: "nb", Language.NYNORSK: "nn", Language.ENGLISH: "en"}
FEWEST_WORDS = 2  # 'status Trondheim 2015' has one word of a language: it says nothing of which
MARKER_WEIGHT = 0.5  # each word or phrase only one language has, added to lingua's confidence (0–1)
MARGIN = 0.2  # the lead the first language needs over the second
# lingua's confidences lie within 0–1, so a language with this many more words of its own than any other
# leads by at least MARGIN whatever lingua says: lingua is not asked (it costs about 0.3 ms a question)
DECISIVE_MARKERS = math.ceil((1 + MARGIN) / MARKER_WEIGHT)
NORWEGIAN = ("nb", "nn")
COMMANDS = (Meaning("intent", "help"), Meaning("intent", "start"))  # 'help' alone is a command: no language
TAG = re.compile(r"<[^>]*>|\{[^}]*\}")  # HTML tags and placeholders in the bot's texts
_building = threading.Lock()  # the bot builds the detector in a worker thread: a question meanwhile waits


def detector() -> LanguageDetector:
    """lingua for the three languages, built by whichever thread asks first while the others wait."""
    with _building:
        return _built_detector()


@cache
def _built_detector() -> LanguageDetector:
    """lingua for the three languages, its models loaded (about half a second, once)."""
    return LanguageDetectorBuilder.from_languages(*CODES).with_preloaded_language_models().build()


def load() -> None:
    """Load lingua's models and the word lists now rather than at the first question that needs them."""
    detector().compute_language_confidence_values("warm")  # lingua's first detection costs 5 ms more, once
    for language in LANGUAGES:
        common_words(language)
    _text_words()


@cache
def _text_words() -> dict[str, frozenset[str]]:
    """The words of the bot's own sentences, by language."""
    found: dict[str, set[str]] = {language: set() for language in LANGUAGES}
    tables = (texts.TEXTS, texts.MEASURES, texts.SHORT_MEASURES, texts.GROUPS, texts.LEVELS, texts.WEEKDAYS)
    for table in tables:
        for by_language in table.values():
            for language, sentence in by_language.items():
                found[language].update(normalise(TAG.sub(" ", sentence)).split())
    return {language: frozenset(words) for language, words in found.items()}


@lru_cache(maxsize=8192)
def languages_of(word: str) -> frozenset[str]:
    """The languages a normalised word or phrase belongs to (empty if none)."""
    found = set(PHRASE_LANGUAGES.get(word, ()))
    found.update(lang for lang in LANGUAGES if word in common_words(lang) or word in _text_words()[lang])
    return frozenset(found)


def detect(words: Sequence[str], phrases: Sequence[str], allowed: tuple[str, ...]) -> str | None:
    """The language of a question's words (as written, places and numbers left out), if it is clear:
    by lingua and the words only one language has, else by the bot's vocabulary words alone.

    `phrases` are the normalised phrases of the vocabulary found in it ('ligg etter'): evidence too; `allowed`
    the languages its vocabulary allows (`vocabulary_languages`).
    """
    clear = _detected(words, phrases, allowed) if len(words) >= FEWEST_WORDS else None
    return clear or (allowed[0] if len(allowed) == 1 else None)


def vocabulary_languages(words: Sequence[str], phrases: Sequence[str]) -> tuple[str, ...]:
    """The languages every vocabulary word and phrase of a question belongs to ('settled': en; 'vedtak': nb
    and nn), in the order of LANGUAGES; all three when none says, none when they disagree."""
    allowed = set(LANGUAGES)
    for item in {*(normalise(word) for word in words), *phrases}:
        if item in PHRASE_LANGUAGES and VOCABULARY[item] not in COMMANDS:
            allowed &= PHRASE_LANGUAGES[item]
    return tuple(language for language in LANGUAGES if language in allowed)


def _detected(words: Sequence[str], phrases: Sequence[str], allowed: tuple[str, ...]) -> str | None:
    """lingua's confidence with the words only one language has added, if one language leads clearly.

    lingua is not asked where the vocabulary allows one language and no other could lead whatever lingua says:
    `detect` gives that one language either way.
    """
    markers = Counter(
        next(iter(found))
        for item in {*(normalise(word) for word in words), *phrases}
        if len(found := languages_of(item) | _phrase_languages(item, phrases)) == 1
    )
    (leader, most), (_, runner_up) = [*markers.most_common(2), ("", 0), ("", 0)][:2]
    if most - runner_up >= DECISIVE_MARKERS:
        return leader
    if len(allowed) == 1 and not any(_may_lead(other, markers) for other in LANGUAGES if other != allowed[0]):
        return None
    scores = {code: value + MARKER_WEIGHT * markers[code] for code, value in _confidences(" ".join(words))}
    first, second = sorted(scores.values(), reverse=True)[:2]
    best = max(scores, key=scores.__getitem__)
    if best in NORWEGIAN and not markers[best]:  # no word only it has: lingua alone cannot tell nb from nn
        return None
    return best if first - second >= MARGIN else None


def _phrase_languages(word: str, phrases: Sequence[str]) -> frozenset[str]:
    """The languages of the vocabulary phrases a word was read in: 'endt' in 'etter endt program' is nynorsk
    as much as bokmål, whatever the word lists say of it alone."""
    return frozenset().union(*(PHRASE_LANGUAGES[p] for p in phrases if word != p and word in p.split()))


def _may_lead(language: str, markers: Counter[str]) -> bool:
    """Whether some confidence of lingua's (0–1) would make a language lead by MARGIN with the markers counted:
    as `_detected` decides, with all of lingua's confidence on it."""
    if language in NORWEGIAN and not markers[language]:
        return False
    ahead = markers[language] - max(markers[other] for other in LANGUAGES if other != language)
    return 1 + MARKER_WEIGHT * ahead >= MARGIN


@lru_cache(maxsize=4096)
def _confidences(text: str) -> tuple[tuple[str, float], ...]:
    """lingua's confidence in each language for a text, most likely first (kept: questions share their words)."""
    return tuple((CODES[c.language], c.value) for c in detector().compute_language_confidence_values(text))
