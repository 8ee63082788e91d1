"""Scheduler tests run on SQLite and, where a server is configured, on PostgreSQL (as the store tests do)."""

from __future__ import annotations

from tests.store.conftest import store

__all__ = ["store"]
