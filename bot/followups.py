"""Follow-up questions: each chat's last question, for 'hva med 2016?', 'og Malvik?' or 'what about EM?'."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from datetime import datetime, timedelta

from bot.understanding import Question
from bot.wordlists import LANGUAGES
from store.vocabulary import Intent

KEPT_FOR = timedelta(minutes=30)
CHATS = 10_000  # chats remembered at most; the longest quiet are forgotten first
PLACE_FIELDS = ("places", "place_text", "also", "unknown_text")
PARTS = {
    "place": PLACE_FIELDS,
    "years": ("years", "year_word", "year_shift", "as_of", "as_of_day"),
    "as_of": ("as_of", "as_of_day"),
    "measure": ("measure", "measures", "measure_years", "second_measure"),
    "group": ("group", "groups"),
    "intent": (
        "intent",
        "most",
        "best",
        "least",
        "rank_level",
        "by_year",
        "per",
        "above",
        "below",
        "excluded",
    ),
}


class Conversations:
    """The last understood question of each chat, for half an hour."""

    def __init__(self) -> None:
        self.last: OrderedDict[int, tuple[datetime, Question]] = OrderedDict()

    def recall(self, chat: int, now: datetime) -> Question | None:
        """The chat's previous question, if it was asked in the last half hour."""
        kept = self.last.get(chat)
        return kept[1] if kept and now - kept[0] <= KEPT_FOR else None

    def remember(self, chat: int, question: Question, now: datetime) -> None:
        """Keep a question that named a place as the chat's context."""
        if not question.places:
            return
        self.last[chat] = (now, question)
        self.last.move_to_end(chat)
        while len(self.last) > CHATS:
            self.last.popitem(last=False)


def follow(previous: Question, question: Question) -> Question:
    """The previous question with what the follow-up names replaced ('og Malvik?' changes the place only)."""
    changes = {name: getattr(question, name) for part in question.named for name in PARTS.get(part, ())}
    if question.year_shift and previous.years:  # 'og året før?': from the previous question's years
        changes["years"] = [year + question.year_shift for year in previous.years]
    changes.update(text=question.text, **_language(previous, question))
    merged = replace(previous, follow_up=True, **changes)
    if "intent" not in question.named and previous.intent in (Intent.STATUS, Intent.FIGURE):
        merged.intent = Intent.FIGURE if merged.measure else Intent.STATUS
    return merged


def _language(previous: Question, question: Question) -> dict[str, object]:
    """The follow-up's own language; without one, the previous question's where the follow-up's words allow
    it ('og i 2014?' after a nynorsk question is answered in nynorsk)."""
    if question.language is None and previous.language in (question.languages or LANGUAGES):
        return {"language": previous.language, "languages": ()}
    return {"language": question.language, "languages": question.languages}
