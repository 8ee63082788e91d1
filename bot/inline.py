"""Inline answers: `@BotName Melhus 2015` typed in any chat offers cards to send into it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.render import plain
from bot.replies import Reply
from bot.texts import text
from bot.understanding import Question
from store.models import Place
from store.places import PlaceIndex

MOST_OFFERS = 5  # Telegram shows more, but five fit on a phone above the keyboard
TEXT_LIMIT = 4096  # an inline result's message text, as a message's
DESCRIPTION_LIMIT = 100  # the line under an offer's title


@dataclass(frozen=True)
class Offer:
    """One inline result: its id, title and description line, and the HTML text sent when it is chosen."""

    id: str
    title: str
    description: str
    text: str


def stranger_offer(language: str) -> Offer:
    """The one result a stranger gets: how to get access."""
    return Offer("access", text("inline_stranger", language), "", text("inline_stranger_text", language))


def offered_questions(question: Question, index: PlaceIndex, language: str) -> list[tuple[str, str, str]]:
    """What to offer for a typed query, as (id, title, command): the place's status card of the year, its
    EM card, its latest year, then the status of places with close names."""
    place = question.places[0].place if question.places else None
    year = f" {question.year}" if question.year else ""
    offers: list[tuple[str, str, str]] = []
    if place is not None:
        name = f"{place.name}{year}"
        offers += [
            (
                f"status:{place.id}:{question.year}",
                title("inline_status", name, language),
                f"/status {named(place, index)}{year}",
            ),
            (
                f"em:{place.id}:{question.year}",
                title("inline_em", name, language),
                f"/em {named(place, index)}{year}",
            ),
        ]
        if year:
            offers.append(
                (
                    f"latest:{place.id}",
                    title("inline_latest", place.name, language),
                    f"/status {named(place, index)}",
                )
            )
    asked = question.place_text or question.unknown_text or question.text
    close = [p for p in index.suggestions(asked, limit=MOST_OFFERS) if p is not place]
    offers += [
        (
            f"place:{p.id}:{question.year}",
            title("inline_place", f"{p.name}{year}", language),
            f"/status {named(p, index)}{year}",
        )
        for p in close
    ]
    return offers


def title(key: str, what: str, language: str) -> str:
    """An offer's title: what kind of card, of what."""
    return f"{text(key, language)}: {what}"


def named(place: Place, index: PlaceIndex) -> str:
    """How to name a place in a command so that it is found alone: its name, or its code when others share it."""
    return place.name if len(index.exact(place.name)) == 1 else place.code


def offer_of(key: str, heading: str, replies: list[Reply]) -> Offer | None:
    """A card as an inline result; None for what cannot be sent as one text (a choice, a chart, too long)."""
    if len(replies) != 1 or replies[0].buttons or replies[0].has_picture:
        return None
    card = replies[0].text
    if len(card) > TEXT_LIMIT:
        return None
    lines = [line for line in plain(card).splitlines() if line.strip()]
    return Offer(key, heading, " · ".join(lines[1:3])[:DESCRIPTION_LIMIT], card)
