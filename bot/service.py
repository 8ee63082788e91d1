"""The bot's HTTP side (Telegram's webhook, /healthz, /metrics) and running in webhook mode until stopped."""

from __future__ import annotations

import asyncio
import hmac
import logging
import signal
from functools import partial

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from telegram import Update

from bot.runtime import BotApplication
from bot.settings import Settings

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class CannotListen(Exception):
    """The HTTP side's address and port cannot be listened on (taken, or not this machine's)."""


def http_app(application: BotApplication, settings: Settings) -> web.Application:
    """/healthz and /metrics, and in webhook mode the webhook at the path of WEBHOOK_URL."""
    app = web.Application()
    app.router.add_get("/healthz", partial(healthz, application))
    app.router.add_get("/metrics", metrics)
    if settings.webhook_url and settings.webhook_secret is not None:
        secret = settings.webhook_secret.get_secret_value().encode()
        app.router.add_post(settings.webhook_path, partial(take_update, application, secret))
    return app


async def start_http(application: BotApplication, settings: Settings) -> web.AppRunner | None:
    """Serve the HTTP side on WEBHOOK_PORT in webhook mode, on METRICS_PORT in polling mode (if set)."""
    port = settings.webhook_port if settings.webhook_url else settings.metrics_port
    if port is None:
        return None
    runner = web.AppRunner(http_app(application, settings), access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, settings.webhook_listen, port).start()
    except OSError as error:
        await runner.cleanup()
        raise CannotListen(
            f"cannot listen on {settings.webhook_listen}:{port}: {error.strerror or error}"
        ) from None
    log.info("serving /healthz and /metrics on %s:%s", settings.webhook_listen, port)
    return runner


async def take_update(application: BotApplication, secret: bytes, request: web.Request) -> web.Response:
    """An update Telegram posts: refused without the secret, or while stopping (Telegram then tries again)."""
    given = request.headers.get(SECRET_HEADER, "").encode()
    if not hmac.compare_digest(given, secret):
        return web.Response(status=403)
    if not application.running:
        return web.Response(status=503)
    try:
        update = Update.de_json(await request.json(), application.bot)
    except (ValueError, TypeError, KeyError):  # not JSON, or not an update
        return web.Response(status=400)
    await application.update_queue.put(update)
    return web.Response()


async def healthz(application: BotApplication, _request: web.Request) -> web.Response:
    """200 when the database answers and the bot is not stopping, else 503; with when the latest update was handled."""
    database = await application.bot_data.runtime.store.reachable()
    last = application.last_handled
    healthy = database and application.running
    body = {
        "status": "ok" if healthy else "stopping" if database else "unhealthy",
        "database": "reachable" if database else "unreachable",
        "last_update": last.isoformat(timespec="seconds") if last else None,
    }
    return web.json_response(body, status=200 if healthy else 503)


async def metrics(_request: web.Request) -> web.Response:
    """The process's metrics in Prometheus' text format."""
    return web.Response(body=generate_latest(), headers={"Content-Type": CONTENT_TYPE_LATEST})


async def serve_webhook(application: BotApplication, settings: Settings, allowed_updates: list[str]) -> None:
    """Start, register the webhook, and serve until SIGTERM or SIGINT; then finish what is in hand and stop."""
    assert settings.webhook_secret is not None
    stopping = asyncio.Event()
    for signum in STOP_SIGNALS:
        asyncio.get_running_loop().add_signal_handler(signum, stopping.set)
    await application.initialize()
    try:
        if application.post_init is not None:
            await application.post_init(application)  # the HTTP side is served from here on
        await application.start()
        await application.bot.set_webhook(
            settings.webhook_url,
            secret_token=settings.webhook_secret.get_secret_value(),
            allowed_updates=allowed_updates,
        )
        log.info("webhook registered; updates are taken on %s", settings.webhook_path)
        await stopping.wait()
        log.info("stopping: the updates taken and the digests being sent are finished first")
    finally:
        if application.running:
            await application.stop()  # handles the updates taken, waits for running jobs and tasks
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)
