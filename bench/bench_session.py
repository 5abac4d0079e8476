"""The measuring session on a large scene: choosing a 12,000 x 12,000 image, measuring and logging a heap.

Nothing may read the whole raster: choosing the image reads its metadata, never its pixels. Prints
the median time of each step of the analyst's flow (no dock, no canvas: the session alone, in a real
QgsApplication), on a small 800 x 600 image and on a 12,000 x 12,000 one side by side, against the
100 ms target of each step.

Run: QT_QPA_PLATFORM=offscreen /usr/bin/python3 bench/bench_session.py    (prints a table, asserts nothing)
"""
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qgis.core import QgsApplication, QgsProject, QgsRasterLayer  # noqa: E402

from coal_monitor.core.ports import PortRegistry  # noqa: E402
from coal_monitor.session.measuring import MeasuringSession  # noqa: E402
from coal_monitor.session.scenes import SceneReader  # noqa: E402
from tests.helpers.rasters import write_sparse_geotiff  # noqa: E402
from tests.helpers.scripted_prompts import ScriptedPrompts  # noqa: E402
from tests.helpers.session_bench import HEAP_XY, heap_geometry, port_crs  # noqa: E402

TARGET_MS = 100.0
ROUNDS = 7
ORIGIN = (605_700.0, 4_675_900.0)


def write_image(path, size_px, pixel_m):
    return write_sparse_geotiff(path, size_px, pixel_m, origin=ORIGIN,
                                imagery={"ACQUISITIONDATETIME": "2024-04-05 02:13:00", "SATELLITEID": "WV03"})


def flow(folder, image_path, rounds):
    """Median ms of: choose the image, preview the outline, finish it, log it (a new heap each round)."""
    project = QgsProject.instance()
    project.clear()
    project.setFileName(str(folder / "bench.qgz"))
    timings = {"choose the image": [], "preview while drawing": [], "finish the outline": [], "log the heap": []}
    session = MeasuringSession(project, ScriptedPrompts(), registry=PortRegistry())
    session.set_port("Rason")
    session.set_inputs({"height_m": 6.0, "height_sigma_m": 0.5})
    for index in range(rounds):
        layer = QgsRasterLayer(image_path, f"image {index}")
        project.addMapLayer(layer)
        session.scenes = SceneReader()  # as if the image were new to the session: its metadata is read
        started = time.perf_counter()
        session.set_image(layer)
        chosen = time.perf_counter()
        session.preview_outline([p for p in heap_geometry().asPolygon()[0][:-1]], port_crs())
        previewed = time.perf_counter()
        session.set_footprint(heap_geometry([(x + 70 * index, y) for x, y in HEAP_XY]), port_crs())
        finished = time.perf_counter()
        session.log_heap()
        logged = time.perf_counter()
        for name, seconds in zip(timings, (chosen - started, previewed - chosen, finished - previewed,
                                           logged - finished)):
            timings[name].append(seconds * 1000.0)
    session.close()
    project.clear()
    return {name: statistics.median(values[1:]) for name, values in timings.items()}  # first: file creation


def main():
    app = QgsApplication([], False)
    app.initQgis()
    with tempfile.TemporaryDirectory(prefix="cm-bench-session-") as tmp:
        tmp = Path(tmp)
        small = write_image(tmp / "small.tif", 800, 0.5)
        large = write_image(tmp / "large.tif", 12_000, 0.3)
        (tmp / "a").mkdir()
        (tmp / "b").mkdir()
        small_ms = flow(tmp / "a", small, ROUNDS)
        large_ms = flow(tmp / "b", large, ROUNDS)
        print(f"\nMeasuring session (median of {ROUNDS - 1} rounds; ms)")
        print(f"{'step':28s} {'800 x 600':>12s} {'12,000 x 12,000':>16s} {'target':>8s}")
        for name in small_ms:
            print(f"{name:28s} {small_ms[name]:12.2f} {large_ms[name]:16.2f} {TARGET_MS:8.0f}")
    app.exitQgis()


if __name__ == "__main__":
    main()
