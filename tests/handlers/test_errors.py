"""The error handler through the real application, offline: with the store down, it still logs and answers."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import create_async_engine
from telegram import Update

from bot.runtime import BotApplication
from bot.texts import text
from store.db import session_factory
from store.reader import Reader
from store.store import Store
from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID, COORDINATOR_ID
from tests.handlers.conftest import OPS_CHAT_ID, Clock, RecordingRequest, process

NOT_REPORTED = "could not report"


@pytest.fixture
async def outage(store: Store, tmp_path: Path) -> AsyncIterator[Callable[[], None]]:
    """Cut the store off its database, as in an outage: nothing held answers, every unit of work fails."""
    unreachable = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'missing' / 'db.sqlite3'}")

    replaced: list[Reader] = []

    def cut() -> None:
        store.sessions = session_factory(unreachable, info={"store": store})
        replaced.extend([store.reader, store.reading_ahead])
        store.reader, store.reading_ahead = Reader(unreachable), Reader(unreachable, on_thread=True)
        store.invalidate()

    yield cut
    for reader in replaced:
        await reader.close()
    await unreachable.dispose()


@pytest.mark.parametrize(
    ("code", "language"),
    [("nb", "nb"), ("nn", "nn"), ("en-GB", "en"), ("de", "en"), (None, "nb")],
    ids=["bokmål", "nynorsk", "english", "other-is-english", "none-is-bokmål"],
)
async def test_the_reply_is_in_the_telegram_language_when_the_store_is_down(
    application: BotApplication,
    botapi: FakeBotApi,
    recorder: RecordingRequest,
    outage: Callable[[], None],
    caplog: pytest.LogCaptureFixture,
    code: str | None,
    language: str,
) -> None:
    """The figures are said to be unavailable in the user's Telegram language, found without the store that failed."""
    outage()
    update = botapi.send_text(COORDINATOR_ID, "/status Trondheim 2015")
    if code is None:
        del update["message"]["from"]["language_code"]
    else:
        update["message"]["from"]["language_code"] = code
    await process(application, update)
    (reply,) = recorder.sent("sendMessage", COORDINATOR_ID)
    assert reply["text"] == text("unavailable", language)
    assert NOT_REPORTED not in caplog.text


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("/status Trondheim 2015", "/status"),
        ("/status@bosettingsbot Trondheim 2015", "/status"),
        ("status Trondheim 2015", "text"),
    ],
    ids=["command", "command-to-the-bot", "free-text"],
)
async def test_the_log_names_update_user_chat_and_command_but_not_the_text(
    application: BotApplication,
    botapi: FakeBotApi,
    outage: Callable[[], None],
    caplog: pytest.LogCaptureFixture,
    message: str,
    asked: str,
) -> None:
    """One error record with the traceback, the update id, the kind of chat and the command word; no free
    text, and the user and chat ids only in a DEBUG record."""
    outage()
    update = botapi.send_text(COORDINATOR_ID, message)
    with caplog.at_level(logging.DEBUG, logger="handlers.errors"):
        await process(application, update)
    (record, ids) = [r for r in caplog.records if r.name == "handlers.errors"]
    failed = f"update {update['update_id']} (private chat, {asked})"
    assert record.getMessage() == f"error while handling {failed}"
    assert record.exc_info is not None and record.exc_info[0] is OperationalError
    assert "Trondheim" not in record.getMessage() and str(COORDINATOR_ID) not in record.getMessage()
    assert ids.levelno == logging.DEBUG
    assert ids.getMessage() == f"{failed} came from user {COORDINATOR_ID} in chat {COORDINATOR_ID}"


async def test_a_button_press_that_fails_stops_its_spinner(
    application: BotApplication, botapi: FakeBotApi, recorder: RecordingRequest
) -> None:
    """The error handler answers the callback query of a press whose handler failed before it could."""
    await process(application, botapi.send_text(ADMIN_ID, "status Herøy 2015", language_code="en"))
    (choice,) = botapi.messages_to(ADMIN_ID)
    data = choice["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    press = botapi.press_button(ADMIN_ID, choice["message_id"], data, language_code="en")
    await application.process_error(Update.de_json(press, application.bot), RuntimeError("broken"))
    assert [params["callback_query_id"] for params in recorder.sent("answerCallbackQuery")] == [
        press["callback_query"]["id"]
    ]
    assert recorder.sent("sendMessage", ADMIN_ID)[-1]["text"] == text("error", "en")


async def test_a_button_press_answered_before_the_failure_still_gets_the_apology(
    application: BotApplication,
    botapi: FakeBotApi,
    recorder: RecordingRequest,
    outage: Callable[[], None],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The handler stopped the spinner first; the second answer Telegram refuses is no failure to report."""
    await process(application, botapi.send_text(ADMIN_ID, "status Herøy 2015"))
    (choice,) = botapi.messages_to(ADMIN_ID)
    data = choice["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    outage()
    await process(application, botapi.press_button(ADMIN_ID, choice["message_id"], data))
    assert len(recorder.sent("answerCallbackQuery")) == 2  # the handler's, then the error handler's
    assert recorder.sent("sendMessage", ADMIN_ID)[-1]["text"] == text("unavailable", "nb")
    assert NOT_REPORTED not in caplog.text


async def test_the_operator_chat_hears_once_per_kind_per_ten_minutes(
    application: BotApplication,
    botapi: FakeBotApi,
    recorder: RecordingRequest,
    outage: Callable[[], None],
    notice_clock: Clock,
) -> None:
    """Two /status failures within ten minutes: one notice; a /history failure: a second; later, a third."""
    outage()
    for message in ("/status Trondheim 2015", "/status Melhus 2016", "/history Trondheim"):
        await process(application, botapi.send_text(COORDINATOR_ID, message))
        notice_clock.now += 60
    notices = recorder.sent("sendMessage", OPS_CHAT_ID)
    assert len(notices) == 2
    assert "OperationalError" in notices[0]["text"] and "/status" in notices[0]["text"]
    assert "/history" in notices[1]["text"] and "Trondheim" not in notices[1]["text"]
    notice_clock.now += 600
    await process(application, botapi.send_text(COORDINATOR_ID, "/status Malvik 2015"))
    assert len(recorder.sent("sendMessage", OPS_CHAT_ID)) == 3
    assert len(recorder.sent("sendMessage", COORDINATOR_ID)) == 4  # and every user had the apology


async def test_the_error_handler_never_raises(
    application: BotApplication,
    botapi: FakeBotApi,
    recorder: RecordingRequest,
    outage: Callable[[], None],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A user who blocked the bot cannot be told: that is logged, and the operator chat still hears of it."""
    outage()
    update = botapi.send_text(COORDINATOR_ID, "/status Trondheim 2015")
    botapi.block(COORDINATOR_ID)
    await process(application, update)
    assert NOT_REPORTED in caplog.text and "blocked by the user" in caplog.text
    assert "uncaught error" not in caplog.text  # python-telegram-bot's words for an error handler that raised
    assert len(recorder.sent("sendMessage", OPS_CHAT_ID)) == 1
