"""Admin commands and uploads through the assistant: preview, confirm, undo, audit, export, refusals."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from bot.__main__ import main as cli
from bot.assistant import Assistant
from bot.caller import Caller
from bot.render import plain
from bot.replies import Reply
from store.export import export_frame
from store.store import Store
from tests.conftest import COORDINATOR_ID, OSLO
from tests.databases import copy_sqlite
from tests.uploads import IMDI_LONG, bad_files, csv_bytes, imdi_csv, seed_table, xlsx

STRANGER_ID = 3003


async def export_text(assistant: Assistant) -> str:
    """The current export as CSV text."""
    async with assistant.store.unit() as session:
        return (await export_frame(session)).to_csv(index=False)


async def coordinator(assistant: Assistant, admin: Caller) -> Caller:
    """A coordinator added by the admin."""
    await assistant.handle(f"/adduser {COORDINATOR_ID}", admin)
    return await assistant.caller(COORDINATOR_ID, "nb")


def button(reply: Reply, which: str) -> str:
    """The callback data of the Save ('yes') or Cancel ('no') button."""
    return next(data for row in reply.buttons for _, data in row if data.endswith(f":{which}"))


async def test_set_shows_old_and_new_and_applies_on_confirmation(assistant: Assistant, admin: Caller) -> None:
    """/set previews old → new; nothing changes until Save; then the answer shows the new figure."""
    (preview,) = await assistant.handle("/set Trondheim 2015 bosatt 510 31.12.2015", admin)
    assert "495 → 510" in plain(preview.text) and "31.12.2015" in preview.text
    (card,) = await assistant.handle("status Trondheim 2015", admin)
    assert "Bosatt: 495" in plain(card.text)
    (done,) = await assistant.choose(button(preview, "yes"), admin)
    assert "endring #2" in done.text  # #1: the listed admin written at start-up
    (card,) = await assistant.handle("status Trondheim 2015", admin)
    assert "Bosatt: 510" in plain(card.text)


async def test_set_understands_groups_and_refuses_bad_values(assistant: Assistant, admin: Caller) -> None:
    """A group word sets the sub-group; negative values and unknown places are refused with the reason."""
    (preview,) = await assistant.handle("/set Trondheim 2016 anmodning EM 70 01.01.2016", admin)
    assert "enslige mindreårige" in preview.text and "→ 70" in preview.text
    (negative,) = await assistant.handle("/set Trondheim 2015 bosatt -3", admin)
    assert "negativt" in negative.text and not negative.buttons
    (unknown,) = await assistant.handle("/set Trondhjem 2015 bosatt 3", admin)
    assert "Trondheim" in unknown.text and not unknown.buttons
    (usage,) = await assistant.handle("/set Trondheim bosatt", admin)
    assert "Bruk: /set" in usage.text


async def test_cancel_changes_nothing_and_a_token_works_once(assistant: Assistant, admin: Caller) -> None:
    """Cancel leaves the figures; a cancelled preview's Save says so, an unknown token is reported as expired."""
    before = await export_text(assistant)
    (preview,) = await assistant.handle("/set Trondheim 2015 bosatt 510", admin)
    (cancelled,) = await assistant.choose(button(preview, "no"), admin)
    assert "Avbrutt" in cancelled.text
    (again,) = await assistant.choose(button(preview, "yes"), admin)
    assert "allerede avbrutt" in again.text
    (unknown,) = await assistant.choose("set:AAAAAAAA:yes", admin)
    assert "utløpt" in unknown.text
    assert await export_text(assistant) == before


async def test_undo_restores_the_figure_and_is_audited(assistant: Assistant, admin: Caller) -> None:
    """/undo retracts the admin's last change; /changes lists both; /history shows the statements."""
    before = await export_text(assistant)
    (preview,) = await assistant.handle("/set Trondheim 2015 bosatt 510 31.12.2015", admin)
    await assistant.choose(button(preview, "yes"), admin)
    (listed,) = await assistant.handle("/history Trondheim 2015 bosatt", admin)
    assert "510" in listed.text and "#2" in listed.text and "398" in listed.text  # #1: the listed admin
    (undone,) = await assistant.handle("/undo", admin)
    assert "Endring #2 er angret (1 tall" in undone.text
    assert await export_text(assistant) == before
    (log,) = await assistant.handle("/changes", admin)
    assert "#3" in log.text and "undo" in log.text and "angret av #3" in log.text
    (nothing,) = await assistant.handle("/undo", admin)
    assert "Fant ingen endring" in nothing.text


