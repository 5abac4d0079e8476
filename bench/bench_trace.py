"""Accuracy and speed of the one-click heap tracer (coal_monitor/core/trace.py).

Traces every heap of the sample scenes (resources/samples/*, true footprints from their truth GeoJSON,
read through the tracer's own windowed GDAL reader) and of generated yards (tests/helpers/trace_scenes.py:
textured coal, lit and shaded faces, shadows, sensor noise, a rail across a heap, a heap with a hole; RGB,
8-bit and 16-bit panchromatic, a low winter sun with more noise, two touching cones), clicking at the pole of inaccessibility
of each true footprint, and prints per heap the IoU with the truth, traced / true area and the time of
one trace (window read included for the sample scenes). Target: IoU >= 0.9 where the heap's edge is
visible (touching pairs, cut at the neck between them when it is narrow, are shown apart). Last, the time to read a window of
a 12,000 x 12,000 GeoTIFF.

Run: /usr/bin/python3 bench/bench_trace.py     (prints a table, asserts nothing)
"""
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from osgeo import gdal
from shapely.geometry import shape

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from coal_monitor.core.errors import InputError  # noqa: E402
from coal_monitor.core.trace import Seed, to_pixel, trace  # noqa: E402
from coal_monitor.core.trace_reader import read_window  # noqa: E402
from tests.helpers.trace_scenes import inside_point, iou, yard  # noqa: E402

TARGET_IOU = 0.9
YARDS = {"yard rgb": {}, "yard pan 8-bit": {"bands": "pan"}, "yard pan 16-bit": {"bands": "pan16"},
         "yard low sun, noisy": {"sun_elevation_deg": 20.0, "noise": 8.0, "seed": 3},
         "yard touching, seed 5": {"touching": True, "seed": 5}, "yard touching, seed 6": {"touching": True, "seed": 6}}


def traced(pixels, geotransform, point):
    col, row = to_pixel(point.x, point.y, geotransform)
    return trace(pixels, geotransform, [Seed(col, row)])


def row(scene, heap, kind, truth, call):
    start = time.perf_counter()
    try:
        outline = call()
    except InputError as exc:
        print(f"{scene:<22} {heap:<9} {kind:<18} {'-':>6} {'-':>7} {1e3 * (time.perf_counter() - start):>7.0f}  {exc}")
        return None
    ms = 1e3 * (time.perf_counter() - start)
    value = iou(outline, truth)
    print(f"{scene:<22} {heap:<9} {kind:<18} {value:>6.3f} {outline.area / truth.area:>7.2f} {ms:>7.0f}")
    return value, ms, kind


def sample_rows():
    results = []
    for tif in sorted((REPO / "resources" / "samples").glob("*/*[0-9].tif")):
        truth = json.loads(tif.with_name(tif.stem + "_truth.geojson").read_text())
        for feature in truth["features"]:
            polygon = shape(feature["geometry"])
            point = inside_point(polygon)

            def call(point=point):
                window = read_window(tif, point.x, point.y)
                return traced(window.pixels, window.geotransform, point)
            results.append(row(tif.stem, feature["properties"]["heap"], feature["properties"]["shape"],
                               polygon, call))
    return results


def yard_rows():
    results = []
    for name, options in YARDS.items():
        scene = yard(**options)
        for heap, polygon in scene.truths.items():
            point = inside_point(polygon)
            kind = "touching_pair" if options.get("touching") else heap + (" (rail across)" if heap == scene.crossed else "")
            results.append(row(name, heap, kind, polygon,
                               lambda point=point: traced(scene.pixels, scene.geotransform, point)))
    return results


def big_raster_read_ms():
    scene = yard()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.tif"
        out = gdal.GetDriverByName("GTiff").Create(str(path), 12_000, 12_000, 3, gdal.GDT_Byte,
                                                   ["TILED=YES", "SPARSE_OK=TRUE", "COMPRESS=DEFLATE"])
        out.SetGeoTransform(scene.geotransform)
        for b in range(3):
            out.GetRasterBand(b + 1).WriteArray(scene.pixels[..., b])
        out = None
        point = inside_point(scene.truths["cone"])
        times = []
        for _ in range(5):
            start = time.perf_counter()
            window = read_window(path, point.x, point.y)
            times.append(1e3 * (time.perf_counter() - start))
        return statistics.median(times), window.pixels.shape


def main():
    print(f"{'scene':<22} {'heap':<9} {'shape':<18} {'IoU':>6} {'area x':>7} {'ms':>7}")
    print("-" * 75)
    results = [r for r in sample_rows() + yard_rows() if r is not None]
    visible = [r for r in results if r[2] != "touching_pair"]
    good = sum(1 for r in visible if r[0] >= TARGET_IOU)
    print("-" * 75)
    print(f"IoU >= {TARGET_IOU}: {good} of {len(visible)} heaps with a visible edge "
          f"(median IoU {statistics.median(r[0] for r in visible):.3f}); touching pairs: median IoU "
          f"{statistics.median([r[0] for r in results if r[2] == 'touching_pair'] or [np.nan]):.3f}; "
          f"median trace {statistics.median(r[1] for r in results):.0f} ms")
    read_ms, shape_px = big_raster_read_ms()
    print(f"window of a 12,000 x 12,000 GeoTIFF: {read_ms:.0f} ms, {shape_px[1]} x {shape_px[0]} pixels read")


if __name__ == "__main__":
    main()
