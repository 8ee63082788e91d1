"""Subscriptions as named jobs on python-telegram-bot's job queue (APScheduler), rebuilt at start-up."""

from __future__ import annotations

import logging
from datetime import UTC, time, timedelta
from typing import Any

from telegram.ext import CallbackContext, JobQueue

from scheduler.delivery import Broadcaster
from scheduler.schedule import MISSED_GRACE, last_occurrence, period_of, ptb_days
from scheduler.subscriptions import active_subscriptions, delivery_of, ident
from store.models import Subscription

log = logging.getLogger(__name__)

JOB_OPTIONS = {"misfire_grace_time": 3600, "coalesce": True}  # a busy minute must not lose a digest
AnyContext = CallbackContext[Any, Any, Any, Any]


def job_name(subscription_id: int) -> str:
    """The weekly job's name: one per subscription."""
    return f"digest:{subscription_id}"


class DigestJobs:
    """Each subscription's weekly job on the job queue, kept as the database says."""

    def __init__(self, job_queue: JobQueue[Any], broadcaster: Broadcaster) -> None:
        self.job_queue = job_queue
        self.broadcaster = broadcaster

    async def send(self, context: AnyContext) -> None:
        """A job: deliver one subscription's digest for the period in its data, or for this week."""
        assert context.job is not None
        data = context.job.data
        subscription_id, period = data if isinstance(data, tuple) else (data, None)
        broadcaster = self.broadcaster
        await broadcaster.deliver(subscription_id, period or period_of(broadcaster.clock(), broadcaster.zone))

    def unschedule(self, subscription_id: int) -> None:
        """Remove a subscription's weekly job, if it has one."""
        for job in self.job_queue.get_jobs_by_name(job_name(subscription_id)):
            job.schedule_removal()

    def schedule(self, subscription: Subscription) -> None:
        """Replace a subscription's weekly job: remove the old one if it exists, add the new one unless paused."""
        self.unschedule(ident(subscription))
        if subscription.paused:
            return
        self.job_queue.run_daily(
            self.send,
            time(
                subscription.hour, subscription.minute, tzinfo=self.broadcaster.zone
            ),  # wall clock across DST
            days=ptb_days(subscription.weekday),
            data=ident(subscription),
            name=job_name(ident(subscription)),
            job_kwargs=JOB_OPTIONS,
        )

    async def reschedule(self, subscription_id: int) -> None:
        """After a subscription was added, changed or removed: its job as the database now says."""
        async with self.broadcaster.store.unit() as session:
            subscription = await session.get(Subscription, subscription_id)
        if subscription is None:
            self.unschedule(subscription_id)
        else:
            self.schedule(subscription)

    async def catch_up(self, subscription: Subscription) -> None:
        """A digest missed (or left unfinished) while the bot was down: sent if under 12 hours late, else skipped."""
        broadcaster = self.broadcaster
        now = broadcaster.clock()
        due = last_occurrence(
            now, subscription.weekday, subscription.hour, subscription.minute, broadcaster.zone
        )
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
            await broadcaster.skip(
                ident(subscription), period, f"missed while the bot was down ({late} late)"
            )
            return
        log.info("digest %s of subscription %s missed by %s: sending it", period, subscription.id, late)
        self.job_queue.run_once(
            self.send,
            max(wait, timedelta(seconds=1)),
            data=(ident(subscription), period),
            name=f"{job_name(ident(subscription))}:catch-up",
        )

    async def start(self) -> None:
        """At start-up: a job per subscription from the database, and missed digests caught up."""
        self.broadcaster.on_pause = self.reschedule
        async with self.broadcaster.store.unit() as session:
            subscriptions = await active_subscriptions(session)
        for subscription in subscriptions:
            self.schedule(subscription)
            await self.catch_up(subscription)
        log.info("digests: %d subscriptions scheduled", len(subscriptions))
