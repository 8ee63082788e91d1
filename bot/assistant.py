"""The assistant: from a message to replies, the same for Telegram, the console and tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.answers import Context, answer
from bot.replies import Reply
from bot.understanding import Question, parse
from store.store import Store


class Assistant:
    """Answers questions from the store; knows nothing of Telegram."""

    def __init__(
        self, store: Store, *, zone: ZoneInfo, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.store = store
        self.zone = zone
        self.clock = clock or (lambda: datetime.now(zone))

    def today(self) -> date:
        """Today's date in the configured time zone."""
        return self.clock().astimezone(self.zone).date()

    async def ask(
        self, message: str, *, language: str = "nb", hide_small: bool = False
    ) -> list[Reply]:
        """Understand a message and answer it."""
        index = await self.store.index()
        question = parse(message, index=index, today=self.today())
        return await self._answer(question, language, hide_small)

    async def choose(
        self, data: str, *, language: str = "nb", hide_small: bool = False
    ) -> list[Reply]:
        """Answer a button press that repeats a question for a chosen place."""
        index = await self.store.index()
        _, intent, code, years, measure, group = (data.split(":") + [""] * 6)[:6]
        place = index.by_code.get(code)
        if place is None:
            return await self.ask("", language=language)
        from store.places import PlaceMatch

        question = Question(
            text=data, intent=intent or "status", places=[PlaceMatch(place, place.name, "exact")]
        )
        if years:
            first, last = (int(y) for y in years.split("-"))
            question.years = list(range(first, last + 1))
        question.measure, question.group = measure or None, group or "all"
        return await self._answer(question, language, hide_small)

    async def _answer(self, question: Question, language: str, hide_small: bool) -> list[Reply]:
        """Run the answer in one read-only unit of work."""
        index = await self.store.index()
        async with self.store.unit() as session:
            ctx = Context(
                session=session,
                index=index,
                language=language,
                today=self.today(),
                hide_small=hide_small,
            )
            return await answer(question, ctx)
