"""Score the bot on the held-out questions: right figures, and the reply in the question's language.

Each question is asked twice: by a user whose chosen language is the question's own (as a user who
writes nynorsk would choose nynorsk), and by a user who chose bokmål, which shows whether the
question's language was told from the question alone (a bare command carries none and falls back).

`python -m tests.heldout.score [FILE]` prints the score per language and writes the misses to
data/heldout-misses.txt. The questions (questions.json) were written from the seed documents by a
helper that had not read the code; they are never edited to pass.
"""

from __future__ import annotations

import asyncio
import io
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bot.assistant import Assistant
from bot.caller import Caller
from bot.console import ConsoleChat
from bot.texts import GROUPS, LANGUAGES, MEASURES, TEXTS
from store.store import Store
from tests.conftest import COORDINATOR_ID, OSLO

QUESTIONS = Path(__file__).with_name("questions.json")
MISSES = Path("data") / "heldout-misses.txt"
WORD = re.compile(r"[a-zæøåéA-ZÆØÅ]{3,}")


@dataclass(frozen=True)
class Case:
    """A held-out question and what a right answer must hold."""

    id: str
    question: str
    language: str
    previous: str | None
    figures: list[str]
    today: date
    earlier: tuple[str, ...] = ()  # a chain's questions before the previous one, first asked first


@dataclass(frozen=True)
class Result:
    """How the bot did on one case."""

    case: Case
    answer: str
    figures_right: bool
    language_found: str | None
    language_for_bokmal_user: str | None


def load(path: Path = QUESTIONS) -> list[Case]:
    """The cases of a question file."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    return [
        Case(
            c["id"],
            c["question"],
            c["language"],
            c["previous"],
            [whole for figure in c["figures"] for whole in with_unit_applied(figure)],
            date.fromisoformat(c["today"]),
            _earlier(raw[:at], c["previous"]),
        )
        for at, c in enumerate(raw)
    ]


def _earlier(before: list[dict[str, Any]], previous: str | None) -> tuple[str, ...]:
    """The questions a follow-up's previous question itself followed, first asked first: each the nearest case
    above whose question is the one before ('og i 2016?' after 'og i Midt-Norge?' after the first question)."""
    chain: list[str] = []
    while previous is not None and len(chain) < len(before):
        asked = next((c for c in reversed(before) if c["question"] == previous), None)
        previous = asked and asked["previous"]
        chain.extend([previous] if previous else [])
    return tuple(reversed(chain))


UNITS = {"k": 1_000, "M": 1_000_000}
WITH_UNIT = re.compile(r"(\d+)(?:-(\d+))?([kM])")


def with_unit_applied(figure: str) -> list[str]:
    """The figures a slide's '31k', '60M' or '20-90k' stands for (31 000; 60 000 000; 20 000 and 90 000)."""
    match = WITH_UNIT.fullmatch(figure)
    if match is None:
        return [figure]
    low, high, unit = match.groups()
    return [str(int(number) * UNITS[unit]) for number in (low, high) if number is not None]


def language_words() -> dict[str, set[str]]:
    """Words that only one language's texts use: what tells a reply's language."""
    words: dict[str, set[str]] = {language: set() for language in LANGUAGES}
    for catalogue in (TEXTS, MEASURES, GROUPS):
        for entry in catalogue.values():
            for language in LANGUAGES:
                words[language] |= {w.lower() for w in WORD.findall(entry.get(language, ""))}
    return {
        language: own - set().union(*(words[other] for other in LANGUAGES if other != language))
        for language, own in words.items()
    }


QUOTED = re.compile(r"«[^»]*»|^[⁰¹²³⁴⁵⁶⁷⁸⁹]+ .*?\(\d\d\.\d\d\.\d{4}\)", re.MULTILINE)


def language_of(answer: str, markers: dict[str, set[str]]) -> str | None:
    """The language most of the answer's language-specific words belong to (None: no clear one).

    Quoted names of sources (a footnote's document title and author, a table's name in «») are in the
    source's language whatever the reply's, so they are not counted.
    """
    found = Counter({language: 0 for language in LANGUAGES})
    for word in WORD.findall(QUOTED.sub(" ", answer)):
        for language, own in markers.items():
            found[language] += word.lower() in own
    (best, most), (_, second) = found.most_common(2)
    return best if most > second else None


