"""Property-based: no input makes the assistant raise, and every input gets a reply Telegram accepts."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.assistant import Assistant
from bot.caller import Caller
from bot.texts import ADMIN_COMMANDS, COMMANDS
from tests.bot.question_cases import CASES
from tests.botapi.server import parse_html

WORDS = [
    "status",
    "bosatt",
    "EM",
    "anmodning",
    "i år",
    "i fjor",
    "2015",
    "2006–2018",
    "Trondheim",
    "Oslo",
    "Herøy",
    "1601",
    "/status",
    "/em",
    "/history",
    "/language",
    "/adduser",
    "/removeuser",
    "/set",
    "/undo",
    "/changes",
    "/subscribe",
    "/unsubscribe",
    "/digest",
    "/export",
    "hvor mange",
    "lengst bak",
    "tilskudd",
    "Midt",
    "Norge",
    "under 15",
    "siden",
    "trondhiem",
    "<b>",
    "&",
    "😀",
    "\u0000",
    "-",
    "/",
]
fragments = st.one_of(
    st.sampled_from(WORDS), st.text(max_size=12), st.sampled_from([c.question for c in CASES])
)
messages = st.lists(fragments, max_size=6).map(" ".join)


@pytest.fixture(scope="module")
def runner() -> Iterator[asyncio.Runner]:
    """An event loop of its own for the examples (hypothesis calls the test synchronously)."""
    with asyncio.Runner() as loop:
        yield loop


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    message=messages,
    language=st.sampled_from(["nb", "nn", "en"]),
    role=st.sampled_from(["admin", "coordinator", None]),
)
def test_every_message_gets_a_reply(
    runner: asyncio.Runner, assistant: Assistant, message: str, language: str, role: str | None
) -> None:
    """Any text, from any kind of user, in any language, is answered in valid Telegram HTML."""
    caller = Caller(user_id=77, language=language, role=role)
    replies = runner.run(assistant.handle(message, caller))
    assert replies and all(reply.text.strip() for reply in replies)
    for reply in replies:
        parse_html(reply.text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.text(max_size=64))
def test_every_button_gets_a_reply(runner: asyncio.Runner, assistant: Assistant, data: str) -> None:
    """Forged or stale button data is answered, never an exception."""
    replies = runner.run(assistant.choose("q:" + data, Caller(user_id=1, role="coordinator")))
    assert replies and replies[0].text.strip()


@pytest.mark.parametrize("command", [*COMMANDS, *ADMIN_COMMANDS])
@pytest.mark.parametrize("argument", ["", "<b>x", "Atlantis 2015 bosatt -4"])
async def test_every_command_answers_in_valid_html(assistant: Assistant, command: str, argument: str) -> None:
    """Each command of the menus, bare or with nonsense, as an admin and a coordinator: a reply Telegram accepts."""
    for role in ("admin", "coordinator"):
        replies = await assistant.handle(f"/{command} {argument}", Caller(user_id=77, role=role))
        assert replies
        for reply in replies:
            parse_html(reply.text)
