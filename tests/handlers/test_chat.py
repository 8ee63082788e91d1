"""Questions and button presses through the real application, offline."""

from __future__ import annotations

import pytest

from bot.runtime import BotApplication
from bot.texts import text
from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID, COORDINATOR_ID
from tests.handlers.conftest import RecordingRequest, process


async def test_a_question_is_answered(
    application: BotApplication, botapi: FakeBotApi, recorder: RecordingRequest
) -> None:
    """A question in a message gets the card as one HTML message in the same chat."""
    await process(application, botapi.send_text(ADMIN_ID, "status Trondheim 2015"))
    (card,) = recorder.sent("sendMessage", ADMIN_ID)
    assert card["parse_mode"] == "HTML" and "Vedtak: 450¹" in card["text"]


async def test_a_button_is_answered(
    application: BotApplication, botapi: FakeBotApi, recorder: RecordingRequest
) -> None:
    """A press on a place button stops its spinner and answers for the place it names."""
    await process(application, botapi.send_text(ADMIN_ID, "status Herøy 2015"))
    (choice,) = botapi.messages_to(ADMIN_ID)
    nordland = choice["reply_markup"]["inline_keyboard"][1][0]
    press = botapi.press_button(ADMIN_ID, choice["message_id"], nordland["callback_data"])
    await process(application, press)
    (answered,) = recorder.sent("answerCallbackQuery")
    assert answered["callback_query_id"] == press["callback_query"]["id"]
    assert "Herøy (Nordland)" in recorder.sent("sendMessage", ADMIN_ID)[-1]["text"]


async def test_a_history_comes_with_a_chart(
    application: BotApplication, botapi: FakeBotApi, recorder: RecordingRequest
) -> None:
    """/history sends the table first, then the chart drawn for it as a PNG photo."""
    await process(application, botapi.send_text(ADMIN_ID, "/history Trondheim"))
    assert [method for method, _ in recorder.calls[-2:]] == ["sendMessage", "sendPhoto"]
    (photo,) = recorder.sent("sendPhoto", ADMIN_ID)
    assert photo["photo"]["content"].startswith(b"\x89PNG")


async def test_only_the_owners_press_takes_save_and_cancel_away(
    application: BotApplication, botapi: FakeBotApi, recorder: RecordingRequest
) -> None:
    """Another member's press on an admin's Save is answered, leaves the buttons and saves nothing."""
    await process(application, botapi.send_text(ADMIN_ID, f"/adduser {COORDINATOR_ID}"))
    await process(application, botapi.send_text(ADMIN_ID, "/set Trondheim 2015 bosatt 410"))
    preview = botapi.messages_to(ADMIN_ID)[-1]
    save = preview["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    press = botapi.press_button(ADMIN_ID, preview["message_id"], save, by=COORDINATOR_ID)
    await process(application, press)
    assert recorder.sent("answerCallbackQuery")[-1]["callback_query_id"] == press["callback_query"]["id"]
    assert not recorder.sent("editMessageReplyMarkup")
    assert "Bare administratorer" in recorder.sent("sendMessage", ADMIN_ID)[-1]["text"]
    await process(application, botapi.press_button(ADMIN_ID, preview["message_id"], save))
    assert len(recorder.sent("editMessageReplyMarkup")) == 1
    assert "Lagret som endring" in recorder.sent("sendMessage", ADMIN_ID)[-1]["text"]


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
async def test_a_button_no_handler_knows_is_answered(
    application: BotApplication, botapi: FakeBotApi, recorder: RecordingRequest, language: str
) -> None:
    """Data from an older version of the bot stops the spinner and is said to be no longer valid."""
    await process(application, botapi.send_text(ADMIN_ID, "/help"))
    (helped,) = botapi.messages_to(ADMIN_ID)
    press = botapi.press_button(ADMIN_ID, helped["message_id"], "old:kind:1", language_code=language)
    await process(application, press)
    (answered,) = recorder.sent("answerCallbackQuery")
    assert answered["callback_query_id"] == press["callback_query"]["id"]
    assert recorder.sent("sendMessage", ADMIN_ID)[-1]["text"] == text("button_unknown", language)
