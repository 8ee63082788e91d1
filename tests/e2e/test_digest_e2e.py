"""Digests end to end: the real bot process and `python -m bot digest send` against the local Bot API server."""

from __future__ import annotations

import asyncio
import sys
from collections import Counter
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from scheduler.subscriptions import subscriptions_of
from store.store import Store
from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID, COORDINATOR_ID, OSLO
from tests.e2e.conftest import ROOT, StartBot, bot_environment
from tests.e2e.test_admin_e2e import save_button
from tests.subscribers import subscribe_users

pytestmark = pytest.mark.e2e
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
SUBSCRIBERS = 300
PLACES = ("Trondheim", "Melhus", "Malvik", "Stjørdal", "Skaun", "Drammen", "Trøndelag", "Trondheimsregionen")


async def start_digest_send(
    botapi: FakeBotApi, database_url: str, folder: Path, **extra: str
) -> asyncio.subprocess.Process:
    """Start `python -m bot digest send` (extra: more environment variables)."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "digest",
        "send",
        cwd=folder,
        env=bot_environment(botapi, database_url, **extra) | {"PYTHONPATH": str(ROOT)},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def digest_send(botapi: FakeBotApi, database_url: str, folder: Path, **extra: str) -> str:
    """Run `python -m bot digest send` to the end and return what it printed."""
    process = await start_digest_send(botapi, database_url, folder, **extra)
    output, errors = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode == 0, errors.decode()
    return output.decode()


def not_today() -> str:
    """A weekday that is not today in Oslo, so no scheduled job fires during the test."""
    return WEEKDAYS[(datetime.now(OSLO) + timedelta(days=3)).weekday()]


async def test_digest_arrives_with_the_changed_figure_once(
    botapi: FakeBotApi, start_bot: StartBot, sqlite_url: str, tmp_path: Path
) -> None:
    """Subscribe, an admin changes a figure, digest send delivers it with the delta; a second run sends nothing."""
    await start_bot()
    botapi.send_text(ADMIN_ID, f"/adduser {COORDINATOR_ID}")
    await botapi.wait_for(ADMIN_ID, 1)
    botapi.send_text(COORDINATOR_ID, f"/subscribe Trondheim {not_today()} 12:00")
    (subscribed,) = await botapi.wait_for(COORDINATOR_ID, 1)
    assert "Abonnement 1: Trondheim" in subscribed["text"]
    botapi.send_text(ADMIN_ID, "/set Trondheim 2018 bosatt 281")
    (preview,) = await botapi.wait_for(ADMIN_ID, 1, after=1)
    botapi.press_button(ADMIN_ID, preview["message_id"], save_button(preview))
    await botapi.wait_for(ADMIN_ID, 1, after=2)

    assert "sent 1" in await digest_send(botapi, sqlite_url, tmp_path)
    (digest,) = await botapi.wait_for(COORDINATOR_ID, 1, after=1)
    body = digest["text"] or digest["caption"]
    assert "Ukeoversikt Trondheim, uke" in body and "tallene under gjelder 2018" in body
    assert "bosatt 281 (+12)" in body and "Trondheim: +12 bosatt" in body

    assert "done 1" in await digest_send(botapi, sqlite_url, tmp_path)  # it has exited: what it sent is here
    assert len(botapi.messages_to(COORDINATOR_ID)) == 2
    botapi.send_text(ADMIN_ID, "/deliveries")
    (log,) = await botapi.wait_for(ADMIN_ID, 1, after=3)
    assert ": 1 · 0 · 0 · 0 · 0 · 0 · 0" in log["text"]


@pytest.fixture
async def limited_botapi() -> AsyncIterator[FakeBotApi]:
    """A local server that enforces Telegram's limits: 30 messages a second overall, one a second per chat."""
    server = FakeBotApi(global_rate=30, per_chat_rate=1)
    await server.start()
    yield server
    await server.stop()


@pytest.mark.slow
@pytest.mark.alone  # a busy machine stalls the server, which then counts a second's sends in less
async def test_broadcast_to_300_subscribers_within_the_limits(
    limited_botapi: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> None:
    """Every subscriber gets exactly one digest and the server never answers 429."""
    store = await Store.open(sqlite_url)
    await subscribe_users(
        store, limited_botapi, {10_000 + n: PLACES[n % len(PLACES)] for n in range(SUBSCRIBERS)}
    )
    await store.close()

    printed = await digest_send(limited_botapi, sqlite_url, tmp_path)

    assert f"sent {SUBSCRIBERS}" in printed
    assert limited_botapi.count_429 == 0
    digests = Counter(m["chat_id"] for m in limited_botapi.sent)
    photos_or_texts = {chat: [m["method"] for m in limited_botapi.messages_to(chat)] for chat in digests}
    assert set(digests) == {10_000 + n for n in range(SUBSCRIBERS)}
    assert all(
        methods in (["sendMessage"], ["sendPhoto"], ["sendMessage", "sendPhoto"])
        for methods in photos_or_texts.values()
    )


async def test_a_user_who_blocked_the_bot_is_paused(
    botapi: FakeBotApi, sqlite_url: str, tmp_path: Path
) -> None:
    """Telegram's 403 for one subscriber: the others get theirs, that subscription is paused and logged."""
    store = await Store.open(sqlite_url)
    await subscribe_users(store, botapi, {COORDINATOR_ID: "Melhus", ADMIN_ID: "Melhus"})
    await store.close()
    botapi.block(COORDINATOR_ID)

    assert "blocked 1, sent 1" in await digest_send(botapi, sqlite_url, tmp_path)
    assert "done 1" in await digest_send(botapi, sqlite_url, tmp_path)  # the paused one is not tried again

    store = await Store.open(sqlite_url)
    async with store.unit() as session:
        (blocked,) = await subscriptions_of(session, user_id=COORDINATOR_ID)
    await store.close()
    assert blocked.paused and "blocked by the user" in blocked.paused_reason
    assert [m["chat_id"] for m in botapi.sent] == [ADMIN_ID]


async def test_the_bot_sends_a_missed_digest_once_after_restarts(
    botapi: FakeBotApi, start_bot: StartBot, sqlite_url: str
) -> None:
    """A digest due an hour ago while the bot was down: the started bot sends it; a restart does not again."""
    due = datetime.now(OSLO) - timedelta(hours=1)
    store = await Store.open(sqlite_url)
    await subscribe_users(store, botapi, {COORDINATOR_ID: "Melhus"})
    async with store.unit() as session:
        (subscription,) = await subscriptions_of(session, user_id=COORDINATOR_ID)
        subscription.weekday, subscription.hour, subscription.minute = due.weekday(), due.hour, due.minute
        subscription.created_at = due - timedelta(days=7)
        session.add(subscription)
    await store.close()

    bot = await start_bot()
    messages = await botapi.wait_for(COORDINATOR_ID, 2, timeout=20)  # the reply to /start, and the digest
    assert sum("Ingen endringer for Melhus" in (m["text"] or "") for m in messages) == 1
    assert "missed by" in bot.log  # the catch-up at start-up decided to send it
    await bot.stop()
    restarted = await start_bot()  # polling: its start-up is done, and with it the catch-up's decision
    assert "missed by" not in restarted.log  # nothing missed: no digest scheduled to catch up
    assert len(botapi.messages_to(COORDINATOR_ID)) == 2
