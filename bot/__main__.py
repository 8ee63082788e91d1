"""Command line: python -m bot run | chat | seed | migrate | export FILE | import FILE | backup FILE |
restore FILE | digest send."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import os
import sys
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.settings import Settings

log = logging.getLogger("bot")
# The updates the bot handles: Telegram sends no others (my_chat_member: added to or removed from a group).
UPDATES = ["message", "callback_query", "inline_query", "my_chat_member"]
REJECTED_TOKEN = "the Bot API rejected TELEGRAM_BOT_TOKEN: check the token"
# Seconds from a getUpdates' answer to the next getUpdates. Making that request costs the event loop about a
# millisecond, which otherwise comes before the reply to the update just received; an update that comes within
# these seconds waits for them, as it would wait for the update before it to be handled anyway.
POLL_INTERVAL = 0.005


class Failure(Exception):
    """An expected problem (a file, a setting, a service out of reach): one line on standard error, exit code 2."""


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    cli = argparse.ArgumentParser(prog="python -m bot", description="Bosettingsbot")
    commands = cli.add_subparsers(dest="command")
    commands.add_parser("run", help="run the Telegram bot (console chat when no token is set)")
    chat = commands.add_parser("chat", help="console chat on the configured database")
    chat.add_argument(
        "--user-id",
        type=int,
        help="act as this Telegram user (default: the local operator, an admin)",
    )
    commands.add_parser("seed", help="load the register and seed figures (idempotent)")
    commands.add_parser("migrate", help="bring the database schema up to date")
    export = commands.add_parser("export", help="write the figures to a .csv or .xlsx file")
    export.add_argument("file", type=Path)
    export.add_argument(
        "--history", action="store_true", help="every statement, not only the current figures"
    )
    importer = commands.add_parser("import", help="check a file of figures (preview); --yes applies it")
    importer.add_argument("file", type=Path)
    importer.add_argument("--yes", action="store_true", help="apply the changes when the file has no errors")
    importer.add_argument("--as-of", help="the figures' date where the file does not say it (dd.mm.yyyy)")
    backup = commands.add_parser("backup", help="copy the SQLite database into a file (PostgreSQL: pg_dump)")
    backup.add_argument("file", type=Path)
    restore = commands.add_parser(
        "restore", help="replace the SQLite database with a backup (the bot stopped)"
    )
    restore.add_argument("file", type=Path)
    digest = commands.add_parser("digest", help="weekly digests")
    digest.add_argument(
        "action", choices=["send"], help="send: this period's digest to everyone who has not had it"
    )
    return cli


async def chat(settings: Settings, user_id: int | None) -> None:
    """The console chat; the local operator is an admin unless --user-id says otherwise."""
    from bot.application import open_runtime
    from bot.caller import Caller
    from bot.console import ConsoleChat

    runtime = await open_runtime(settings)
    try:
        if user_id is None:
            caller = Caller(user_id=0, language="nb", role="admin")
        else:
            caller = await runtime.assistant.caller(user_id)
        await ConsoleChat(runtime.assistant, caller).run()
    finally:
        await runtime.store.close()


async def seed(settings: Settings) -> None:
    """Migrate, then load places and seed figures that are not there yet."""
    from store.migrate import migrate
    from store.seed import seed as load
    from store.store import Store

    store = await Store.open(settings.database_url, prepare=False)
    try:
        await migrate(store.engine)
        async with store.unit() as session:
            added = await load(session)
        print(
            f"seed: {added.municipalities} municipalities, {added.names} other names of places"
            f" and {added.figures} figures added"
        )
    finally:
        await store.close()


async def migrate_only(settings: Settings) -> None:
    """Bring the schema up to date and nothing else."""
    from store.db import make_engine
    from store.migrate import migrate

    engine = make_engine(settings.database_url)
    try:
        await migrate(engine)
        print("migrate: schema is up to date")
    finally:
        await engine.dispose()


async def export(settings: Settings, path: Path, history: bool) -> None:
    """Write the current figures (or every statement) to a file."""
    from store.export import UnknownFormat, export_frame, write_frame
    from store.store import Store

    store = await Store.open(settings.database_url)
    try:
        async with store.unit() as session:
            frame = await export_frame(session, history=history)
    finally:
        await store.close()
    try:
        write_frame(frame, path)
    except UnknownFormat as error:
        raise Failure(str(error)) from error
    except OSError as error:  # the file cannot be written there: a missing folder, no permission, a full disk
        raise Failure(f"{path}: {error.strerror or error}") from error
    print(f"export: {len(frame)} rows written to {path}")


async def import_file(settings: Settings, path: Path, apply: bool, as_of: str | None) -> int:
    """Check a file as an upload is checked, print the preview, and apply it with --yes; 1 on errors."""
    from bot.confirmation import summary
    from bot.render import plain
    from bot.texts import text
    from bot.uploads import preview_text
    from store.importing import apply_plan, check, source_for
    from store.reading import Refused, find_date, read_upload
    from store.store import Store

    today = datetime.now(settings.zone).date()
    try:
        content = path.read_bytes()
    except (FileNotFoundError, PermissionError, IsADirectoryError, NotADirectoryError) as error:
        raise Failure(f"{path}: {error.strerror}") from error
    try:
        reading = read_upload(content, path.name, today=today, as_of=find_date(as_of or ""))
    except Refused as refused:
        # A broken xlsx: what the reader tripped on is logged for whoever looks closer.
        if refused.__cause__ is not None:
            log.warning("%s could not be read", path.name, exc_info=refused.__cause__)
        raise Failure(f"{path.name}: {text(refused.key, 'en', **refused.values)}") from refused
    if reading.needs_date:
        raise Failure(f"{path.name} does not say which date its figures are as of: give --as-of dd.mm.yyyy")
    store = await Store.open(settings.database_url)
    try:
        async with store.unit() as session:
            plan = await check(session, await store.index(), reading)
            print(plain(preview_text(plan, reading.kind, path.name, "en")))
            if plan.errors or not apply or not plan.written:
                print(
                    "import: nothing applied"
                    + ("" if plan.errors or not plan.written else " (add --yes to apply)")
                )
                return 1 if plan.errors else 0
            key = f"upload:{datetime.now(UTC):%Y%m%dT%H%M%S}:{path.name}"[:200]
            source = await source_for(session, key=key, title=path.name, day=today)
            change = await apply_plan(
                session, plan, source=source, user_id=None, action="import", summary=summary(path.name, plan)
            )
        print(f"import: applied as change #{change.id}")
        return 0
    finally:
        await store.close()


async def send_digests(settings: Settings) -> None:
    """Deliver this period's digest now to every subscriber who has not had it (a second run sends nothing)."""
    from telegram import Bot
    from telegram.error import InvalidToken, NetworkError

    from bot.digest_composer import DigestComposer
    from bot.groups import move_chat
    from scheduler.delivery import WORKERS, Broadcaster, summary
    from scheduler.schedule import period_of
    from scheduler.telegram import AiohttpRequest, TelegramSender
    from store.store import Store

    if settings.telegram_bot_token is None:
        raise Failure("digest send needs TELEGRAM_BOT_TOKEN")
    request = AiohttpRequest(connection_pool_size=WORKERS)  # one connection per worker: no hidden queue
    bot = Bot(
        settings.telegram_bot_token.get_secret_value(),
        base_url=settings.telegram_base_url,
        base_file_url=settings.telegram_base_file_url,
        request=request,
    )
    async with contextlib.AsyncExitStack() as stack:
        stack.push_async_callback(request.shutdown)  # closed even when the bot cannot start
        try:
            await stack.enter_async_context(bot)  # asks getMe: a wrong token or no Bot API shows here
        except InvalidToken as error:
            raise Failure(REJECTED_TOKEN) from error
        except NetworkError as error:
            raise Failure(f"the Bot API cannot be used: {error.message}") from error
        store = await Store.open(settings.database_url)
        stack.push_async_callback(store.close)
        broadcaster = Broadcaster(
            store,
            TelegramSender(bot, on_moved=partial(move_chat, store)),
            compose=DigestComposer(store, settings.zone),
            zone=settings.zone,
            open_access=settings.access == "open",
        )
        period = period_of(broadcaster.clock(), settings.zone)
        counts = await broadcaster.broadcast(period)
    print(f"digest {period}: {summary(counts) or 'no subscriptions'}")


