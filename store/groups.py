"""Group chats an admin allowed to ask the bot, with every change in the audit log."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from store.models import AllowedGroup, Subscription
from store.users import audit


async def allow_group(session: AsyncSession, *, chat_id: int, by: int) -> bool:
    """Allow a group chat to ask; False if it already was."""
    if await session.get(AllowedGroup, chat_id) is not None:
        return False
    session.add(AllowedGroup(chat_id=chat_id, allowed_by=by, allowed_at=datetime.now(UTC)))
    await audit(session, user_id=by, action="allowgroup", summary=str(chat_id))
    return True


async def remove_group(session: AsyncSession, *, chat_id: int, by: int) -> bool:
    """Take a group chat's permission away; False if it had none."""
    allowed = await session.get(AllowedGroup, chat_id)
    if allowed is None:
        return False
    await session.delete(allowed)
    await audit(session, user_id=by, action="removegroup", summary=str(chat_id))
    return True


async def move_group(session: AsyncSession, *, old: int, new: int) -> list[int]:
    """A group became a supergroup with a new chat id: its permission and subscriptions follow it.

    Returns the ids of the subscriptions moved; moving again (Telegram tells both chats) changes nothing.
    """
    moved = list((await session.exec(select(Subscription).where(Subscription.chat_id == old))).all())
    for subscription in moved:
        subscription.chat_id = new
    allowed = await session.get(AllowedGroup, old)
    if allowed is not None:
        await session.delete(allowed)
        if await session.get(AllowedGroup, new) is None:
            session.add(
                AllowedGroup(chat_id=new, allowed_by=allowed.allowed_by, allowed_at=allowed.allowed_at)
            )
    if moved or allowed is not None:
        await audit(session, user_id=None, action="movegroup", summary=f"{old} → {new}")
    return [subscription.id for subscription in moved if subscription.id is not None]


async def allowed_groups(session: AsyncSession) -> set[int]:
    """The chat ids of every allowed group."""
    return set((await session.exec(select(AllowedGroup.chat_id))).all())
