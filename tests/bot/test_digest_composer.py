"""The digest's content: figures per place, changes since the last digest, who is behind, which year."""

from __future__ import annotations

from datetime import date

from bot.digest_composer import compose
from bot.render import plain
from store.store import Store
from tests.figures import add_statements

TODAY = date(2026, 11, 23)
LAST_DIGEST = date(2026, 11, 16)


async def add_this_year(store: Store) -> None:
    """2026 figures for Melhus (behind pace, settled +4 this week) and Malvik (ahead, unchanged)."""
    await add_statements(
        store,
        [
            ("Melhus", 2026, "requested", 30, date(2026, 2, 1)),
            ("Melhus", 2026, "decided", 30, date(2026, 3, 1)),
            ("Melhus", 2026, "settled", 10, date(2026, 11, 9)),
            ("Melhus", 2026, "settled", 14, date(2026, 11, 20)),
            ("Malvik", 2026, "decided", 20, date(2026, 3, 1)),
            ("Malvik", 2026, "settled", 19, date(2026, 11, 2)),
        ],
        source="IMDi kommunetabell",
    )


async def digest_text(store: Store, *codes: str) -> str:
    """The plain text of the digest for an own list of places, composed on TODAY."""
    index = await store.index()
    async with store.unit() as session:
        digest = await compose(
            session,
            index=index,
            scope_place=None,
            own=[index.by_code[code] for code in codes],
            since=LAST_DIGEST,
            today=TODAY,
            language="nb",
        )
    return plain(digest.messages[0].text)


async def test_this_year_changes_and_pace(store: Store) -> None:
    """Values per place, the week's delta, and only the place below the year's pace listed as behind."""
    await add_this_year(store)
    text = await digest_text(store, "5028", "5031")
    assert "uke 48 2026" in text and "Ingen tall for 2026" not in text
    assert "Melhus: anmodning 30 · vedtak 30 · bosatt 14 (+4) · 47 %" in text
    assert "Malvik: vedtak 20 · bosatt 19 · 95 %" in text
    assert "Endringer siden 16.11.2026\nMelhus: +4 bosatt" in text
    assert "Bak tempo (bosatt under 89 % av vedtaket, den delen av året som er gått)\nMelhus 47 %" in text
    assert "Oppdaterte tall denne uken: 1" in text


async def test_an_earlier_year_is_named_and_judged_against_the_decision(store: Store) -> None:
    """With no 2026 figures the digest says which year it shows, and 'behind' means below the decision."""
    text = await digest_text(store, "5028")
    assert "Ingen tall for 2026 ennå; tallene under gjelder 2016, det siste året med tall." in text
    assert "Under vedtaket (bosatt mindre enn vedtaket for 2016)" in text
    assert "Melhus: anmodning 56" in text and "Endringer siden 16.11.2026\ningen" in text


async def test_a_figure_another_source_states_differently_says_so(store: Store) -> None:
    """Malvik settled 2025: IMDi's statistics say 42, the municipality's report 40; the digest shows 42 and names 40."""
    await add_statements(
        store, [("Malvik", 2025, "settled", 40, date(2025, 12, 31))], source="Malvik kommune"
    )
    await add_statements(
        store, [("Malvik", 2025, "settled", 42, date(2025, 12, 31))], source="IMDi statistikk"
    )
    text = await digest_text(store, "5031")
    assert "Malvik: bosatt 42" in text
    assert text.endswith("↳ Malvik, bosatt ifølge en annen kilde: 40 (Malvik kommune)")


async def test_a_digest_longer_than_a_message_comes_in_parts_within_telegrams_limit(store: Store) -> None:
    """Every municipality of a scope with this year's figures: the text is split at lines, nothing lost."""
    index = await store.index()
    municipalities = sorted(
        (p for p in index.places.values() if p.level == "municipality"), key=lambda p: p.code
    )
    places = [p for p in municipalities if [found.place for found in index.search(p.code)][:1] == [p]]
    await add_statements(
        store,
        [(p.code, 2026, "decided", 40 + i % 30, date(2026, 3, 1)) for i, p in enumerate(places[:200])]
        + [(p.code, 2026, "settled", 5 + i % 20, date(2026, 11, 20)) for i, p in enumerate(places[:200])],
        source="IMDi kommunetabell",
    )
    async with store.unit() as session:
        digest = await compose(
            session,
            index=index,
            scope_place=None,
            own=places[:200],
            since=LAST_DIGEST,
            today=TODAY,
            language="nb",
        )
    texts = [plain(m.text) for m in digest.messages if m.photo is None]
    assert len(texts) > 1
    assert all(len(part) <= 4096 for part in texts)
    whole = "\n".join(texts)
    assert all(f"{p.name}:" in whole for p in places[:200])
