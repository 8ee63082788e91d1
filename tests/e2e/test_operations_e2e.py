"""Operating the real bot process: a digest being sent when SIGTERM comes is finished first, and /healthz (on
METRICS_PORT when polling) turns unhealthy while PostgreSQL is out of reach and healthy again after."""

from __future__ import annotations

import json
import signal
from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from scheduler.subscriptions import subscribe
from store.models import Delivery
from store.store import Store
from store.vocabulary import DeliveryStatus
from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID, OSLO
from tests.e2e.conftest import StartBot, free_port
from tests.e2e.test_outage_e2e import ProxiedDatabase, database, logged
from tests.e2e.test_webhook_e2e import metric

pytestmark = pytest.mark.e2e
__all__ = ["database"]  # the fixture, for the outage test


async def due_a_minute_ago(url: str, botapi: FakeBotApi) -> None:
    """The admin's subscription to Trondheim, made yesterday and due a minute ago: sent right after start."""
    due = datetime.now(OSLO) - timedelta(minutes=1)
    botapi.add_user(ADMIN_ID)
    store = await Store.open(url)
    try:
        index = await store.index()
        async with store.unit() as session:
            subscription = await subscribe(
                session,
                user_id=ADMIN_ID,
                chat_id=ADMIN_ID,
                place_ids=[index.search("Trondheim")[0].place.id or 0],
                weekday=due.weekday(),
                hour=due.hour,
                minute=due.minute,
            )
            subscription.created_at = due - timedelta(days=1)
    finally:
        await store.close()


async def deliveries(url: str) -> list[str]:
    """The delivery log's statuses."""
    store = await Store.open(url)
    try:
        async with store.unit() as session:
            return list((await session.exec(select(Delivery.status))).all())
    finally:
        await store.close()


async def test_sigterm_finishes_the_digest_in_hand(
    botapi: FakeBotApi, start_bot: StartBot, sqlite_url: str
) -> None:
    """A digest on its way when SIGTERM comes arrives and is logged sent before the polling bot exits 0; meanwhile
    /healthz says it is stopping (503), so a load balancer sends nothing more its way."""
    await due_a_minute_ago(sqlite_url, botapi)
    for method in ("sendMessage", "sendPhoto"):
        botapi.hold(method)
    port = free_port()
    bot = await start_bot(METRICS_PORT=str(port))
    bot.port = port
    await botapi.wait_until(lambda: any(m in ("sendMessage", "sendPhoto") for m, _ in botapi.requests))
    assert (await bot.get("/healthz"))[0] == 200
    bot.process.send_signal(signal.SIGTERM)
    botapi.release_pollers()
    await logged(bot, "Application is stopping")
    status, body = await bot.get("/healthz")
    assert status == 503 and json.loads(body)["status"] == "stopping"
    for method in ("sendMessage", "sendPhoto"):
        botapi.release(method)
    assert await bot.process.wait() == 0, bot.log
    (digest,) = botapi.messages_to(ADMIN_ID)
    assert "Trondheim" in (digest["caption"] or digest["text"])  # nothing changed: the one-line note
    assert await deliveries(sqlite_url) == [DeliveryStatus.SENT]


async def test_healthz_is_unhealthy_while_postgresql_is_out_of_reach(
    botapi: FakeBotApi, database: ProxiedDatabase, start_bot: StartBot
) -> None:
    """Polling with METRICS_PORT: /healthz answers 200, 503 while the proxy to PostgreSQL is cut, 200 after."""
    port = free_port()
    bot = await start_bot(database.through_proxy, METRICS_PORT=str(port))
    bot.port = port
    status, body = await bot.get("/healthz")
    assert status == 200 and json.loads(body)["database"] == "reachable"
    await database.proxy.cut()
    status, body = await bot.get("/healthz")
    assert status == 503 and json.loads(body) == {
        "status": "unhealthy",
        "database": "unreachable",
        "last_update": None,
    }
    await database.proxy.restore()
    assert (await bot.get("/healthz"))[0] == 200
    status, exposition = await bot.get("/metrics")
    assert status == 200 and metric(exposition, "bosettingsbot_database_errors_total") > 0
