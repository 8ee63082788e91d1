"""Users and roles (admin, coordinator), with every change in the audit log."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlmodel import col, delete, or_, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from store.models import AllowedGroup, Change, GuestLanguage, PendingChange, Place, User
from store.vocabulary import Role


async def audit(session: AsyncSession, *, user_id: int | None, action: str, summary: str) -> Change:
    """Record a change in the audit log and return the entry."""
    change = Change(at=datetime.now(UTC), user_id=user_id, action=action, summary=summary[:1000])
    session.add(change)
    await session.flush()
    return change


async def add_user(session: AsyncSession, *, user_id: int, role: str, by: int | None, name: str = "") -> User:
    """Give a user a role (adding or changing it)."""
    if role not in set(Role):
        raise ValueError(f"role must be one of {', '.join(Role)}")
    user = await session.get(User, user_id)
    if user is None:
        user = User(id=user_id, role=role, name=name, added_by=by, added_at=datetime.now(UTC))
        session.add(user)
    else:
        user.role = role
    await audit(session, user_id=by, action="adduser", summary=f"{user_id} → {role}")
    return user


async def remove_user(session: AsyncSession, *, user_id: int, by: int | None) -> bool:
    """Take a user's access away; False if the user had none."""
    user = await session.get(User, user_id)
    if user is None:
        return False
    await session.delete(user)
    await audit(session, user_id=by, action="removeuser", summary=str(user_id))
    return True


async def list_users(session: AsyncSession) -> list[User]:
    """Everyone with access, admins first."""
    return list((await session.exec(select(User).order_by(col(User.role), col(User.id)))).all())


async def users_by_id(session: AsyncSession) -> dict[int, User]:
    """Everyone with access, by user id."""
    return {user.id: user for user in await list_users(session)}


async def ensure_admins(session: AsyncSession, *, admin_ids: Iterable[int]) -> None:
    """Make the users named in ADMIN_IDS admins."""
    for user_id in admin_ids:
        user = await session.get(User, user_id)
        if user is None or user.role != Role.ADMIN:
            await add_user(session, user_id=user_id, role=Role.ADMIN, by=None)


async def set_language(session: AsyncSession, *, user_id: int, language: str) -> None:
    """Remember a user's language choice."""
    user = await session.get(User, user_id)
    if user is not None:
        user.language = language


async def guest_languages(session: AsyncSession) -> dict[int, str]:
    """The /language choices of those without access, by user id."""
    return dict((await session.exec(select(GuestLanguage.user_id, GuestLanguage.language))).all())


async def set_guest_language(session: AsyncSession, *, user_id: int, language: str) -> None:
    """Remember the language choice of someone without access."""
    await session.merge(GuestLanguage(user_id=user_id, language=language, chosen_at=datetime.now(UTC)))


async def forget_user(session: AsyncSession, *, user_id: int, pseudonym: int) -> int:
    """Delete a user's row, previews and guest language; the audit log and others' rows name the pseudonym
    instead. Returns their entries."""
    for row in (await session.get(User, user_id), await session.get(GuestLanguage, user_id)):
        if row is not None:
            await session.delete(row)
    own = list((await session.exec(select(Change).where(Change.user_id == user_id))).all())
    for change in own:
        change.user_id = pseudonym
    named = select(Change).where(  # /adduser and /removeuser entries name the user they changed first
        col(Change.action).in_(("adduser", "removeuser")),
        or_(col(Change.summary) == str(user_id), col(Change.summary).startswith(f"{user_id} ")),
    )
    for change in (await session.exec(named)).all():
        change.summary = f"{pseudonym}{change.summary[len(str(user_id)) :]}"
    await session.exec(update(User).where(col(User.added_by) == user_id).values(added_by=pseudonym))
    await session.exec(
        update(AllowedGroup).where(col(AllowedGroup.allowed_by) == user_id).values(allowed_by=pseudonym)
    )
    await session.exec(update(Place).where(col(Place.owner_id) == user_id).values(owner_id=None))
    await session.exec(delete(PendingChange).where(col(PendingChange.user_id) == user_id))  # their previews
    return len(own)
