# Bosettingsbot: the bot in webhook mode (see README, "Deployment"). tests/test_dockerfile.py runs these steps.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    WEBHOOK_LISTEN=0.0.0.0 \
    WEBHOOK_PORT=8443 \
    DATABASE_URL=sqlite:////app/data/bosettingsbot.sqlite3

WORKDIR /app
RUN useradd --create-home --uid 10001 bot && mkdir -p /app/data && chown bot /app/data

# The tested versions first (a layer that changes only with the lock), then the bot with its register data.
COPY requirements.lock pyproject.toml ./
COPY bot ./bot
COPY handlers ./handlers
COPY scheduler ./scheduler
COPY store ./store
RUN pip install --no-cache-dir -c requirements.lock .

USER bot
EXPOSE 8443
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ['WEBHOOK_PORT']}/healthz\", timeout=4)"]
CMD ["bosettingsbot", "run"]
