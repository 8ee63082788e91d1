"""Normalising names for lookup: case, Norwegian letters, accents and punctuation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o"})
NOT_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=8192)  # the same words come again and again: in questions, names and word lists
def normalise(text: str) -> str:
    """Lower-case ASCII form: 'Stjørdal' and 'Stjordal' both give 'stjordal'."""
    text = text.casefold().translate(NORWEGIAN_LETTERS)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return NOT_WORD.sub(" ", text).strip()


def name_variants(official: str) -> list[str]:
    """The forms an official name is known by: 'Trondheim - Tråante' gives both parts."""
    base = re.sub(r"\s*\([^)]*\)\s*$", "", official).strip()
    parts = [part.strip() for part in base.split(" - ") if part.strip()]
    variants = [official, base, *parts]
    return list(dict.fromkeys(variants))


def words_from(keys: Iterable[str]) -> dict[str, int]:
    """For each first word of normalised keys, the most words of a key that begins with it: a span of a
    text's words can be a key only if its first word is listed, and no longer than this."""
    longest: dict[str, int] = {}
    for key in keys:
        first, words = key.split(" ")[0], key.count(" ") + 1
        longest[first] = max(words, longest.get(first, 0))
    return longest
