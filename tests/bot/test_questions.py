"""The question corpus run through the console chat: every answer shows the expected figures."""

from __future__ import annotations

import io
import re
from datetime import datetime

import pytest

from bot.assistant import Assistant
from bot.caller import Caller
from bot.console import ConsoleChat
from store.store import Store
from tests.bot.question_cases import CASES, Case
from tests.conftest import ADMIN_ID, OSLO

CITED = "¹²³⁴⁵⁶⁷⁸⁹"


def test_corpus_is_large_and_varied() -> None:
    """At least 150 questions, in bokmål, nynorsk and English, and follow-ups asked after other questions."""
    assert len(CASES) >= 150
    assert {case.language for case in CASES} == {"nb", "nn", "en"}
    assert sum(bool(case.previous) for case in CASES) >= 15


async def ask(store: Store, case: Case) -> str:
    """The console chat's output for one case's question, after its previous questions in the same chat."""
    clock = datetime(case.today.year, case.today.month, case.today.day, 12, tzinfo=OSLO)
    assistant = Assistant(store, zone=OSLO, admin_ids=frozenset({ADMIN_ID}), clock=lambda: clock)
    caller = Caller(user_id=ADMIN_ID, language=case.language, role="admin")
    output = io.StringIO()
    chat = ConsoleChat(assistant, caller, output=output)
    await chat.run(io.StringIO("".join(f"{line}\n" for line in case.previous)))
    before = len(output.getvalue())
    await chat.run(io.StringIO(case.question + "\n"))
    return output.getvalue()[before:]


@pytest.mark.parametrize("case", CASES, ids=[f"{i:03}-{c.question[:40]}" for i, c in enumerate(CASES)])
async def test_question(store: Store, case: Case) -> None:
    """The answer cites each expected figure, says each expected phrase, and nothing forbidden."""
    answer = await ask(store, case)
    for figure in case.figures:
        assert re.search(rf"(?<!\d)(?<!\d ){re.escape(figure)}[{CITED}]", answer), (
            f"{figure} not cited in:\n{answer}"
        )
    for phrase in case.phrases:
        assert phrase in answer, f"{phrase!r} not in:\n{answer}"
    for phrase in case.absent:
        assert phrase not in answer, f"{phrase!r} in:\n{answer}"
