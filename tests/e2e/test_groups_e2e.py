"""Group chats through the real bot process: what it listens to, access, admin commands, joining and leaving."""

from __future__ import annotations

import pytest

from scheduler.subscriptions import subscriptions_of
from store.groups import allowed_groups
from store.store import Store
from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID, COORDINATOR_ID
from tests.e2e.conftest import StartBot

pytestmark = pytest.mark.e2e
GROUP = -100123
CHATTER_ID = 4242  # someone in the group who is no member of the bot


async def test_a_group_gets_answers_only_to_commands_mentions_and_replies(
    botapi: FakeBotApi, start_bot: StartBot
) -> None:
    """Chatter and another bot's command are ignored; an allowed group gets a command, a mention and a reply answered."""
    botapi.add_group(GROUP, admins=(ADMIN_ID,))
    await start_bot()
    botapi.send_group_text(GROUP, CHATTER_ID, "/status Melhus 2015")
    (refused,) = await botapi.wait_for(GROUP, 1)
    assert "/allowgroup" in refused["text"]
    botapi.send_group_text(GROUP, ADMIN_ID, "/allowgroup@bosettingsbot")
    (allowed,) = await botapi.wait_for(GROUP, 1, after=1)
    assert "Gruppen kan nå spørre meg" in allowed["text"]
    botapi.send_group_text(GROUP, CHATTER_ID, "status Melhus 2015, noen som vet?")
    botapi.send_group_text(GROUP, CHATTER_ID, "/status@otherbot Melhus 2015")
    botapi.send_group_text(GROUP, CHATTER_ID, "hei @kollega, se Melhus 2015")
    botapi.send_group_text(GROUP, CHATTER_ID, "/status@bosettingsbot Melhus 2015")
    (command,) = await botapi.wait_for(GROUP, 1, after=2)
    assert "Melhus" in command["text"] and "2015" in command["text"]
    botapi.send_group_text(GROUP, CHATTER_ID, "@bosettingsbot status Malvik 2015")
    (mention,) = await botapi.wait_for(GROUP, 1, after=3)
    assert "Malvik" in mention["text"]
    botapi.send_group_text(GROUP, CHATTER_ID, "status Trondheim 2016", reply_to=mention["message_id"])
    (reply,) = await botapi.wait_for(GROUP, 1, after=4)
    assert "Trondheim" in reply["text"]
    botapi.send_group_text(GROUP, CHATTER_ID, "/help")
    (helped,) = await botapi.wait_for(GROUP, 1, after=5)
    assert "Eksempler" in helped["text"]
    assert len(botapi.messages_to(GROUP)) == 6  # nothing for the three messages not for the bot


async def test_admin_commands_never_work_in_a_group(botapi: FakeBotApi, start_bot: StartBot) -> None:
    """An admin's /adduser, /users and /set in a group are refused with a pointer to the private chat."""
    botapi.add_group(GROUP, admins=(ADMIN_ID,))
    await start_bot(ACCESS="open")
    for command in (f"/adduser {COORDINATOR_ID}", "/users", "/set Melhus 2015 bosatt 3", "/forgetme"):
        botapi.send_group_text(GROUP, ADMIN_ID, command)
    replies = await botapi.wait_for(GROUP, 4)
    assert all("privat chat" in reply["text"] for reply in replies)
    botapi.send_text(ADMIN_ID, "/users")
    (users,) = await botapi.wait_for(ADMIN_ID, 1)
    assert str(COORDINATOR_ID) not in users["text"]


