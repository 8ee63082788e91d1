"""Word forms: inflections ('vedtaket', 'anmodningene', 'requests') and compounds ('ekstratilskudd') of the vocabulary."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from bot.phrases import VOCABULARY, Meaning

# Endings of definite and plural forms, participles and comparisons (nb, nn) and English inflections.
ENDINGS = (
    *("aste", "este", "ende", "ene", "ane", "ing", "ere", "are", "est", "ast", "ede", "ete", "nde"),
    *("en", "et", "er", "ar", "ed", "es", "ne", "de", "te", "a", "e", "s", "d", "r"),
)
SHORTEST_BASE = 4  # letters of a word that takes endings: 'hid' and 'heir' are no forms of 'hi'
SHORTEST_FIRST = 2  # letters of a compound's first part: 'em' + 'anmodning'
SHORTEST_HEAD = 4  # letters of its last part: 'ekstra' + 'tilskudd'
LINKS = ("s", "e", "")  # the letter that joins the parts of a Norwegian compound: 'bosettings|tall'
EMPTY_KINDS = ("stop", "level")  # meanings that say nothing about the figures asked for


def base_forms(word: str) -> Iterator[str]:
    """The word without each ending it may carry: the stem, the stem with its 'e', without a doubled letter."""
    if word.endswith("ies"):
        yield word[:-3] + "y"  # counties
    for ending in ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= SHORTEST_BASE - 1:
            yield from (stem, stem + "e")  # vedtaket, prognosen
            if len(stem) > 2 and stem[-1] == stem[-2]:
                yield stem[:-1]  # planning, introduksjonsprogrammene


@lru_cache(maxsize=8192)  # a compound asks for each of its tails: the same words again and again
def inflected(word: str) -> Meaning | None:
    """What an inflected form of a vocabulary word means ('vedtaket' is 'vedtak')."""
    bases = (base for base in base_forms(word) if len(base) >= SHORTEST_BASE and base in VOCABULARY)
    return next((VOCABULARY[base] for base in bases), None)


def understood(word: str) -> Meaning | None:
    """A vocabulary word as written or inflected."""
    return VOCABULARY.get(word) or inflected(word)


def compound(word: str) -> list[Meaning]:
    """What a compound of vocabulary words means: its last part, and its first where that names a group or topic.

    'ekstratilskudd' is an extra grant, 'emanmodning' the request for minors, 'bosettingstall' settlement figures.
    """
    for split in range(SHORTEST_FIRST, len(word) - SHORTEST_HEAD + 1):
        head = understood(word[split:])
        if head is None:
            continue
        first = _first_part(word[:split])
        meanings = [m for m in (first, head) if m is not None and m.kind not in EMPTY_KINDS]
        return list(dict.fromkeys(meanings)) or [head]  # 'flyktning' + 'tall': words that say nothing here
    return []


def _first_part(part: str) -> Meaning | None:
    """What the first part of a compound means, without the letter that joins it to the rest."""
    for link in LINKS:
        if link and not part.endswith(link):
            continue
        found = understood(part[: len(part) - len(link)])
        if found is not None:
            return found
    return None
