"""Question files for the benches: a held-out JSON set (tests/heldout/) or a text file, one question a line."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def questions_from(path: Path) -> list[str]:
    """The distinct questions of a file that stand alone (follow-ups left out: they need the one before)."""
    if path.suffix == ".json":
        cases = json.loads(path.read_text(encoding="utf-8"))
        found = [case["question"] for case in cases if not case.get("previous")]
    else:
        found = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return list(dict.fromkeys(found))


def chosen_questions(default: list[str]) -> tuple[list[str], str]:
    """The questions of the file named on the command line, else the default ones; and what they are."""
    if len(sys.argv) > 1:
        path = Path(sys.argv[1])
        return questions_from(path), str(path)
    return default, "built-in"