def backup_database(settings: Settings, path: Path) -> None:
    """Copy the SQLite database into a file with SQLite's online backup API (safe while the bot runs)."""
    from store.backup import BackupRefused, backup

    try:
        backup(settings.database_url, path)
    except BackupRefused as refused:
        raise Failure(str(refused)) from refused
    except OSError as error:  # a missing folder, no permission, a full disk
        raise Failure(f"{path}: {error.strerror or error}") from error
    print(f"backup: the database copied to {path}")


async def restore_database(settings: Settings, path: Path) -> None:
    """Replace the SQLite database with a backup, then bring its schema up to date."""
    from store.backup import BackupRefused, restore

    try:
        restore(path, settings.database_url)
    except BackupRefused as refused:
        raise Failure(str(refused)) from refused
    await migrate_only(settings)
    print(f"restore: the database replaced with {path}")


def run_bot(settings: Settings) -> None:
    """Long polling, or with WEBHOOK_URL the webhook, until stopped; without a token, the console chat instead."""
    if settings.telegram_bot_token is None:
        log.info("TELEGRAM_BOT_TOKEN is not set: starting the console chat")
        gc.enable()
        asyncio.run(chat(settings, None))
        return
    from telegram.error import InvalidToken

    from bot.application import build_application
    from bot.service import CannotListen, serve_webhook

    application = build_application(settings)
    try:
        if settings.webhook_url:
            asyncio.run(serve_webhook(application, settings, UPDATES))
        else:
            application.run_polling(allowed_updates=UPDATES, poll_interval=POLL_INTERVAL)
    except InvalidToken as error:
        raise Failure(REJECTED_TOKEN) from error
    except CannotListen as error:
        raise Failure(str(error)) from None


