"""The nightly refresh against a local HTTP server serving IMDi's files: saved, nothing new, failures said once."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import col, func, select

from bot.refresh import refresh
from store.models import Change, Figure, Source
from store.store import Store
from tests.conftest import Files
from tests.uploads import IMDI_LONG, csv_bytes

TODAY = date(2026, 11, 23)


async def audit_entries(store: Store) -> list[Change]:
    """The audit log, oldest first."""
    async with store.unit() as session:
        return list((await session.exec(select(Change).order_by(col(Change.id)))).all())


async def figures_of(store: Store, source_key: str) -> int:
    """How many statements a source has."""
    async with store.unit() as session:
        query = select(func.count()).select_from(Figure).join(Source).where(Source.key == source_key)
        return (await session.exec(query)).one()


async def test_a_new_download_is_saved_under_imdi_and_its_date(store: Store, imdi: tuple[str, Files]) -> None:
    """The long CSV is imported as an upload is, under 'imdi:<date>', with one audit entry and one message."""
    url, files = imdi
    files["/bosetting.csv"] = csv_bytes(IMDI_LONG, "iso-8859-1")
    before = len(await audit_entries(store))
    outcome = await refresh(store, f"{url}/bosetting.csv", TODAY)
    assert outcome.key == "refresh_saved" and outcome.plan is not None
    assert await figures_of(store, "imdi:2026-11-23") == len(outcome.plan.written) > 0
    (entry,) = (await audit_entries(store))[before:]
    assert entry.action == "import" and entry.summary.startswith("imdi:2026-11-23")
    message = outcome.message("nb")
    assert "lagret" in message and f"#{entry.id}" in message and "Bosatt" in message and len(message) < 4096


async def test_the_same_download_again_says_nothing_new(store: Store, imdi: tuple[str, Files]) -> None:
    """The next night's identical file adds nothing, is audited once, and says so."""
    url, files = imdi
    files["/bosetting.csv"] = csv_bytes(IMDI_LONG, "iso-8859-1")
    await refresh(store, f"{url}/bosetting.csv", TODAY)
    before = len(await audit_entries(store))
    outcome = await refresh(store, f"{url}/bosetting.csv", date(2026, 11, 24))
    assert outcome.key == "refresh_nothing" and "ingenting nytt" in outcome.message("nb")
    assert [c.action for c in (await audit_entries(store))[before:]] == ["refresh"]
    assert await figures_of(store, "imdi:2026-11-24") == 0


@pytest.mark.parametrize(
    ("path", "content", "key", "said"),
    [
        pytest.param("/missing.csv", None, "refresh_download", "HTTP 404", id="http-404"),
        pytest.param(
            "/changed.csv",
            csv_bytes(["Fylke;Aar;Verdi", "Trøndelag;2026;5"]),
            "refresh_refused",
            "overskriftsrad",
            id="changed-layout",
        ),
        pytest.param(
            "/seed-shaped.csv",
            csv_bytes(["Kommune;Anmodning 2026 pr 01.11.2026", "Trondheim;5"]),
            "refresh_layout",
            "IMDI_CSV_URL",
            id="another-layout",
        ),
        pytest.param(
            "/errors.csv",
            csv_bytes([*IMDI_LONG[:1], "Personer;2026;5001;Trondheim;Faktisk bosetting;12,5"]),
            "refresh_errors",
            "1 feil",
            id="errors",
        ),
    ],
)
async def test_a_failed_refresh_changes_nothing_and_says_why(
    store: Store, imdi: tuple[str, Files], path: str, content: bytes | None, key: str, said: str
) -> None:
    """A missing file, a changed layout or errors: no figure written, one audit entry, the reason told."""
    url, files = imdi
    if content is not None:
        files[path] = content
    before = len(await audit_entries(store))
    outcome = await refresh(store, f"{url}{path}", TODAY)
    assert outcome.key == key and said in outcome.message("nb")
    assert [c.action for c in (await audit_entries(store))[before:]] == ["refresh"]
    assert await figures_of(store, "imdi:2026-11-23") == 0


async def test_an_unreachable_server_is_a_download_failure(store: Store) -> None:
    """Nothing listens: the connection error is named, never raised."""
    outcome = await refresh(store, "http://127.0.0.1:9/bosetting.csv", TODAY)
    assert outcome.key == "refresh_download" and "ConnectError" in outcome.message("en")
