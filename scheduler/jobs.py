"""Subscriptions as named jobs on python-telegram-bot's job queue (APScheduler), rebuilt at start-up."""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, time, timedelta
from typing import Any

from telegram.ext import CallbackContext, JobQueue

from scheduler.delivery import Broadcaster, aware, summary
from scheduler.schedule import MISSED_GRACE, last_occurrence, period_of, ptb_days
from scheduler.subscriptions import (
    active_subscriptions,
    deliveries_of,
    delivery_of,
    prune_deliveries,
    subscription_id_of,
)
from store.models import Delivery, Subscription
from store.vocabulary import DeliveryStatus

log = logging.getLogger(__name__)

JOB_OPTIONS = {"misfire_grace_time": 3600, "coalesce": True}  # a busy minute must not lose a digest
LEFT_OVER_EVERY = timedelta(seconds=10)  # how often the bot looks for digests a dead sender (or replica) left
FAILED_AGAIN_AFTER = timedelta(minutes=5)  # a failed digest is tried again this long after its last try
PRUNE_AT = time(3, 30)  # local time of the daily pruning of the delivery log
RETENTION = timedelta(weeks=26)  # RETENTION_WEEKS' default
AnyContext = CallbackContext[Any, Any, Any, Any]
WEEKLY_JOB = re.compile(r"digest:\d+")  # job_name's form (catch-up and resend jobs have more after it)


def job_name(subscription_id: int) -> str:
    """The weekly job's name: one per subscription."""
    return f"digest:{subscription_id}"


class DigestJobs:
    """Each subscription's weekly job on the job queue, kept as the database says."""

    def __init__(
        self, job_queue: JobQueue[Any], broadcaster: Broadcaster, *, retention: timedelta = RETENTION
    ) -> None:
        self.job_queue = job_queue
        self.broadcaster = broadcaster
        self.retention = retention  # how long the delivery log keeps an entry

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
        self.unschedule(subscription_id_of(subscription))
        if subscription.paused:
            return
        self.job_queue.run_daily(
            self.send,
            time(
                subscription.hour, subscription.minute, tzinfo=self.broadcaster.zone
            ),  # wall clock across DST
            days=ptb_days(subscription.weekday),
            data=subscription_id_of(subscription),
            name=job_name(subscription_id_of(subscription)),
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

    async def changed(self, subscription_id: int | None) -> None:
        """The change signal: a subscription changed somewhere (None: any may have), so its job follows."""
        if subscription_id is None:
            await self.resync()
        else:
            await self.reschedule(subscription_id)

    async def resync(self) -> int:
        """Every weekly job as the database says (one per active subscription, none for the rest), and the
        digests missed meanwhile caught up (a job replaced as it was due would not fire); how many are active."""
        async with self.broadcaster.store.unit() as session:
            subscriptions = await active_subscriptions(session)
        active = {job_name(subscription_id_of(s)) for s in subscriptions}
        for job in self.job_queue.jobs():
            if WEEKLY_JOB.fullmatch(job.name or "") and job.name not in active:
                job.schedule_removal()
        for subscription in subscriptions:
            self.schedule(subscription)
            await self.catch_up(subscription)
        return len(subscriptions)

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
            logged = await delivery_of(
                session, subscription_id=subscription_id_of(subscription), period=period
            )
        wait = broadcaster.retry_in(logged)
        if wait is None:
            return
        late = now - due
        if late > MISSED_GRACE:
            log.warning("digest %s of subscription %s missed by %s: skipped", period, subscription.id, late)
            await broadcaster.skip(
                subscription_id_of(subscription), period, f"missed while the bot was down ({late} late)"
            )
            return
        log.info("digest %s of subscription %s missed by %s: sending it", period, subscription.id, late)
        self.job_queue.run_once(
            self.send,
            max(wait, timedelta(seconds=1)),
            data=(subscription_id_of(subscription), period),
            name=f"{job_name(subscription_id_of(subscription))}:catch-up",
        )

    async def finish_left_over(self, _context: AnyContext) -> None:
        """A periodic job: this period's digests whose time has come that a dead sender left, or that failed.

        One still `sending` is never among them: it may have arrived.
        """
        broadcaster = self.broadcaster
        now = broadcaster.clock()
        period = period_of(now, broadcaster.zone)
        async with broadcaster.store.unit() as session:
            subscriptions = await active_subscriptions(session)
            logged = await deliveries_of(session, period=period)
        left = [
            s
            for s in subscriptions
            if self._left_over(logged.get(subscription_id_of(s))) and self._due_by(s, now, period)
        ]
        if left:
            counts = await broadcaster.send_all(left, period)
            log.info("digests %s left over or failed: %s", period, summary(+counts))

    def _left_over(self, logged: Delivery | None) -> bool:
        """Whether a log entry is a claim whose owner is gone, or a failure whose next try is due."""
        if logged is None or logged.status not in (DeliveryStatus.PENDING, DeliveryStatus.FAILED):
            return False
        if logged.status == DeliveryStatus.FAILED:
            return aware(logged.attempted_at) <= datetime.now(UTC) - FAILED_AGAIN_AFTER
        return self.broadcaster.retry_in(logged) == timedelta(0)

    def _due_by(self, subscription: Subscription, now: datetime, period: str) -> bool:
        """Whether the subscription's time in this period has come."""
        zone = self.broadcaster.zone
        due = last_occurrence(now, subscription.weekday, subscription.hour, subscription.minute, zone)
        return period_of(due, zone) == period

    async def resend(self) -> int:
        """Send this period's digests of unknown outcome again, in the background; returns how many there are."""
        broadcaster = self.broadcaster
        period = period_of(broadcaster.clock(), broadcaster.zone)
        unknown = len(await broadcaster.unknown(period))
        if unknown:
            self.job_queue.run_once(self._resend, 0, data=period, name=f"digest:resend:{period}")
        return unknown

    async def _resend(self, context: AnyContext) -> None:
        """The job behind resend: the broadcaster sends the period's unknown ones again."""
        assert context.job is not None
        period = str(context.job.data)
        log.info(
            "digests %s of unknown outcome sent again: %s",
            period,
            summary(await self.broadcaster.resend(period)),
        )

    async def prune(self, _context: AnyContext | None = None) -> int:
        """A daily job: the delivery log's entries older than the retention period are deleted; how many."""
        before = self.broadcaster.clock() - self.retention
        async with self.broadcaster.store.unit() as session:
            pruned = await prune_deliveries(session, before=before)
        log.info("delivery log: %d entries from before %s deleted", pruned, before.date())
        return pruned

    async def start(self) -> None:
        """At start-up: a job per subscription from the database, missed digests caught up, left-overs watched."""
        self.broadcaster.on_pause = self.reschedule
        self.broadcaster.store.on_subscription = self.changed  # changes in any replica (PostgreSQL)
        scheduled = await self.resync()
        self.job_queue.run_repeating(
            self.finish_left_over, LEFT_OVER_EVERY, first=LEFT_OVER_EVERY, name="digest:left-over"
        )
        self.job_queue.run_daily(
            self.prune, PRUNE_AT.replace(tzinfo=self.broadcaster.zone), name="privacy:prune"
        )
        log.info("digests: %d subscriptions scheduled", scheduled)
