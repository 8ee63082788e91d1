"""Reading uploads: each layout told by its headings and read to the right entries; each safety check."""

from __future__ import annotations

import io
import itertools
import random
import struct
import zipfile
from datetime import date

import pytest
from openpyxl.utils import get_column_letter

from store.names import normalise
from store.reading import Entries, Entry, Kind, Problem, Problems, Reading, Refused, read_upload, results
from store.reading.layouts import LAYOUTS, WIDE, layout_of
from store.reading.safety import (
    MAX_BYTES,
    MAX_CELL,
    MAX_COLUMNS,
    MAX_RATIO,
    MAX_ROWS,
    MAX_UNZIPPED,
    table_from_file,
)
from tests.uploads import (
    IMDI_HEADER,
    SEED_HEADER,
    Cell,
    csv_bytes,
    damaged_xlsx,
    imdi_csv,
    long_cell,
    lying_xlsx,
    seed_table,
    with_entities,
    with_macros,
    xlsx,
    zip_bomb,
)

TODAY = date(2026, 11, 23)
EXPORT_HEADINGS = ["area_code", "year", "measure", "group", "value", "as_of"]
IMDI_HEADINGS = IMDI_HEADER.split(";")
WIDE_HEADINGS = ["Kommune", "Anmodning 2016", "inkl EM", "Vedtak 2015"]


def read(content: bytes, filename: str = "t.csv", as_of: date | None = None) -> Reading:
    """A file read as an upload is, on the tests' today."""
    return read_upload(content, filename, today=TODAY, as_of=as_of)


def refusal(content: bytes, filename: str = "t.csv") -> Refused:
    """The refusal a file gets (the test fails if it is read)."""
    with pytest.raises(Refused) as caught:
        read(content, filename)
    return caught.value


def figures(reading: Reading) -> list[tuple[object, ...]]:
    """The entries as (row, place, year, measure, group, value, as-of)."""
    return [(e.row, e.place, e.year, e.measure, e.group, e.value, e.as_of) for e in reading.entries]


def with_part(content: bytes, name: str, data: bytes) -> bytes:
    """An xlsx with one more part in its archive."""
    buffer = io.BytesIO(content)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


def declaring_size(content: bytes, name: str, size: int) -> bytes:
    """An archive whose central directory claims another unpacked size for one part."""
    patched = bytearray(content)
    header = patched.rindex(name.encode()) - 46  # a central directory entry's name follows 46 bytes
    assert patched[header : header + 4] == b"PK\x01\x02"
    struct.pack_into("<I", patched, header + 24, size)
    return bytes(patched)


# --- layouts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headings", "name"),
    [(EXPORT_HEADINGS, "export"), (IMDI_HEADINGS, "imdi"), (WIDE_HEADINGS, "table")],
    ids=["export", "imdi", "wide"],
)
def test_a_layout_is_recognised_by_its_headings_in_any_order(headings: list[str], name: str) -> None:
    """Every order of a layout's headings is told as that layout."""
    for order in itertools.permutations(headings):
        layout = layout_of(list(order))
        assert layout is not None and layout.name == name, order


@pytest.mark.parametrize(
    "headings",
    [
        ["area_code", "year", "measure", "group"],  # the export without its values
        ["Anmodning 2016", "Vedtak 2015"],  # measures, but no place
        ["Kommune", "Merknad"],  # a place, but no measure
        ["Kommunenummer", "År", "Antall"],  # IMDi's, without the column naming the measure
    ],
    ids=["export-without-value", "no-place", "no-measure", "imdi-without-measure"],
)
def test_headings_of_no_layout_are_not_recognised(headings: list[str]) -> None:
    """A header row missing what a layout needs is none of them, and such a file is refused."""
    assert layout_of(headings) is None
    assert refusal(csv_bytes([";".join(headings), ";".join("1" for _ in headings)])).key == "imp_columns"


def test_imdi_is_tried_before_the_wide_table_whose_headings_it_also_has() -> None:
    """IMDi's headings name a place and a measure too, so the order of LAYOUTS matters."""
    assert WIDE.recognises([normalise(heading) for heading in IMDI_HEADINGS])
    assert LAYOUTS.index(WIDE) == len(LAYOUTS) - 1


@pytest.mark.parametrize("filename", ["export.csv", "imdi.txt", "tabell", "figures.xlsx.csv"])
def test_the_file_name_does_not_choose_the_layout(filename: str) -> None:
    """IMDi's CSV is IMDi's whatever it is called."""
    reading = read(imdi_csv(["5001;Trondheim;Anmodning;Personer;2024;25"]), filename)
    assert reading.kind == "imdi" and figures(reading) == [
        (2, "5001", 2024, "requested", "all", 25, date(2024, 12, 31))
    ]


