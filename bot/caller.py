"""Who is asking: the caller of every command, answer and button."""

from __future__ import annotations

from dataclasses import dataclass

from store.vocabulary import Role


@dataclass(frozen=True)
class Caller:
    """Who is asking: Telegram user id, language, role (None for a stranger), and the group chat asked in."""

    user_id: int
    language: str = "nb"
    role: str | None = None
    chat: int | None = None  # the group chat asked in; None in a private chat (or the console)
    chat_admin: bool = False  # an administrator of that group (looked up only where it matters)

    @property
    def in_group(self) -> bool:
        """Whether the caller asks in a group chat."""
        return self.chat is not None

    @property
    def hides_small(self) -> bool:
        """Whether small EM values are hidden: for strangers, and in groups (not all there may be members)."""
        return self.role is None or self.in_group

    @property
    def is_admin(self) -> bool:
        """Whether the caller may change figures and users."""
        return self.role == Role.ADMIN

    @property
    def is_member(self) -> bool:
        """Whether the caller has an account (an admin or a coordinator)."""
        return self.role is not None


def telegram_language(code: str | None) -> str:
    """Map Telegram's language_code to nb, nn or en."""
    if not code:
        return "nb"
    code = code.lower()
    if code.startswith("nn"):
        return "nn"
    if code.startswith(("nb", "no")):
        return "nb"
    return "en"