async def test_history_with_a_place_only_is_still_the_series(assistant: Assistant, admin: Caller) -> None:
    """/history Trondheim keeps answering with the series and chart."""
    replies = await assistant.handle("/history Trondheim", admin)
    assert any((r.picture() or b"").startswith(b"\x89PNG") for r in replies)


async def test_upload_preview_confirm_and_answer(assistant: Assistant, admin: Caller) -> None:
    """An IMDi CSV: preview with counts and the largest change, Save applies it, answers show it."""
    content = imdi_csv(
        ["5001;Trondheim;Faktisk bosetting;Personer;2015;497", "5028;Melhus;Anmodning;Personer;2026;31"]
    )
    progress: list[str] = []

    async def report(step: str) -> None:
        progress.append(step)

    (preview,) = await assistant.upload(content, "imdi.csv", "", admin, report)
    assert len(progress) == 2 and "Sjekker 2 tall" in progress[1]
    assert "1 nye, 1 endret" in plain(preview.text) and "495 → 497" in plain(preview.text)
    (done,) = await assistant.choose(button(preview, "yes"), admin)
    assert "1 nye, 1 endret" in done.text
    (answer,) = await assistant.handle("anmodning Melhus 2026", admin)
    assert "31" in plain(answer.text)


async def test_upload_errors_are_listed_with_rows_and_block_saving(
    assistant: Assistant, admin: Caller
) -> None:
    """Every error is shown with its row; there is no Save button."""
    header = ["Kommune", "Anmodning 2016", "inkl EM"]
    content = xlsx(
        [header, ["Trondheim", 10, 20], ["Trondhjem", 5, 1], ["Malvik", "mange", 0]], caption="pr 1.12.2015"
    )
    listed, preview = await assistant.upload(content, "feil.xlsx", "", admin)
    text = plain(preview.text)
    assert "rad 3: EM (20) er flere enn totalen (10)" in text
    assert "rad 4: ukjent sted «Trondhjem»" in text
    assert "rad 5 i «Anmodning 2016»: «mange» er ikke et tall" in text
    assert not preview.buttons and "Ingenting er endret" in text
    assert listed.document is not None and listed.document[0] == "feil-problemer.csv"
    lines = listed.document[1].decode("utf-8-sig").splitlines()
    assert lines[0] == "rad,kolonne,verdi,problem" and len(lines) == 4
    assert lines[3] == "5,Anmodning 2016,mange,«mange» er ikke et tall"


async def test_upload_without_a_date_asks_for_it(assistant: Assistant, admin: Caller) -> None:
    """A table with no date: the bot asks, and the admin's answer continues to the preview."""
    content = xlsx([["Kommune", "Vedtak 2026"], ["Malvik", 25]])
    (question,) = await assistant.upload(content, "vedtak.xlsx", "", admin)
    assert "Svar med datoen" in question.text
    (preview,) = await assistant.handle("01.11.2026", admin)
    assert "1 nye" in plain(preview.text) and preview.buttons


async def test_upload_date_from_the_caption(assistant: Assistant, admin: Caller) -> None:
    """The upload's caption may carry the date."""
    content = xlsx([["Kommune", "Vedtak 2026"], ["Malvik", 25]])
    (preview,) = await assistant.upload(content, "vedtak.xlsx", "per 01.11.2026", admin)
    assert preview.buttons


async def test_hostile_upload_is_refused_with_its_reason(assistant: Assistant, admin: Caller) -> None:
    """A bad file (here: a zip bomb) is refused with a clear reason and changes nothing."""
    before = await export_text(assistant)
    bomb = next(b for b in bad_files() if b.name == "zip-bomb")
    (refused,) = await assistant.upload(bomb.content, bomb.filename, "", admin)
    assert "zip-bombe" in refused.text and "Ingenting er endret" in refused.text
    (big,) = await assistant.upload(b"", "huge.csv", "", admin, size=25 * 2**20)
    assert "grensen er 20 MB" in big.text
    assert await export_text(assistant) == before


