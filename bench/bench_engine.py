"""Speed and accuracy of the volume engine, beside the engine of commit 0c239b9 and a raster integration.

Prints, in one run (times are medians in ms of one full estimate, prepare_footprint + estimate with its
range, unless said otherwise; "old" is this engine with 0c239b9's offset curve, read from git):

1. a smooth concave heap with a hole (about 130 m across) drawn with 10, 100, 1,000 and 10,000
   vertices: new and old times and their ratio, a re-estimate on the prepared footprint (what a form
   change costs), the offsets used, and both volumes against the raster integration of the same outline
   (tests/helpers/raster_integration.py);
2. one heap (a wobbly disc 120 m across) drawn cleanly, as a pixel staircase and as a noisy trace, each
   with about 10, 1,000 and 10,000 vertices: new and old times, each over the clean outline of the same
   count ("x clean"), and the new engine's difference from the raster integration;
3. the live preview of a 1,000-vertex outline: what the measuring session runs per drawing update
   (store.footprint.measure_footprint of a QgsGeometry in the port's CRS, then
   MeasuredFootprint.estimate with the port's defaults), new and old, against one display frame.

Targets: the preview at 1,000 vertices within 16 ms; a staircase or noisy outline at most 3 x its clean
twin; every volume within 0.5 % of the raster integration. The machine may be shared: the ratios,
measured side by side, mean more than the absolute times.

Run: /usr/bin/python3 bench/bench_engine.py     (prints tables, asserts nothing)
"""
import importlib.util
import math
import statistics
import subprocess  # nosec B404: git show of a fixed path, for the old engine
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from shapely.geometry import Polygon

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coal_monitor.core import estimate as engine  # noqa: E402
from coal_monitor.core.estimate import prepare_footprint  # noqa: E402
from tests.helpers.jagged_footprints import pixel_staircase, wobbly_disc  # noqa: E402
from tests.helpers.raster_integration import raster_volume_m3  # noqa: E402

# Transverse Mercator with scale 1 through the heap: coordinates are ground metres for both methods.
LOCAL_CRS = "+proj=tmerc +lat_0=38.7 +lon_0=125.4 +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
HEIGHT_M, SIGMA_M, REPOSE_DEG = 8.0, 0.5, 35.0
OLD_COMMIT = "0c239b9"
FRAME_MS = 16.0
VERTEX_COUNTS = (10, 100, 1_000, 10_000)
JAGGED_COUNTS = (10, 1_000, 10_000)
# Raster cell per vertex count: its cost is cells x edges, so the largest footprints get a coarser grid.
RASTER_CELL_M = {10: 0.25, 100: 0.25, 1_000: 0.25, 10_000: 0.5}
# The jagged heap: a wobbly disc of this radius; its staircase has about 851 vertices at 0.5 m pixels.
HEAP_RADIUS_M, WOBBLE_M = 60.0, 7.0
STAIRCASE_VERTICES_AT_HALF_METRE = 851
# Noise of a noisy trace: this fraction of its vertex spacing, across the outline (5 cm at 1,000).
NOISE_PER_SPACING = 0.13
# The old engine on a jagged outline of many vertices takes seconds to minutes per estimate: one run.
OLD_JAGGED_SKIP_VERTICES = 5_000


