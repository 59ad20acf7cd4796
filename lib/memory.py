"""How the process holds memory: freed memory goes back to the system instead of piling up.

pandas keeps the meetings' text in Arrow buffers. Arrow's default allocator (mimalloc) and
glibc's both keep what a run freed for later, per thread; a process serving a million
meetings then grew by tens of megabytes with every page a person opened. jemalloc with no
decay delay returns Arrow's freed pages at once, and `malloc_trim` returns the rest after
each run.

Streamlit collects Python's garbage after every run (`runner.postScriptGC`), walking every
object the process tracks: the modules, the caches and the meetings as well as the run's own
leftovers. That walk took 130 ms after each click at 10,000 meetings, holding Python's lock
while the answer waited to be sent. What lasts the process's life is set apart once
(`gc.freeze`), so each collection walks only what runs made since.
"""

import ctypes
import ctypes.util
import gc
import threading

import pyarrow as pa


def return_freed_memory_promptly() -> None:
    """Make Arrow allocate from jemalloc, giving freed pages back to the system at once."""
    try:
        pool = pa.jemalloc_memory_pool()
    except NotImplementedError:  # a pyarrow built without jemalloc keeps its default
        return
    pa.set_memory_pool(pool)
    pa.jemalloc_set_decay_ms(0)


def _trim():
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):  # not glibc
        return None


_MALLOC_TRIM = _trim()


def give_back_memory() -> None:
    """Return to the system what glibc's allocator kept after a run (cheap when little)."""
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


_settled: set[str] = set()
_settling = threading.Lock()


def set_apart_what_lasts(page: str) -> None:
    """After the first run of `page` in this process: collect the garbage, then set every
    object still alive (modules the page imported, caches, the meetings) apart from later
    collections. Each page once, so what a page imports on its first run is set apart too;
    what a later run drops is still freed, by reference counting or by the next collection.
    """
    with _settling:
        if page in _settled:
            return
        _settled.add(page)
        gc.collect()
        gc.freeze()
