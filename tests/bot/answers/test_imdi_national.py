"""Answers after IMDi's national long download (every municipality 1995–2023) is imported beside the seeds."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.render import number
from store.store import Store
from tests import databases
from tests.bot.question_cases import AUTUMN_2026, CASES, Case
from tests.bot.test_questions import CITED, ask

Stated = dict[tuple[int, str, str], str]  # (year, municipality number, category) → the file's cell


@pytest.fixture(scope="module")
def imported(sqlite_template: Path, national_file: bytes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeded database with the national download imported, made once for this module."""
    folder = tmp_path_factory.mktemp("national")
    return databases.imported_sqlite(sqlite_template, folder, national_file, AUTUMN_2026)


@pytest.fixture
async def store(imported: Path, tmp_path: Path) -> AsyncIterator[Store]:
    """A fresh copy of the imported database."""
    opened = await Store.open(databases.copy_sqlite(imported, tmp_path))
    yield opened
    await opened.close()


@pytest.fixture(scope="module")
def stated(national_file: bytes) -> Stated:
    """What the file says in persons, by year, municipality number and category."""
    cells: Stated = {}
    for line in national_file.decode("iso-8859-1").splitlines()[1:]:
        unit, year, code, _name, category, value = line.split(";")
        if unit == "Personer":
            cells[(int(year), code, category)] = value
    return cells


def known_values(stated: Stated, year: int, category: str, prefix: str = "") -> dict[str, int]:
    """The known counts of a year's municipalities whose numbers begin with `prefix` ('9999' left out)."""
    return {
        code: int(value)
        for (y, code, c), value in stated.items()
        if y == year and c == category and code.startswith(prefix) and code != "9999" and value.isdigit()
    }


def municipalities(stated: Stated, year: int, prefix: str = "") -> int:
    """How many municipalities of a year the file lists under numbers beginning with `prefix`."""
    return len(
        {code for (y, code, _), _ in stated.items() if y == year and code.startswith(prefix)} - {"9999"}
    )


async def test_every_question_of_the_corpus_still_answers(store: Store) -> None:
    """Each question gets an answer, and one that cited figures before cites figures now (the national
    file replaces many of the seeds' figures, so which ones is not compared)."""
    unanswered = []
    for case in CASES:
        answer = await ask(store, case)
        cited = re.search(rf"\d[{CITED}]", answer)
        if not answer.strip() or (case.figures and not cited):
            unanswered.append(f"{case.question!r}:\n{answer}")
    assert not unanswered, "\n\n".join(unanswered)


async def test_a_countys_sum_is_over_all_its_municipalities(store: Store, stated: Stated) -> None:
    """Vestland 2023: the sum of its 43 municipalities' settled counts, with how many are known."""
    settled = known_values(stated, 2023, "Faktisk bosetting", "46")
    answer = await ask(store, Case("bosatt Vestland 2023"))
    total = municipalities(stated, 2023, "46")
    assert total == 43
    assert f"Beregnet sum: {number(sum(settled.values()))}¹ ({len(settled)} av {total} kommuner" in answer, (
        answer
    )


async def test_the_nations_sum_is_over_every_municipality_of_the_year(store: Store, stated: Stated) -> None:
    """Norway 2010: the sum over the 430 municipalities of that year ('9999' is no municipality)."""
    settled = known_values(stated, 2010, "Faktisk bosetting")
    answer = await ask(store, Case("bosatte Norge 2010"))
    total = municipalities(stated, 2010)
    assert total == 430
    assert f"Beregnet sum: {number(sum(settled.values()))}¹ ({len(settled)} av {total} kommuner" in answer, (
        answer
    )


async def test_a_ranking_is_over_all_of_a_countys_municipalities(store: Store, stated: Stated) -> None:
    """Rogaland 2020 by settled, largest first: the largest count first, every municipality counted."""
    settled = known_values(stated, 2020, "Faktisk bosetting", "11")
    answer = await ask(store, Case("flest bosatt i Rogaland 2020"))
    ranked = re.findall(r"^\d+\. [^:]+: (\d+)¹$", answer, flags=re.MULTILINE)
    assert [int(value) for value in ranked] == sorted(settled.values(), reverse=True), answer
    assert f"{len(settled)} av {municipalities(stated, 2020, '11')} kommuner med tall." in answer


async def test_a_municipalitys_series_runs_from_1995(store: Store, stated: Stated) -> None:
    """Bergen's settled counts from 1995 (number 1201 then) to 2023 (4601), a line a year."""
    answer = await ask(store, Case("/history Bergen"))
    assert "Bosatt 1995–2023" in answer, answer
    for year, code in ((1995, "1201"), (2019, "1201"), (2020, "4601"), (2023, "4601")):
        assert f"\n{year} | {stated[(year, code, 'Faktisk bosetting')]}¹" in answer, answer
