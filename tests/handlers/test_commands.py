"""Every command with any text after it, from an admin and a coordinator: never the generic error."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.runtime import BotApplication
from bot.texts import ADMIN_COMMANDS, COMMANDS, text
from store.store import Store
from store.users import add_user
from store.vocabulary import Role
from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID, COORDINATOR_ID
from tests.handlers.conftest import OPS_CHAT_ID, RecordingRequest, process

KNOWN_COMMANDS = (*COMMANDS, *ADMIN_COMMANDS, "historikk")  # /historikk is /history in Norwegian
NUMBERS = st.from_regex(r"[#+-]?[0-9²³¹⁰٠-٩０-９]{1,25}( (admin|coordinator|[0-9]{1,4}))?", fullmatch=True)
WORDS = st.sampled_from(
    ["Trondheim", "2015", "bosatt", "EM", "admin", "mandag", "08:00", ",", "#", "csv", "nn"]
)
ARGUMENTS = st.one_of(
    st.text(max_size=40),
    NUMBERS,
    st.integers().map(str),
    st.lists(st.one_of(WORDS, NUMBERS), max_size=6).map(" ".join),
)


@pytest.fixture
async def coordinator(store: Store) -> None:
    """A coordinator with an account besides the admin."""
    async with store.unit() as session:
        await add_user(session, user_id=COORDINATOR_ID, role=Role.COORDINATOR, by=ADMIN_ID)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    command=st.sampled_from(sorted(KNOWN_COMMANDS)),
    argument=ARGUMENTS,
    user=st.sampled_from([ADMIN_ID, COORDINATOR_ID]),
)
async def test_no_text_after_a_command_gets_the_generic_error(
    application: BotApplication,
    botapi: FakeBotApi,
    recorder: RecordingRequest,
    coordinator: None,
    command: str,
    argument: str,
    user: int,
) -> None:
    """Odd numbers, words and symbols after any command get an answer or the command's usage, never an apology."""
    before = len(recorder.calls)
    await process(application, botapi.send_text(user, f"/{command} {argument}"))
    sent = [params for _, params in recorder.calls[before:] if params.get("chat_id") == user]
    assert sent, f"/{command} {argument!r}: no reply"
    assert all(params.get("text") != text("error", "nb") for params in sent), f"/{command} {argument!r}"
    assert not recorder.sent("sendMessage", OPS_CHAT_ID)
