"""Access through the real bot process: listed admins, other people's Save buttons, forged input of any kind."""

from __future__ import annotations

import pytest

from tests.botapi.server import FakeBotApi, Json
from tests.conftest import ADMIN_ID, COORDINATOR_ID
from tests.e2e.conftest import StartBot
from tests.e2e.test_admin_e2e import save_button

pytestmark = pytest.mark.e2e
LISTED_ID = 1003  # a second admin named in ADMIN_IDS
STRANGER_ID = 5555
GENERIC_ERROR = "noe gikk galt"


def buttons(message: Json) -> list[str]:
    """The callback data of every button under a message."""
    markup = message.get("reply_markup") or {"inline_keyboard": []}
    return [str(button["callback_data"]) for row in markup["inline_keyboard"] for button in row]


async def test_a_listed_admin_stays_an_admin_and_the_reply_says_why(
    botapi: FakeBotApi, start_bot: StartBot
) -> None:
    """/removeuser or /adduser … coordinator on an admin in ADMIN_IDS changes nothing: /users and the rights agree."""
    await start_bot(ADMIN_IDS=f"{ADMIN_ID},{LISTED_ID}")
    botapi.send_text(ADMIN_ID, f"/removeuser {LISTED_ID}")
    botapi.send_text(ADMIN_ID, f"/adduser {LISTED_ID}")
    botapi.send_text(ADMIN_ID, "/users")
    removed, demoted, users = await botapi.wait_for(ADMIN_ID, 3)
    for refused in (removed, demoted):
        assert "ADMIN_IDS" in refused["text"] and str(LISTED_ID) in refused["text"]
    assert f"{LISTED_ID} · admin" in users["text"]
    botapi.send_text(LISTED_ID, "/users")
    (listed,) = await botapi.wait_for(LISTED_ID, 1)
    assert f"{LISTED_ID} · admin" in listed["text"]


async def test_only_the_owner_of_a_preview_can_save_or_cancel_it(
    botapi: FakeBotApi, start_bot: StartBot
) -> None:
    """Another admin's or a coordinator's press on Save/Cancel keeps the buttons and saves nothing; the owner's saves."""
    await start_bot(ADMIN_IDS=f"{ADMIN_ID},{LISTED_ID}")
    botapi.send_text(ADMIN_ID, f"/adduser {COORDINATOR_ID}")
    botapi.send_text(ADMIN_ID, "/set Trondheim 2015 bosatt 410")
    _, preview = await botapi.wait_for(ADMIN_ID, 2)
    save, cancel = buttons(preview)
    botapi.press_button(ADMIN_ID, preview["message_id"], save, by=LISTED_ID)
    botapi.press_button(ADMIN_ID, preview["message_id"], cancel, by=COORDINATOR_ID)
    refusals = sorted(m["text"] for m in await botapi.wait_for(ADMIN_ID, 2, after=2))  # handled side by side
    assert "Bare administratoren som laget" in refusals[0] and "Bare administratorer kan" in refusals[1]
    shown = botapi.message(ADMIN_ID, preview["message_id"])
    assert shown is not None and buttons(shown) == [save, cancel]
    assert not [m for m, p in botapi.requests if m == "editMessageReplyMarkup"]
    botapi.press_button(ADMIN_ID, preview["message_id"], save_button(preview))
    (saved,) = await botapi.wait_for(ADMIN_ID, 1, after=4, timeout=20)
    assert "Lagret som endring #" in saved["text"]
    shown = botapi.message(ADMIN_ID, preview["message_id"])
    assert shown is not None and not buttons(shown)


FORGED_PLACE_BUTTONS = (
    "q:history:5001:1-99999999",  # 10⁸ years: 4 GB and 12 s before it was bounded
    "q:history:5001:1977-99999999999999999999999",
    "q:history:5001:2018-2006",
    "q:history:5001:²-2015",
    "q:status:5001:2015",
    "q:nonsense:5001:2015-2015::all",
    "q:status:0000:2015-2015::all",
    "q:status:5001:2015-2015:nonsense:all",
    "q:status:5001:2015-2015:settled:nonsense",
    "q:status:5001:2015-2015:settled:all:more",
    "q:",
)


async def test_forged_place_buttons_get_a_clear_reply_at_once(
    botapi: FakeBotApi, start_bot: StartBot
) -> None:
    """Under open access, a stranger's forged place buttons are each answered quickly; a real one still works."""
    await start_bot(ACCESS="open")
    botapi.send_text(STRANGER_ID, "status Herøy 2015")
    (choice,) = await botapi.wait_for(STRANGER_ID, 1)
    for data in FORGED_PLACE_BUTTONS:
        botapi.press_button(STRANGER_ID, choice["message_id"], data)
    replies = await botapi.wait_for(STRANGER_ID, len(FORGED_PLACE_BUTTONS), after=1)
    for data, reply in zip(FORGED_PLACE_BUTTONS, replies, strict=True):
        assert "Denne knappen er ikke gyldig" in reply["text"], data
    botapi.press_button(STRANGER_ID, choice["message_id"], buttons(choice)[1])
    (answer,) = await botapi.wait_for(STRANGER_ID, 1, after=1 + len(FORGED_PLACE_BUTTONS))
    assert "Herøy (Nordland)" in answer["text"]


ODD_ADMIN_INPUTS = {
    "/adduser ²": "Bruk: /adduser",
    "/adduser 99999999999999999999": "Bruk: /adduser",
    "/adduser -5": "Bruk: /adduser",
    "/adduser 0 admin": "Bruk: /adduser",
    "/removeuser ²": "Bruk: /removeuser",
    "/removeuser 99999999999999999999": "Bruk: /removeuser",
    "/undo ²": "Bruk: /undo",
    "/undo #²": "Bruk: /undo",
    "/undo 99999999999999999999": "Bruk: /undo",
    "/unsubscribe ²": "Bruk: /unsubscribe",
    "/unsubscribe 99999999999999999999": "Bruk: /unsubscribe",
}


async def test_odd_numbers_after_admin_commands_get_the_usage(
    botapi: FakeBotApi, start_bot: StartBot
) -> None:
    """Superscript digits, numbers beyond any id and negative ids: each command's usage, never the generic error."""
    await start_bot()
    for message in ODD_ADMIN_INPUTS:
        botapi.send_text(ADMIN_ID, message)
    replies = await botapi.wait_for(ADMIN_ID, len(ODD_ADMIN_INPUTS), timeout=20)
    for (message, usage), reply in zip(ODD_ADMIN_INPUTS.items(), replies, strict=True):
        assert usage in reply["text"] and GENERIC_ERROR not in reply["text"], message


async def test_unknown_buttons_are_answered_and_said_to_be_no_longer_valid(
    botapi: FakeBotApi, start_bot: StartBot
) -> None:
    """Button data no handler knows (an old version's, or forged) stops the spinner and gets a reply."""
    await start_bot()
    botapi.send_text(ADMIN_ID, "/help", language_code="en")
    (helped,) = await botapi.wait_for(ADMIN_ID, 1)
    presses = [
        botapi.press_button(ADMIN_ID, helped["message_id"], data, language_code="en")
        for data in ("old:1", "sub:nonsense:1", "imp:token:maybe")
    ]
    replies = await botapi.wait_for(ADMIN_ID, len(presses), after=1)
    assert all("This button is not valid" in reply["text"] for reply in replies)
    answered = {str(p["callback_query_id"]) for m, p in botapi.requests if m == "answerCallbackQuery"}
    assert {press["callback_query"]["id"] for press in presses} <= answered
