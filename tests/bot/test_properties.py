"""Property-based: no input makes the assistant raise, and every input gets a non-empty reply."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.assistant import Assistant, Caller
from tests.bot.question_cases import CASES

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
    """Any text, from any kind of user, in any language, is answered without an exception."""
    caller = Caller(user_id=77, language=language, role=role)
    replies = runner.run(assistant.handle(message, caller))
    assert replies and all(reply.text.strip() for reply in replies)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.text(max_size=64))
def test_every_button_gets_a_reply(runner: asyncio.Runner, assistant: Assistant, data: str) -> None:
    """Forged or stale button data is answered, never an exception."""
    replies = runner.run(assistant.choose("q:" + data, Caller(user_id=1, role="coordinator")))
    assert replies and replies[0].text.strip()
