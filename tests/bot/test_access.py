"""Access: strangers refused with their id, admins manage users, open access hides small EM values."""

from __future__ import annotations

import asyncio
from datetime import date, datetime

from bot.assistant import Assistant
from bot.caller import Caller
from bot.render import plain
from store.store import Store
from store.users import ensure_admins
from tests.conftest import ADMIN_ID, COORDINATOR_ID, OSLO
from tests.figures import add_statements

STRANGER_ID = 3003
LISTED_ID = 1003  # a second admin in ADMIN_IDS


async def test_stranger_is_refused_with_the_id_to_give_an_admin(assistant: Assistant) -> None:
    """In members mode, a stranger's question gets a polite refusal naming the user id."""
    caller = await assistant.caller(STRANGER_ID, "nb")
    (reply,) = await assistant.handle("status Trondheim 2015", caller)
    assert "3003" in reply.text and "administrator" in reply.text
    assert "469" not in reply.text


async def test_admin_adds_and_removes_a_coordinator(assistant: Assistant, admin: Caller) -> None:
    """/adduser gives access, /users lists it, /removeuser takes it away; each is audited."""
    await assistant.handle(f"/adduser {COORDINATOR_ID}", admin)
    coordinator = await assistant.caller(COORDINATOR_ID, "en")
    assert coordinator.role == "coordinator"
    (answer,) = await assistant.handle("status Trondheim 2015", coordinator)
    assert "Request: 469" in plain(answer.text)
    (listing,) = await assistant.handle("/users", admin)
    assert f"{COORDINATOR_ID} · coordinator" in listing.text
    await assistant.handle(f"/removeuser {COORDINATOR_ID}", admin)
    assert (await assistant.caller(COORDINATOR_ID, "en")).role is None


async def test_coordinator_cannot_manage_users(assistant: Assistant, admin: Caller) -> None:
    """A coordinator's /adduser is refused and changes nothing."""
    await assistant.handle(f"/adduser {COORDINATOR_ID}", admin)
    coordinator = await assistant.caller(COORDINATOR_ID, "nb")
    (reply,) = await assistant.handle(f"/adduser {STRANGER_ID} admin", coordinator)
    assert "Bare administratorer" in reply.text
    assert (await assistant.caller(STRANGER_ID)).role is None


async def test_first_admins_come_from_settings(assistant: Assistant) -> None:
    """A user named in ADMIN_IDS is an admin before anyone adds them."""
    assert (await assistant.caller(ADMIN_ID)).is_admin


async def test_a_listed_admin_cannot_be_removed_or_made_coordinator_in_chat(
    store: Store, assistant: Assistant, admin: Caller
) -> None:
    """An admin in ADMIN_IDS stays one: the reply says where to remove them; /users and the rights agree."""
    async with store.unit() as session:
        await ensure_admins(session, admin_ids=[LISTED_ID])
    listed = Assistant(store, zone=OSLO, admin_ids=frozenset({ADMIN_ID, LISTED_ID}))
    for command in (f"/removeuser {LISTED_ID}", f"/adduser {LISTED_ID}", f"/adduser {LISTED_ID} coordinator"):
        (refused,) = await listed.handle(command, admin)
        assert "ADMIN_IDS" in refused.text and "start boten på nytt" in refused.text, command
    assert (await listed.caller(LISTED_ID)).is_admin
    (users,) = await listed.handle("/users", admin)
    assert f"{LISTED_ID} · admin" in users.text


async def test_rights_come_from_the_users_table_only(store: Store, admin: Caller) -> None:
    """Listed but not yet written (start-up does that) is no admin; unlisted after a restart, it can be removed."""
    listed = Assistant(store, zone=OSLO, admin_ids=frozenset({LISTED_ID}))
    assert (await listed.caller(LISTED_ID)).role is None
    async with store.unit() as session:
        await ensure_admins(session, admin_ids=[LISTED_ID])
    assert (await listed.caller(LISTED_ID)).is_admin
    restarted = Assistant(
        store, zone=OSLO, admin_ids=frozenset({ADMIN_ID})
    )  # LISTED_ID taken out of ADMIN_IDS
    (removed,) = await restarted.handle(f"/removeuser {LISTED_ID}", admin)
    assert "ikke lenger tilgang" in removed.text
    assert (await restarted.caller(LISTED_ID)).role is None


async def test_language_choice_is_remembered(assistant: Assistant, admin: Caller) -> None:
    """/language en makes later answers English even when Telegram says Norwegian."""
    await assistant.handle(f"/adduser {COORDINATOR_ID}", admin)
    coordinator = await assistant.caller(COORDINATOR_ID, "nb")
    (confirmation,) = await assistant.handle("/language en", coordinator)
    assert confirmation.text == "I will answer in English."
    assert (await assistant.caller(COORDINATOR_ID, "nb")).language == "en"


