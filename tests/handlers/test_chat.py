"""Questions and button presses through the real application, offline."""

from __future__ import annotations

from bot.runtime import BotApplication
from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID
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
