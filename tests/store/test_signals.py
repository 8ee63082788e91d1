"""The change signal on PostgreSQL: what one process commits, every other listening process hears at once."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import func, select

from scheduler.subscriptions import subscribe
from store import store as store_module
from store.models import Change, Place, User
from store.store import Store
from store.vocabulary import Role
from tests import databases
from tests.conftest import eventually
from tests.figures import add_statements

HEARD_WITHIN = 1.0  # seconds: the bound for another replica to answer with a change
ADMINS = (1001, 1002)  # the ADMIN_IDS the replicas start with
REPLICAS = 4


@pytest.fixture
async def replicas(postgres_url: str) -> AsyncIterator[tuple[Store, Store]]:
    """Two stores on one PostgreSQL database, as two replicas have; the first listens."""
    first, second = await Store.open(postgres_url), await Store.open(postgres_url)
    await first.watch()
    yield first, second
    await first.close()
    await second.close()


async def test_figures_committed_by_another_replica_are_answered_within_a_second(
    replicas: tuple[Store, Store],
) -> None:
    """No audit entry, no look: the figure's commit alone makes the listening replica forget what it held."""
    first, second = replicas
    melhus = (await first.index()).by_code["5028"]
    held = await first.figures.of(melhus.id or 0)
    assert [s.figure.value for s in held.current([2015], ["settled"], ["all"])] == [43]

    generation = first.generation
    await add_statements(second, [("Melhus", 2015, "settled", 50, date(2015, 12, 20))])
    assert await eventually(HEARD_WITHIN, lambda: first.generation > generation)
    fresh = await first.figures.of(melhus.id or 0)
    assert [s.figure.value for s in fresh.current([2015], ["settled"], ["all"])] == [50]


async def test_a_subscription_written_by_another_replica_is_told_by_its_id(
    replicas: tuple[Store, Store],
) -> None:
    """Subscribing in one replica tells the other which subscription changed, so its job can follow."""
    first, second = replicas
    told: list[int | None] = []

    async def record(subscription_id: int | None) -> None:
        told.append(subscription_id)

    first.on_subscription = record
    index = await second.index()
    async with second.unit() as session:
        subscription = await subscribe(
            session, user_id=7, chat_id=7, place_ids=[index.by_code["5028"].id or 0]
        )
    assert await eventually(HEARD_WITHIN, lambda: subscription.id in told)
    assert told == [subscription.id]


async def test_a_cut_listening_connection_is_made_again_and_everything_is_forgotten(
    replicas: tuple[Store, Store], caplog: pytest.LogCaptureFixture
) -> None:
    """The server ends the listener's session: logged once, listening again within seconds, what was held
    forgotten and every subscription's job brought in line (signals sent meanwhile were lost)."""
    first, second = replicas
    told: list[int | None] = []

    async def record(subscription_id: int | None) -> None:
        told.append(subscription_id)

    first.on_subscription = record
    held = await first.index()
    with caplog.at_level(logging.INFO, logger="store.signals"):
        async with second.unit() as session:
            assert await databases.cut_listeners(session) == [True]
        assert await eventually(10, lambda: None in told)
    assert await first.index() is not held
    assert [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "store.signals"] == [
        ("WARNING", "cannot listen for other processes' changes; trying again quietly"),
        ("INFO", "listening for other processes' changes again; what was held is forgotten"),
    ]
    generation = first.generation
    await add_statements(second, [("Melhus", 2015, "settled", 51, date(2015, 12, 21))])
    assert await eventually(HEARD_WITHIN, lambda: first.generation > generation)


async def test_the_admins_are_made_before_the_prepare_lock_is_let_go(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What one replica adds under the lock the next finds there: with the admins added after it, two replicas
    starting together could both add the same ADMIN_IDS user (a replica died of it in CI)."""
    at_release: list[list[int]] = []
    locked = store_module.one_at_a_time

    @asynccontextmanager
    async def checked(engine: AsyncEngine) -> AsyncIterator[None]:
        async with locked(engine):
            yield
            async with engine.connect() as connection:
                admins = await connection.execute(select(User.id).where(User.role == Role.ADMIN))
                at_release.append(sorted(admins.scalars()))

    monkeypatch.setattr(store_module, "one_at_a_time", checked)
    opened = await Store.open(database_url, admins=ADMINS)
    await opened.close()
    assert at_release == [sorted(ADMINS)]


async def test_replicas_starting_together_on_an_empty_database_migrate_seed_and_add_admins_once(
    postgres_server: str | None,
) -> None:
    """Replicas opening a new database at once: one migrates, seeds and adds the admins, the others wait and find it
    done (CI once saw a second replica die adding the same ADMIN_IDS user)."""
    if postgres_server is None:
        pytest.skip("no PostgreSQL server (set TEST_POSTGRES_URL)")
    url = await databases.empty_postgres(postgres_server)
    try:
        stores = await asyncio.gather(*(Store.open(url, admins=ADMINS) for _ in range(REPLICAS)))
        async with stores[0].unit() as session:
            places = (await session.exec(select(func.count()).select_from(Place))).one()
            admins = (await session.exec(select(User.id).where(User.role == Role.ADMIN))).all()
            added = (await session.exec(select(Change.summary).where(Change.action == "adduser"))).all()
        assert sorted(admins) == sorted(ADMINS)
        assert len(added) == len(ADMINS)
        await asyncio.gather(*(store.close() for store in stores))
        template = await Store.open(databases.template_url(postgres_server), prepare=False)
        async with template.unit() as session:
            assert places == (await session.exec(select(func.count()).select_from(Place))).one()
        await template.close()
    finally:
        await databases.drop_postgres(postgres_server, url)
