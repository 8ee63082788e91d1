"""Answers over many statements: the latest are shown, the older ones counted."""

from __future__ import annotations

from datetime import date

from bot.assistant import Assistant
from bot.caller import Caller
from bot.render import plain
from bot.understanding import parse
from store.store import Store
from tests.bot.question_cases import CASES
from tests.figures import add_statements


async def test_older_statements_are_counted_not_listed(
    store: Store, assistant: Assistant, admin: Caller
) -> None:
    """With twelve weekly statements after the seed's, the latest wins and the rest are summed up."""
    await add_statements(  # Melhus's settled count for 2015 stated every week
        store, [("Melhus", 2015, "settled", week, date(2015, 1, 5 + week)) for week in range(12)]
    )
    (reply,) = await assistant.handle("bosatt Melhus 2015", admin)
    answer = plain(reply.text)
    assert "Bosatt: 43" in answer  # the seed's 10.12.2015 figure is still the latest
    assert "… og 7 tidligere oppgaver" in answer  # 12 weekly + 1 seed, 1 current, 5 shown
    assert answer.count("  per ") == 5


async def test_a_series_chart_is_drawn_when_it_is_sent_and_only_once(
    assistant: Assistant, admin: Caller
) -> None:
    """The table goes out before the chart is drawn; the answer cache keeps the drawing."""
    first = await assistant.handle("/history Trondheim", admin)
    chart = next(reply for reply in first if reply.has_picture)
    assert chart.photo is None  # not drawn while the answer was worked out
    drawn = chart.picture()
    assert drawn is not None and drawn.startswith(b"\x89PNG")
    again = await assistant.handle("/history Trondheim", admin)
    assert next(reply for reply in again if reply.has_picture).photo == drawn


async def test_a_question_parsed_from_memory_is_answered_as_when_first_parsed(assistant: Assistant) -> None:
    """Each question parsed from memory the second time is answered the same, and what is kept stays as parsed,
    its answer-cache key that of the question as parsed."""
    questions = list(dict.fromkeys(case.question for case in CASES if not case.previous))
    questions.append("hvor mange nye kommuner ble anmodet om å bosette EM i 2016")  # answering sets its group
    first = [[reply.text for reply in await assistant.ask(question)] for question in questions]
    assistant.answers.entries.clear()
    again = [[reply.text for reply in await assistant.ask(question)] for question in questions]
    assert again == first
    index, today = await assistant.store.index(), assistant.today()
    kept = {question: assistant.parsed.get((question, today)) for question in questions}
    parsed = {question: found for question, found in kept.items() if found is not None}  # commands are not
    reparsed = {question: parse(question, index=index, today=today) for question in parsed}
    assert {question: found.question for question, found in parsed.items()} == reparsed
    assert {question: found.key for question, found in parsed.items()} == {
        question: found.key() for question, found in reparsed.items()
    }
    assert len(parsed) > len(questions) * 0.8
