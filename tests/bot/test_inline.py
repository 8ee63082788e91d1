"""Inline offers in the assistant: small EM values hidden (the chat may hold anyone), at most five offers."""

from __future__ import annotations

from bot.assistant import Assistant
from bot.caller import Caller
from bot.render import plain
from store.store import Store
from tests.conftest import OSLO


async def test_inline_cards_hide_small_em_values_even_for_admins(assistant: Assistant, admin: Caller) -> None:
    """A card sent into a chat with anyone in it shows EM under 5 as ':'."""
    offers = await assistant.inline("Midtre Gauldal 2016", admin)
    em = next(offer for offer in offers if offer.id.startswith("em:"))
    assert "herav EM under 15 år: :" in plain(em.text) and "herav EM under 15 år: 4" not in plain(em.text)


async def test_close_names_fill_the_offers_up_to_five(assistant: Assistant, admin: Caller) -> None:
    """A county with a year: its status, EM and latest year, then the counties with close names; never over five."""
    offers = await assistant.inline("Trøndelag 2016", admin)
    assert 4 <= len(offers) <= 5 and len({o.text for o in offers}) == len(offers)
    assert next(o.title for o in offers if o.id.startswith("place:")) == "Sted: Sør-Trøndelag 2016"


async def test_open_access_gives_strangers_no_inline_figures(store: Store) -> None:
    """Under ACCESS=open too, inline answers are for members only: a stranger gets the access offer."""
    assistant = Assistant(store, zone=OSLO, open_access=True)
    (offer,) = await assistant.inline("Melhus 2015", await assistant.caller(5555, "en"))
    assert offer.id == "access" and "Melhus" not in offer.text
