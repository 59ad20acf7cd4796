"""How the process holds memory: freed memory goes back to the system instead of piling up.

pandas keeps the meetings' text in Arrow buffers. Arrow's default allocator (mimalloc) and
glibc's both keep what a run freed for later, per thread; a process serving a million
meetings then grew by tens of megabytes with every page a person opened. jemalloc with no
decay delay returns Arrow's freed pages at once, and `malloc_trim` returns the rest after
each run.
"""

import ctypes
import ctypes.util

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