def test_export_rows_are_read_in_any_column_order() -> None:
    """The export's columns reversed: each row one figure, ':' hidden, an empty group is everyone."""
    content = csv_bytes(
        [
            ",".join(reversed(EXPORT_HEADINGS)),
            "2015-12-31,495,all,settled,2015,5001",
            "10.12.2015,:,em,requested,2016,5001",
            "2015-12-31,30,,decided,2015,5028",
        ]
    )
    reading = read(content)
    assert reading.kind == "export" and not reading.problems
    assert figures(reading) == [
        (2, "5001", 2015, "settled", "all", 495, date(2015, 12, 31)),
        (3, "5001", 2016, "requested", "em", None, date(2015, 12, 10)),
        (4, "5028", 2015, "decided", "all", 30, date(2015, 12, 31)),
    ]


def test_export_without_as_of_asks_for_a_date_and_uses_the_one_given() -> None:
    """No as_of column: the admin is asked, and the given date is every row's."""
    content = csv_bytes(["value;group;year;area_code;measure", "12;all;2024;5001;settled"])
    assert read(content).needs_date and not read(content).entries
    given = date(2024, 6, 1)
    assert figures(read(content, as_of=given)) == [(2, "5001", 2024, "settled", "all", 12, given)]


def test_imdi_rows_are_read_in_any_column_order() -> None:
    """IMDi's columns shuffled: measure and unit name the figure, a dropped leading zero is restored."""
    header = "Antall;År;Enhet;Anmodning, vedtak og faktisk bosetting;Kommune;Kommunenummer"
    rows = ["12;2024;Enslige mindreårige;Faktisk bosetting;Oslo;301", "5;2026;Personer;Vedtak;Trondheim;5001"]
    reading = read(csv_bytes([header, *rows], encoding="iso-8859-1"))
    assert reading.kind == "imdi" and not reading.problems
    assert figures(reading) == [
        (2, "0301", 2024, "settled", "em", 12, date(2024, 12, 31)),
        (3, "5001", 2026, "decided", "all", 5, TODAY),  # this year's figures are as of today
    ]


@pytest.mark.parametrize(
    "order", [[0, 1, 2, 3], [1, 2, 3, 0], [3, 0, 1, 2]], ids=["place-first", "place-last", "place-between"]
)
def test_wide_rows_are_read_in_any_column_order(order: list[int]) -> None:
    """A seed-shaped sheet: wherever the place column is, each value column gives its figure."""
    header: list[Cell] = ["Kommune", "Vedtak 2015", "inkl EM", "Bosatte pr 01.12"]
    rows: list[list[Cell]] = [header, ["Malvik", 25, 5, 20], ["Sum", 25, 5, 20]]
    reading = read(xlsx([[row[i] for i in order] for row in rows], caption="Status pr 10.12.2015"), "t.xlsx")
    assert reading.kind == "table"
    assert sorted(figures(reading), key=str) == [
        (3, "Malvik", 2015, "decided", "all", 25, date(2015, 12, 10)),
        (3, "Malvik", 2015, "decided", "em", 5, date(2015, 12, 10)),
        (3, "Malvik", 2015, "settled", "all", 20, date(2015, 12, 1)),
    ]
    assert [(p.row, p.key) for p in reading.problems] == [(4, "imp_total_row")]


def test_wide_of_which_columns_follow_the_measure_before_them() -> None:
    """'inkl EM' after a request is the request's EM share; after a decision, the decision's."""
    rows: list[list[Cell]] = [["inkl EM", "Anmodning 2016", "inkl EM", "Kommune"], [1, 30, 5, "Malvik"]]
    reading = read(xlsx(rows, caption="pr 10.12.2015"), "t.xlsx")
    assert [(e.measure, e.group, e.value) for e in reading.entries] == [
        ("requested", "all", 30),
        ("requested", "em", 5),
    ]
    assert [(p.key, p.values) for p in reading.problems] == [
        ("imp_column_ignored", {"column": "inkl EM"})  # nothing before it to follow
    ]


# --- safety ------------------------------------------------------------------------------------


