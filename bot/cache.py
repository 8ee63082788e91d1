"""A small LRU cache that empties itself when the store's data changes."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

from store.store import Store

Value = TypeVar("Value")


class AnswerCache(Generic[Value]):
    """Remembers values computed from the store until its generation moves on."""

    def __init__(self, store: Store, size: int = 4096) -> None:
        self.store = store
        self.size = size
        self.generation = store.generation
        self.entries: OrderedDict[Hashable, Value] = OrderedDict()

    def get(self, key: Hashable) -> Value | None:
        """The cached value, or None if absent or the data changed since."""
        if self.generation != self.store.generation:
            self.entries.clear()
            self.generation = self.store.generation
        value = self.entries.get(key)
        if value is not None:
            self.entries.move_to_end(key)
        return value

    def put(self, key: Hashable, value: Value, generation: int) -> None:
        """Remember a value computed at the given generation (dropped if the data changed meanwhile)."""
        if generation != self.store.generation:
            return
        self.entries[key] = value
        if len(self.entries) > self.size:
            self.entries.popitem(last=False)
