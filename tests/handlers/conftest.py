"""Handler fixtures: the real application, offline, its Bot API calls recorded and answered by the local Bot API."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import unquote

import pytest
from pydantic import SecretStr
from telegram import Update
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.request import BaseRequest, RequestData

from bot.application import build_application
from bot.assistant import Assistant
from bot.runtime import BotApplication, ErrorNotices, Runtime
from bot.settings import Settings
from store.store import Store
from tests.botapi.server import FakeBotApi, Json
from tests.conftest import ADMIN_ID

OPS_CHAT_ID = 7007


class RecordingRequest(BaseRequest):
    """The Bot API without a network: each call is recorded and answered by the local Bot API's own logic."""

    def __init__(self, api: FakeBotApi) -> None:
        self.api = api
        self.calls: list[tuple[str, Json]] = []

    @property
    def read_timeout(self) -> float | None:
        """No network, so no timeout."""
        return None

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Record the call and answer it: a file download, or a Bot API method with its parameters."""
        file_prefix = f"/file/bot{self.api.token}/"
        if file_prefix in unquote(url):  # python-telegram-bot quotes the token's colon in file links
            path = unquote(url).split(file_prefix, 1)[1]
            self.calls.append(("download", {"path": path}))
            content = self.api.file(path)
            return (404, b"") if content is None else (200, content)
        name = url.rsplit("/", 1)[1]
        params = parameters(request_data)
        self.calls.append((name, params))
        status, body = await self.api.answer(name, params)
        return status, json.dumps(body).encode()

    def sent(self, name: str, chat_id: int | None = None) -> list[Json]:
        """The parameters of each call of one method, to one chat if given, in order."""
        return [
            params
            for method, params in self.calls
            if method == name and (chat_id is None or params.get("chat_id") == chat_id)
        ]


def parameters(request_data: RequestData | None) -> Json:
    """A call's parameters as the local Bot API reads them; an uploaded file as its name and bytes."""
    if request_data is None:
        return {}
    params: dict[str, Any] = dict(request_data.parameters)
    for name, (filename, content, *_) in request_data.multipart_data.items():
        params[name] = {
            "filename": filename,
            "content": content if isinstance(content, bytes) else content.read(),
        }
    return params


class Clock:
    """A monotonic clock for tests: it moves only when told."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        """The current reading in seconds."""
        return self.now


@pytest.fixture
def botapi() -> FakeBotApi:
    """The local Bot API, not started (nothing listens): calls reach it through the recording request."""
    api = FakeBotApi()
    api.add_user(OPS_CHAT_ID, first_name="Operator")
    return api


@pytest.fixture
def recorder(botapi: FakeBotApi) -> RecordingRequest:
    """The application's connection to the Bot API, recording every call."""
    return RecordingRequest(botapi)


@pytest.fixture
def notice_clock() -> Clock:
    """The clock of the operator chat's error notices."""
    return Clock()


@pytest.fixture
async def application(
    recorder: RecordingRequest, store: Store, assistant: Assistant, sqlite_url: str, notice_clock: Clock
) -> AsyncIterator[BotApplication]:
    """The bot's application with every handler, initialised offline on the seeded store and assistant."""
    settings = Settings(
        telegram_bot_token=SecretStr(recorder.api.token),
        database_url=sqlite_url,
        admin_ids=frozenset({ADMIN_ID}),
        ops_chat_id=OPS_CHAT_ID,
    )
    built = build_application(settings, request=recorder)
    built.bot_data["runtime"] = Runtime(settings, store, assistant, notices=ErrorNotices(notice_clock))
    async with built:
        await built.start()  # running, as under polling: handlers with block=False run as tasks
        yield built
        await built.stop()


async def process(application: BotApplication, update: Json) -> None:
    """Hand one update (as the local Bot API queued it) to the application, and wait for its handling."""
    before = asyncio.all_tasks()
    await application.process_update(Update.de_json(update, application.bot))
    started = asyncio.all_tasks() - before - {asyncio.current_task()}
    await asyncio.gather(*started)  # a non-blocking handler's task (uploads) finishes before we look
