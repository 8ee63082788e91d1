"""The Dockerfile without Docker: its steps, read from it, run here (COPY into a folder standing for the image,
`pip install` by uv into a fresh virtual environment standing for its Python), then its CMD served as the
container would serve it, and its HEALTHCHECK run against it."""

from __future__ import annotations

import asyncio
import json
import re
import shlex
import shutil
import signal
import subprocess
import sys
import venv
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.botapi.server import FakeBotApi
from tests.conftest import ADMIN_ID
from tests.e2e.conftest import WEBHOOK_SECRET, free_port, wait_for_start

ROOT = Path(__file__).resolve().parents[1]
UV = Path(sys.executable).parent / "uv"  # installed with the environment (Makefile), pinned there


@dataclass
class Image:
    """What the Dockerfile's steps made: the image's files under `root`, its Python in `env`, and its settings."""

    root: Path
    env: Path
    workdir: Path
    environment: dict[str, str] = field(default_factory=dict)
    users: set[str] = field(default_factory=set)
    user: str = "root"
    healthcheck: list[str] = field(default_factory=list)
    command: list[str] = field(default_factory=list)

    def path(self, inside: str) -> Path:
        """A path inside the image, as a path here (relative ones from the working directory)."""
        return self.root / inside.lstrip("/") if inside.startswith("/") else self.workdir / inside


def instructions(dockerfile: Path) -> list[tuple[str, str]]:
    """The Dockerfile's instructions and their arguments, continued lines joined, comments left out."""
    logical = re.sub(r"\\\n", " ", dockerfile.read_text(encoding="utf-8"))
    lines = [line.strip() for line in logical.splitlines()]
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines if line and line[0] != "#"
    ]


def run_command(image: Image, words: list[str]) -> None:
    """One command of a RUN step, done here as its equivalent; a command the test does not know fails it."""
    if words[:2] == ["pip", "install"]:
        arguments = [word for word in words[2:] if word != "--no-cache-dir"]  # uv keeps its own cache
        install = [str(UV), "pip", "install", "--quiet", "--python", str(image.env / "bin" / "python")]
        subprocess.run([*install, *arguments], cwd=image.workdir, check=True, timeout=600)
    elif words[0] == "useradd":
        image.users.add(words[-1])  # a system user: nothing to make here
    elif words[0] == "mkdir":
        for folder in (word for word in words[1:] if not word.startswith("-")):
            image.path(folder).mkdir(parents=True, exist_ok=True)
    elif words[0] == "chown":
        assert words[1] in image.users, f"chown to {words[1]}, who was never made"
    else:
        raise AssertionError(
            f"the Dockerfile runs {words[0]!r}: teach tests/test_dockerfile.py its equivalent"
        )


def copy(image: Image, arguments: str) -> None:
    """A COPY step from the repository (the build context) into the image."""
    *sources, target = shlex.split(arguments)
    destination = image.path(target)
    for source in sources:
        origin = ROOT / source
        if origin.is_dir():
            shutil.copytree(origin, destination, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            destination.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, destination / origin.name)


def build(folder: Path) -> Image:
    """Follow the Dockerfile step by step."""
    image = Image(root=folder / "image", env=folder / "image-python", workdir=folder / "image")
    venv.create(image.env, with_pip=False)  # the base image's Python, empty
    for instruction, arguments in instructions(ROOT / "Dockerfile"):
        if instruction == "FROM":
            assert re.fullmatch(r"python:3\.\d+-slim(-\w+)?", arguments), (
                f"not a slim Python base: {arguments}"
            )
        elif instruction == "ENV":
            image.environment |= dict(pair.split("=", 1) for pair in shlex.split(arguments))
        elif instruction == "WORKDIR":
            image.workdir = image.path(arguments)
            image.workdir.mkdir(parents=True, exist_ok=True)
        elif instruction == "RUN":
            for command in arguments.split("&&"):
                run_command(image, shlex.split(command))
        elif instruction == "COPY":
            copy(image, arguments)
        elif instruction == "USER":
            image.user = arguments
        elif instruction == "HEALTHCHECK":
            image.healthcheck = json.loads(arguments.split(" CMD ", 1)[1])
        elif instruction == "CMD":
            image.command = json.loads(arguments)
    return image


def environment(image: Image, botapi: FakeBotApi, port: int) -> dict[str, str]:
    """The container's environment: the image's, its database inside it, the local Bot API, a webhook here."""
    database = image.environment["DATABASE_URL"].removeprefix("sqlite:///")
    return image.environment | {
        "PATH": f"{image.env / 'bin'}:/usr/bin:/bin",
        "DATABASE_URL": f"sqlite:///{image.path(database)}",
        "TELEGRAM_BOT_TOKEN": botapi.token,
        "TELEGRAM_BASE_URL": botapi.base_url,
        "TELEGRAM_BASE_FILE_URL": botapi.base_file_url,
        "ADMIN_IDS": str(ADMIN_ID),
        "WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram",
        "WEBHOOK_SECRET": WEBHOOK_SECRET,
        "WEBHOOK_LISTEN": "127.0.0.1",  # the image listens on every address; here only this machine's
        "WEBHOOK_PORT": str(port),
    }


async def test_the_dockerfile_builds_a_bot_that_serves_and_reports_healthy(tmp_path: Path) -> None:
    """Built by its steps, the image runs as a user of its own, seeds the register into an empty database, answers
    over its webhook, and its health check passes; SIGTERM stops it cleanly."""
    if not UV.exists():
        pytest.fail(f"{UV} is missing: `make .venv/.installed-stamp` installs it")
    image = build(tmp_path)
    assert image.user in image.users and image.user != "root"
    botapi = FakeBotApi()
    await botapi.start()
    settings = environment(image, botapi, free_port())
    log = tmp_path / "container.log"
    with log.open("wb") as output:
        container = await asyncio.create_subprocess_exec(
            *image.command, cwd=image.workdir, env=settings, stdout=output, stderr=output
        )
    try:
        await wait_for_start(botapi, container, log, "setWebhook", after=0)
        botapi.send_text(ADMIN_ID, "status Melhus 2015")
        (card,) = await botapi.wait_for(ADMIN_ID, 1, timeout=30)
        assert "Bosatt: 43" in card["text"]  # from the register and seed figures the image carries
        check = subprocess.run(image.healthcheck, cwd=image.workdir, env=settings, timeout=30, check=False)
        assert check.returncode == 0, log.read_text()
        container.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(container.wait(), 30) == 0, log.read_text()
    finally:
        if container.returncode is None:
            container.kill()
            await container.wait()
        await botapi.stop()