def test_a_file_over_the_byte_limit_is_refused_and_one_at_it_is_read() -> None:
    """The limit is on the bytes as uploaded; blank lines count."""
    table = b"Kommune;Vedtak 2015 pr 10.12.2015\nMalvik;25\n"

    def padded_to(size: int) -> bytes:
        blank = size - len(table)
        return table + (b" " * 999 + b"\n") * (blank // 1000) + b" " * (blank % 1000)

    assert [e.value for e in read(padded_to(MAX_BYTES)).entries] == [25]
    too_big = refusal(padded_to(MAX_BYTES + 1))
    assert (too_big.key, too_big.values) == ("imp_too_big", {"size": "20.0", "limit": "20"})


def test_a_table_over_the_row_limit_is_refused_and_one_at_it_is_read() -> None:
    """MAX_ROWS data rows are a table; one more is not."""

    def rows(count: int) -> bytes:
        return csv_bytes(["Kommune;Vedtak 2015", *(["Malvik;1"] * count)])

    table = table_from_file(rows(MAX_ROWS), "t.csv", is_header=lambda row: row[0] == "Kommune")
    assert len(table.cells) == MAX_ROWS and table.rows[-1] == MAX_ROWS + 1
    assert refusal(rows(MAX_ROWS + 1)).key == "imp_too_many_rows"


@pytest.mark.parametrize("filename", ["t.csv", "t.xlsx"])
def test_a_table_over_the_column_limit_is_refused_and_one_at_it_is_read(filename: str) -> None:
    """MAX_COLUMNS columns are a table; one more is not, in a CSV and in a sheet alike."""

    def columns(count: int) -> bytes:
        # column letters, not numbers: "Vedtak 1000" would name a year
        header: list[Cell] = ["Kommune", *(f"Vedtak {get_column_letter(n)}" for n in range(1, count))]
        rows: list[list[Cell]] = [header, ["Malvik", *([1] * (count - 1))]]
        if filename.endswith(".xlsx"):
            return xlsx(rows, caption="pr 10.12.2015")
        return csv_bytes(["pr 10.12.2015", *(";".join(str(cell) for cell in row) for row in rows)])

    assert len(read(columns(MAX_COLUMNS), filename).entries) == MAX_COLUMNS - 1
    too_wide = refusal(columns(MAX_COLUMNS + 1), filename)
    assert (too_wide.key, too_wide.values) == ("imp_too_many_columns", {"limit": str(MAX_COLUMNS)})


def test_zip_bombs_are_refused_by_ratio_and_by_total_size() -> None:
    """One part packed beyond the ratio, or parts unpacking to more than the total, is a bomb."""
    assert refusal(zip_bomb(), "t.xlsx").key == "imp_zip_bomb"
    noise = random.Random(0).randbytes(MAX_UNZIPPED // MAX_RATIO + 100_000)  # does not pack at all
    honest = with_part(seed_table(), "xl/media/noise.bin", noise)
    assert read(honest, "t.xlsx").entries
    claimed = declaring_size(honest, "xl/media/noise.bin", MAX_UNZIPPED + 1)  # within the ratio alone
    assert refusal(claimed, "t.xlsx").key == "imp_zip_bomb"


@pytest.mark.parametrize(
    ("content", "filename", "key"),
    [
        (with_macros(), "t.xlsx", "imp_macros"),
        (with_part(seed_table(), "xl/activeX/activeX1.xml", b"<ax/>"), "t.xlsx", "imp_macros"),
        (seed_table(), "t.xlsm", "imp_file_type"),
        (with_entities(), "t.xlsx", "imp_xml_entities"),
        (with_macros(), "t.csv", "imp_macros"),  # a zip archive is read as one whatever its name
    ],
    ids=["vba-project", "activex", "xlsm-ending", "xml-entities", "xlsx-named-csv"],
)
def test_workbooks_that_can_run_code_are_refused(content: bytes, filename: str, key: str) -> None:
    """Macros, ActiveX controls and XML entities never reach openpyxl's reading."""
    assert refusal(content, filename).key == key


def test_a_formula_is_refused_naming_its_cell() -> None:
    """A formula's value is whatever Excel last saved, or nothing: the sheet is refused at the cell."""
    content = xlsx([SEED_HEADER, ["Malvik", 30, 5, 1, "=B3*2", 10]], caption="pr 10.12.15")
    refused = refusal(content, "t.xlsx")
    assert (refused.key, refused.values) == ("imp_formula", {"cell": "E3"})


@pytest.mark.parametrize(
    ("merge", "cell"),
    [("A1:D1", None), ("B2:C2", "B2"), ("A3:A4", "A3"), ("B3:B4", "B3")],
    ids=["caption", "headings", "places", "values"],
)
def test_merged_cells_are_refused_below_the_caption(merge: str, cell: str | None) -> None:
    """A merged caption is fine; merged headings or values would hide cells, so the sheet is refused."""
    rows: list[list[Cell]] = [["Kommune", "Vedtak 2015"], ["Malvik", 25], ["Melhus", 30]]
    content = xlsx(rows, caption="pr 10.12.2015", merge=merge)
    if cell is None:
        assert [e.value for e in read(content, "t.xlsx").entries] == [25, 30]
    else:
        refused = refusal(content, "t.xlsx")
        assert (refused.key, refused.values) == ("imp_merged", {"cell": cell})


@pytest.mark.parametrize(
    ("encoding", "note"),
    [
        ("utf-8", "sjekket – ok"),
        ("utf-8-sig", "sjekket – ok"),
        ("cp1252", "sjekket – ok"),
        ("iso-8859-1", "ok"),
    ],
    ids=["utf-8", "utf-8-with-bom", "windows-1252", "iso-8859-1"],
)
def test_csv_encodings_are_decoded_to_the_same_text(encoding: str, note: str) -> None:
    """UTF-8 (with or without BOM), Excel's Windows-1252 and IMDi's ISO-8859-1 give the same cells."""
    content = csv_bytes(["Kommune;Vedtak 2015 pr 10.12.2015;Merknad", f"Bærum;25;{note}"], encoding=encoding)
    table = table_from_file(content, "t.csv", is_header=lambda row: "Merknad" in row)
    assert table.headings == ["Kommune", "Vedtak 2015 pr 10.12.2015", "Merknad"]  # no BOM
    assert table.cells == [["Bærum", "25", note]]
    assert [(e.place, e.value) for e in read(content).entries] == [("Bærum", 25)]


@pytest.mark.parametrize(
    "content",
    [
        "Kommune;Vedtak 2015\nMalvik;25\n".encode("utf-16"),
        b"Kommune;Vedtak 2015\nMal\x07vik;25\n",
        b"\x81" * 10,
    ],
    ids=["utf-16", "control-character", "undefined-in-windows-1252"],
)
def test_text_with_control_characters_is_refused(content: bytes) -> None:
    """Control characters mean a binary file or an unknown encoding, never a table."""
    assert refusal(content).key == "imp_encoding"


def test_the_table_keeps_its_caption_and_the_file_row_numbers() -> None:
    """Safety needs only a header test: lines above are the caption, blank rows go, row numbers stay."""
    content = csv_bytes(["Tittel", "", "A;B", " x ;1", "", " y;2"])
    table = table_from_file(content, "t.txt", is_header=lambda row: row == ["A", "B"])
    assert table.caption == "Tittel "
    assert table.cells == [["x", "1"], ["y", "2"]] and table.rows == [4, 6]


# --- values, years, archives and large files ---------------------------------------------------


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("1e308", "imp_too_large"),
        ("1000000", "imp_too_large"),
        ("1e3", "imp_not_digits"),
        ("1_000", "imp_not_digits"),
        ("nan", "imp_not_number"),
        ("inf", "imp_not_number"),
        ("-5", "imp_negative"),
        ("12,5", "imp_not_whole"),
    ],
)
def test_counts_are_whole_plain_and_plausible(value: str, key: str) -> None:
    """A count that is huge, in exponent notation, not a number, negative or a fraction is an error naming its cell."""
    reading = read(csv_bytes(["Kommune;Vedtak 2015 pr 10.12.2015", f"Malvik;{value}", "Melhus;999999"]))
    assert [(p.row, p.key, p.column, p.value) for p in reading.problems] == [
        (2, key, "Vedtak 2015 pr 10.12.2015", value)
    ]
    assert figures(reading) == [(3, "Melhus", 2015, "decided", "all", 999_999, date(2015, 12, 10))]


