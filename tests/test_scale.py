"""Guards against work that grows per meeting creeping back in (timings live in bench/)."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from lib import aggregates, world_map
from lib import filters as flt
from lib.countries import clear_resolution_cache, resolution_cache_info
from lib.meetings import FORMAT_COLUMNS, PRECISIONS, read_meetings

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "scripts" / "make_synthetic.py"
MAP_LIMIT_BYTES = 150 * 1024
pytestmark = pytest.mark.slow  # synthetic data by the thousand


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_synthetic", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_synthetic = _load_generator()


def generate(tmp_path: Path, meetings: int, seed: int, name: str = "meetings.csv") -> Path:
    """Run the generator as people do, from the command line."""
    out = tmp_path / name
    subprocess.run(
        [sys.executable, str(GENERATOR), "--meetings", str(meetings), "--seed", str(seed)]
        + ["--out", str(out)],
        check=True,
        capture_output=True,
    )
    return out


@pytest.fixture(scope="module")
def twenty_thousand(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("scale") / "meetings_20000.csv"
    path.write_bytes(make_synthetic.csv_bytes(make_synthetic.synthetic_columns(20_000, 11)))
    return path


def test_reading_resolves_each_distinct_country_text_once(twenty_thousand):
    texts = make_synthetic.synthetic_columns(20_000, 11)["country"]
    distinct = {text.strip() for text in texts}
    assert len(distinct) < 2_000  # awkward spellings included, far fewer than the rows
    clear_resolution_cache()
    result = read_meetings(twenty_thousand)
    info = resolution_cache_info()
    assert len(result.meetings) == 20_000
    assert info.misses == len(distinct)
    # A per-row lookup, even a cached one, would show ~20,000 calls here.
    assert info.hits + info.misses <= 2 * len(distinct)


def _map_json_bytes(path: Path) -> int:
    meetings = read_meetings(path).meetings
    summary = aggregates.country_summary(meetings, flt.program_rows(meetings))
    rows = world_map.country_rows(summary, "Meetings", aggregates.missions())
    return len(rows.to_json(orient="records"))


def test_map_rows_are_built_from_countries_not_meetings(twenty_thousand, tmp_path):
    small = tmp_path / "meetings_2000.csv"
    small.write_bytes(make_synthetic.csv_bytes(make_synthetic.synthetic_columns(2_000, 11)))
    size_small, size_large = _map_json_bytes(small), _map_json_bytes(twenty_thousand)
    assert size_large < MAP_LIMIT_BYTES
    # Ten times the meetings; only the few countries met for the first time may add to it.
    assert size_large <= 1.5 * size_small


def test_generator_is_deterministic_and_its_output_reads_cleanly(tmp_path):
    first = generate(tmp_path, 2_000, 42, "first.csv")
    second = generate(tmp_path, 2_000, 42, "second.csv")
    other = generate(tmp_path, 2_000, 43, "other.csv")
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() != other.read_bytes()
    assert first.read_text().split("\n", 1)[0] == ",".join(FORMAT_COLUMNS)

    result = read_meetings(first)
    meetings = result.meetings
    assert result.problems == []
    assert len(meetings) == 2_000
    assert meetings["id"].is_unique
    assert meetings["source_url"].tolist() == [f"synthetic://42/{n}" for n in range(1, 2_001)]
    assert meetings["source_title"].str.contains("synthetic", case=False).all()
    # Realistic mix: every precision and every follow-up status occurs.
    assert set(meetings["date_precision"].astype(str)) == set(PRECISIONS)
    assert {"open", "done", "dropped"} <= set(meetings["follow_up_status"].astype(str))
    assert meetings["date"].dt.year.between(2015, 2025).all()


def test_generator_writes_a_deterministic_workbook(tmp_path):
    first = generate(tmp_path, 200, 5, "first.xlsx")
    second = generate(tmp_path, 200, 5, "second.xlsx")
    assert first.read_bytes() == second.read_bytes()
    result = read_meetings(first)
    assert result.problems == []
    assert len(result.meetings) == 200


def test_generator_refuses_the_shipped_data(tmp_path):
    shipped = ROOT / "data" / "meetings.csv"
    before = shipped.read_bytes()
    run = subprocess.run(
        [sys.executable, str(GENERATOR), "--meetings", "5", "--out", str(shipped)],
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert "data/" in run.stderr
    assert shipped.read_bytes() == before
