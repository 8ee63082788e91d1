"""One vocabulary: what understanding, texts, importing and the seed data name is in store.vocabulary."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from bot.phrases import VOCABULARY
from bot.texts import GROUPS, LANGUAGES, MEASURES
from store.vocabulary import COMMAND, YEAR, Group, Intent, Measure

SEED = Path(__file__).parents[2] / "store" / "data" / "seed_figures.csv"


@pytest.mark.parametrize(
    ("labels", "vocabulary"), [(MEASURES, Measure), (GROUPS, Group)], ids=["measures", "groups"]
)
def test_every_key_has_a_label_in_every_language(
    labels: dict[str, dict[str, str]], vocabulary: type[Measure] | type[Group]
) -> None:
    """Texts name exactly the vocabulary's keys, each in nb, nn and en (or nb as the fallback)."""
    assert set(labels) == {str(key) for key in vocabulary}
    assert all("nb" in labels[key] for key in labels)
    assert set(LANGUAGES) >= {language for label in labels.values() for language in label}


def test_understanding_means_only_known_keys() -> None:
    """Every phrase understanding knows means a measure, group or intent of the vocabulary."""
    known: dict[str, set[str]] = {"measure": set(Measure), "group": set(Group), "intent": set(Intent)}
    for phrase, (kind, value) in VOCABULARY.items():
        if kind in known:
            assert value in known[kind], f"{phrase!r} means unknown {kind} {value!r}"


def test_seed_figures_use_the_vocabulary() -> None:
    """Every measure and group of the shipped seed figures is a key of the vocabulary."""
    with SEED.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert {row["measure"] for row in rows} <= set(Measure)
    assert {row["group"] for row in rows} <= set(Group)


@pytest.mark.parametrize(
    ("text", "years"),
    [("status 2015", ["2015"]), ("1979 og 1980", ["1980"]), ("2099", ["2099"]), ("12015 20150", [])],
)
def test_one_year_pattern(text: str, years: list[str]) -> None:
    """Years from 1980 to 2099, never inside a longer number."""
    assert YEAR.findall(text) == years


@pytest.mark.parametrize(
    ("message", "name"),
    [("/status Melhus", "status"), ("/status@BosettingsBot Melhus", "status"), ("status", None)],
)
def test_one_command_pattern(message: str, name: str | None) -> None:
    """A command with or without the bot's name; plain text is no command."""
    found = COMMAND.match(message)
    assert (found.group(1) if found else None) == name