def test_figures_about_the_world_and_shares_have_their_own_bounds() -> None:
    """The seed's 60 million displaced are plausible; a share above 100 % is not, a share with decimals is."""
    lines = [
        "area_code,year,measure,group,value,as_of",
        "NO,2015,displaced,all,60000000,2015-12-31",
        "5001,2015,intro_result_pct,all,61.5,2015-12-31",
        "5001,2016,intro_result_pct,all,101,2016-12-31",
    ]
    reading = read(csv_bytes(lines))
    assert [e.value for e in reading.entries] == [60_000_000, 61.5]
    assert [(p.row, p.key) for p in reading.problems] == [(4, "imp_too_large")]


@pytest.mark.parametrize(
    ("heading", "year"),
    [("Anmodning 1900", "1900"), ("Vedtak 2999", "2999"), ("Vedtak 2028 pr 01.11.2026", "2028")],
)
def test_a_heading_naming_an_impossible_year_is_an_error_naming_it(heading: str, year: str) -> None:
    """The year a heading names is checked once for the column, never replaced by the caption's year."""
    reading = read(csv_bytes(["pr 01.11.2026", f"Kommune;{heading};Vedtak 2027", "Malvik;5;6"]))
    assert [(p.row, p.key, p.values) for p in reading.problems] == [
        (0, "imp_impossible_year_column", {"column": heading, "year": year})
    ]
    assert [(e.year, e.value) for e in reading.entries] == [(2027, 6)]  # next year's request is fine