async def test_non_admins_change_nothing(assistant: Assistant, admin: Caller) -> None:
    """Coordinators and strangers are refused for every admin command, upload and button."""
    before = await export_text(assistant)
    member = await coordinator(assistant, admin)
    stranger = await assistant.caller(STRANGER_ID, "nb")
    (preview,) = await assistant.handle("/set Trondheim 2015 bosatt 510", admin)
    for caller in (member, stranger):
        for command in ("/set Trondheim 2015 bosatt 1", "/undo", "/undo 1", "/changes"):
            (reply,) = await assistant.handle(command, caller)
            assert "Bare administratorer" in reply.text or "administrator" in reply.text
            assert not reply.buttons
        (upload,) = await assistant.upload(seed_table(), "t.xlsx", "", caller)
        assert "administrator" in upload.text and not upload.buttons
        (pressed,) = await assistant.choose(button(preview, "yes"), caller)
        assert "administrator" in pressed.text
    assert await export_text(assistant) == before


async def test_admins_cannot_confirm_each_others_previews(assistant: Assistant, admin: Caller) -> None:
    """A preview belongs to the admin who made it: another's press keeps its buttons and changes nothing."""
    await assistant.handle("/adduser 4004 admin", admin)
    other = await assistant.caller(4004, "nb")
    (preview,) = await assistant.handle("/set Trondheim 2015 bosatt 510", admin)
    assert not await assistant.is_one_time_button(button(preview, "yes"), other)
    (reply,) = await assistant.choose(button(preview, "yes"), other)
    assert "Bare administratoren som laget" in reply.text
    assert await assistant.is_one_time_button(button(preview, "no"), admin)
    (cancelled,) = await assistant.choose(button(preview, "no"), admin)
    assert "Avbrutt" in cancelled.text


@pytest.mark.parametrize("form", ["xlsx", "csv"])
async def test_export_document_round_trips(assistant: Assistant, admin: Caller, form: str) -> None:
    """/export sends the figures as a document; sending it back changes nothing."""
    (sent,) = await assistant.handle(f"/export {form}", admin)
    assert sent.document is not None and sent.document[0].endswith(f".{form}")
    name, content = sent.document
    frame = pd.read_excel(io.BytesIO(content)) if form == "xlsx" else pd.read_csv(io.BytesIO(content))
    assert len(frame) > 200 and f"{len(frame)} rader" in sent.text
    (preview,) = await assistant.upload(content, name, "", admin)
    assert "0 nye, 0 endret" in plain(preview.text) and not preview.buttons


async def test_open_access_strangers_cannot_export(store: Store, admin: Caller) -> None:
    """With ACCESS=open a stranger may ask, but not download the export (it holds small EM values)."""
    assistant = Assistant(store, zone=OSLO, open_access=True)
    stranger = await assistant.caller(STRANGER_ID, "nb")
    (refused,) = await assistant.handle("/export", stranger)
    assert refused.document is None and "Bare brukere" in refused.text
    replies = await assistant.handle("/history Midtre Gauldal 2016 anmodning em_under_15", stranger)
    assert not any("Alle oppgaver" in r.text for r in replies)


def test_cli_import_previews_and_applies_with_yes(
    sqlite_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """python -m bot import FILE shows the preview; --yes applies; a bad file exits 1."""
    monkeypatch.setenv("DATABASE_URL", copy_sqlite(sqlite_template, tmp_path))
    good = tmp_path / "imdi.csv"
    good.write_bytes(imdi_csv(["5028;Melhus;Anmodning;Personer;2026;31"]))
    assert cli(["import", str(good)]) == 0
    assert "1 new" in capsys.readouterr().out
    assert cli(["import", str(good), "--yes"]) == 0
    assert "applied as change #1" in capsys.readouterr().out
    assert cli(["import", str(good)]) == 0
    assert "0 new, 0 changed, 1 unchanged" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_bytes(imdi_csv(["5028;Melhus;Anmodning;Personer;2026;-4"]))
    assert cli(["import", str(bad), "--yes"]) == 1
    assert "negative" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("1e308", "«1e308» er urimelig stort (høyst 999 999)"),
        ("1e3", "«1e3» er ikke skrevet med sifre"),
        ("nan", "«nan» er ikke et tall"),
        ("inf", "«inf» er ikke et tall"),
        ("-5", "«-5» er negativt"),
        ("12,5", "«12,5» er ikke et helt tall"),
    ],
)
async def test_set_refuses_values_no_count_can_have(
    assistant: Assistant, admin: Caller, value: str, reason: str
) -> None:
    """/set with a value that is not a plausible whole count: the reason, no buttons, answers unchanged."""
    (refused,) = await assistant.handle(f"/set Melhus 2015 bosatt {value}", admin)
    assert reason in plain(refused.text) and "Ingenting er endret" in refused.text and not refused.buttons
    (card,) = await assistant.handle("status Melhus 2015", admin)
    assert "Bosatt" in plain(card.text)


