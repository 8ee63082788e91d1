"""The process's Prometheus metrics, defined in the lowest layer so that every layer can count."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

UPDATES = Counter("bosettingsbot_updates", "Telegram updates handled, by kind", ["kind"])
ANSWER_SECONDS = Histogram(
    "bosettingsbot_answer_seconds",
    "Time from taking an update to having handled it (its replies sent, or queued in a burst), in seconds",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
DIGESTS = Counter("bosettingsbot_digests", "Digest deliveries recorded, by outcome", ["outcome"])
IMPORTS = Counter("bosettingsbot_imports", "Files of figures applied, by how they came", ["action"])
DATABASE_ERRORS = Counter("bosettingsbot_database_errors", "Errors the database driver raised")
