"""The common-word lists: generated from simplemma's lemma data, and up to date with it."""

from __future__ import annotations

from pathlib import Path

from bot.wordlists import LANGUAGES, common_words, path, regenerate


def test_lists_are_those_simplemma_gives(tmp_path: Path) -> None:
    """`python -m bot.wordlists` writes exactly the lists in the repository."""
    regenerate(tmp_path)
    for language in LANGUAGES:
        assert path(language, tmp_path).read_text(encoding="utf-8") == path(language).read_text(
            encoding="utf-8"
        )


def test_lists_hold_the_common_words_of_each_language() -> None:
    """Function words of each language are there, normalised as place names are; names of places are not."""
    assert {"hvem", "skal", "over", "gar", "beste"} <= common_words("nb")
    assert {"kven", "kva", "korleis", "ikkje"} <= common_words("nn")
    assert {"which", "results", "over", "behind"} <= common_words("en")
    assert not any("trondheim" in common_words(language) for language in LANGUAGES)
