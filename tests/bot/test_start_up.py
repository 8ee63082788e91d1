"""What start-up does on a migrated, seeded database, and what it leaves to the warm-up once the bot polls."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pandas", "matplotlib", "openpyxl", "alembic")  # imported when first needed, never to start
# Start-up as the bot does it (settings, the runtime, the place index, the application), then the warm-up.
START_UP = """
import asyncio, json, sys
from bot import language
from bot.application import build_application, open_runtime
from bot.settings import load_settings

HEAVY = %r

def loaded():
    return {"modules": [m for m in HEAVY if m in sys.modules], "lingua": language._built_detector.cache_info().currsize}

async def main():
    settings = load_settings()
    build_application(settings)
    runtime = await open_runtime(settings)
    await runtime.store.index()
    started = loaded()
    runtime.assistant.warm_up()
    await runtime.store.close()
    print(json.dumps({"started": started, "warmed": loaded()}))

asyncio.run(main())
"""


def start_up(database_url: str, folder: Path) -> dict[str, dict[str, object]]:
    """Run start-up in a fresh interpreter; what it had loaded when started, and after the warm-up."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": database_url,
        "TELEGRAM_BOT_TOKEN": "123456:TEST",
    }
    done = subprocess.run(
        [sys.executable, "-c", START_UP % (HEAVY,)],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    loaded: dict[str, dict[str, object]] = json.loads(done.stdout.splitlines()[-1])
    return loaded


def test_start_up_imports_no_heavy_library_and_leaves_lingua_to_the_warm_up(
    sqlite_url: str, tmp_path: Path
) -> None:
    """Start-up imports no heavy library (nor Alembic: the schema is current) nor lingua's models; the warm-up does."""
    loaded = start_up(sqlite_url, tmp_path)
    assert loaded["started"] == {"modules": [], "lingua": 0}
    assert loaded["warmed"] == {"modules": ["matplotlib"], "lingua": 1}
