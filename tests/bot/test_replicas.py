"""Two replicas of the bot on one database: a preview made through one is saved, once, through the other."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update
from sqlmodel import col, func, select

from bot.assistant import Assistant
from bot.caller import Caller
from bot.replies import Reply
from store.models import Change, Figure, PendingChange
from store.store import Store
from store.users import ensure_admins
from tests.bot.test_admin import button
from tests.conftest import ADMIN_ID, OSLO
from tests.uploads import IMDI_LONG, csv_bytes

Replicas = tuple[Assistant, Assistant]


@pytest.fixture
async def replicas(database_url: str, clock: datetime) -> AsyncIterator[Replicas]:
    """Two assistants, each with its own store (engine, caches) on the same database, as two processes have."""
    stores = [await Store.open(database_url) for _ in range(2)]
    async with stores[0].unit() as session:
        await ensure_admins(session, admin_ids=[ADMIN_ID])
    yield tuple(  # type: ignore[misc]
        Assistant(store, zone=OSLO, admin_ids=frozenset({ADMIN_ID}), clock=lambda: clock) for store in stores
    )
    for store in stores:
        await store.close()


async def preview(assistant: Assistant, admin: Caller) -> Reply:
    """The preview of IMDi's hand-made long download, uploaded through this replica."""
    *_, shown = await assistant.upload(csv_bytes(IMDI_LONG, "iso-8859-1"), "bosetting.csv", "", admin)
    assert shown.buttons, shown.text
    return shown


async def written_by(store: Store, change_id: int) -> int:
    """How many statements a change wrote (retracted ones too)."""
    async with store.unit() as session:
        query = select(func.count()).select_from(Figure).where(col(Figure.change_id) == change_id)
        return (await session.exec(query)).one()


async def imports(store: Store) -> list[Change]:
    """The audit entries of imports."""
    async with store.unit() as session:
        return list((await session.exec(select(Change).where(Change.action == "import"))).all())


def statements_said(saved: Reply) -> int:
    """The statements a Save says it wrote: new, changed and earlier ('9 nye, 0 endret, 0 eldre')."""
    return sum(int(n) for n in re.findall(r"(\d+) (?:nye|endret|eldre)", saved.text))


async def ask_trondheim(assistant: Assistant, admin: Caller) -> str:
    """The settled count of Trondheim 2015 as this replica answers it, after it looked for others' changes."""
    await assistant.store.catch_up()
    (answer,) = await assistant.handle("bosatt Trondheim 2015", admin)
    return answer.text


async def test_a_preview_made_on_one_replica_is_saved_on_the_other_once(
    replicas: Replicas, admin: Caller
) -> None:
    """Save through the other replica writes the figures once with one audit entry; a second Save says it
    was saved, as which change; /undo through the first takes them back."""
    first, second = replicas
    assert "Bosatt: <b>495</b>" in await ask_trondheim(first, admin)
    shown = await preview(first, admin)
    (saved,) = await second.choose(button(shown, "yes"), admin)
    assert "Lagret som endring #" in saved.text, saved.text
    (change,) = await imports(first.store)
    assert f"#{change.id}" in saved.text and change.user_id == ADMIN_ID and "bosetting.csv" in change.summary
    assert await written_by(first.store, change.id or 0) == statements_said(saved) > 0
    (again,) = await first.choose(button(shown, "yes"), admin)
    assert f"allerede lagret som endring #{change.id}" in again.text
    assert "Bosatt: <b>425</b>" in await ask_trondheim(first, admin)
    (undone,) = await first.handle(f"/undo {change.id}", admin)
    assert f"{statements_said(saved)} " in undone.text
    assert "Bosatt: <b>495</b>" in await ask_trondheim(second, admin)
    assert len(await imports(second.store)) == 1


async def test_two_saves_at_once_on_two_replicas_write_once(replicas: Replicas, admin: Caller) -> None:
    """The admin's double tap reaches both replicas at the same moment: one saves, the other says it was."""
    first, second = replicas
    shown = await preview(first, admin)
    answers = await asyncio.gather(*(r.choose(button(shown, "yes"), admin) for r in replicas))
    again, saved = sorted((reply for (reply,) in answers), key=lambda reply: reply.text)
    assert again.text.startswith("Denne forhåndsvisningen er allerede lagret som endring #"), again.text
    assert saved.text.startswith("Lagret som endring #"), saved.text
    (change,) = await imports(second.store)
    assert await written_by(second.store, change.id or 0) == statements_said(saved) > 0


async def expire_previews(store: Store) -> None:
    """Every preview's 30 minutes run out."""
    async with store.unit() as session:
        past = datetime.now(UTC) - timedelta(minutes=1)
        await session.exec(update(PendingChange).values(expires_at=past))


async def test_an_expired_preview_saves_nothing(replicas: Replicas, admin: Caller) -> None:
    """A preview past its 30 minutes is refused on every replica, saying it expired; one saved before
    its time ran out still says it was saved."""
    first, second = replicas
    shown = await preview(first, admin)
    await expire_previews(second.store)
    (expired,) = await second.choose(button(shown, "yes"), admin)
    assert "utløpt" in expired.text
    assert not await imports(second.store)
    saved = await preview(second, admin)
    await first.choose(button(saved, "yes"), admin)
    await expire_previews(first.store)
    (again,) = await second.choose(button(saved, "yes"), admin)
    assert "allerede lagret som endring #" in again.text


async def test_a_change_of_figures_after_the_preview_makes_it_stale(
    replicas: Replicas, admin: Caller
) -> None:
    """A /set saved on one replica after the upload's preview on the other: that Save writes nothing and says why."""
    first, second = replicas
    shown = await preview(first, admin)
    (set_preview,) = await second.handle("/set Melhus 2015 bosatt 41", admin)
    (set_saved,) = await second.choose(button(set_preview, "yes"), admin)
    assert "Lagret" in set_saved.text
    (stale,) = await first.choose(button(shown, "yes"), admin)
    assert "Tallene er endret etter denne forhåndsvisningen" in stale.text
    assert not await imports(first.store)
    (again,) = await second.choose(button(shown, "yes"), admin)
    assert "Tallene er endret" in again.text  # it stays refused: the file must be sent again
