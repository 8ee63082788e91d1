"""The export contract: columns, one row per current figure, every statement with --history."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from store.export import EXPORT_COLUMNS, export_figures
from store.store import Store
from tests.store.test_seed import seed_rows


async def test_history_export_holds_every_seed_figure(store: Store, tmp_path: Path) -> None:
    """Every row of the five documents' transcription is in the --history export."""
    path = tmp_path / "history.csv"
    async with store.unit() as session:
        await export_figures(session, path, history=True)
    with path.open(encoding="utf-8") as handle:
        exported = list(csv.DictReader(handle))
    assert list(exported[0]) == EXPORT_COLUMNS
    keys = {
        (
            r["year"],
            r["measure"],
            r["group"],
            float(r["value"]),
            r["as_of"],
            r["source"].split(":")[0],
        )
        for r in exported
    }
    for row in seed_rows():
        assert (
            row["year"],
            row["measure"],
            row["group"],
            float(row["value"]),
            row["as_of"],
            row["source"],
        ) in keys, row
    assert len(exported) == len(seed_rows())


async def test_current_export_has_one_row_per_figure(store: Store, tmp_path: Path) -> None:
    """The plain export has one row per place, year, measure and group, with the latest value."""
    path = tmp_path / "figures.xlsx"
    async with store.unit() as session:
        rows = await export_figures(session, path)
    frame = pd.read_excel(path, dtype={"area_code": str})
    assert len(frame) == rows
    assert not frame.duplicated(["area_code", "year", "measure", "group"]).any()
    trondheim = frame[
        (frame.area_code == "5001")
        & (frame.year == 2015)
        & (frame.measure == "settled")
        & (frame.group == "all")
    ]
    assert trondheim.value.tolist() == [495] and trondheim.as_of.tolist() == ["2015-12-31"]
