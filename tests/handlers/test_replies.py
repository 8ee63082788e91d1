"""Sending replies: a chart left to draw is drawn off the event loop, so other updates go on meanwhile."""

from __future__ import annotations

import asyncio

from telegram import Message

from bot.replies import Reply
from bot.runtime import BotApplication
from handlers.replies import send_replies
from tests.bot.test_charts import PNG, LoopWatch
from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID
from tests.handlers.conftest import RecordingRequest


async def test_a_chart_is_drawn_while_other_updates_go_on(
    application: BotApplication, botapi: FakeBotApi, recorder: RecordingRequest
) -> None:
    """send_replies draws in a worker thread: a coroutine on the loop runs during the drawing."""
    message = Message.de_json(botapi.send_text(ADMIN_ID, "/history Trondheim")["message"], application.bot)
    watch = LoopWatch()
    await asyncio.gather(send_replies(message, [Reply("Trondheim", draw=watch.draw)]), watch.tick())
    (photo,) = recorder.sent("sendPhoto", ADMIN_ID)
    assert photo["caption"] == "Trondheim" and photo["photo"]["content"].startswith(PNG)
