"""Results kept per data version and key: a rerun with the same view computes nothing
again, a new version of the meetings computes anew, and the oldest results make room."""

import pandas as pd

from lib.filters import Filters
from lib.ui import sources
from lib.ui.sources import Dataset, remembered


def _dataset(version: object) -> Dataset:
    return Dataset(pd.DataFrame(), "test", version=version)


def _counting():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return compute, calls


def test_the_same_view_is_computed_once():
    sources.forget_remembered()
    compute, calls = _counting()
    key = ("summary", Filters.of(region=["Europe"]), "en")
    first = remembered(_dataset(("db", 1)), key, compute)
    again = remembered(
        _dataset(("db", 1)), ("summary", Filters.of(region=["Europe"]), "en"), compute
    )
    assert first == again == 1 and len(calls) == 1


def test_another_view_or_a_new_version_of_the_data_computes_anew():
    sources.forget_remembered()
    compute, calls = _counting()
    remembered(_dataset(("db", 1)), ("summary", Filters.of(region=["Europe"])), compute)
    remembered(_dataset(("db", 1)), ("summary", Filters.of(region=["Asia"])), compute)
    remembered(_dataset(("db", 2)), ("summary", Filters.of(region=["Europe"])), compute)
    assert len(calls) == 3


def test_meetings_without_a_version_are_never_kept():
    sources.forget_remembered()
    compute, calls = _counting()
    remembered(_dataset(None), "key", compute)
    remembered(_dataset(None), "key", compute)
    assert len(calls) == 2


def test_the_least_recently_used_results_make_room():
    sources.forget_remembered()
    compute, calls = _counting()
    data = _dataset(("db", 1))
    remembered(data, "first", compute)
    for number in range(sources.REMEMBERED_MOST):
        remembered(data, ("other", number), compute)
        remembered(data, "first", compute)  # used again and again: kept
    remembered(data, ("other", 0), compute)  # the oldest of the others was dropped
    assert len(calls) == sources.REMEMBERED_MOST + 2
