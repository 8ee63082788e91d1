"""IMDi's statistics downloads as IMDi makes them: each layout, categories, units, values, places and dates."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pytest

from store.reading import Reading, read_upload
from store.store import Store
from tests.store.test_importing import TODAY, current_value, exported, plan_for, upload
from tests.uploads import (
    IMDI_LONG,
    IMDI_MINORS_TABLE,
    IMDI_TABLE,
    IMDI_TIDY,
    csv_bytes,
    reordered,
    xlsx,
)

Figure = tuple[str, int, str, str, float | None]  # place as written, year, measure, group, value


def figures(reading: Reading) -> set[Figure]:
    """What a reading states, without rows and dates."""
    return {(e.place, e.year, e.measure, e.group, e.value) for e in reading.entries}


def long_file(encoding: str = "iso-8859-1") -> bytes:
    """The hand-made long download as IMDi sends it."""
    return csv_bytes(IMDI_LONG, encoding)


LONG_FIGURES = {
    ("1601", 2015, "requested", "all", 469.0),
    ("1601", 2015, "decided", "all", 450.0),
    ("1601", 2015, "settled", "all", 425.0),
    ("1653", 2016, "requested", "all", 30.0),
    ("1653", 2016, "requested_revised", "all", 40.0),
    ("1653", 2016, "settled", "all", 38.0),
    ("0805", 2019, "requested", "all", 0.0),
    ("0805", 2019, "settled", "all", None),
    ("9999", 2019, "settled", "all", 3.0),
    ("3806", 2020, "settled", "all", 14.0),
    ("5001", 2026, "requested", "all", 400.0),
    ("5001", 2026, "settled", "all", 212.0),
}


def test_the_long_download_means_counts_only() -> None:
    """Persons are figures, per cents never; '.' is nothing, ':' hidden, the original request beside the revised."""
    reading = read_upload(long_file(), "statistikk.csv", today=TODAY)
    assert reading.kind == "imdi" and figures(reading) == LONG_FIGURES
    assert not reading.problems


@pytest.mark.parametrize(
    ("order", "encoding", "category"),
    [
        pytest.param(
            [2, 3, 4, 0, 1, 5], "utf-8-sig", "Anmodning, vedtak og faktisk bosetting", id="utf8-bom"
        ),
        pytest.param([5, 4, 3, 2, 1, 0], "utf-8", "Bosetting", id="reversed-utf8"),
        pytest.param([1, 0, 3, 2, 4, 5], "iso-8859-1", "Bosetting", id="latin1"),
    ],
)
def test_the_long_download_is_read_in_any_column_order_encoding_and_separator(
    order: list[int], encoding: str, category: str
) -> None:
    """The headings tell the columns, never their order; ';' or ',', UTF-8 with or without BOM, or ISO-8859-1."""
    lines = [line.replace(";Bosetting;", f";{category.replace(',', '')};") for line in IMDI_LONG]
    content = csv_bytes(reordered(lines, order), encoding)
    assert figures(read_upload(content, "x.csv", today=TODAY)) == LONG_FIGURES


def test_the_table_tools_wide_download_is_read_under_its_three_heading_rows() -> None:
    """Region codes K1601 and F16, one column per category, unit and year; per cents left out."""
    reading = read_upload(csv_bytes(IMDI_TABLE, "iso-8859-1"), "tabell.csv", today=TODAY)
    assert reading.kind == "imdi_table" and figures(reading) == TABLE_FIGURES
    assert not reading.problems, "107 % is 32 of 30, 92 % is 1 100 of 1 200: no per cent differs"


TABLE_FIGURES = {
    ("1601", 2015, "requested", "all", 469.0),
    ("1601", 2016, "requested", "all", 650.0),
    ("1601", 2015, "settled", "all", 425.0),
    ("1653", 2015, "requested", "all", 30.0),
    ("1653", 2016, "requested", "all", 40.0),
    ("1653", 2015, "settled", "all", 32.0),
    ("1653", 2016, "settled", "all", None),
    ("16", 2015, "requested", "all", 1200.0),
    ("16", 2016, "requested", "all", 1500.0),
    ("16", 2015, "settled", "all", 1100.0),
}


def test_the_table_tool_reads_alike_as_xlsx_and_with_region_and_name_on_the_last_heading_row() -> None:
    """The same table as a real xlsx, and as a CSV whose 'Region;Navn' stand on the third heading row."""
    rows = [line.split(";") for line in IMDI_TABLE]
    sheet = xlsx([[int(c) if c.isdigit() else c for c in row] for row in rows])
    assert figures(read_upload(sheet, "tabell.xlsx", today=TODAY)) == TABLE_FIGURES
    moved = [
        f";;{IMDI_TABLE[0].split(';', 2)[2]}",
        IMDI_TABLE[1],
        f"Region;Navn;{IMDI_TABLE[2].split(';', 2)[2]}",
    ]
    content = csv_bytes([*moved, *IMDI_TABLE[3:]], "iso-8859-1")
    assert figures(read_upload(content, "tabell.csv", today=TODAY)) == TABLE_FIGURES


def test_the_minors_table_states_the_em_group() -> None:
    """'Bosetting enslige mindreårige: …' is the same shape, for unaccompanied minors."""
    reading = read_upload(csv_bytes(IMDI_MINORS_TABLE, "utf-8"), "em.csv", today=TODAY)
    assert figures(reading) == {
        ("1601", 2016, "requested", "em", 160.0),
        ("1601", 2016, "settled", "em", 148.0),
        ("1653", 2016, "requested", "em", 5.0),
        ("1653", 2016, "settled", "em", None),
    }


def test_the_tidy_table_names_places_and_dates_its_years() -> None:
    """'Kommune,År,Kategori,Antall' with names only and years written as their first day."""
    reading = read_upload(csv_bytes(IMDI_TIDY), "tidy.csv", today=TODAY)
    assert figures(reading) == {
        ("Trondheim", 2025, "requested", "all", 300.0),
        ("Trondheim", 2025, "settled", "all", 120.0),
        ("Melhus", 2025, "decided", "all", 25.0),
        ("Malvik", 2024, "settled", "all", 12.0),
    }


def test_a_per_cent_that_is_not_the_share_of_the_request_is_noted() -> None:
    """IMDi's 80 % beside 425 of 469 (91 %) is a note naming both; it never becomes a count."""
    lines = [line.replace("Faktisk bosetting;91", "Faktisk bosetting;80") for line in IMDI_LONG]
    reading = read_upload(csv_bytes(lines, "iso-8859-1"), "x.csv", today=TODAY)
    (note,) = reading.problems
    assert (note.key, note.error, note.row) == ("imp_percent_differs", False, 7)
    assert note.values == {"place": "1601", "year": "2015", "imdi": "80", "own": "91"}
    assert figures(reading) == LONG_FIGURES


