"""The benches' question files: held-out JSON sets and plain text."""

from __future__ import annotations

import json
from pathlib import Path

from bench.questions import questions_from


def test_a_heldout_set_gives_its_questions_that_stand_alone(tmp_path: Path) -> None:
    """Follow-ups (with a previous question) and repeats are left out."""
    path = tmp_path / "set.json"
    cases = [
        {"question": "status Melhus 2015", "previous": None},
        {"question": "og Malvik?", "previous": "status Melhus 2015"},
        {"question": "status Melhus 2015", "previous": None},
        {"question": "anmodning Skaun 2016", "previous": None},
    ]
    path.write_text(json.dumps(cases), encoding="utf-8")
    assert questions_from(path) == ["status Melhus 2015", "anmodning Skaun 2016"]


def test_a_text_file_gives_one_question_a_line(tmp_path: Path) -> None:
    """Blank lines are skipped and spaces around a line trimmed."""
    path = tmp_path / "set.txt"
    path.write_text(" status Melhus 2015\n\nEM Trondheim 2016 \n", encoding="utf-8")
    assert questions_from(path) == ["status Melhus 2015", "EM Trondheim 2016"]


def test_the_heldout_sets_load() -> None:
    """Both committed held-out sets give well over a hundred questions each."""
    folder = Path(__file__).parents[1] / "heldout"
    assert all(len(questions_from(folder / name)) > 100 for name in ("questions.json", "questions2.json"))
