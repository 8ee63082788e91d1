"""The step timer of the Telegram bench: marks of each update's way to its first reply, and their medians."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace

from bench.phases import Phases, medians


def test_an_update_gives_one_line_at_its_first_send_and_only_while_recording(tmp_path: Path) -> None:
    """Marks before the first sendMessage make the line; a second send, or an update before SIGUSR1, none."""
    phases = Phases(str(tmp_path / "bot"))
    phases.started, phases.marks = 1.0, []
    phases.sending()  # not recording yet
    phases.start(0, None)
    phases.answered_at, phases.started, phases.marks = 0.5, 1.0, []
    phases.marks.append(("parse<", 1.000_2))
    phases.sending()
    phases.mark("late<")  # after the first reply: not part of the way to it
    phases.sending()
    phases.stop(0, None)
    (line,) = (tmp_path / "bot-1.phases").read_text().splitlines()
    steps = dict(step.split("=") for step in line.split())
    assert steps["queue"] == "500000" and steps["parse<"] == "200"
    assert list(steps) == ["queue", "parse<", "send"] and int(steps["send"]) > 0


def test_timed_marks_the_start_and_end_of_functions_and_coroutine_functions(tmp_path: Path) -> None:
    """Both kinds keep their results; each adds its two marks in the order they happen."""

    async def answer(value: int) -> int:
        return value * 2

    owner = SimpleNamespace(parse=lambda text: text.upper(), answer=answer)
    phases = Phases(str(tmp_path / "bot"))
    phases.timed(owner, "parse", "parse")
    phases.timed(owner, "answer", "answer")
    phases.marks = []
    assert owner.parse("ok") == "OK"
    assert asyncio.run(owner.answer(21)) == 42
    assert [name for name, _ in phases.marks] == ["parse<", "parse>", "answer<", "answer>"]


def test_medians_keep_the_steps_most_lines_have_in_the_order_taken(tmp_path: Path) -> None:
    """A step in fewer than half the lines is left out; the order is that of the fullest line."""
    path = tmp_path / "bot-1.phases"
    path.write_text(
        "queue=60 parse<=100 parse>=400 send=500\n"
        "queue=70 parse<=110 parse>=300 answer<=320 answer>=600 send=700\n"
        "queue=80 parse<=120 parse>=350 send=450\n"
    )
    assert medians(path) == {"queue": 70, "parse<": 110, "parse>": 350, "send": 500}
