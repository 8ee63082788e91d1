"""The nightly refresh as a job of the running application: scheduled when IMDI_CSV_URL is set, admins told."""

from __future__ import annotations

from bot.application import REFRESH_JOB, start_refresh
from bot.runtime import BotApplication
from tests.conftest import ADMIN_ID, COORDINATOR_ID, Files
from tests.handlers.conftest import RecordingRequest
from tests.uploads import IMDI_LONG, csv_bytes


async def test_the_refresh_job_runs_daily_and_tells_each_admin_once(
    application: BotApplication, recorder: RecordingRequest, imdi: tuple[str, Files]
) -> None:
    """No URL, no job; with one, a daily job at IMDI_REFRESH_AT whose run imports the file and tells the admins."""
    assert application.job_queue is not None
    runtime = application.bot_data.runtime
    start_refresh(application)
    assert not application.job_queue.get_jobs_by_name(REFRESH_JOB)
    url, files = imdi
    files["/bosetting.csv"] = csv_bytes(IMDI_LONG, "iso-8859-1")
    runtime.settings = runtime.settings.model_copy(
        update={"imdi_csv_url": f"{url}/bosetting.csv", "imdi_refresh_at": "05:30"}
    )
    start_refresh(application)
    (job,) = application.job_queue.get_jobs_by_name(REFRESH_JOB)
    assert job.trigger.fields[5].expressions[0].first == 5  # type: ignore[attr-defined]  # the cron hour
    await job.run(application)
    (told,) = recorder.sent("sendMessage", ADMIN_ID)
    assert "IMDis statistikk er hentet og lagret" in told["text"] and told["parse_mode"] == "HTML"
    assert not recorder.sent("sendMessage", COORDINATOR_ID)
