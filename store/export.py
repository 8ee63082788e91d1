"""Export of figures to CSV or xlsx: one row per current figure, or every statement."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from store.held import disagreements
from store.models import Figure, Place
from store.queries import FigureRow, Statement, active, current_figures, statements

if TYPE_CHECKING:
    import pandas as pd

EXPORT_COLUMNS = [
    "area_code",
    "area_name",
    "area_level",
    "year",
    "measure",
    "group",
    "value",
    "as_of",
    "source",
    "other_sources",  # other sources' differing whole-year values: 'seed-004: 495'
]
LEVEL_ORDER = {
    "nation": 0,
    "region": 1,
    "county": 2,
    "municipality": 3,
    "group": 4,
    "international": 5,
}


def source_text(statement: Statement) -> str:
    """The source column: document key and title, and the table."""
    table = f" — {statement.figure.source_table}" if statement.figure.source_table else ""
    return f"{statement.source.key}: {statement.source.title}{table}"


def plain_value(figure: FigureRow) -> int | float | str:
    """A value as written in the export: whole numbers without decimals, ':' when hidden."""
    if figure.value is None or figure.suppressed:
        return ":"
    return int(figure.value) if float(figure.value).is_integer() else figure.value


async def export_frame(session: AsyncSession, *, history: bool = False) -> pd.DataFrame:
    """The figures as a table with the export columns, sorted by place, year and measure."""
    places = {p.id: p for p in (await session.exec(select(Place))).all()}
    place_ids = [
        pid for pid in (await session.exec(select(Figure.place_id).where(active()).distinct())).all()
    ]
    others: dict[int, str] = {}
    if history:
        rows = await statements(session, place_ids=place_ids)
    else:
        rows = await current_figures(session, place_ids=place_ids)
        found = disagreements(rows, await statements(session, place_ids=place_ids))
        others = {
            key: "; ".join(f"{s.source.key}: {plain_value(s.figure)}" for s in said)
            for key, said in found.items()
        }
    records = [_record(places[s.figure.place_id], s, others.get(s.figure.id, "")) for s in rows]
    import pandas as pd  # half a second to import: only when an export is asked for

    frame = pd.DataFrame(records, columns=EXPORT_COLUMNS)
    frame["_level"] = frame["area_level"].map(LEVEL_ORDER)
    frame = frame.sort_values(["_level", "area_code", "year", "measure", "group", "as_of"], kind="stable")
    return frame.drop(columns="_level").reset_index(drop=True)


def _record(place: Place, statement: Statement, others: str) -> dict[str, object]:
    """One export row."""
    figure = statement.figure
    return {
        "area_code": place.code,
        "area_name": place.name,
        "area_level": place.level,
        "year": figure.year,
        "measure": figure.measure,
        "group": figure.group,
        "value": plain_value(figure),
        "as_of": figure.as_of.isoformat(),
        "source": source_text(statement),
        "other_sources": others,
    }


class UnknownFormat(ValueError):
    """A file ending export does not write."""


def write_frame(frame: pd.DataFrame, path: Path) -> None:
    """Write the table as CSV (UTF-8, comma) or xlsx, chosen by the file's ending."""
    if path.suffix.lower() == ".xlsx":
        frame.to_excel(path, index=False, sheet_name="figures")
    elif path.suffix.lower() == ".csv":
        frame.to_csv(path, index=False, encoding="utf-8")
    else:
        raise UnknownFormat(f"export writes .csv or .xlsx, not {path.suffix or 'a file without ending'}")


async def export_figures(session: AsyncSession, path: Path, *, history: bool = False) -> int:
    """Write the figures to a file; return the number of rows."""
    frame = await export_frame(session, history=history)
    write_frame(frame, path)
    return len(frame)
