"""The common words of bokmål, nynorsk and English: never place names, and evidence of a question's language.

The lists in bot/data/ are generated from the lemma dictionaries simplemma ships (a dev dependency).
simplemma keeps no frequencies, so short forms stand in for frequent ones (Zipf: the frequent words are
the short ones): every form of up to eight letters, and every base form (lemma) however long, so that a
longer word ('opprinnelige', 'internally') is known by its base form; normalised as place names are.
Regenerate with `python -m bot.wordlists` after a new simplemma release.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from bot.forms import base_forms
from store.names import normalise

DATA = Path(__file__).parent / "data"
LANGUAGES = ("nb", "nn", "en")
LONGEST = 8  # letters: the longest form kept
PLAIN_WORD = re.compile(r"[a-zæøåäöüéèêóòôâ]+")  # lower case only: capitalised entries are proper names


def path(language: str, folder: Path = DATA) -> Path:
    """The word-list file of one language."""
    return folder / f"common_words_{language}.txt"


@cache
def common_words(language: str) -> frozenset[str]:
    """The common words of one language, normalised ('går' is 'gar')."""
    return frozenset(path(language).read_text(encoding="utf-8").split())


@lru_cache(maxsize=8192)  # asked of each word of a question, and of the words around a name
def is_common(word: str) -> bool:
    """Whether a normalised word is a common word of nb, nn or en: listed, or, when longer than the forms
    listed, by its base form ('opprinnelige' is 'opprinnelig')."""
    candidates = [word, *base_forms(word)] if len(word) > LONGEST else [word]
    return any(candidate in common_words(language) for candidate in candidates for language in LANGUAGES)


def regenerate(folder: Path = DATA) -> None:
    """Write the word lists from simplemma's dictionaries."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    factory = DefaultDictionaryFactory()
    for language in LANGUAGES:
        dictionary = factory.get_dictionary(language)
        forms = {form for form in dictionary if len(form) <= LONGEST} | set(dictionary.values())
        words = {normalise(form) for form in forms if PLAIN_WORD.fullmatch(form)}
        path(language, folder).write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    regenerate()
