"""A bounded store of computed results, the least recently used dropped first.

Plain Python, shared between sessions (each look-up takes a lock): `lib/ui/sources.py`
keeps aggregates and option lists per data version in one, `lib/filters.py` the search's
matches per meetings frame.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable


class Kept:
    """At most `most` results, each found again by its (hashable) key."""

    def __init__(self, most: int):
        self.most = most
        self._results: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], object]) -> object:
        """The result kept for `key`, or `compute()` kept for it now."""
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
        result = compute()  # outside the lock: two sessions may both compute, one is kept
        with self._lock:
            self._results[key] = result
            while len(self._results) > self.most:
                self._results.popitem(last=False)
        return result

    def clear(self) -> None:
        with self._lock:
            self._results.clear()

    def __len__(self) -> int:
        return len(self._results)
