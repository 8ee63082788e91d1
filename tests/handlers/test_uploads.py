"""Documents through the real application, offline: only an admin's file is ever downloaded."""

from __future__ import annotations

from bot.runtime import BotApplication
from store.store import Store
from store.users import add_user
from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID, COORDINATOR_ID
from tests.handlers.conftest import RecordingRequest, process
from tests.uploads import imdi_csv

MELHUS_REQUEST = imdi_csv(["5028;Melhus;Anmodning;Personer;2026;31"])


async def test_a_non_admins_document_is_refused_without_being_downloaded(
    application: BotApplication, botapi: FakeBotApi, recorder: RecordingRequest, store: Store
) -> None:
    """A coordinator (a member, not an admin) is told only admins upload; the file is never fetched."""
    async with store.unit() as session:
        await add_user(session, user_id=COORDINATOR_ID, role="coordinator", by=ADMIN_ID)
    await process(application, botapi.send_document(COORDINATOR_ID, "imdi.csv", MELHUS_REQUEST))
    (refused,) = recorder.sent("sendMessage", COORDINATOR_ID)
    assert "Bare administratorer" in refused["text"]
    assert not [method for method, _ in recorder.calls if method in ("getFile", "download")]


async def test_an_admins_document_is_downloaded_and_previewed(
    application: BotApplication, botapi: FakeBotApi, recorder: RecordingRequest
) -> None:
    """An admin's file is fetched (getFile, then the download) and previewed with its changes."""
    await process(application, botapi.send_document(ADMIN_ID, "imdi.csv", MELHUS_REQUEST))
    assert [method for method, _ in recorder.calls if method in ("getFile", "download")] == [
        "getFile",
        "download",
    ]
    assert "1 nye" in botapi.messages_to(ADMIN_ID)[-1]["text"]
