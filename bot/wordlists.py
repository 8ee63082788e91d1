"""The common words of bokmål, nynorsk and English: never place names, and evidence of a question's language.

The lists in bot/data/ are generated from the lemma dictionaries simplemma ships (a dev dependency).
simplemma keeps no frequencies, so short forms stand in for frequent ones (Zipf: the frequent words are
the short ones): every form of up to eight letters, normalised as place names are. Regenerate with
`python -m bot.wordlists` after a new simplemma release.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

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


def regenerate(folder: Path = DATA) -> None:
    """Write the word lists from simplemma's dictionaries."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    factory = DefaultDictionaryFactory()
    for language in LANGUAGES:
        forms = factory.get_dictionary(language).keys()
        words = {normalise(form) for form in forms if len(form) <= LONGEST and PLAIN_WORD.fullmatch(form)}
        path(language, folder).write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    regenerate()
