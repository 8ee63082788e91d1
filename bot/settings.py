"""Settings from the environment or .env, checked at start."""

from __future__ import annotations

import re
from datetime import time
from typing import Annotated
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from store.bounds import USER_IDS, whole_number
from store.db import DEFAULT_DATABASE_URL, async_url

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOG_FORMATS = ("text", "json")
SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what Telegram accepts as a webhook's secret_token


class Settings(BaseSettings):
    """Everything the bot is configured with; see .env.example."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_base_url: str = "https://api.telegram.org/bot"
    telegram_base_file_url: str = "https://api.telegram.org/file/bot"
    database_url: str = DEFAULT_DATABASE_URL
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(default_factory=frozenset)
    access: str = "members"
    timezone: str = "Europe/Oslo"
    log_level: str = "INFO"
    ops_chat_id: int | None = None
    retention_weeks: int = Field(default=26, ge=1, le=520)  # the delivery log is pruned after this many weeks
    imdi_csv_url: str = ""  # empty: no nightly refresh
    imdi_refresh_at: str = "05:30"
    log_format: str = "text"
    webhook_url: str = ""  # empty: long polling
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    metrics_port: int | None = Field(default=None, ge=1, le=65535)  # polling mode: /healthz and /metrics

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        """Read ADMIN_IDS as comma-separated Telegram user ids."""
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            ids = [whole_number(part, USER_IDS) for part in parts]
            if None in ids:
                raise ValueError(
                    "ADMIN_IDS must be comma-separated numeric Telegram user ids (positive, below 2**52)"
                )
            return frozenset(ids)
        return value

    @field_validator("telegram_bot_token", "ops_chat_id", "webhook_secret", "metrics_port", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        """Treat an empty TELEGRAM_BOT_TOKEN, OPS_CHAT_ID, WEBHOOK_SECRET or METRICS_PORT as unset."""
        return None if value in ("", None) else value

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str) -> str:
        """Accept only SQLite and PostgreSQL URLs."""
        async_url(value)
        return value

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, value: str) -> str:
        """Accept only IANA time zone names such as Europe/Oslo."""
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone {value!r}") from error
        return value

    @field_validator("log_level")
    @classmethod
    def _check_log_level(cls, value: str) -> str:
        """Accept the standard logging level names."""
        if value.upper() not in LOG_LEVELS:
            raise ValueError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}")
        return value.upper()

    @field_validator("log_format")
    @classmethod
    def _check_log_format(cls, value: str) -> str:
        """LOG_FORMAT is 'text' (one readable line) or 'json' (one JSON object per line)."""
        if value.lower() not in LOG_FORMATS:
            raise ValueError("LOG_FORMAT must be 'text' or 'json'")
        return value.lower()

    @field_validator("webhook_url")
    @classmethod
    def _check_webhook_url(cls, value: str) -> str:
        """WEBHOOK_URL is empty (long polling) or the public https:// (or http://) address Telegram posts to."""
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("WEBHOOK_URL must be an https:// address, or empty for long polling")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _check_webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        """WEBHOOK_SECRET is what Telegram accepts as a secret token: 1–256 of A–Z, a–z, 0–9, _ and -."""
        if value is not None and not SECRET_TOKEN.fullmatch(value.get_secret_value()):
            raise ValueError("WEBHOOK_SECRET must be 1–256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    @model_validator(mode="after")
    def _webhook_needs_secret(self) -> Settings:
        """A webhook without a secret would take updates from anyone who finds its address."""
        if self.webhook_url and self.webhook_secret is None:
            raise ValueError("WEBHOOK_SECRET must be set when WEBHOOK_URL is")
        return self

    @field_validator("access")
    @classmethod
    def _check_access(cls, value: str) -> str:
        """ACCESS is 'members' (only users added by an admin) or 'open' (anyone may ask)."""
        if value not in ("members", "open"):
            raise ValueError("ACCESS must be 'members' or 'open'")
        return value

    @field_validator("imdi_csv_url")
    @classmethod
    def _check_imdi_url(cls, value: str) -> str:
        """IMDI_CSV_URL is empty (no refresh) or an http(s) address."""
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("IMDI_CSV_URL must be an http:// or https:// address, or empty")
        return value

    @field_validator("imdi_refresh_at")
    @classmethod
    def _check_refresh_at(cls, value: str) -> str:
        """IMDI_REFRESH_AT is a time of day, HH:MM."""
        try:
            time.fromisoformat(value)
        except ValueError as error:
            raise ValueError("IMDI_REFRESH_AT must be a time of day such as 05:30") from error
        return value

    @property
    def refresh_time(self) -> time:
        """When the nightly refresh runs, in TIMEZONE."""
        return time.fromisoformat(self.imdi_refresh_at).replace(tzinfo=self.zone)

    @property
    def webhook_path(self) -> str:
        """The path of WEBHOOK_URL, where the bot takes Telegram's posts (a proxy forwards them)."""
        return urlsplit(self.webhook_url).path or "/"

    @property
    def zone(self) -> ZoneInfo:
        """The configured time zone."""
        return ZoneInfo(self.timezone)


def load_settings() -> Settings:
    """Read the settings, or stop with one clear line per problem."""
    try:
        return Settings()
    except ValidationError as error:
        problems = "; ".join(  # a problem of one variable is named by it; one of two names both itself
            ": ".join(
                filter(
                    None, (".".join(str(p) for p in e["loc"]).upper(), e["msg"].removeprefix("Value error, "))
                )
            )
            for e in error.errors()
        )
        raise SystemExit(f"Bad settings: {problems}") from None
