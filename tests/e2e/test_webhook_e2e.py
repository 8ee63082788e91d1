"""The real bot process in webhook mode: updates posted by the local Bot API server, the secret checked,
/healthz and /metrics beside the webhook, JSON logs, and a graceful stop on SIGTERM."""

from __future__ import annotations

import asyncio
import json
import signal
import socket
from collections.abc import Awaitable, Callable

import pytest
from aiohttp import ClientSession
from prometheus_client.parser import text_string_to_metric_families

from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID
from tests.e2e.conftest import WEBHOOK_PATH, WEBHOOK_SECRET, BotProcess, StartBot
from tests.e2e.test_outage_e2e import logged

pytestmark = pytest.mark.e2e
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def log_records(bot: BotProcess) -> list[dict[str, object]]:
    """The bot's log, each line one JSON object (a line that is not fails the test)."""
    return [json.loads(line) for line in bot.log.splitlines() if line.strip()]


def metric(exposition: str, name: str, **labels: str) -> float:
    """One sample's value in Prometheus' text format (0 when there is none)."""
    samples = [s for f in text_string_to_metric_families(exposition) for s in f.samples]
    return sum(s.value for s in samples if s.name == name and labels.items() <= s.labels.items())


async def post_update(bot: BotProcess, update: dict[str, object], **headers: str) -> int:
    """POST an update to the bot's webhook as anyone could; the HTTP status."""
    async with (
        ClientSession() as session,
        session.post(bot.address + WEBHOOK_PATH, json=update, headers=headers) as response,
    ):
        return response.status


async def test_the_webhook_answers_telegram_and_refuses_anyone_without_the_secret(
    botapi: FakeBotApi, start_webhook_bot: StartBot
) -> None:
    """Registered with its secret, the bot answers what Telegram posts; a post without the secret or with another
    is refused (403) and not handled; /healthz and /metrics say how it is; its log is JSON lines."""
    bot = await start_webhook_bot(LOG_FORMAT="json", LOG_LEVEL="DEBUG")
    registered = await botapi.wait_for_request("setWebhook")
    assert registered["url"].endswith(WEBHOOK_PATH) and registered["secret_token"] == WEBHOOK_SECRET
    assert set(registered["allowed_updates"]) >= {"message", "callback_query", "inline_query"}
    asked = botapi.send_text(ADMIN_ID, "status Melhus 2015")
    (card,) = await botapi.wait_for(ADMIN_ID, 1)
    assert "Bosatt: 43" in card["text"]
    forged = {"update_id": 999, "message": {**asked["message"], "text": "/users"}}
    assert await post_update(bot, forged) == 403
    assert await post_update(bot, forged, **{SECRET_HEADER: "guessed"}) == 403
    assert not any(name == "getUpdates" for name, _ in botapi.requests)

    status, body = await bot.get("/healthz")
    health = json.loads(body)
    assert status == 200 and health["status"] == "ok" and health["database"] == "reachable"
    assert health["last_update"] is not None
    status, exposition = await bot.get("/metrics")
    assert status == 200
    assert metric(exposition, "bosettingsbot_updates_total", kind="message") == 1
    assert metric(exposition, "bosettingsbot_answer_seconds_count") == 1
    assert metric(exposition, "bosettingsbot_database_errors_total") == 0

    assert await bot.stop() == 0
    records = log_records(bot)
    handled = [r for r in records if r.get("update_id") == asked["update_id"]]
    assert any("latency_ms" in r and r["level"] == "INFO" and "chat_id" not in r for r in handled), handled
    assert any(r.get("chat_id") == ADMIN_ID and r["level"] == "DEBUG" for r in handled), handled
    assert WEBHOOK_SECRET not in bot.log and botapi.token not in bot.log


async def test_sigterm_finishes_the_update_in_hand_then_exits(
    botapi: FakeBotApi, start_webhook_bot: StartBot
) -> None:
    """SIGTERM while a series is being answered (its table on its way): the chart still follows, then exit 0;
    at INFO the JSON log names no chat."""
    bot = await start_webhook_bot(LOG_FORMAT="json")
    botapi.hold("sendMessage")
    before = len(botapi.requests)
    asked = botapi.send_text(ADMIN_ID, "/history Trondheim")
    await botapi.wait_for_request("sendMessage", after=before)
    bot.process.send_signal(signal.SIGTERM)
    await logged(bot, "stopping: the updates taken")
    botapi.release("sendMessage")
    table, chart = await botapi.wait_for(ADMIN_ID, 2)
    assert "740" in table["text"] and chart["method"] == "sendPhoto"
    assert await bot.process.wait() == 0
    records = log_records(bot)
    stopping = next(i for i, r in enumerate(records) if str(r["message"]).startswith("stopping:"))
    handled = next(i for i, r in enumerate(records) if r.get("update_id") == asked["update_id"])
    assert stopping < handled
    assert not any("chat_id" in r for r in records)


async def test_a_port_in_use_is_one_line(
    bot_processes: Callable[..., Awaitable[BotProcess]], sqlite_url: str
) -> None:
    """Another program holds the webhook's port: one line saying so, exit code 2 (not a database error)."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        bot = await bot_processes(
            sqlite_url,
            WEBHOOK_URL=f"http://127.0.0.1:{port}{WEBHOOK_PATH}",
            WEBHOOK_SECRET=WEBHOOK_SECRET,
            WEBHOOK_PORT=str(port),
        )
        assert await asyncio.wait_for(bot.process.wait(), 60) == 2
    assert bot.log.splitlines()[-1].startswith(f"error: cannot listen on 127.0.0.1:{port}: "), bot.log
