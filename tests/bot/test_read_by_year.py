"""A place with many statements is read by the years a question needs: every held-out question is answered
exactly as when each place is read whole."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path

import pytest

from store.conversations import forget_context
from store.held import HeldFigures
from store.store import Store
from tests.conftest import COORDINATOR_ID
from tests.heldout.score import QUESTIONS, Case, ask, load

QUESTION_FILES = sorted(QUESTIONS.parent.glob("questions*.json"))


@pytest.mark.parametrize("questions", QUESTION_FILES, ids=lambda path: path.stem)
async def test_answers_read_by_year_are_those_read_whole(database_url: str, questions: Path) -> None:
    """Each question, after its previous one, asked with every place read whole, then with every place read by
    the years asked (the years read before kept, as between a chat's questions)."""
    store = await Store.open(database_url)
    try:
        whole, by_year = store.figures, HeldFigures(store, read_whole=0)
        read_more = False  # some answer read further years of a place held in part
        for case in load(questions):
            store.figures = whole
            expected = await _ask_anew(store, case)
            store.figures = by_year
            held_before = _years_held_in_part(by_year)
            assert await _ask_anew(store, case) == expected, case.question
            read_more = read_more or _years_added(by_year, held_before)
        assert read_more
    finally:
        await store.close()


def _years_held_in_part(held: HeldFigures) -> dict[Hashable, set[int]]:
    """The years read of each place held with only some of its years read."""
    entries = held.places.entries.items()
    return {key: set(place.by_year) for key, place in entries if place.by_year and place.unread(None)}


def _years_added(held: HeldFigures, before: dict[Hashable, set[int]]) -> bool:
    """Whether a place held in part before has more of its years read now (the years read before kept)."""
    now = held.places.entries
    return any(key in now and set(now[key].by_year) > years for key, years in before.items())


async def _ask_anew(store: Store, case: Case) -> str:
    """The case's answer in a chat with no earlier question (on PostgreSQL it is kept in the database)."""
    async with store.unit() as session:
        await forget_context(session, chat_id=COORDINATOR_ID)
    return await ask(store, case, case.language)
