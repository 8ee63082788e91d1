"""A place with many statements is read by the years a question needs: every held-out question is answered
exactly as when each place is read whole."""

from __future__ import annotations

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
        compared_in_part = False  # some answer compared while a place it may read was held in part
        for case in load(questions):
            store.figures = whole
            expected = await _ask_anew(store, case)
            store.figures = by_year
            compared_in_part = compared_in_part or _held_in_part(by_year)
            assert await _ask_anew(store, case) == expected, case.question
        assert compared_in_part
    finally:
        await store.close()


def _held_in_part(held: HeldFigures) -> bool:
    """Whether some place is held with only some of its years read."""
    return any(place.by_year and place.unread(None) for place in held.places.entries.values())


async def _ask_anew(store: Store, case: Case) -> str:
    """The case's answer in a chat with no earlier question (on PostgreSQL it is kept in the database)."""
    async with store.unit() as session:
        await forget_context(session, chat_id=COORDINATOR_ID)
    return await ask(store, case, case.language)
