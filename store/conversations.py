"""Chats' follow-up context in the database, so that a follow-up landing on another replica finds it."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from store.models import Conversation

KEPT_FOR = timedelta(minutes=30)  # a chat's last question counts as context this long


async def recall_context(session: AsyncSession, *, chat_id: int, since: datetime) -> str | None:
    """The chat's stored context, if it was stored since then."""
    query = select(Conversation.context).where(
        col(Conversation.chat_id) == chat_id, col(Conversation.at) >= since
    )
    return (await session.exec(query)).first()


async def remember_context(session: AsyncSession, *, chat_id: int, context: str, at: datetime) -> None:
    """Store the chat's context, replacing what it had (two replicas writing at once: the later wins)."""
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(Conversation).values(chat_id=chat_id, context=context, at=at)
    await session.exec(
        statement.on_conflict_do_update(index_elements=["chat_id"], set_={"context": context, "at": at})
    )


async def forget_context(session: AsyncSession, *, chat_id: int) -> None:
    """Delete a chat's context."""
    await session.exec(delete(Conversation).where(col(Conversation.chat_id) == chat_id))


async def prune_contexts(session: AsyncSession, *, before: datetime) -> int:
    """Delete contexts stored before then; how many."""
    pruned = await session.exec(delete(Conversation).where(col(Conversation.at) < before))
    return pruned.rowcount
