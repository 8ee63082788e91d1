"""The held-out scorer finds a figure however the seed writes it, and asks a chain of follow-ups in turn."""

import json
from pathlib import Path

import pytest

from tests.heldout.score import has_figure, load, with_unit_applied


@pytest.mark.parametrize(
    ("figure", "answer"),
    [
        ("7.784", "Bosatt: 7 784"),
        ("7.784", "Bosatt: 7784"),
        ("11600", "Vedtak: 11 600"),
        ("33 701", "33701 i alt"),
        ("61%", "1. Vestfold 61 %"),
        ("44 %", "Sør-Trøndelag 44%"),
        ("6,6 %", "youth 6.6 %"),
        ("1,5", "Tid (måneder): 1,5"),
    ],
)
def test_a_figure_is_found_with_or_without_its_thousands_separator(figure: str, answer: str) -> None:
    """Dots, spaces or nothing between thousands, a decimal comma or point, a space or none before '%': the
    same number."""
    assert has_figure(answer, figure)


@pytest.mark.parametrize(
    ("figure", "answer"),
    [
        ("7.784", "Bosatt: 17 784"),
        ("784", "Bosatt: 7 784"),
        ("2015", "Bosatt: 12 015"),
        ("6,6", "ungdom 6,65 %"),
        ("61%", "Vestfold 161 %"),
        ("6,6 %", "ungdom 16,6 %"),
    ],
)
def test_a_figure_inside_a_larger_number_is_not_found(figure: str, answer: str) -> None:
    """A figure that is only part of another number does not count."""
    assert not has_figure(answer, figure)


@pytest.mark.parametrize(
    ("figure", "wholes"),
    [
        ("31k", ["31000"]),
        ("60M", ["60000000"]),
        ("20-90k", ["20000", "90000"]),
        ("48", ["48"]),
        ("6,6", ["6,6"]),
    ],
)
def test_a_slides_unit_is_applied(figure: str, wholes: list[str]) -> None:
    """'31k' is 31 000, '20-90k' both ends of the range; a plain figure stays as written."""
    assert with_unit_applied(figure) == wholes


def test_a_follow_up_of_a_follow_up_is_asked_after_the_whole_chain(tmp_path: Path) -> None:
    """A chain of three: the last is asked after the first two, in order; another chain's same words do not mix."""
    asked = [("status Melhus", None), ("og i 2016?", "status Melhus"), ("hvor mange EM?", "og i 2016?")]
    asked += [("status Malvik", None), ("og i 2016?", "status Malvik"), ("og bosatt?", "og i 2016?")]
    file = tmp_path / "questions.json"
    cases = [
        {"id": str(n), "language": "nb", "previous": previous, "question": question, "seed": "000"}
        | {"today": "2015-12-14", "figures": ["1"]}
        for n, (question, previous) in enumerate(asked)
    ]
    file.write_text(json.dumps(cases), encoding="utf-8")
    loaded = load(file)
    assert [case.earlier for case in loaded] == [(), (), ("status Melhus",), (), (), ("status Malvik",)]
