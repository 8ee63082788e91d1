"""Follow-ups: a chat's last question for half an hour; a follow-up changes only what it names."""

from __future__ import annotations

import io
import json
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from bot import followups
from bot.assistant import Assistant
from bot.caller import Caller
from bot.console import ConsoleChat
from bot.followups import decoded, encoded
from bot.render import plain
from bot.understanding import parse
from store.store import Store
from tests.bot.question_cases import CASES
from tests.bot.test_understanding import TODAY
from tests.conftest import ADMIN_ID, OSLO
from tests.store.conftest import store

__all__ = ["store"]  # the follow-ups run on SQLite (in memory) and PostgreSQL (in the database)

ADMIN = Caller(user_id=ADMIN_ID, language="nb", role="admin")


class Clock:
    """A clock the test moves on."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 10, 0, tzinfo=OSLO)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def moving() -> Clock:
    """'Now', movable."""
    return Clock()


@pytest.fixture
def chatting(store: Store, moving: Clock) -> Assistant:
    """The assistant on the movable clock."""
    return Assistant(store, zone=OSLO, admin_ids=frozenset({ADMIN_ID}), clock=moving)


async def answer(assistant: Assistant, message: str, chat: int = 1) -> str:
    """The first reply in a chat, as plain text."""
    return plain((await assistant.handle(message, ADMIN, chat))[0].text)


@pytest.mark.parametrize(
    ("previous", "message", "place", "years", "measure", "group"),
    [
        ("anmodning Melhus 2016", "og Malvik?", "5031", [2016], "requested", "all"),
        ("status Trondheim 2015", "hva med 2016?", "5001", [2016], None, "all"),
        ("bosatte Trondheim 2016", "i fjor da?", "5001", [2025], "settled", "all"),
        ("anmodning Trondheim 2016", "what about EM?", "5001", [2016], "requested", "em"),
        ("oppmoding Melhus 2016", "kva med Skaun?", "5029", [2016], "requested", "all"),
        ("bosatt Melhus 2015", "hva med vedtak?", "5028", [2015], "decided", "all"),
        ("EM anmodning Trondheim 2016", "bosatte Stjørdal 2015", "5035", [2015], "settled", "all"),
        # 'neste år', 'next year' in a follow-up: the year after the one asked, not after today's.
        ("anmodning Orkdal 2016", "og plantallet for neste år?", "5024", [2017], "planned", "all"),
        ("oppmoding Orkdal 2016", "kva med plantalet for neste år?", "5024", [2017], "planned", "all"),
        ("Orkdal's request for 2016", "and next year's planning figure?", "5024", [2017], "planned", "all"),
        # A question naming only a measure, no place or year, narrows the previous one.
        ("bosatt Melhus 2015", "hvor mange hadde de vedtatt?", "5028", [2015], "decided", "all"),
        ("anmodning Skaun 2016", "hvor mange var enslige mindreårige?", "5029", [2016], "requested", "em"),
        ("oppmoding Skaun 2016", "kor mange einslege mindreårige?", "5029", [2016], "requested", "em"),
        ("Skaun's request for 2016", "how many unaccompanied minors?", "5029", [2016], "requested", "em"),
    ],
)
async def test_a_follow_up_replaces_only_what_it_names(
    store: Store, previous: str, message: str, place: str, years: list[int], measure: str | None, group: str
) -> None:
    """'og Malvik?' changes the place, 'hva med 2016?' the year; a full question replaces everything."""
    index = await store.index()
    first = parse(previous, index=index, today=TODAY)
    then = parse(message, index=index, today=TODAY)
    merged = followups.follow(first, then) if then.follow_up else then
    assert [m.place.code for m in merged.places] == [place]
    assert (merged.years, merged.measure, merged.group) == (years, measure, group)


async def test_an_earlier_rankings_first_place_does_not_outlive_the_next_question(store: Store) -> None:
    """A follow-up merged from a ranking starts without the place it put first: its own answer sets it anew, so
    'den kommunen' never points at a ranking two questions back."""
    index = await store.index()
    ranking = parse("hvilken kommune har flest bosatte i 2015?", index=index, today=TODAY)
    (skaun,) = index.exact("Skaun")
    ranked = replace(ranking, first_ranked=[skaun])
    merged = followups.follow(ranked, parse("og i 2014?", index=index, today=TODAY))
    assert merged.years == [2014] and merged.first_ranked == []
    leader = followups.follow(ranked, parse("hva ble den kommunen bedt om?", index=index, today=TODAY))
    assert [m.place.name for m in leader.places] == ["Skaun"]


@pytest.mark.parametrize(
    "message",
    [
        "status Trondheim 2015",
        "bosatte Norge 2014",
        "hvem ligger etter i Trøndelag",
        "Malvik",
        "ukrainere",
        "hvor mange EM ble bosatt i 2016?",
        "hvem har flest EM?",
    ],
)
async def test_full_questions_are_no_follow_ups(store: Store, message: str) -> None:
    """A question of its own, or a place or group alone without 'og', 'hva med', …, starts afresh."""
    assert not parse(message, index=await store.index(), today=TODAY).follow_up


async def test_chats_keep_their_own_context(chatting: Assistant) -> None:
    """Each chat follows up on its own previous question."""
    await answer(chatting, "anmodning Melhus 2016", chat=1)
    await answer(chatting, "status Trondheim 2015", chat=2)
    assert "Anmodning: 48¹" in await answer(chatting, "og Malvik?", chat=1)
    assert "Vedtak: 48¹" in await answer(chatting, "og Malvik?", chat=2)


async def test_context_is_kept_for_half_an_hour(chatting: Assistant, moving: Clock) -> None:
    """After 30 minutes 'og Skaun?' is a question of its own: Skaun's latest status, no year given."""
    await answer(chatting, "anmodning Melhus 2016")
    moving.now += timedelta(minutes=29)
    assert "Malvik (kommune 5031) · 2016" in await answer(chatting, "og Malvik?")
    moving.now += timedelta(minutes=31)
    assert "Ingen år oppgitt" in await answer(chatting, "og Skaun?")