def footprint(vertices):
    """A three-lobed concave heap with an off-centre hole (a tenth as many vertices, at least 4)."""
    angles = np.linspace(0, 2 * math.pi, vertices, endpoint=False)
    radii = 60 * (1 + 0.25 * np.sin(3 * angles) + 0.1 * np.cos(5 * angles))
    hole_angles = np.linspace(2 * math.pi, 0, max(vertices // 10, 4), endpoint=False)
    hole = np.column_stack([10 + 8 * np.cos(hole_angles), 5 + 5 * np.sin(hole_angles)])
    return Polygon(np.column_stack([radii * np.cos(angles), radii * np.sin(angles)]), [hole])


def noisy(polygon, seed=0):
    """``polygon``'s outline with hand-drawn noise: each vertex moved along its radius."""
    xy = np.asarray(polygon.exterior.coords)[:-1, :2]
    spacing = polygon.exterior.length / len(xy)
    radius = np.hypot(xy[:, 0], xy[:, 1])
    moved = 1 + np.random.default_rng(seed).normal(0, NOISE_PER_SPACING * spacing, len(xy)) / radius
    return Polygon(xy * moved[:, None])


def jagged_cases(vertices):
    """(label, polygon) for the clean, staircase and noisy outlines of the wobbly heap."""
    clean = wobbly_disc(radius_m=HEAP_RADIUS_M, wobble_m=WOBBLE_M, vertices=vertices)
    pixel_m = 0.5 * STAIRCASE_VERTICES_AT_HALF_METRE / vertices
    stairs = pixel_staircase(radius_m=HEAP_RADIUS_M, pixel_m=pixel_m, wobble_m=WOBBLE_M)
    return [("clean", clean), (f"steps {pixel_m:.3g} m", stairs), ("noisy", noisy(clean))]


def old_piles():
    """coal_monitor/core/piles.py as of OLD_COMMIT, loaded as a module; None without git."""
    try:
        text = subprocess.run(["git", "-C", str(ROOT), "show", f"{OLD_COMMIT}:coal_monitor/core/piles.py"],
                              capture_output=True, check=True, text=True).stdout  # nosec B603 B607
    except (OSError, subprocess.CalledProcessError):
        return None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"piles_{OLD_COMMIT}.py"
        path.write_text(text)
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return module


@contextmanager
def curve_of(piles_module):
    """The engine with ``piles_module``'s offset curve (None: the current one)."""
    current = engine.piles
    engine.piles = piles_module or current
    try:
        yield
    finally:
        engine.piles = current


def median_ms(call, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        value = call()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times), value


def full_estimate(polygon):
    return prepare_footprint(polygon, LOCAL_CRS).estimate(HEIGHT_M, SIGMA_M, repose_deg=REPOSE_DEG)


def timed(polygon, module, repeats):
    with curve_of(module):
        return median_ms(lambda: full_estimate(polygon), repeats)


def vertex_count(polygon):
    return len(polygon.exterior.coords) - 1 + sum(len(r.coords) - 1 for r in polygon.interiors)


def print_head(title, columns):
    """A table's title, its right-aligned column names (name, width) and a rule under them."""
    header = " ".join(f"{name:>{width}}" for name, width in columns)
    print(f"\n{title}\n{header}\n{'-' * len(header)}")


def smooth_table(old):
    print_head(f"1. Smooth heap with a hole; repose pile, H {HEIGHT_M}±{SIGMA_M} m, {REPOSE_DEG}±3°; ms are medians",
               [("vertices", 9), ("new ms", 8), ("old ms", 8), ("new/old", 7), ("re-est.", 8), ("offsets", 7),
                ("raster m3", 10), ("new %", 7), ("old %", 7)])
    for n in VERTEX_COUNTS:
        polygon, repeats = footprint(n), 21 if n <= 1_000 else 9
        new_ms, result = timed(polygon, None, repeats)
        old_ms, old_result = timed(polygon, old, repeats) if old else (math.nan, None)
        prepared = prepare_footprint(polygon, LOCAL_CRS)
        prepared.estimate(HEIGHT_M)
        again_ms, _ = median_ms(lambda: prepared.estimate(HEIGHT_M + 0.1, SIGMA_M), repeats)
        raster = raster_volume_m3(polygon, HEIGHT_M, REPOSE_DEG, RASTER_CELL_M[n])
        old_diff = 100 * (old_result.volume_m3 - raster) / raster if old_result else math.nan
        print(f"{n:>9,} {new_ms:>8.2f} {old_ms:>8.2f} {new_ms / old_ms:>7.2f} {again_ms:>8.3f} "
              f"{prepared.offsets_used:>7} {raster:>10,.0f} {100 * (result.volume_m3 - raster) / raster:>+7.3f} "
              f"{old_diff:>+7.3f}")


def jagged_table(old):
    print_head(f"2. One heap (wobbly disc, {2 * HEAP_RADIUS_M:.0f} m across): clean, pixel staircase, noisy trace",
               [("outline", 16), ("vertices", 8), ("new ms", 8), ("x clean", 7), ("old ms", 9), ("x clean", 7),
                ("raster m3", 10), ("new %", 7)])
    for n in JAGGED_COUNTS:
        clean_new = clean_old = None
        for label, polygon in jagged_cases(n):
            vertices = vertex_count(polygon)
            new_ms, result = timed(polygon, None, 9 if vertices <= 2_000 else 5)
            jagged = clean_new is not None
            if old and not (jagged and vertices > OLD_JAGGED_SKIP_VERTICES):
                old_ms, _ = timed(polygon, old, 1 if jagged and vertices > 200 else 9)
            else:
                old_ms = math.nan
            clean_new, clean_old = (clean_new, clean_old) if jagged else (new_ms, old_ms)
            raster = raster_volume_m3(polygon, HEIGHT_M, REPOSE_DEG, 0.25 if vertices <= 2_000 else 0.5)
            print(f"{label:>16} {vertices:>8,} {new_ms:>8.2f} {new_ms / clean_new:>7.2f} {old_ms:>9.1f} "
                  f"{old_ms / clean_old:>7.1f} {raster:>10,.0f} {100 * (result.volume_m3 - raster) / raster:>+7.3f}")
    print(f"(old ms: nan where a single run would take minutes: jagged outlines above "
          f"{OLD_JAGGED_SKIP_VERTICES:,} vertices)")


def preview_table(old):
    """The session's per-update work on a 1,000-vertex outline in the port's CRS (QGIS needed)."""
    try:
        from qgis.core import QgsGeometry
    except ImportError:
        print("\n3. Live preview: skipped (qgis.core is not importable by this Python)")
        return
    from coal_monitor.core.ports import PortRegistry
    from coal_monitor.store.footprint import measure_footprint

    port = PortRegistry().get("Rason")
    inputs = {"height_m": HEIGHT_M, "height_sigma_m": SIGMA_M}
    centre = (605_830.0, 4_675_770.0)  # UTM 52N, inside the port
    xy = np.asarray(footprint(1_000).exterior.coords)[:-1, :2] + centre
    geometry = QgsGeometry.fromWkt(Polygon(xy).wkt)

    def preview():
        return measure_footprint(geometry, port.crs_epsg, port.crs_epsg).estimate(port, inputs)

    print(f"\n3. Live preview per drawing update, 1,000 vertices (measure_footprint + estimate), "
          f"against one frame ({FRAME_MS:g} ms)")
    preview()
    for name, module in (("new", None), ("old", old)):
        if name == "old" and old is None:
            continue
        with curve_of(module):
            ms, _ = median_ms(preview, 31)
        print(f"{name:>4}: {ms:6.2f} ms  ({ms / FRAME_MS:.0%} of the frame)")


def main():
    full_estimate(footprint(10))  # warm the CRS and transformer caches, as a running plugin has them
    old = old_piles()
    if old is None:
        print(f"(git show {OLD_COMMIT} failed: the old engine's columns are nan)")
    smooth_table(old)
    jagged_table(old)
    preview_table(old)


if __name__ == "__main__":
    main()
