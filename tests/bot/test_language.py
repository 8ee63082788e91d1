"""The reply language: the question's own when it is clear, else the caller's /language or Telegram's."""

from __future__ import annotations

import io
import itertools
from collections import Counter

import pytest

from bot.assistant import Assistant
from bot.caller import Caller
from bot.console import ConsoleChat
from bot.language import MARGIN, MARKER_WEIGHT, NORWEGIAN, _may_lead
from bot.understanding import parse
from bot.wordlists import LANGUAGES as LANGUAGE_CODES
from store.store import Store
from tests.bot.test_understanding import TODAY
from tests.conftest import ADMIN_ID

LANGUAGES = [
    ("hvor mange er bosatt i Melhus i år?", "nb"),
    ("hvordan går det med bosettingen?", "nb"),
    ("hvem har kommet kortest i Trondheimsregionen i 2015?", "nb"),
    ("hva med 2016?", "nb"),
    ("kor mange vart busett i Skaun i fjor", "nn"),
    ("kven ligg etter i Trondheimsregionen 2015", "nn"),
    ("kva med Skaun?", "nn"),
    ("korleis går det med busetjinga?", "nn"),
    ("How far has Klæbu come in 2015?", "en"),
    ("which municipality is lagging in Trøndelag", "en"),
    ("what about EM?", "en"),
    ("how much extra grant did Trondheim get in 2016", "en"),
    # Short questions: the bot's vocabulary words decide where lingua is unsure.
    ("EM anmodning 2016 Trondheim", "nb"),
    ("Malvik settled 2016", "en"),
    ("Skaun plantall 2017", "nb"),
    ("oppmoding Melhus 2016", "nn"),
    ("busette Skaun 2015", "nn"),
    # Words both Norwegian languages have ('introresultat', 'resultat', 'for') do not tell them apart, whatever
    # lingua guesses: the caller's choice between them is used.
    ("introresultat for Sør-Trøndelag 2014", None),
    ("intro resultat for Vestfold 2014", None),
    # Commands and bare names carry no language: the caller's is used.
    ("status Trondheim 2015", None),
    ("/status 1601 2015", None),
    ("og Malvik?", None),
    ("i fjor da?", None),
    ("Trondheim", None),
    ("help", None),
]


@pytest.mark.parametrize(("message", "language"), LANGUAGES, ids=[m for m, _ in LANGUAGES])
async def test_language_of_a_question(store: Store, message: str, language: str | None) -> None:
    """Clear bokmål, nynorsk and English are told apart; a short command says nothing."""
    assert parse(message, index=await store.index(), today=TODAY).language == language


@pytest.mark.parametrize(
    ("message", "caller_language", "expected"),
    [
        ("How far has Klæbu come in 2015?", "nb", "Share of the decision settled: 39 %"),
        ("kor langt har Skaun kome i 2015?", "en", "Busett av vedtaket: 127 %"),
        ("hvor langt har Malvik kommet i 2015?", "nn", "Bosatt av vedtaket: 79 %"),
        ("status Melhus 2015", "en", "Request: 56¹"),
        ("status Melhus 2015", "nn", "Oppmoding: 56¹"),
    ],
)
async def test_reply_language(
    assistant: Assistant, message: str, caller_language: str, expected: str
) -> None:
    """The question's language wins over the caller's; without one, the caller's is used."""
    (reply,) = await assistant.handle(
        message, Caller(user_id=ADMIN_ID, language=caller_language, role="admin")
    )
    assert expected in reply.text


async def test_the_cache_keeps_languages_apart(assistant: Assistant) -> None:
    """The same words asked in two caller languages are answered (and cached) in each."""
    english = Caller(user_id=ADMIN_ID, language="en", role="admin")
    nynorsk = Caller(user_id=ADMIN_ID, language="nn", role="admin")
    for _ in range(2):
        assert "Request: 56¹" in (await assistant.handle("status Melhus 2015", english))[0].text
        assert "Oppmoding: 56¹" in (await assistant.handle("status Melhus 2015", nynorsk))[0].text


async def test_the_console_answers_in_the_questions_language(assistant: Assistant, admin: Caller) -> None:
    """A bokmål caller asking in English in the console chat gets English."""
    output = io.StringIO()
    await ConsoleChat(assistant, admin, output=output).run(io.StringIO("How far has Klæbu come in 2015?\n"))
    assert "Share of the decision settled: 39 %" in output.getvalue()


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("hvor mange ble bosatt i Norge i 2014?", "Norge"),
        ("kor mange vart busette i Noreg i 2014?", "Noreg"),
        ("how many were settled in Norway in 2014?", "Norway"),
    ],
)
async def test_the_nation_is_named_in_the_replys_language(
    assistant: Assistant, question: str, name: str
) -> None:
    """The nation's card is headed with its name in the reply's language, not always the register's Norge."""
    (reply,) = await assistant.handle(question, Caller(user_id=ADMIN_ID, language="nb", role="admin"))
    assert reply.text.startswith(f"<b>{name}</b>")


def _clear_with(confidences: dict[str, float], markers: Counter[str]) -> str | None:
    """The language `_detected` finds clear with these confidences of lingua's and these markers."""
    scores = {code: value + MARKER_WEIGHT * markers[code] for code, value in confidences.items()}
    first, second = sorted(scores.values(), reverse=True)[:2]
    best = max(scores, key=scores.__getitem__)
    if best in NORWEGIAN and not markers[best]:
        return None
    return best if first - second >= MARGIN else None


@pytest.mark.parametrize("counts", list(itertools.product(range(4), repeat=3)), ids=str)
def test_a_language_that_may_not_lead_is_never_clear_whatever_lingua_says(counts: tuple[int, ...]) -> None:
    """lingua is left out only where no language but the vocabulary's could lead: over confidences from 0 to 1
    in twentieths, a language is found clear only where `_may_lead` says it could be."""
    markers = Counter(dict(zip(LANGUAGE_CODES, counts, strict=True)))
    steps = [step / 20 for step in range(21)]
    found = {
        _clear_with(dict(zip(LANGUAGE_CODES, (a, b, 1 - a - b), strict=True)), markers)
        for a in steps
        for b in steps
        if a + b <= 1
    }
    found |= {
        _clear_with(dict.fromkeys(LANGUAGE_CODES, 0.0) | {code: 1.0}, markers) for code in LANGUAGE_CODES
    }
    assert {code for code in LANGUAGE_CODES if code in found} == {
        code for code in LANGUAGE_CODES if _may_lead(code, markers)
    }
