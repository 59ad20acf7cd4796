from pathlib import Path

import pytest

from lib.meetings import read_meetings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def shipped():
    """The shipped dataset, read once."""
    return read_meetings(ROOT / "data" / "meetings.csv").meetings