async def test_many_bad_rows_are_one_message_with_examples_and_a_full_list(
    assistant: Assistant, admin: Caller
) -> None:
    """Two thousand bad rows: each kind said once with five rows and the count of the rest; every row in the CSV."""
    rows = [f"Sted {n};mange;{n % 7}" for n in range(2000)]
    content = csv_bytes(["pr 01.11.2026", "Kommune;Vedtak 2026;Anmodning 2027", *rows])
    listed, preview = await assistant.upload(content, "mange.csv", "", admin)
    text = plain(preview.text)
    assert len(text) < 4096 and not preview.buttons
    assert "• rad 3, 4, 5, 6, 7 og 1 995 til i «Vedtak 2026»: «mange» er ikke et tall" in text
    assert (
        "• rad 3, 4, 5, 6, 7 og 5 til: ukjent sted «Sted 0» (mente du Stad?) (og andre verdier; se listen)"
        in text
    )
    assert (
        "• rad 13, 14, 15, 16, 17 og 1 985 til: ukjent sted «Sted 10» (og andre verdier; se listen)" in text
    )
    assert listed.document is not None and "Alle 4 000 feil og merknader" in listed.text
    lines = listed.document[1].decode("utf-8-sig").splitlines()
    assert len(lines) == 4001 and lines[1] == "3,Vedtak 2026,mange,«mange» er ikke et tall"


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("bad-crc", "regnearket er skadet"),
        ("lying-sizes", "regnearket er et utrygt arkiv"),
        ("cell-9-mb-xlsx", "cellen B3 har mer enn 2000 tegn"),
        ("heading-year-2999", "kolonnen «Vedtak 2999» gjelder året 2999, som er umulig"),
    ],
)
async def test_bad_archives_long_cells_and_impossible_years_are_named(
    assistant: Assistant, admin: Caller, bad: str, reason: str
) -> None:
    """Each gets its own reason in the admin's language, never the generic error; nothing is saved."""
    file = next(b for b in bad_files() if b.name == bad)
    *_, reply = await assistant.upload(file.content, file.filename, "", admin)
    assert reason in plain(reply.text) and "Ingenting er endret" in reply.text and not reply.buttons


async def test_sources_that_disagree_are_both_kept_and_both_said(assistant: Assistant, admin: Caller) -> None:
    """IMDi's statistics say Trondheim settled 425 in 2015, its own report 495: the card says both, the history too."""
    content = csv_bytes(IMDI_LONG, "iso-8859-1")
    *_, preview = await assistant.upload(content, "bosetting.csv", "", admin)
    assert "495 → 425" in plain(preview.text)
    await assistant.choose(button(preview, "yes"), admin)
    (card,) = await assistant.handle("status Trondheim 2015", admin)
    shown = plain(card.text)
    assert "Bosatt: 425" in shown and "Bosatt ifølge en annen kilde: 495" in shown
    assert "Flyktningesituasjonen i Trondheim" in shown and "bosetting.csv" in shown
    (history,) = await assistant.handle("/history Trondheim 2015 bosatt", admin)
    assert "425" in plain(history.text) and "495" in plain(history.text)


async def test_figures_of_1998_under_that_years_numbers_answer_for_then_and_now(
    assistant: Assistant, admin: Caller
) -> None:
    """0716 in 1998 is Våle, merged into Re in 2002: Vestfold's 1998 sum counts it; Re's 1998 is Våle's and Ramnes'."""
    lines = [
        "Enhet;År;Kommunenummer;Kommune;Bosetting;Antall",
        "Personer;1998;716;Våle (t.o.m. 2001);Faktisk bosetting;4",
        "Personer;1998;718;Ramnes (t.o.m. 2001);Faktisk bosetting;6",
        "Personer;1998;701;Borre (t.o.m. 2002);Faktisk bosetting;12",
    ]
    *_, preview = await assistant.upload(csv_bytes(lines, "iso-8859-1"), "bosetting.csv", "", admin)
    assert "3 nye" in plain(preview.text)
    await assistant.choose(button(preview, "yes"), admin)
    (county,) = await assistant.handle("bosatt Vestfold 1998", admin)
    assert "22" in plain(county.text) and "3 av" in plain(county.text), plain(county.text)
    (merged,) = await assistant.handle("bosatt Re 1998", admin)
    said = plain(merged.text)
    assert "Re ble opprettet 01.01.2002 av Ramnes og Våle" in said and "sum: 10¹ (2 av 2 kommuner" in said
