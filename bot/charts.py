"""Charts as PNG images, drawn in worker threads (a figure of its own per chart, no pyplot state)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def load() -> None:
    """Import matplotlib now rather than with the first chart."""
    _png(_figure(1, 1))


def _figure(width: float, height: float) -> Figure:
    """A new figure of its own (matplotlib, half a second to import, is imported with the first chart)."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100)


def _png(figure: Figure) -> bytes:
    """The figure as PNG bytes, drawn on an Agg canvas (no display needed)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    figure.tight_layout()
    buffer = io.BytesIO()
    # The canvas's own print_png draws the figure once; savefig would lay its text out in a pass before
    # (tight_layout leaves a layout engine behind), a quarter of the CPU, for the same PNG byte for byte.
    canvas.print_png(buffer)  # type: ignore[no-untyped-call]
    return buffer.getvalue()


def bar_chart(title: str, series: dict[str, dict[int, float]]) -> bytes:
    """Bars per year, one colour per series (e.g. all and EM), as PNG bytes."""
    figure = _figure(8, 4.5)
    axes = figure.subplots()
    years = sorted({year for values in series.values() for year in values})
    width = 0.8 / max(len(series), 1)
    for offset, (label, values) in enumerate(series.items()):
        positions = [years.index(year) + offset * width for year in values]
        axes.bar(positions, list(values.values()), width=width, label=label)
    axes.set_xticks([i + width * (len(series) - 1) / 2 for i in range(len(years))])
    axes.set_xticklabels([str(year) for year in years], rotation=45 if len(years) > 8 else 0)
    axes.set_title(title)
    axes.grid(axis="y", alpha=0.3)
    if len(series) > 1:
        axes.legend()
    return _png(figure)


def share_chart(title: str, shares: dict[str, float], mark: float, mark_label: str) -> bytes:
    """Horizontal bars of shares (0–1) per name, with a vertical line at `mark`, as PNG bytes."""
    figure = _figure(8, max(2.5, 0.35 * len(shares) + 1.2))
    axes = figure.subplots()
    names = list(shares)
    axes.barh(names, [value * 100 for value in shares.values()])
    axes.axvline(mark * 100, color="red", linestyle="--", label=mark_label)
    axes.invert_yaxis()
    axes.set_xlabel("%")
    axes.set_title(title)
    axes.legend(loc="lower right")
    return _png(figure)
