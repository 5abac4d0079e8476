"""Speed and accuracy of the volume engine against an independent raster integration.

For footprints of 10, 100, 1,000 and 10,000 outline vertices (a concave heap about 130 m across with a
hole), and two jagged outlines (a pixel staircase and a noisy trace, on which GEOS 3.11 buffers slowly)
each beside a clean 100-corner outline of the same heap, prints the median time of one full estimate
(prepare_footprint + estimate, volume and range), the time of a re-estimate on the prepared footprint
(what a live preview pays for a new height), the time of the raster integration of the same footprint
(tests/helpers/raster_integration.py), their ratio, and the difference between the two volumes; a
jagged row also gives its time over its clean twin's ("x clean"). Targets: 1,000 vertices within
16 ms and 0.5 %; a jagged outline at most 3 x its clean twin and within 0.5 %.

Run: /usr/bin/python3 bench/bench_engine.py     (prints a table, asserts nothing)
"""
import math
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from shapely.geometry import Polygon

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coal_monitor.core.estimate import prepare_footprint  # noqa: E402
from tests.helpers.jagged_footprints import noisy_trace, pixel_staircase, wobbly_disc  # noqa: E402
from tests.helpers.raster_integration import raster_volume_m3  # noqa: E402

# Transverse Mercator with scale 1 through the heap: coordinates are ground metres for both methods.
LOCAL_CRS = "+proj=tmerc +lat_0=38.7 +lon_0=125.4 +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
HEIGHT_M, SIGMA_M, REPOSE_DEG = 8.0, 0.5, 35.0
VERTEX_COUNTS = (10, 100, 1_000, 10_000)
# Raster cell per vertex count: its cost is cells x edges, so the largest footprint gets a coarser grid.
RASTER_CELL_M = {10: 0.25, 100: 0.25, 1_000: 0.25, 10_000: 0.5}


def footprint(vertices):
    """A three-lobed concave heap with an off-centre hole (a tenth as many vertices, at least 4)."""
    angles = np.linspace(0, 2 * math.pi, vertices, endpoint=False)
    radii = 60 * (1 + 0.25 * np.sin(3 * angles) + 0.1 * np.cos(5 * angles))
    hole_angles = np.linspace(2 * math.pi, 0, max(vertices // 10, 4), endpoint=False)
    hole = np.column_stack([10 + 8 * np.cos(hole_angles), 5 + 5 * np.sin(hole_angles)])
    return Polygon(np.column_stack([radii * np.cos(angles), radii * np.sin(angles)]), [hole])


def median_ms(call, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        value = call()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times), value


def full_estimate(polygon):
    return prepare_footprint(polygon, LOCAL_CRS).estimate(HEIGHT_M, SIGMA_M, repose_deg=REPOSE_DEG)


def main():
    full_estimate(footprint(10))  # warm the CRS and transformer caches, as a running plugin has them
    print(f"repose pile, H {HEIGHT_M}±{SIGMA_M} m, {REPOSE_DEG}±3°; times are medians in ms")
    header = (f"{'vertices':>13} {'estimate':>9} {'re-est.':>8} {'raster':>9} {'cell m':>6} {'ratio':>7} "
              f"{'offsets':>7} {'engine m3':>10} {'raster m3':>10} {'diff %':>7} {'x clean':>7}")
    print(header)
    print("-" * len(header))
    cases = [(f"{n:,}", footprint(n), RASTER_CELL_M[n], 21 if n <= 1_000 else 7, None) for n in VERTEX_COUNTS]
    # the same shapes as before: 60 m radius, 0.5 m pixels, 1,000 noisy vertices; each after its clean twin
    stairs = pixel_staircase(radius_m=60.0, pixel_m=0.5, wobble_m=7.0)
    noisy = noisy_trace(vertices=1_000, radius_m=60.0, seed=0)
    clean_noisy = noisy_trace(vertices=100, radius_m=60.0, jitter_m=0.0)
    cases += [("100 (clean)", wobbly_disc(radius_m=60.0, wobble_m=7.0), 0.25, 21, None),
              (f"{len(stairs.exterior.coords) - 1} (steps)", stairs, 0.25, 7, "100 (clean)"),
              ("100 (clean)", clean_noisy, 0.25, 21, None),
              (f"{len(noisy.exterior.coords) - 1:,} (noisy)", noisy, 0.25, 7, "100 (clean)")]
    clean_ms = None
    for label, polygon, cell_m, repeats, twin in cases:
        engine_ms, result = median_ms(lambda: full_estimate(polygon), repeats)
        prepared = prepare_footprint(polygon, LOCAL_CRS)
        prepared.estimate(HEIGHT_M)
        again_ms, _ = median_ms(lambda: prepared.estimate(HEIGHT_M + 0.1, SIGMA_M), repeats)
        raster_ms, raster = median_ms(lambda: raster_volume_m3(polygon, HEIGHT_M, REPOSE_DEG, cell_m), 1)
        diff = 100 * (result.volume_m3 - raster) / raster
        versus = f"{engine_ms / clean_ms:>7.1f}" if twin else f"{'':>7}"
        print(f"{label:>13} {engine_ms:>9.2f} {again_ms:>8.3f} {raster_ms:>9.0f} {cell_m:>6} "
              f"{raster_ms / engine_ms:>7.0f} {prepared.offsets_used:>7} {result.volume_m3:>10,.0f} "
              f"{raster:>10,.0f} {diff:>+7.3f} {versus}")
        clean_ms = engine_ms


if __name__ == "__main__":
    main()