async def test_joining_says_what_it_does_and_leaving_pauses_the_groups_digests(
    botapi: FakeBotApi, start_bot: StartBot
) -> None:
    """Added: one message on how to ask. /subscribe by a group admin who is a member only; removed: paused."""
    botapi.add_group(GROUP, admins=(ADMIN_ID, CHATTER_ID))
    await start_bot()
    botapi.bot_membership(GROUP, ADMIN_ID, "member", was="left")
    (welcome,) = await botapi.wait_for(GROUP, 1)
    assert "@bosettingsbot" in welcome["text"] and "/allowgroup" in welcome["text"]
    botapi.send_group_text(GROUP, ADMIN_ID, "/allowgroup")
    botapi.send_text(ADMIN_ID, f"/adduser {COORDINATOR_ID}")
    await botapi.wait_for(ADMIN_ID, 1)
    botapi.send_group_text(GROUP, COORDINATOR_ID, "/subscribe Melhus")  # a member, not a group admin
    botapi.send_group_text(GROUP, CHATTER_ID, "/subscribe Melhus")  # a group admin, not a member
    botapi.send_group_text(GROUP, ADMIN_ID, "/subscribe Melhus fredag 09:00")
    _, not_admin, not_member, subscribed = await botapi.wait_for(GROUP, 4, after=1)
    assert "Bare en administrator av gruppen" in not_admin["text"]
    assert (
        "Bare en administrator av gruppen" not in not_member["text"]
        and "Abonnement" not in not_member["text"]
    )
    assert "Abonnement 1: Melhus" in subscribed["text"]
    botapi.bot_membership(GROUP, ADMIN_ID, "left", was="member")
    botapi.send_text(ADMIN_ID, "/subscriptions")
    (listed,) = await botapi.wait_for(ADMIN_ID, 1, after=1)
    assert "Melhus · fredag kl. 09:00 · til en gruppe · pauset (boten forlot gruppen)" in listed["text"]


async def test_groups_get_a_command_menu_without_admin_commands(
    botapi: FakeBotApi, start_bot: StartBot
) -> None:
    """setMyCommands for all group chats, in each language, has /status and no admin or private-only command."""
    await start_bot()
    for language in ("", "nb", "nn", "en"):
        names = {command["command"] for command in botapi.commands[("all_group_chats", language)]}
        assert "status" in names and "privacy" in names
        assert not names & {"adduser", "set", "users", "export", "forgetme", "digest"}


async def test_a_group_upgraded_to_a_supergroup_keeps_its_permission_and_digests(
    botapi: FakeBotApi, start_bot: StartBot, sqlite_url: str
) -> None:
    """Telegram gives the group a new id: it may still ask there, and its subscription lists the new chat."""
    supergroup = -1000000000123
    botapi.add_group(GROUP, admins=(ADMIN_ID,))
    await start_bot()
    botapi.send_group_text(GROUP, ADMIN_ID, "/allowgroup")
    botapi.send_group_text(GROUP, ADMIN_ID, "/subscribe Melhus")
    _, subscribed = await botapi.wait_for(GROUP, 2)
    assert "Abonnement 1: Melhus" in subscribed["text"]
    botapi.migrate_group(GROUP, supergroup, by=ADMIN_ID)
    botapi.send_group_text(supergroup, CHATTER_ID, "/status Melhus 2015")
    (answer,) = await botapi.wait_for(supergroup, 1)
    assert "Melhus" in answer["text"] and "/allowgroup" not in answer["text"]
    store = await Store.open(sqlite_url)
    try:
        async with store.unit() as session:
            assert [s.chat_id for s in await subscriptions_of(session, user_id=ADMIN_ID)] == [supergroup]
            assert await allowed_groups(session) == {supergroup}
    finally:
        await store.close()


async def test_an_anonymous_group_admin_is_told_to_write_as_themselves(
    botapi: FakeBotApi, start_bot: StartBot
) -> None:
    """/allowgroup and /subscribe written as the group ("Remain anonymous") say why they cannot work; nothing changes."""
    botapi.add_group(GROUP, admins=(ADMIN_ID,))
    await start_bot()
    botapi.send_group_text(GROUP, ADMIN_ID, "/allowgroup", anonymous=True)
    botapi.send_group_text(GROUP, ADMIN_ID, "/subscribe Melhus", anonymous=True)
    replies = await botapi.wait_for(GROUP, 2)
    assert all("anonymt som gruppen" in reply["text"] for reply in replies)
    botapi.send_group_text(GROUP, CHATTER_ID, "/status Melhus 2015")
    (refused,) = await botapi.wait_for(GROUP, 1, after=2)
    assert "/allowgroup" in refused["text"]
