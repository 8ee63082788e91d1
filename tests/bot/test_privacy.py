"""Privacy in the assistant: an admin's /forget, audited under a pseudonym; listed admins and strangers' presses."""

from __future__ import annotations

from sqlmodel import select

from bot.assistant import Assistant
from bot.caller import Caller
from store.models import Change, PendingChange, User
from store.store import Store
from tests.conftest import ADMIN_ID, COORDINATOR_ID

COORDINATOR = Caller(user_id=COORDINATOR_ID, language="nb", role="coordinator")


def button_data(reply_buttons: list[list[tuple[str, str]]]) -> list[str]:
    """The data of each button."""
    return [data for row in reply_buttons for _, data in row]


async def test_an_admin_forgets_another_user_after_the_question_and_it_is_audited(
    assistant: Assistant, admin: Caller, store: Store
) -> None:
    """/forget <id> asks first; a coordinator's press on Delete does nothing; the admin's deletes, audited."""
    await assistant.handle(f"/adduser {COORDINATOR_ID}", admin)
    await assistant.handle("/subscribe Melhus", COORDINATOR)
    (question,) = await assistant.handle(f"/forget {COORDINATOR_ID}", admin)
    delete, cancel = button_data(question.buttons)
    assert delete == f"priv:{COORDINATOR_ID}" and cancel == "priv:no"
    (refused,) = await assistant.choose(delete, COORDINATOR)
    assert "Bare administratorer" in refused.text
    (cancelled,) = await assistant.choose(cancel, admin)
    assert "Ingenting er slettet" in cancelled.text
    (done,) = await assistant.choose(delete, admin)
    assert "Slettet: 1 abonnementer" in done.text
    async with store.unit() as session:
        assert await session.get(User, COORDINATOR_ID) is None
        (entry,) = (await session.exec(select(Change).where(Change.action == "forget"))).all()
        summaries = [c.summary for c in (await session.exec(select(Change))).all()]
    assert entry.user_id == ADMIN_ID and int(entry.summary) < 0
    assert not [s for s in summaries if str(COORDINATOR_ID) in s]
    assert (await assistant.caller(COORDINATOR_ID)).role is None


async def test_a_listed_admin_cannot_be_forgotten(assistant: Assistant, admin: Caller) -> None:
    """ADMIN_IDS are written again at every start: /forgetme by one says why it cannot be done."""
    (reply,) = await assistant.handle("/forgetme", admin)
    assert "ADMIN_IDS" in reply.text and not reply.buttons
    (pressed,) = await assistant.choose("priv:me", admin)
    assert "ADMIN_IDS" in pressed.text


async def preview_owners(store: Store) -> list[int]:
    """Whose previews wait in the database."""
    async with store.unit() as session:
        return list((await session.exec(select(PendingChange.user_id))).all())


async def test_forgetting_drops_the_users_pending_previews(
    assistant: Assistant, admin: Caller, store: Store
) -> None:
    """An admin who forgets themselves with a /set preview waiting: the preview goes, its Save is stale."""
    second = Caller(user_id=3003, language="nb", role="admin")
    await assistant.handle("/adduser 3003 admin", admin)
    (preview,) = await assistant.handle("/set Melhus 2015 bosatt 41", second)
    assert await preview_owners(store) == [3003]
    await assistant.choose("priv:me", second)
    assert not await preview_owners(store)
    (stale,) = await assistant.choose(button_data(preview.buttons)[0], second)
    assert "utløpt eller allerede brukt" in stale.text


async def test_a_stranger_may_read_privacy_but_not_ask(assistant: Assistant) -> None:
    """Under ACCESS=members a stranger is refused questions, but /privacy says what would be stored."""
    stranger = await assistant.caller(5555, "en")
    (privacy,) = await assistant.handle("/privacy", stranger)
    (refused,) = await assistant.handle("status Melhus 2015", stranger)
    assert "What I store about you" in privacy.text and "26 weeks" in privacy.text
    assert "Ask an admin to add you" in refused.text
