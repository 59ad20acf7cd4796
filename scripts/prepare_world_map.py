"""Write static/world_countries.json, the outreach map's country shapes, from world_110m.json.

Run once when static/world_110m.json changes: `python -m scripts.prepare_world_map`.

The map looks each country's shape up by its ISO code, so the file holds exactly one shape
per code: world_110m.json has two each for Palestine, Ecuador, Spain and Portugal (a lookup
found one, and mainland Spain stayed grey); they are merged here. A ring that crosses the
antimeridian (Russia's far east) is cut at ±180° into a part on each side, so that no
projection draws a band across the map. Antarctica, with no embassy and no meeting, is left
out; the map gives its room to the countries.
"""

import argparse
import json
from pathlib import Path

import numpy as np

from lib import world_map

STATIC = Path(__file__).resolve().parent.parent / "static"
SOURCE, TARGET = STATIC / "world_110m.json", STATIC / "world_countries.json"
OBJECT = "countries"  # the object holding the countries, in the source and the target
LEFT_OUT = {"ATA"}
STEPS = 100_000  # quantisation of the written positions (0.0036° of longitude a step)


def _rings(world: dict) -> dict[str, list[list[np.ndarray]]]:
    """ISO code → its polygons, each a list of rings of (lon, lat) points, merged per code."""
    arcs = world_map.decoded_arcs(world)
    shapes: dict[str, list[list[np.ndarray]]] = {}
    for shape in world["objects"][OBJECT]["geometries"]:
        code = shape.get("id")
        if not code or code in LEFT_OUT:
            continue
        polygons = shape["arcs"] if shape["type"] == "MultiPolygon" else [shape["arcs"]]
        shapes.setdefault(code, []).extend(
            [world_map.ring(arcs, r) for r in polygon] for polygon in polygons
        )
    return shapes


def _clip(ring: np.ndarray, low: float, high: float) -> np.ndarray:
    """The part of a ring between two meridians (Sutherland–Hodgman, one side at a time)."""
    for inside, edge in ((lambda x: x >= low, low), (lambda x: x <= high, high)):
        kept: list[tuple[float, float]] = []
        count = len(ring)
        for i in range(count):
            current, following = ring[i], ring[(i + 1) % count]
            if inside(current[0]):
                kept.append((current[0], current[1]))
            if inside(current[0]) != inside(following[0]):
                share = (edge - current[0]) / (following[0] - current[0])
                kept.append((edge, current[1] + share * (following[1] - current[1])))
        ring = np.asarray(kept, dtype=float).reshape(-1, 2)
        if len(ring) == 0:
            break
    return ring


def split_at_antimeridian(ring: np.ndarray) -> list[np.ndarray]:
    """The ring, or its parts on each side of ±180° when it crosses there."""
    steps = np.diff(ring[:, 0])
    if not (np.abs(steps) > 180).any():
        return [ring]
    # Longitudes made continuous: the ring then runs past ±180 instead of jumping.
    shift = np.concatenate([[0.0], -360 * np.cumsum(np.round(steps / 360))])
    unwrapped = ring.copy()
    unwrapped[:, 0] += shift
    parts = []
    for offset in (-360.0, 0.0, 360.0):
        part = _clip(unwrapped, -180 + offset, 180 + offset)
        if len(part) >= 3:
            part[:, 0] -= offset
            parts.append(np.vstack([part, part[:1]]))
    return parts


def topology(shapes: dict[str, list[list[np.ndarray]]]) -> dict:
    """A TopoJSON topology with one MultiPolygon per code, each ring its own arc."""
    scale = (360 / (STEPS - 1), 180 / (STEPS - 1))
    arcs: list[list[list[int]]] = []
    geometries = []
    for code in sorted(shapes):
        polygons = []
        for polygon in shapes[code]:
            exterior, holes = polygon[0], polygon[1:]
            for part in split_at_antimeridian(exterior):
                rings = [part] + [hole for hole in holes if _inside(hole, part)]
                polygons.append([_arc(ring, scale, arcs) for ring in rings])
        geometries.append({"type": "MultiPolygon", "arcs": polygons, "id": code})
    return {
        "type": "Topology",
        "transform": {"scale": list(scale), "translate": [-180, -90]},
        "objects": {OBJECT: {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": arcs,
    }


def _inside(hole: np.ndarray, ring: np.ndarray) -> bool:
    """Whether a hole's first point lies within a ring's longitudes (enough at this scale)."""
    return ring[:, 0].min() <= hole[0, 0] <= ring[:, 0].max()


def _arc(ring: np.ndarray, scale: tuple[float, float], arcs: list) -> list[int]:
    """Add the ring as a quantised, delta-encoded arc; returns its reference."""
    quantised = np.round((ring - [-180, -90]) / scale).astype(int)
    kept = np.concatenate([[True], (np.diff(quantised, axis=0) != 0).any(axis=1)])
    quantised = quantised[kept]
    deltas = np.vstack([quantised[:1], np.diff(quantised, axis=0)])
    arcs.append(deltas.tolist())
    return [len(arcs) - 1]


def main() -> None:
    """Read the source, write the target, say how many shapes it holds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--target", type=Path, default=TARGET)
    arguments = parser.parse_args()
    shapes = _rings(json.loads(arguments.source.read_text()))
    written = topology(shapes)
    arguments.target.write_text(json.dumps(written, separators=(",", ":")))
    size = arguments.target.stat().st_size // 1024
    print(f"{arguments.target.name}: {len(shapes)} countries, {size} KB")


if __name__ == "__main__":
    main()
