"""A national-size long IMDi download made from the register: every municipality of each year, 1995–2023.

Shaped as IMDi's file of 2023 (`Enhet;År;Kommunenummer;Kommune;Bosetting;Antall`, ISO-8859-1, about
75 000 rows): three categories in persons and per cent of the request, codes of each year written
without their leading zero as IMDi's are, names of former municipalities with `(t.o.m. <year>)`,
`:` for small hidden counts, `.` where there is no figure, and `9999` for settlements of no known
municipality. Used by the benches and by the tests that need a file of the real size.
"""

from __future__ import annotations

import csv
import random
import sys
from datetime import date
from functools import cache
from pathlib import Path

REGISTER = Path(__file__).resolve().parents[1] / "store" / "data" / "register"
HEADER = "Enhet;År;Kommunenummer;Kommune;Bosetting;Antall"
CATEGORIES = ("Anmodning om bosetting", "Vedtak om bosetting", "Faktisk bosetting")
YEARS = range(1995, 2024)
FIRST_VERSION = date(2008, 1, 1)


def municipalities_of(year: int) -> list[tuple[str, str, int | None]]:
    """(code, name, last year) of every municipality of a year; before 2008, those of 2008."""
    versions = _versions()
    valid = [start for start in versions if start <= max(date(year, 1, 1), FIRST_VERSION)]
    return versions[max(valid)]


@cache
def _versions() -> dict[date, list[tuple[str, str, int | None]]]:
    """The register's municipalities by the day each version began (read once)."""
    versions: dict[date, list[tuple[str, str, int | None]]] = {}
    with (REGISTER / "kommuner_versjoner_2008_2024.csv").open(encoding="utf-8") as lines:
        for row in csv.DictReader(lines):
            end = row["versjon_gyldig_til"]
            last = date.fromisoformat(end).year - 1 if end else None
            start = date.fromisoformat(row["versjon_gyldig_fra"])
            if row["kommunenummer"] != "9999":
                versions.setdefault(start, []).append((row["kommunenummer"], row["kommunenavn"], last))
    return versions


def national_rows(seed: int = 1) -> list[str]:
    """The rows of the file, under its header."""
    rng = random.Random(seed)
    rows = [HEADER]
    for year in YEARS:
        for code, name, last in municipalities_of(year):
            rows += _municipality_rows(rng, year, code.lstrip("0"), _named(name, last), year < 2002)
        rows += [f"Personer;{year};9999;Uoppgitt;Faktisk bosetting;{rng.randint(1, 30)}"]
    return rows


def _named(name: str, last: int | None) -> str:
    """A name as IMDi writes a former municipality's: 'Trondheim (t.o.m. 2019)'."""
    return name if last is None or last >= 2023 else f"{name} (t.o.m. {last})"


def _municipality_rows(rng: random.Random, year: int, code: str, name: str, undecided: bool) -> list[str]:
    """Six rows of one municipality and year: request, decision and settled, in persons and per cent."""
    request = rng.randint(0, 400)
    decided = max(0, request - rng.randint(0, 30))
    settled = max(0, decided - rng.randint(-10, 40))
    rows = []
    for category, count in zip(CATEGORIES, (request, decided, settled), strict=True):
        shown = "." if undecided and category == CATEGORIES[1] else ":" if 0 < count < 3 else str(count)
        share = "Inf" if request == 0 else f"{100 * count / request:.0f}"
        rows.append(f"Personer;{year};{code};{name};{category};{shown}")
        rows.append(f"Prosent;{year};{code};{name};{category};{'.' if shown == '.' else share}")
    return rows


def national_csv(seed: int = 1) -> bytes:
    """The whole file as IMDi sends it: ISO-8859-1 (a Sámi letter it cannot write becomes '?')."""
    return ("\r\n".join(national_rows(seed)) + "\r\n").encode("iso-8859-1", errors="replace")


def main() -> None:
    """Write the file to the path given, for uploading by hand or through the CLI."""
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "imdi-national.csv")
    target.write_bytes(national_csv())
    print(f"{target}: {len(national_rows()) - 1:,} rows, {target.stat().st_size / 2**20:.1f} MB")


if __name__ == "__main__":
    main()