async def test_context_is_bounded(chatting: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    """The chats quiet the longest are forgotten first."""
    if chatting.conversations.shared:
        pytest.skip("in the database contexts are bounded by time: test_stored_contexts_are_pruned")
    monkeypatch.setattr(followups, "CHATS", 2)
    for chat in (1, 2, 3):
        await answer(chatting, "anmodning Melhus 2016", chat=chat)
    assert list(chatting.conversations.last) == [2, 3]


async def test_the_console_keeps_context(assistant: Assistant, admin: Caller) -> None:
    """In the console chat a follow-up builds on the previous line."""
    output = io.StringIO()
    await ConsoleChat(assistant, admin, output=output).run(io.StringIO("anmodning Melhus 2016\nog Malvik?\n"))
    assert "Malvik (kommune 5031) · 2016\nAnmodning: 48¹" in output.getvalue()


async def test_a_stored_question_reads_back_as_it_was_understood(store: Store) -> None:
    """Every corpus question survives the database's JSON, except the message and words not understood."""
    index = await store.index()
    for case in CASES:
        question = parse(case.question, index=index, today=case.today)
        again = decoded(encoded(question), index)
        assert again is not None and again.key() == replace(question, text="", unknown_text="").key(), (
            case.question
        )
        assert not {"text", "unknown_text"} & set(json.loads(encoded(question)))


@pytest.fixture
async def replicas(postgres_url: str, moving: Clock) -> AsyncIterator[tuple[Assistant, Assistant]]:
    """Two replicas of the bot on one PostgreSQL database."""
    first_store, second_store = await Store.open(postgres_url), await Store.open(postgres_url)
    try:
        yield (
            Assistant(first_store, zone=OSLO, admin_ids=frozenset({ADMIN_ID}), clock=moving),
            Assistant(second_store, zone=OSLO, admin_ids=frozenset({ADMIN_ID}), clock=moving),
        )
    finally:
        await first_store.close()
        await second_store.close()


async def test_a_follow_up_landing_on_another_replica_finds_its_context(
    replicas: tuple[Assistant, Assistant],
) -> None:
    """Two replicas on one PostgreSQL database: asked through one, followed up through the other."""
    first, second = replicas
    await answer(first, "anmodning Melhus 2016")
    assert "Malvik (kommune 5031) · 2016" in await answer(second, "og Malvik?")
    assert "Anmodning: 48¹" in await answer(first, "og Malvik?")


async def test_the_first_of_a_ranking_is_found_through_another_replica(
    replicas: tuple[Assistant, Assistant],
) -> None:
    """'den kommunen' after a ranking asked through one replica is the place it put first, through the other."""
    first, second = replicas
    assert "1. Skaun" in await answer(
        first, "hvilken kommune har lavest vedtak i forhold til anmodningen i 2015?"
    )
    assert "Skaun (kommune 5029) · 2016" in await answer(second, "hva ble den kommunen bedt om i 2016?")


async def test_stored_contexts_are_pruned_and_forgotten(postgres_url: str, moving: Clock) -> None:
    """Older than half an hour they are deleted; a forgotten user's goes at once."""
    opened = await Store.open(postgres_url)
    try:
        chatting = Assistant(opened, zone=OSLO, admin_ids=frozenset({ADMIN_ID}), clock=moving)
        await answer(chatting, "anmodning Melhus 2016", chat=1)
        moving.now += timedelta(minutes=20)
        await answer(chatting, "anmodning Skaun 2016", chat=2)
        await answer(chatting, "anmodning Malvik 2016", chat=3)
        moving.now += timedelta(minutes=15)
        assert await chatting.conversations.prune(moving.now) == 1
        await chatting.conversations.forget(2)
        assert await chatting.conversations.prune(moving.now + timedelta(hours=1)) == 1
    finally:
        await opened.close()
