"""The held-out scorer finds a figure however the seed writes it."""

import pytest

from tests.heldout.score import has_figure, with_unit_applied


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
