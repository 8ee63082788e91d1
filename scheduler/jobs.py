"""Subscriptions as named jobs on python-telegram-bot's job queue (APScheduler), rebuilt at start-up."""

from __future__ import annotations

import logging
from datetime import UTC, time, timedelta

from telegram.ext import JobQueue

from bot.runtime import BotApplication, BotContext
from scheduler.delivery import Broadcaster
from scheduler.models import Subscription
from scheduler.schedule import MISSED_GRACE, last_occurrence, period_of, ptb_days
from scheduler.subscriptions import active_subscriptions, delivery_of, ident
from scheduler.telegram import TelegramSender

log = logging.getLogger(__name__)

BROADCASTER = "broadcaster"  # its key in bot_data
JOB_OPTIONS = {"misfire_grace_time": 3600, "coalesce": True}  # a busy minute must not lose a digest


def job_name(subscription_id: int) -> str:
    """The weekly job's name: one per subscription."""
    return f"digest:{subscription_id}"


def broadcaster_of(application: BotApplication) -> Broadcaster:
    """The broadcaster built at start-up."""
    found = application.bot_data.get(BROADCASTER)
    if not isinstance(found, Broadcaster):
        raise RuntimeError("digests have not been started")
    return found


async def send_digest(context: BotContext) -> None:
    """A job: deliver one subscription's digest for the period in its data, or for this week."""
    assert context.job is not None
    data = context.job.data
    subscription_id, period = data if isinstance(data, tuple) else (data, None)
    broadcaster = context.bot_data.get(BROADCASTER)
    assert isinstance(broadcaster, Broadcaster)
    await broadcaster.deliver(subscription_id, period or period_of(broadcaster.clock(), broadcaster.zone))


def unschedule(job_queue: JobQueue[BotContext], subscription_id: int) -> None:
    """Remove a subscription's weekly job, if it has one."""
    for job in job_queue.get_jobs_by_name(job_name(subscription_id)):
        job.schedule_removal()


def schedule(job_queue: JobQueue[BotContext], subscription: Subscription, broadcaster: Broadcaster) -> None:
    """Replace a subscription's weekly job: remove the old one if it exists, add the new one unless paused."""
    unschedule(job_queue, ident(subscription))
    if subscription.paused:
        return
    job_queue.run_daily(
        send_digest,
        time(subscription.hour, subscription.minute, tzinfo=broadcaster.zone),  # wall-clock time across DST
        days=ptb_days(subscription.weekday),
        data=ident(subscription),
        name=job_name(ident(subscription)),
        job_kwargs=JOB_OPTIONS,
    )


async def reschedule(application: BotApplication, subscription_id: int) -> None:
    """After a subscription was added, changed or removed: its job as the database now says."""
    assert application.job_queue is not None
    broadcaster = broadcaster_of(application)
    async with broadcaster.store.unit() as session:
        subscription = await session.get(Subscription, subscription_id)
    if subscription is None:
        unschedule(application.job_queue, subscription_id)
    else:
        schedule(application.job_queue, subscription, broadcaster)


async def catch_up(
    job_queue: JobQueue[BotContext], subscription: Subscription, broadcaster: Broadcaster
) -> None:
    """A digest missed (or left unfinished) while the bot was down: sent if under 12 hours late, else skipped."""
    now = broadcaster.clock()
    due = last_occurrence(now, subscription.weekday, subscription.hour, subscription.minute, broadcaster.zone)
    period = period_of(due, broadcaster.zone)
    created = subscription.created_at.replace(tzinfo=subscription.created_at.tzinfo or UTC)
    if created > due:
        return
    async with broadcaster.store.unit() as session:
        logged = await delivery_of(session, subscription_id=ident(subscription), period=period)
    wait = broadcaster.retry_in(logged)
    if wait is None:
        return
    late = now - due
    if late > MISSED_GRACE:
        log.warning("digest %s of subscription %s missed by %s: skipped", period, subscription.id, late)
        await broadcaster.skip(ident(subscription), period, f"missed while the bot was down ({late} late)")
        return
    log.info("digest %s of subscription %s missed by %s: sending it", period, subscription.id, late)
    job_queue.run_once(
        send_digest,
        max(wait, timedelta(seconds=1)),
        data=(ident(subscription), period),
        name=f"{job_name(ident(subscription))}:catch-up",
    )


async def start_digests(application: BotApplication) -> None:
    """At start-up: the broadcaster, a job per subscription from the database, and missed digests caught up."""
    assert application.job_queue is not None
    runtime = application.bot_data.runtime
    broadcaster = Broadcaster(
        runtime.store,
        TelegramSender(application.bot),
        zone=runtime.settings.zone,
        clock=runtime.assistant.clock,
    )
    application.bot_data[BROADCASTER] = broadcaster

    async def changed(subscription_id: int) -> None:
        await reschedule(application, subscription_id)

    runtime.assistant.digests.on_change = changed
    broadcaster.on_pause = changed
    async with runtime.store.unit() as session:
        subscriptions = await active_subscriptions(session)
    for subscription in subscriptions:
        schedule(application.job_queue, subscription, broadcaster)
        await catch_up(application.job_queue, subscription, broadcaster)
    log.info("digests: %d subscriptions scheduled", len(subscriptions))
