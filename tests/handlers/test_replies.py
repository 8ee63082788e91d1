"""Sending replies: a chart left to draw is drawn off the event loop and sent after the update is handled,
before anything else is sent to its chat."""

from __future__ import annotations

import asyncio
import threading

from telegram import Update

from bot.charts import bar_chart
from bot.replies import Reply
from bot.runtime import BotApplication
from handlers.replies import send_replies
from tests.bot.test_charts import PNG, SERIES, LoopWatch
from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID, COORDINATOR_ID
from tests.handlers.conftest import RecordingRequest, process
from tests.uploads import imdi_csv


def received(application: BotApplication, botapi: FakeBotApi, user: int, text: str) -> Update:
    """A user's message as the application reads it."""
    return Update.de_json(botapi.send_text(user, text), application.bot)


async def sent(application: BotApplication, update: Update, replies: list[Reply]) -> None:
    """Send replies to an update's message as a handler does."""
    context = application.context_types.context.from_update(update, application)
    assert update.effective_message is not None
    await send_replies(update, update.effective_message, replies, context)


class HeldChart:
    """A chart whose drawing waits until the test lets it go on."""

    def __init__(self) -> None:
        self.go_on = threading.Event()

    def draw(self) -> bytes:
        """Wait for the test, then draw."""
        if not self.go_on.wait(timeout=30):
            raise AssertionError("the chart was never let go on")
        return bar_chart("Bosatt Trondheim", SERIES)


async def test_a_chart_is_drawn_while_other_updates_go_on(
    application: BotApplication, botapi: FakeBotApi, recorder: RecordingRequest
) -> None:
    """The chart is drawn in a worker thread, after the update is handled: a coroutine on the loop runs meanwhile."""
    update = received(application, botapi, ADMIN_ID, "/history Trondheim")
    watch = LoopWatch()
    await sent(application, update, [Reply("Trondheim", draw=watch.draw)])
    await asyncio.gather(*application.bot_data.runtime.still_sending.sending.values(), watch.tick())
    (photo,) = recorder.sent("sendPhoto", ADMIN_ID)
    assert photo["caption"] == "Trondheim" and photo["photo"]["content"].startswith(PNG)


async def test_a_chats_next_reply_waits_for_its_chart_and_another_chats_does_not(
    application: BotApplication, botapi: FakeBotApi, recorder: RecordingRequest
) -> None:
    """Table, then chart, then the chat's next answer, in that order; another chat is answered meanwhile."""
    botapi.add_user(COORDINATOR_ID)
    chart = HeldChart()
    history = received(application, botapi, ADMIN_ID, "/history Trondheim")
    await sent(application, history, [Reply("table"), Reply("chart", draw=chart.draw)])
    assert [params["text"] for params in recorder.sent("sendMessage", ADMIN_ID)] == ["table"]
    other = received(application, botapi, COORDINATOR_ID, "status Melhus 2015")
    await sent(application, other, [Reply("another chat's answer")])
    assert [params["text"] for params in recorder.sent("sendMessage", COORDINATOR_ID)] == [
        "another chat's answer"
    ]
    following = received(application, botapi, ADMIN_ID, "status Trondheim 2015")
    next_answer = asyncio.create_task(sent(application, following, [Reply("next answer")]))
    await asyncio.sleep(0.05)
    assert not next_answer.done() and not recorder.sent("sendPhoto", ADMIN_ID)
    chart.go_on.set()
    await next_answer
    to_admin = [(method, params.get("text") or params.get("caption")) for method, params in recorder.calls]
    assert [call for call in to_admin if call[1] in ("table", "chart", "next answer")] == [
        ("sendMessage", "table"),
        ("sendPhoto", "chart"),
        ("sendMessage", "next answer"),
    ]
    assert not application.bot_data.runtime.still_sending.sending


async def test_an_uploads_first_message_comes_after_the_chart_drawn_before_it(
    application: BotApplication, botapi: FakeBotApi, recorder: RecordingRequest
) -> None:
    """An admin's file sent while their chart is still being drawn: its first message follows the chart."""
    chart = HeldChart()
    history = received(application, botapi, ADMIN_ID, "/history Trondheim")
    await sent(application, history, [Reply("table"), Reply("chart", draw=chart.draw)])
    upload = asyncio.create_task(
        process(
            application,
            botapi.send_document(ADMIN_ID, "imdi.csv", imdi_csv(["5028;Melhus;Anmodning;Personer;2026;31"])),
        )
    )
    await asyncio.sleep(0.05)
    assert [method for method, _ in recorder.calls if method in ("sendMessage", "sendPhoto")] == [
        "sendMessage"
    ]
    chart.go_on.set()
    await upload
    sent_after = [method for method, _ in recorder.calls if method in ("sendMessage", "sendPhoto")]
    assert sent_after[:2] == ["sendMessage", "sendPhoto"] and len(sent_after) > 2
