"""Who is asking: the caller of every command, answer and button."""

from __future__ import annotations

from dataclasses import dataclass

from store.vocabulary import Role


@dataclass(frozen=True)
class Caller:
    """Who is asking: Telegram user id, language, and role (None for a stranger)."""

    user_id: int
    language: str = "nb"
    role: str | None = None

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
