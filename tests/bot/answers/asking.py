"""Asking the answers directly: a Question about a place by its code, answered as plain text."""

from __future__ import annotations

from datetime import date

from bot.answers import Context, answer
from bot.assistant import Assistant
from bot.caller import Caller
from bot.render import plain
from bot.replies import Reply
from bot.understanding import Question
from store.places import PlaceMatch
from store.store import Store
from tests.conftest import ADMIN_ID

TODAY = date(2026, 11, 23)


async def replies_to(store: Store, question: Question, language: str = "nb") -> list[Reply]:
    """The replies to a question built directly, as the assistant would give them."""
    ctx = Context(store=store, index=await store.index(), language=language, today=TODAY)
    return await answer(question, ctx)


async def answer_text(store: Store, question: Question, language: str = "nb") -> str:
    """The replies' text as the console shows it."""
    return "\n".join(plain(reply.text) for reply in await replies_to(store, question, language))


async def about(
    store: Store,
    code: str | None,
    intent: str,
    measure: str | None = None,
    years: tuple[int, ...] = (),
    group: str = "all",
) -> Question:
    """A question of a kind about the place with this code (None: no place named)."""
    index = await store.index()
    places = [PlaceMatch(index.by_code[code], index.by_code[code].name, "exact")] if code else []
    return Question(text="", intent=intent, places=places, measure=measure, years=list(years), group=group)


async def asked(assistant: Assistant, message: str, language: str = "nb") -> str:
    """A message through the parser and the answers, as an admin of that language sees it in the console."""
    caller = Caller(user_id=ADMIN_ID, language=language, role="admin")
    return "\n".join(plain(reply.text) for reply in await assistant.handle(message, caller))


def lines_with(answer: str, *parts: str) -> list[str]:
    """The lines of an answer that hold every part."""
    return [line for line in answer.splitlines() if all(part in line for part in parts)]
