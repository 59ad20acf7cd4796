"""What the process keeps: the first run of each page sets what lasts apart from Python's
collections (so a click's collection walks only what runs made), and garbage made later is
still freed."""

import gc
import weakref

import pytest

from lib import memory


@pytest.fixture
def fresh_process(monkeypatch):
    """As in a new app process: no page run yet, nothing set apart."""
    monkeypatch.setattr(memory, "_settled", set())
    gc.unfreeze()
    yield
    gc.unfreeze()


class _Cycle:
    def __init__(self):
        self.me = self


def test_a_collection_after_the_first_run_walks_only_what_runs_made(fresh_process):
    lasting = [[n] for n in range(300_000)]  # modules, caches, the meetings
    walked_before = len(gc.get_objects())  # what a collection walks
    memory.set_apart_what_lasts("map")
    assert gc.get_freeze_count() >= len(lasting)
    assert len(gc.get_objects()) < walked_before - len(lasting)


def test_each_page_sets_apart_once(fresh_process):
    memory.set_apart_what_lasts("map")
    frozen = gc.get_freeze_count()
    kept_after = [[n] for n in range(1000)]
    memory.set_apart_what_lasts("map")  # the map's second run: nothing more set apart
    assert gc.get_freeze_count() == frozen
    memory.set_apart_what_lasts("Timeline")  # another page's first run: what it made
    assert gc.get_freeze_count() >= frozen + len(kept_after)


def test_garbage_a_later_run_leaves_is_still_freed(fresh_process):
    memory.set_apart_what_lasts("map")
    left = _Cycle()  # a run's leftover that only a collection frees
    gone = weakref.ref(left)
    del left
    gc.collect()
    assert gone() is None
