"""Digest commands through the assistant: subscribe, list with buttons, change, remove, preview, the log."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.assistant import Assistant
from bot.caller import Caller
from bot.digests import pause_reason
from bot.render import plain
from scheduler.subscriptions import ACCESS_REMOVED, BLOCKED, LEFT_GROUP, PAUSED_BY_USER
from store.models import Delivery
from tests.conftest import COORDINATOR_ID, OSLO

COORDINATOR = Caller(user_id=COORDINATOR_ID, language="nb", role="coordinator")
STRANGER = Caller(user_id=4242, language="en", role=None)


async def say(assistant: Assistant, message: str, caller: Caller = COORDINATOR) -> str:
    """The plain text of the assistant's replies."""
    return "\n".join(plain(reply.text) for reply in await assistant.handle(message, caller))


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/subscribe Trøndelag", "Abonnement 1: Trøndelag, hver mandag kl. 08:00. Neste: 30.11.2026."),
        ("/subscribe Melhus fredag 15:30", "Abonnement 1: Melhus, hver fredag kl. 15:30. Neste: 27.11.2026."),
        (
            "/subscribe trondhiem tysdag 7.05",
            "Abonnement 1: Trondheim, hver tirsdag kl. 07:05. Neste: 24.11.2026.",
        ),
        ("/subscribe Melhus, Malvik", "Abonnement 1: mine steder: Malvik, Melhus, hver mandag kl. 08:00."),
    ],
    ids=["county, default time", "weekday and time", "typo and nynorsk weekday", "own list"],
)
async def test_subscribe(assistant: Assistant, command: str, expected: str) -> None:
    assert expected in await say(assistant, command)


async def test_subscribe_needs_a_known_place(assistant: Assistant) -> None:
    assert "Bruk: /subscribe" in await say(assistant, "/subscribe")
    assert "Fant ikke «Atlantis»" in await say(assistant, "/subscribe Atlantis mandag")


async def test_the_same_place_again_changes_the_schedule(assistant: Assistant) -> None:
    await say(assistant, "/subscribe Trøndelag")
    await say(assistant, "/subscribe Trøndelag onsdag 09:00")
    listed = await say(assistant, "/subscriptions")
    assert "1. Trøndelag · onsdag kl. 09:00" in listed
    assert "2." not in listed


async def test_buttons_change_and_remove(assistant: Assistant) -> None:
    changed: list[int] = []

    async def reschedule(subscription_id: int) -> None:
        changed.append(subscription_id)

    assistant.digests.on_change = reschedule
    await say(assistant, "/subscribe Trøndelag")
    (listing,) = await assistant.handle("/subscriptions", COORDINATOR)
    quiet, pause, remove = (data for _, data in listing.buttons[0])
    assert "ingen melding når ingenting er endret" in plain(
        (await assistant.choose(quiet, COORDINATOR))[0].text
    )
    assert "pause" in plain((await assistant.choose(pause, COORDINATOR))[0].text)
    assert "ingen melding uten endringer · pauset (pauset av deg)" in await say(assistant, "/subscriptions")
    assert "fjernet" in plain((await assistant.choose(remove, COORDINATOR))[0].text)
    assert "ingen abonnementer" in await say(assistant, "/subscriptions")
    assert changed == [1, 1, 1, 1]


async def test_others_cannot_touch_a_subscription(assistant: Assistant, admin: Caller) -> None:
    await say(assistant, "/subscribe Trøndelag")
    assert "Du har ikke abonnement 1" in await say(assistant, "/unsubscribe 1", admin)
    assert "1. Trøndelag" in await say(assistant, "/subscriptions")


async def test_digest_preview_and_strangers(assistant: Assistant) -> None:
    assert "Bruk: /digest" in await say(assistant, "/digest")
    await say(assistant, "/subscribe Trondheimsregionen")
    replies = await assistant.handle("/digest", COORDINATOR)
    assert "Ukeoversikt Trondheimsregionen" in plain(replies[0].text)
    assert len(replies) <= 2 and sum(r.has_picture for r in replies) <= 1
    assert "Ukeoversikt Melhus" in await say(assistant, "/digest Melhus")
    assert str(STRANGER.user_id) in await say(assistant, "/subscribe Trøndelag", STRANGER)


async def test_deliveries_are_for_admins(assistant: Assistant, admin: Caller) -> None:
    assert "Bare administratorer" in await say(assistant, "/deliveries")
    assert "Ingen utsendinger ennå" in await say(assistant, "/deliveries", admin)


async def test_removing_a_user_pauses_their_subscriptions_and_adding_them_offers_a_resume(
    assistant: Assistant, admin: Caller
) -> None:
    changed: list[int] = []

    async def reschedule(subscription_id: int) -> None:
        changed.append(subscription_id)

    await say(assistant, f"/adduser {COORDINATOR_ID}", admin)
    await say(assistant, "/subscribe Trøndelag")
    assistant.digests.on_change = reschedule
    assert "Abonnementene (1) er satt på pause" in await say(
        assistant, f"/removeuser {COORDINATOR_ID}", admin
    )
    assert changed == [1]  # its job goes
    assert "/subscriptions" in await say(assistant, f"/adduser {COORDINATOR_ID}", admin)
    assert "1. Trøndelag · mandag kl. 08:00 · pauset (tilgangen ble fjernet)" in await say(
        assistant, "/subscriptions"
    )


async def test_resend_is_for_admins_of_a_running_bot(assistant: Assistant, admin: Caller) -> None:
    assert "Bare administratorer" in await say(assistant, "/resend")
    assert "Bare boten som kjører" in await say(assistant, "/resend", admin)

    async def resender() -> int:
        return 3

    assistant.digests.resender = resender
    assert "Sender 3 ukeoversikter med uvisst utfall i 2026-W48 på nytt" in await say(
        assistant, "/resend", admin
    )


async def test_deliveries_count_and_list_the_unknown(assistant: Assistant, admin: Caller) -> None:
    await say(assistant, "/subscribe Trøndelag")
    async with assistant.store.unit() as session:
        attempted = datetime(2026, 11, 23, 8, 0, tzinfo=OSLO)
        reason = "it may have arrived (Bad Gateway (502))"
        session.add(
            Delivery(
                subscription_id=1, period="2026-W48", status="unknown", reason=reason, attempted_at=attempted
            )
        )
    listed = await say(assistant, "/deliveries", admin)
    assert "sendt · hoppet over · feilet · blokkert · i kø · sendes · uvisst" in listed
    assert "2026-W48: 0 · 0 · 0 · 0 · 0 · 0 · 1" in listed
    assert "2026-W48 #1 unknown: it may have arrived (Bad Gateway (502))" in listed


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_a_pause_reason_is_said_in_the_users_language(language: str) -> None:
    """The reasons the bot stores are shown translated; one it does not know is shown as stored."""
    stored = [
        PAUSED_BY_USER,
        ACCESS_REMOVED,
        LEFT_GROUP,
        f"{BLOCKED}: Forbidden: bot was blocked by the user",
    ]
    shown = [pause_reason(reason, language) for reason in stored]
    assert len(set(shown)) == 4 and "Forbidden" not in shown[3]
    if language != "en":  # the English words stored are never shown in Norwegian
        assert not set(shown) & set(stored)
    assert pause_reason("stopped by an operator", language) == "stopped by an operator"