def test_a_decimal_count_is_an_error_and_a_non_number_per_cent_is_ignored() -> None:
    """'12,5' persons cannot be; 'Inf' or '–' per cent says nothing."""
    lines = [*IMDI_LONG[:1], "Personer;2015;1601;Trondheim;Vedtak om bosetting;12,5"]
    lines += ["Prosent;2015;1601;Trondheim;Vedtak om bosetting;–"]
    reading = read_upload(csv_bytes(lines), "x.csv", today=TODAY)
    assert [(p.key, p.row, p.error) for p in reading.problems] == [("imp_not_whole", 2, True)]


def test_the_current_year_is_as_of_the_upload_and_past_years_their_last_day() -> None:
    """A weekly download is a weekly snapshot of this year; a past year's figure stands at its year's end."""
    reading = read_upload(long_file(), "x.csv", today=TODAY, as_of=date(2026, 11, 20))
    dates = {(e.place, e.year): e.as_of for e in reading.entries}
    assert dates[("5001", 2026)] == date(2026, 11, 20) and dates[("1601", 2015)] == date(2015, 12, 31)
    assert reading.restated == date(2026, 11, 20)


async def test_the_long_download_imports_through_the_register(store: Store) -> None:
    """1601 in 2015 and 5001 are Trondheim, 805 is 0805 Porsgrunn, 9999 is one note; hidden stays hidden."""
    plan = await upload(store, long_file(), "statistikk.csv")
    assert not plan.errors
    assert [(p.key, p.row) for p in plan.warnings] == [("imp_unknown_code", 19)]
    request = await current_value(store, "5028", 2016, "requested")
    revised = await current_value(store, "5028", 2016, "requested_revised")
    assert (request and request.value, revised and revised.value) == (30, 40)
    hidden = await current_value(store, "4001", 2019, "settled")
    assert hidden is not None and hidden.suppressed and hidden.value is None
    now = await current_value(store, "5001", 2026, "settled")
    assert now is not None and (now.value, now.as_of) == (212, TODAY)
    empty_name = await current_value(store, "4001", 2020, "settled")
    assert empty_name is not None and empty_name.value == 14


async def test_unknown_numbers_are_one_note_with_their_count(store: Store) -> None:
    """9999 and numbers no register knows: a note per row of one kind, never an error."""
    lines = [
        *IMDI_LONG[:2],
        *(f"Personer;2019;{code};;Faktisk bosetting;3" for code in ("9999", "4321", "9999")),
    ]
    plan = await plan_for(store, csv_bytes(lines), "x.csv")
    assert not plan.errors and plan.counts().total() == plan.counts()["unchanged"] == 1
    assert [(kind.key, count) for kind, count in plan.warnings.counts().items()] == [("imp_unknown_code", 3)]


async def test_a_revised_past_figure_is_a_statement_as_of_the_upload_beside_the_old_one(store: Store) -> None:
    """Trondheim settled 2015: its own report says 495; IMDi's 425 is kept beside it, as of the upload."""
    plan = await upload(store, long_file(), "statistikk.csv", as_of=date(2026, 11, 20))
    changed = next(d for d in plan.written if d.entry.measure == "settled" and d.entry.year == 2015)
    assert (changed.kind, changed.old, changed.entry.as_of) == ("changed", 495, date(2026, 11, 20))
    settled = await current_value(store, "5001", 2015, "settled")
    assert settled is not None and settled.value == 425
    again = await plan_for(store, long_file(), "statistikk.csv", as_of=date(2026, 11, 23))
    assert not again.written, "an unchanged download adds nothing, whatever its date"