async def test_a_strangers_language_choice_holds_under_open_access(store: Store) -> None:
    """Without an account (ACCESS=open) /language still changes the answers, in this process and in another on
    the same database (a restart, a second replica); /forgetme deletes it."""
    assistant = Assistant(store, zone=OSLO, open_access=True)
    await assistant.handle("/language en", await assistant.caller(STRANGER_ID, "nb"))
    stranger = await assistant.caller(STRANGER_ID, "nb")
    assert stranger.language == "en" and stranger.role is None
    (card,) = await assistant.handle("status Melhus 2015", stranger)
    assert "Request: 56" in plain(card.text)
    other = await Store.open(store.engine.url.render_as_string(hide_password=False), prepare=False)
    try:
        assert (
            await Assistant(other, zone=OSLO, open_access=True).caller(STRANGER_ID, "nb")
        ).language == "en"
    finally:
        await other.close()
    await assistant.privacy.forget_user(STRANGER_ID, by=STRANGER_ID, language="en")
    assert (await assistant.caller(STRANGER_ID, "nb")).language == "nb"


async def test_open_access_hides_small_em_values_from_non_members(store: Store, admin: Caller) -> None:
    """With ACCESS=open a stranger may ask, but EM values under 5 show as ':' as in IMDi's tables."""
    clock = datetime(2026, 11, 23, tzinfo=OSLO)
    assistant = Assistant(store, zone=OSLO, open_access=True, clock=lambda: clock)
    stranger = await assistant.caller(STRANGER_ID, "nb")
    (public,) = await assistant.handle("/em Midtre Gauldal 2016", stranger)
    (member,) = await assistant.handle("/em Midtre Gauldal 2016", admin)
    assert "herav EM under 15 år: :" in plain(public.text) and "herav EM under 15 år: 4" in plain(member.text)
    assert "(EM): 8" in plain(public.text)  # 8 minors in all is not small, so it is shown


async def test_open_access_hides_a_small_em_sum_over_members(store: Store, admin: Caller) -> None:
    """A county's EM sum under 5 could show one municipality's value: hidden from non-members too."""
    await add_statements(store, [("Melhus", 2027, "settled", 3, date(2027, 6, 1))], group="em")
    assistant = Assistant(store, zone=OSLO, open_access=True)
    stranger = await assistant.caller(STRANGER_ID, "nb")
    (hidden,) = await assistant.handle("bosatt EM Trøndelag 2027", stranger)
    (shown,) = await assistant.handle("bosatt EM Trøndelag 2027", admin)
    assert "Beregnet sum: :" in plain(hidden.text) and "3¹" not in hidden.text
    assert "Beregnet sum: 3¹ (1 av" in plain(shown.text)


async def test_a_ranking_hides_small_em_values(store: Store, admin: Caller) -> None:
    """Under open access a ranking shows small EM values as ':' (last, as they are the smallest)."""
    stated = [("Melhus", 3), ("Skaun", 2), ("Malvik", 9)]
    await add_statements(
        store, [(name, 2027, "settled", value, date(2027, 6, 1)) for name, value in stated], group="em"
    )
    assistant = Assistant(store, zone=OSLO, open_access=True)
    stranger = await assistant.caller(STRANGER_ID, "nb")
    (hidden,) = await assistant.handle("flest EM bosatt Trøndelag 2027", stranger)
    (shown,) = await assistant.handle("flest EM bosatt Trøndelag 2027", admin)
    assert [line.split(":")[0] for line in plain(hidden.text).splitlines()[1:4]] == [
        "1. Malvik",
        "2. Melhus",
        "3. Skaun",
    ]
    assert "2. Melhus: :" in plain(hidden.text) and "3. Skaun: :" in plain(hidden.text)
    assert "2. Melhus: 3" in plain(shown.text) and "3. Skaun: 2" in plain(shown.text)


async def test_a_strangers_language_chosen_on_one_replica_is_used_by_the_other(postgres_url: str) -> None:
    """Two replicas on one PostgreSQL database: the second had read the stranger's language (none); the first's
    /language en reaches it by the change signal within a second."""
    first, second = await Store.open(postgres_url), await Store.open(postgres_url)
    try:
        await second.watch()
        asking, answering = (Assistant(s, zone=OSLO, open_access=True) for s in (first, second))
        assert (await answering.caller(STRANGER_ID, "nb")).language == "nb"
        await asking.handle("/language en", await asking.caller(STRANGER_ID, "nb"))

        async def chosen() -> str:
            return (await answering.caller(STRANGER_ID, "nb")).language

        for _ in range(20):
            if await chosen() == "en":
                break
            await asyncio.sleep(0.05)
        assert await chosen() == "en"
    finally:
        await first.close()
        await second.close()
