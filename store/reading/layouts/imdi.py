"""IMDi's CSV download: one row per municipality, measure, unit and year."""

from __future__ import annotations

from datetime import date

from store.names import normalise
from store.reading.cells import columns_by_key, group_of, measure_of, padded, read_number, read_year
from store.reading.results import Entry, Problem, Reading
from store.reading.safety import Table

MEASURE_HEADING = "anmodning vedtak og faktisk bosetting"


class ImdiLayout:
    """IMDi's long CSV: the measure and unit name a row's figure; 'Antall' holds it."""

    name = "imdi"

    def recognises(self, keys: list[str]) -> bool:
        """Whether IMDi's measure, count and year headings are there."""
        return MEASURE_HEADING in keys and "antall" in keys and "ar" in keys

    def read(self, table: Table, reading: Reading, *, today: date, as_of: date | None) -> None:
        """One entry per row, as of the given date or the end of its year (never after today)."""
        columns = columns_by_key(table.frame)
        for row, record in zip(table.rows, table.frame.to_dict("records"), strict=True):
            label = normalise(
                f"{record[columns[MEASURE_HEADING]]} {record.get(columns.get('enhet', ''), '')}"
            )
            measure = measure_of(label)
            year = read_year(record[columns["ar"]], row, reading)
            if measure is None:
                reading.problems.append(Problem(row, "imp_unknown_measure", {"text": label[:60]}))
                continue
            stated, value = read_number(record[columns["antall"]], row, measure, reading)
            if year is None or not stated:
                continue
            place = record.get(columns.get("kommunenummer", ""), "") or record.get(
                columns.get("kommune", ""), ""
            )
            when = as_of or min(today, date(year, 12, 31))
            reading.entries.append(Entry(row, padded(place), year, measure, group_of(label), value, when))
