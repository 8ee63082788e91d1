"""Word forms: inflections ('vedtaket', 'anmodningene', 'requests') and compounds ('ekstratilskudd') of the vocabulary."""

from __future__ import annotations

from collections.abc import Iterator

from bot.phrases import VOCABULARY, Meaning

# Endings of definite and plural forms (nb, nn) and English inflections, longest first, with what replaces them.
ENDINGS = (
    ("ies", "y"),  # counties
    ("ene", ""),  # anmodningene, vedtakene
    ("ane", ""),  # oppmodingane
    ("ing", "e"),  # settling
    ("ing", ""),  # requesting
    ("en", ""),  # bosettingen
    ("et", ""),  # vedtaket, bosettingsbehovet
    ("er", ""),  # anmodninger
    ("ar", ""),  # oppmodingar
    ("ed", ""),  # ranked
    ("es", ""),  # matches
    ("a", ""),  # busetjinga, vedtaka
    ("s", ""),  # requests, bosettes
    ("d", ""),  # compared
)
SHORTEST_STEM = 3  # letters left after an ending is taken off
SHORTEST_FIRST = 2  # letters of a compound's first part: 'em' + 'anmodning'
SHORTEST_HEAD = 4  # letters of its last part: 'ekstra' + 'tilskudd'
LINKS = ("s", "e", "")  # the letter that joins the parts of a Norwegian compound: 'bosettings|tall'
EMPTY_KINDS = ("stop", "level")  # meanings that say nothing about the figures asked for


def base_forms(word: str) -> Iterator[str]:
    """The word without each inflection ending it may carry."""
    for ending, replacement in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= SHORTEST_STEM:
            yield word[: -len(ending)] + replacement


def inflected(word: str) -> Meaning | None:
    """What an inflected form of a vocabulary word means ('vedtaket' is 'vedtak')."""
    return next((VOCABULARY[base] for base in base_forms(word) if base in VOCABULARY), None)


def understood(word: str) -> Meaning | None:
    """A vocabulary word as written or inflected."""
    return VOCABULARY.get(word) or inflected(word)


def compound(word: str) -> list[Meaning]:
    """What a compound of vocabulary words means: its last part, and its first where that names a group or topic.

    'ekstratilskudd' is a grant, 'emanmodning' the request for minors, 'bosettingstall' settlement figures.
    """
    for split in range(SHORTEST_FIRST, len(word) - SHORTEST_HEAD + 1):
        head = understood(word[split:])
        if head is None:
            continue
        first = _first_part(word[:split])
        meanings = [m for m in (first, head) if m is not None and m.kind not in EMPTY_KINDS]
        return meanings or [head]
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