async def test_weekly_downloads_become_weekly_snapshots_of_this_year(store: Store) -> None:
    """This year's settled count rises from one week's download to the next: two statements, the latest current."""
    await upload(store, long_file(), "uke47.csv", as_of=date(2026, 11, 16))
    rising = [line.replace("Faktisk bosetting;212", "Faktisk bosetting;230") for line in IMDI_LONG]
    plan = await upload(store, csv_bytes(rising, "iso-8859-1"), "uke48.csv", as_of=date(2026, 11, 23))
    assert [(d.old, d.entry.value, d.entry.as_of) for d in plan.written] == [(212, 230, date(2026, 11, 23))]


async def test_the_table_tools_counties_are_their_stated_totals(store: Store) -> None:
    """F16 is Sør-Trøndelag: stored as its total without a partial-sum note; K-codes as municipalities."""
    plan = await upload(store, csv_bytes(IMDI_TABLE, "iso-8859-1"), "tabell.csv")
    assert not plan.errors and not plan.warnings
    county = await current_value(store, "16", 2016, "requested")
    assert county is not None and county.value == 1500


def test_a_date_in_the_file_name_is_the_uploads_date() -> None:
    """'bosetting-2026-11-16.csv' is as of 16 November 2026 unless a date is given."""
    named = read_upload(long_file(), "bosetting-2026-11-16.csv", today=TODAY)
    given = read_upload(long_file(), "bosetting-2026-11-16.csv", today=TODAY, as_of=date(2026, 11, 20))
    assert {e.as_of for e in named.entries if e.year == 2026} == {date(2026, 11, 16)}
    assert {e.as_of for e in given.entries if e.year == 2026} == {date(2026, 11, 20)}


async def test_names_with_imdis_suffixes_are_the_register_places(store: Store) -> None:
    """'(t.o.m. 2019)' and '(f.o.m. 2020)' go; '(Østf.)' tells which Våler: the register's 'Våler (Østfold)'."""
    lines = [
        "Kommune,År,Kategori,Antall",
        "Våler (Østf.),2019-01-01,Faktisk bosetting,7",
        "Våler (Hedm.),2019-01-01,Faktisk bosetting,3",
        "Melhus (t.o.m. 2019),2019-01-01,Faktisk bosetting,21",
        "Trondheim (f.o.m. 2020),2021-01-01,Faktisk bosetting,301",
    ]
    plan = await upload(store, csv_bytes(lines), "tidy.csv")
    assert not plan.problems
    places = {(d.place.name, d.place.code, d.entry.value) for d in plan.written}
    assert {(name, value) for name, _, value in places} == {
        ("Våler (Østfold)", 7),
        ("Våler (Innlandet)", 3),
        ("Melhus", 21),
        ("Trondheim", 301),
    }
    assert len({code for _, code, _ in places}) == 4


async def test_the_export_names_the_other_source_of_a_figure_it_states_differently(store: Store) -> None:
    """Trondheim settled 2015: the export's 425 (IMDi) says 'seed-004: 495' beside it; other rows say nothing."""
    await upload(store, long_file(), "statistikk.csv")
    frame = pd.read_csv(io.BytesIO(await exported(store)), dtype=str, keep_default_na=False)
    row = frame[
        (frame.area_code == "5001")
        & (frame.year == "2015")
        & (frame.measure == "settled")
        & (frame.group == "all")
    ]
    assert (row.value.tolist(), row.other_sources.tolist()) == (["425"], ["seed-004: 495"])
    assert (frame.other_sources != "").sum() == 1


CATEGORIES = (
    "Anmodning om bosetting",
    "Vedtak om bosetting",
    "Faktisk bosetting",
    "Faktisk bosetting (sammenslått for tidligere fylker)",
)


def test_a_table_tool_export_of_226_columns_is_read() -> None:
    """1995–2022, four categories in persons and per cent: 226 columns (the old limit was 200)."""
    combinations = [(c, u, y) for y in range(1995, 2023) for c in CATEGORIES for u in ("Personer", "Prosent")]
    heading_rows = [
        "Region;Navn;" + ";".join(f"Bosetting: {c}" for c, _, _ in combinations),
        ";;" + ";".join(f"Enhet: {u}" for _, u, _ in combinations),
        ";;" + ";".join(f"År: {y}" for _, _, y in combinations),
    ]
    values = ";".join("100" if unit == "Prosent" else "20" for _, unit, _ in combinations)
    rows = [f"K{code};;{values}" for code in ("1601", "1653", "1663")]
    reading = read_upload(csv_bytes([*heading_rows, *rows], "iso-8859-1"), "tabell.csv", today=TODAY)
    assert len(combinations) + 2 == 226 and not reading.problems
    assert len(reading.entries) == 3 * 28 * 3, (
        "request, decision and settled; the merged count only stands in"
    )
