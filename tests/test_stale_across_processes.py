"""A save from a form older than another process's save is refused, on each database."""

import subprocess
import sys
from pathlib import Path

import pytest

from lib.store import MeetingChanged, Store
from tests.databases import seeded

ROOT = Path(__file__).resolve().parent.parent
CANADA = "2019-04-can-amb"
SAVE = (
    "import sys\nfrom lib.store import Store\nwith Store.open(sys.argv[1]) as store:\n"
    "    store.update(sys.argv[2], {'counterpart': sys.argv[3]}, sys.argv[4])\n"
)


def save_in_another_process(url: str, id: str, counterpart: str, who: str) -> None:
    subprocess.run([sys.executable, "-c", SAVE, url, id, counterpart, who], cwd=ROOT, check=True)


def test_a_save_from_a_form_older_than_another_processes_save_is_refused(db_url):
    with Store.open(seeded(db_url)) as store:
        opened = store.get(CANADA)
        save_in_another_process(db_url, CANADA, "Saved by Bo", "bo@example.org")
        with pytest.raises(MeetingChanged) as refused:
            store.update(
                CANADA,
                {"counterpart": "Saved by Ann"},
                "ann@example.org",
                expected_revision=opened.revision,
            )
        assert refused.value.changed_by == "bo@example.org"
        assert store.get(CANADA)["counterpart"] == "Saved by Bo"
        again = store.get(CANADA)
        store.update(
            CANADA,
            {"counterpart": "Saved by Ann"},
            "ann@example.org",
            expected_revision=again.revision,
        )
        assert store.get(CANADA)["counterpart"] == "Saved by Ann"