def test_years_in_rows_must_be_possible() -> None:
    """The export's and IMDi's year cells: before 1977 or after next year is an error naming the row."""
    export = "area_code,year,measure,group,value,as_of"
    reading = read(
        csv_bytes([export, "5001,1976,settled,all,5,1976-12-31", "5001,2028,settled,all,5,2026-01-01"])
    )
    assert [(p.row, p.key, p.value) for p in reading.problems] == [
        (2, "imp_impossible_year", "1976"),
        (3, "imp_impossible_year", "2028"),
    ]
    assert not reading.entries


def test_every_flipped_byte_of_a_sheet_is_a_damaged_file() -> None:
    """Wherever a byte of the packed sheet is damaged, the file is refused as damaged, never with an exception."""
    content = seed_table()
    archive = zipfile.ZipFile(io.BytesIO(content))
    part = archive.getinfo("xl/worksheets/sheet1.xml")
    start = content.index(b"xl/worksheets/sheet1.xml", part.header_offset) + len(part.filename)
    for at in range(start, start + part.compress_size, 7):
        damaged = bytearray(content)
        damaged[at] ^= 0xFF
        assert refusal(bytes(damaged), "t.xlsx").key == "imp_damaged", at


def test_a_zip_declaring_its_sheet_smaller_is_unsafe_not_damaged() -> None:
    """Intact data behind headers that lie about its size: an unsafe archive (it would slip past the bomb check)."""
    assert refusal(lying_xlsx(), "t.xlsx").key == "imp_unsafe_archive"
    assert refusal(damaged_xlsx(), "t.xlsx").key == "imp_damaged"


@pytest.mark.parametrize("ending", ["xlsx", "csv"])
def test_a_cell_longer_than_any_table_cell_is_refused_naming_it(ending: str) -> None:
    """A 9 MB cell: refused with the cell and the limit, in a spreadsheet and in a CSV file."""
    refused = refusal(long_cell(ending), f"t.{ending}")
    assert refused.key == "imp_cell_too_long" and refused.values == {"cell": "B3", "limit": str(MAX_CELL)}


def test_problems_beyond_the_listed_ones_are_counted_and_every_kind_is_listed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past the cap a problem is only counted, unless it is the first of its kind."""
    monkeypatch.setattr(results, "MAX_LISTED", 3)
    problems = Problems(Problem(row, "imp_not_number", column="Vedtak") for row in range(2, 12))
    problems.append(Problem(20, "imp_negative", column="Vedtak"))
    assert [p.row for p in problems] == [2, 3, 4, 20] and len(problems) == 11
    assert problems.counts() == {
        Kind("imp_not_number", "Vedtak", True): 10,
        Kind("imp_negative", "Vedtak", True): 1,
    }
    assert problems.blocking and not problems.chosen(error=False)
    merged = problems.merged(Problems([Problem(1, "imp_not_number", column="Vedtak")]))
    assert [p.row for p in merged] == [1, 2, 3, 20] and len(merged) == 12
    assert merged.counts()[Kind("imp_not_number", "Vedtak", True)] == 11


def test_entries_are_read_back_as_they_were_added() -> None:
    """The compact store gives back the same entries, hidden values included."""
    given = [
        Entry(3, "Malvik", 2015, "decided", "all", 25, date(2015, 12, 10)),
        Entry(4, "5001", 2016, "requested", "em", None, date(2015, 12, 10)),
        Entry(5, "Malvik", 2016, "requested", "em", 2, date(2015, 12, 10)),
    ]
    entries = Entries()
    for entry in given:
        entries.append(entry)
    assert list(entries) == given and len(entries) == 3
    assert entries.places_and_years() == {("Malvik", 2015), ("5001", 2016), ("Malvik", 2016)}
