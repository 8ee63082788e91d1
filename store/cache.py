"""A small LRU cache that empties itself when the store's data changes."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from sqlmodel.ext.asyncio.session import AsyncSession

    from store.store import Store

Value = TypeVar("Value")


class GenerationCache(Generic[Value]):
    """Remembers values computed from the store until its generation moves on.

    Each value weighs `weigh(value)` (1 unless told); beyond `budget` the least recently used go.
    """

    def __init__(self, store: Store, budget: int = 4096, weigh: Callable[[Value], int] = lambda _: 1) -> None:
        self.store = store
        self.budget = budget
        self.weigh = weigh
        self.weight = 0
        self.generation = store.generation
        self.entries: OrderedDict[Hashable, Value] = OrderedDict()
        self.weights: dict[Hashable, int] = {}
        # the keys held before the data last changed, least recently used first
        self.forgotten: list[Hashable] = []

    def get(self, key: Hashable) -> Value | None:
        """The cached value, or None if absent or the data changed since."""
        self._forget_stale()
        value = self.entries.get(key)
        if value is not None:
            self.entries.move_to_end(key)
        return value

    async def read(self, key: Hashable, query: Callable[[AsyncSession], Awaitable[Value]]) -> Value:
        """The cached value, else the query's answer in a unit of work, kept until the data changes."""
        value = self.get(key)
        if value is None:
            generation = self.store.generation
            async with self.store.unit() as session:
                value = await query(session)
            self.put(key, value, generation)
        return value

    def holds(self, key: Hashable) -> bool:
        """Whether a value is cached for the key (not counted as a use)."""
        self._forget_stale()
        return key in self.entries

    def recent(self) -> list[Hashable]:
        """The keys held, and those held before the data last changed, most recently used first."""
        self._forget_stale()
        return list(dict.fromkeys([*reversed(self.entries), *reversed(self.forgotten)]))

    def put(self, key: Hashable, value: Value, generation: int) -> None:
        """Remember a value computed at the given generation (dropped if the data changed meanwhile)."""
        if generation != self.store.generation:
            return
        self._forget_stale()
        if key in self.entries:
            del self.entries[key]
            self.weight -= self.weights.pop(key)
        self.entries[key] = value
        self.weights[key] = self.weigh(value)  # as put: a value grown since (more years read) is put again
        self.weight += self.weights[key]
        while self.weight > self.budget and len(self.entries) > 1:
            self.weight -= self.weights.pop(self.entries.popitem(last=False)[0])

    def _forget_stale(self) -> None:
        """Empty the cache if the store's data changed since its values were computed."""
        if self.generation != self.store.generation:
            # after two changes in a row, what was held before the first
            self.forgotten = list(self.entries) or self.forgotten
            self.entries.clear()
            self.weights.clear()
            self.weight = 0
            self.generation = self.store.generation
