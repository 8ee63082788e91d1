"""Every Telegram handler, registered in one place and in order."""

from __future__ import annotations

from telegram.ext import (
    CallbackQueryHandler,
    ChatMemberHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.runtime import BotApplication
from handlers.chat import on_button, on_message
from handlers.errors import on_error
from handlers.groups import on_migration, on_my_chat_member, screen
from handlers.inline import on_inline_query
from handlers.uploads import on_document


def register(application: BotApplication) -> None:
    """Register the handlers; the first that matches an update handles it."""
    # A group upgraded to a supergroup has a new chat id: its permission and digests move to it first.
    application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, on_migration), group=-2)
    # Groups, before anything else: what is not a command, a mention of the bot or a reply to it stops here.
    application.add_handler(MessageHandler(filters.ChatType.GROUPS, screen), group=-1)
    # Free-text questions and commands (the assistant parses a command's arguments itself, and answers one it
    # does not know with help): most updates are these, so they are looked for first.
    application.add_handler(MessageHandler(filters.TEXT, on_message))
    # The bot added to or removed from a group: it says what it does, or the group's digests pause.
    application.add_handler(ChatMemberHandler(on_my_chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    # Inline queries (`@BotName Melhus 2015` in any chat): cards offered to send there, members only.
    application.add_handler(InlineQueryHandler(on_inline_query))
    # Buttons: a chosen place for an ambiguous question.
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^q:"))
    # Buttons: Save or Cancel under an admin's upload preview (imp:) or /set (set:); saving a large
    # file takes a while, so it runs beside the updates that come after it (block=False).
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^(imp|set):", block=False))
    # Buttons: change or remove a digest subscription (sub:).
    application.add_handler(CallbackQueryHandler(on_button, pattern=r"^sub:"))
    # Buttons: anything else (an older version's, or forged) is answered too: no longer valid.
    application.add_handler(CallbackQueryHandler(on_button))
    # Files: an admin's upload of figures (everyone else is refused; their files are never fetched);
    # reading and checking one takes a while, so others are answered meanwhile (block=False).
    application.add_handler(MessageHandler(filters.Document.ALL, on_document, block=False))
    # Anything else (stickers, photos, …) still gets a reply: help.
    application.add_handler(MessageHandler(filters.ALL & ~filters.UpdateType.EDITED, on_message))
    # Errors: logged with traceback and ids, the user told politely, the operator chat once per kind.
    application.add_error_handler(on_error)