def has_figure(answer: str, figure: str) -> bool:
    """Whether the figure stands in the answer as a whole number (not inside '11 300' or '2015').

    Thousands may be grouped or not on either side: '11600' is found as '11 600' and the other way.
    """
    return re.search(rf"(?<!\d)(?<!\d ){figure_pattern(figure)}(?!\d)(?! \d\d\d)", answer) is not None


SPACE = "[ \u00a0\u202f]?"  # between thousands, and before a per cent sign


def figure_pattern(figure: str) -> str:
    """A pattern for the figure that accepts its whole part with or without a space between thousands.

    A figure written with dots between thousands ('7.784', as Norwegian slides do) is the same number.
    """
    match = re.fullmatch(r"(\d{1,3}(?:\.\d{3})+|\d[\d \u00a0\u202f]*\d|\d)(.*)", figure)
    if match is None:
        return re.escape(figure)
    digits = re.sub(r"\D", "", match.group(1))
    groups = [digits[max(0, end - 3) : end] for end in range(len(digits), 0, -3)][::-1]
    return SPACE.join(groups) + rest_pattern(match.group(2))


def rest_pattern(rest: str) -> str:
    """A pattern for what follows a figure's whole part: its decimals after a comma or a point (as the
    answer's language writes them), and a per cent sign with or without a space before it ('61%', '61 %')."""
    decimals = re.match(r"[,.](\d+)", rest)
    start = f"[,.]{decimals.group(1)}" if decimals else ""
    after = rest[decimals.end() :] if decimals else rest
    if after.strip() == "%":
        return f"{start}{SPACE}%"
    return start + re.escape(after)


async def ask(store: Store, case: Case, user_language: str) -> str:
    """The console chat's output for the case's question (after its previous question and theirs, if any)."""
    clock = datetime(case.today.year, case.today.month, case.today.day, 12, tzinfo=OSLO)
    assistant = Assistant(store, zone=OSLO, clock=lambda: clock)
    caller = Caller(user_id=COORDINATOR_ID, language=user_language, role="coordinator")
    chat = ConsoleChat(assistant, caller, output=io.StringIO())
    for said in (*case.earlier, case.previous):
        if said:
            await chat.say(said)
    chat.output = io.StringIO()
    await chat.say(case.question)
    return chat.output.getvalue()


async def score(cases: list[Case]) -> list[Result]:
    """Ask every case on a freshly seeded database."""
    markers = language_words()
    with tempfile.TemporaryDirectory() as folder:
        store = await Store.open(f"sqlite:///{folder}/heldout.sqlite3")
        try:
            results = []
            for case in cases:
                answer = await ask(store, case, case.language)
                as_bokmal = language_of(await ask(store, case, "nb"), markers)
                right = all(has_figure(answer, figure) for figure in case.figures)
                results.append(Result(case, answer, right, language_of(answer, markers), as_bokmal))
        finally:
            await store.close()
    return results


def report(results: list[Result]) -> str:
    """Per language: answered right, and in the right language (for its own user and for a bokmål user)."""
    lines = []
    for language in (*LANGUAGES, "all"):
        mine = [r for r in results if language in ("all", r.case.language)]
        if not mine:  # a file of one language's questions
            continue
        right = sum(r.figures_right for r in mine)
        spoken = sum(r.language_found == r.case.language for r in mine)
        told = sum(r.language_for_bokmal_user == r.case.language for r in mine)
        lines.append(
            f"{language:>3}: {len(mine):3} cases · figures right {right:3} ({right / len(mine):.0%})"
            f" · right language {spoken:3} ({spoken / len(mine):.0%})"
            f" · for a bokmål user {told:3} ({told / len(mine):.0%})"
        )
    return "\n".join(lines)


def misses(results: list[Result]) -> str:
    """Every case answered wrong, with the answer, for reading."""
    wrong = [r for r in results if not r.figures_right or r.language_found != r.case.language]
    return "\n".join(
        f"## {r.case.id} [{r.case.language} → {r.language_found}] {r.case.question!r}"
        f" (after {r.case.previous!r}) wants {r.case.figures}\n{r.answer}"
        for r in wrong
    )


def main() -> None:
    """Score the given question file (or the held-out set) and print the figures."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else QUESTIONS
    results = asyncio.run(score(load(path)))
    MISSES.parent.mkdir(exist_ok=True)
    MISSES.write_text(misses(results), encoding="utf-8")
    print(report(results))


if __name__ == "__main__":
    main()
