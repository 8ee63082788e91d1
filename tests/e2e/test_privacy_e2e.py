"""Privacy through the real bot process: /privacy, and /forgetme leaving only pseudonymised audit entries."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from sqlmodel import SQLModel, select

from store.models import (
    AllowedGroup,
    Change,
    Conversation,
    Delivery,
    GuestLanguage,
    Subscription,
    SubscriptionPlace,
    User,
)
from store.store import Store
from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID, COORDINATOR_ID
from tests.e2e.conftest import StartBot
from tests.e2e.test_access_e2e import buttons
from tests.e2e.test_admin_e2e import save_button

pytestmark = pytest.mark.e2e
USERS_TABLES: tuple[type[SQLModel], ...] = (
    User,
    Change,
    Subscription,
    SubscriptionPlace,
    Delivery,
    AllowedGroup,
    GuestLanguage,
    Conversation,
)


async def export_users_tables(database_url: str) -> list[dict[str, object]]:
    """Every row of the tables that hold anything about users, as dictionaries."""
    store = await Store.open(database_url, prepare=False)
    try:
        async with store.unit() as session:
            return [
                row.model_dump()
                for table in USERS_TABLES
                for row in (await session.exec(select(table))).all()
            ]
    finally:
        await store.close()


def mentions(row: dict[str, object], user_id: int) -> bool:
    """Whether a row holds a user id: as a value, or as a number in a text."""
    return any(
        value == user_id or (isinstance(value, str) and re.search(rf"(?<![\d-]){user_id}(?!\d)", value))
        for value in row.values()
    )


async def test_privacy_says_what_is_stored_in_the_users_language(
    botapi: FakeBotApi, start_bot: StartBot
) -> None:
    """/privacy in nynorsk and English names the stored data, the retention weeks and whom to ask."""
    await start_bot(RETENTION_WEEKS="12")
    botapi.send_text(ADMIN_ID, "/privacy", language_code="nn")
    botapi.send_text(ADMIN_ID, "/language en")
    botapi.send_text(ADMIN_ID, "/privacy")
    nynorsk, _, english = await botapi.wait_for(ADMIN_ID, 3)
    assert "12 veker" in nynorsk["text"] and "Endringslogg" in nynorsk["text"]
    for said in ("user id", "role", "language", "subscriptions", "12 weeks", "Audit entries", "admins"):
        assert said in english["text"], said


async def test_forgetme_leaves_only_pseudonymised_audit_entries(
    botapi: FakeBotApi, start_bot: StartBot, sqlite_url: str
) -> None:
    """An admin who changed a figure, chose a language and subscribes asks to be forgotten: after Delete, the
    users' tables hold nothing of them but their audit entries, under a pseudonym."""
    user = COORDINATOR_ID
    bot = await start_bot()
    botapi.send_text(ADMIN_ID, f"/adduser {user} admin")
    await botapi.wait_for(ADMIN_ID, 1)
    botapi.send_text(user, "/language en")
    botapi.send_text(user, "/subscribe Melhus, Malvik")
    botapi.send_text(user, "/set Melhus 2015 settled 41")
    _, _, preview = await botapi.wait_for(user, 3)
    botapi.press_button(user, preview["message_id"], save_button(preview))
    await botapi.wait_for(user, 1, after=3, timeout=20)
    store = await Store.open(sqlite_url, prepare=False)
    async with store.unit() as session:  # a digest went out: the delivery log has a row
        session.add(
            Delivery(subscription_id=1, period="2026-W48", status="sent", attempted_at=datetime.now(UTC))
        )
    await store.close()
    before = await export_users_tables(sqlite_url)
    assert sum(mentions(row, user) for row in before) == 4  # the user, two audit entries, the subscription
    botapi.send_text(user, "/forgetme")
    (question,) = await botapi.wait_for(user, 1, after=4)
    assert "Delete your subscriptions" in question["text"]
    botapi.press_button(user, question["message_id"], buttons(question)[0])
    (done,) = await botapi.wait_for(user, 1, after=5)
    found = re.search(
        r"1 subscriptions and 1 deliveries\. (\d+) audit entries now stand under (-\d+)", done["text"]
    )
    assert found, done["text"]
    pseudonym = int(found.group(2))
    after = await export_users_tables(sqlite_url)
    assert not [row for row in after if mentions(row, user)]
    kept = [row for row in after if row.get("user_id") == pseudonym]
    assert {row["action"] for row in kept} == {"set", "forget"}
    assert f"{pseudonym} → admin" in [
        row.get("summary") for row in after
    ]  # /adduser's entry names the pseudonym
    shown = botapi.message(user, question["message_id"])
    assert shown is not None and not buttons(shown)
    botapi.send_text(user, "status Melhus 2015")
    (stranger,) = await botapi.wait_for(user, 1, after=6)
    assert "Be en administrator legge deg til" in stranger["text"]  # no access; bokmål, /language en is gone
    assert str(user) not in bot.log and "Melhus" not in bot.log  # at INFO: no user ids, no messages' text
