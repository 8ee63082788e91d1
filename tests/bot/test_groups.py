"""Group chats in the assistant: access by the group, small values hidden, private-only commands and uploads."""

from __future__ import annotations

from dataclasses import replace

from bot.assistant import Assistant
from bot.caller import Caller
from bot.render import plain

GROUP = -100555


async def test_a_group_may_ask_once_allowed_and_sees_small_em_values_hidden(
    assistant: Assistant, admin: Caller
) -> None:
    """With ACCESS=members a stranger in an allowed group gets answers, with EM under 5 as ':' even for an admin."""
    stranger = await assistant.caller(5555, "nb", GROUP)
    (refused,) = await assistant.handle("/em Midtre Gauldal 2016", stranger)
    assert "/allowgroup" in refused.text
    (coordinator_allows,) = await assistant.handle("/allowgroup", replace(stranger, role="coordinator"))
    assert "Bare administratorer" in coordinator_allows.text
    (allowed,) = await assistant.handle("/allowgroup", replace(admin, chat=GROUP))
    assert "Gruppen kan nå spørre meg" in allowed.text
    (answer,) = await assistant.handle("/em Midtre Gauldal 2016", stranger)
    (in_group,) = await assistant.handle("/em Midtre Gauldal 2016", replace(admin, chat=GROUP))
    (private,) = await assistant.handle("/em Midtre Gauldal 2016", admin)
    assert "herav EM under 15 år: :" in plain(answer.text) and "herav EM under 15 år: :" in plain(
        in_group.text
    )
    assert "herav EM under 15 år: 4" in plain(private.text)
    (removed,) = await assistant.handle("/removegroup", replace(admin, chat=GROUP))
    assert "ikke lenger tilgang" in removed.text
    (again,) = await assistant.handle("status Melhus 2015", stranger)
    assert "/allowgroup" in again.text


async def test_allowgroup_in_a_private_chat_says_where_to_write_it(
    assistant: Assistant, admin: Caller
) -> None:
    """/allowgroup and /removegroup name the group they are written in: in a private chat they say so."""
    for command in ("/allowgroup", "/removegroup"):
        (reply,) = await assistant.handle(command, admin)
        assert "Skriv dette i gruppen" in reply.text


async def test_uploads_and_private_commands_are_refused_in_a_group(
    assistant: Assistant, admin: Caller
) -> None:
    """An admin's file or /export in a group gets the pointer to a private chat, and no file is fetched."""
    in_group = replace(admin, chat=GROUP)
    assert not assistant.may_download(in_group, 100) and assistant.may_download(admin, 100)
    (upload,) = await assistant.upload(b"Kommune;Anmodning 2015\nMelhus;40\n", "t.csv", "", in_group)
    (export,) = await assistant.handle("/export csv", in_group)
    assert "privat chat" in upload.text and "privat chat" in export.text and export.document is None


async def test_help_in_a_group_lists_only_what_works_there(assistant: Assistant, admin: Caller) -> None:
    """An admin's /help in a group has neither the admin section nor /export; in private it has both."""
    await assistant.handle("/allowgroup", replace(admin, chat=GROUP))
    (in_group,) = await assistant.handle("/help", replace(admin, chat=GROUP))
    (private,) = await assistant.handle("/help", admin)
    assert "/status" in in_group.text and "/export" not in in_group.text and "/adduser" not in in_group.text
    assert "/export" in private.text and "/adduser" in private.text
