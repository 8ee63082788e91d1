"""Scheduler tests: the two-backend store of the store tests, and the local Bot API server of the e2e tests."""

from __future__ import annotations

from tests.e2e.conftest import botapi
from tests.store.conftest import store

__all__ = ["botapi", "store"]