def run(command: str, arguments: argparse.Namespace, settings: Settings) -> int:
    """Run one command; its exit code."""
    if command != "run":
        gc.enable()
    if command == "run":
        run_bot(settings)
    elif command == "chat":
        asyncio.run(chat(settings, arguments.user_id))
    elif command == "seed":
        asyncio.run(seed(settings))
    elif command == "migrate":
        asyncio.run(migrate_only(settings))
    elif command == "export":
        asyncio.run(export(settings, arguments.file, arguments.history))
    elif command == "import":
        return asyncio.run(import_file(settings, arguments.file, arguments.yes, arguments.as_of))
    elif command == "backup":
        backup_database(settings, arguments.file)
    elif command == "restore":
        asyncio.run(restore_database(settings, arguments.file))
    elif command == "digest":
        asyncio.run(send_digests(settings))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point: the command line's exit code, with the garbage collector off while the bot starts."""
    # Opt in to python-telegram-bot's timedelta durations (its next major version's behaviour).
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    # Start-up makes hundreds of thousands of objects that all live on: no collection looks at them before the
    # bot polls (post_init enables it again), which saves a sixth of the start-up's time.
    gc.disable()
    try:
        return command_line(argv)
    finally:
        gc.enable()


def command_line(argv: list[str] | None) -> int:
    """Run the command line: an expected problem is one line and exit code 2, anything else a traceback and 1."""
    from bot.logs import configure_logging
    from bot.settings import load_settings
    from store.db import out_of_reach

    arguments = parser().parse_args(argv)
    if (arguments.command or "run") != "run":
        gc.enable()  # only the bot's start is spared collections; an import or export may make many cycles
    settings = load_settings()  # bad settings stop here, one line each
    redacting = configure_logging(settings)
    try:
        return run(arguments.command or "run", arguments, settings)
    except Failure as failure:
        problem = str(failure)
    except Exception as error:
        if not out_of_reach(error):
            # A bug: its traceback, logged so that the token is hidden in it too.
            log.critical("unexpected error", exc_info=True)
            return 1
        problem = f"the database cannot be reached: {first_line(error)}"
    print(redacting.redact(f"error: {problem}"), file=sys.stderr)
    return 2


def first_line(error: BaseException) -> str:
    """The first line of an error's message, or its name when it has none."""
    return (str(error) or type(error).__name__).splitlines()[0]


if __name__ == "__main__":
    sys.exit(main())
