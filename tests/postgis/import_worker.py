"""One QGIS process of tests/postgis/test_two_qgis_processes.py: starts its own QgsApplication and runs
coal_monitor:importheaps into the team port log named on the command line.

    /usr/bin/python3 -m tests.postgis.import_worker PORT_LOG WORKER HEAPS START_FILE RESULT_FILE

WORKER (0, 1, ...) places its HEAPS footprints in its own strip of Rason's yard (labels come from the
notes: "feature N"); the import starts once START_FILE exists, so both processes write at the same time.
RESULT_FILE gets the algorithm's outputs as JSON (or the error's text).
"""
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.conftest import QGIS_PLUGINS_DIR, start_qgis  # noqa: E402 (the repository on the path first)

WAIT_FOR_START_S = 120.0


def footprints(worker, count):
    from pyproj import Transformer
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
    from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime
    from shapely.geometry import box
    from shapely.ops import transform

    to_wgs84 = Transformer.from_crs(32652, 4326, always_xy=True)
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=h:double&field=seen:datetime&field=scene:string",
                           f"worker {worker}", "memory")
    seen = QDateTime(QDate(2024, 4, 2), QTime(2, 31), Qt.TimeSpec.UTC)
    features = []
    for index in range(count):
        x0, y0 = 605_000 + 40 * (index % 25), 4_674_000 + 40 * (index // 25) + 2_000 * worker
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(transform(to_wgs84.transform, box(x0, y0, x0 + 30, y0 + 20)).wkt))
        feature.setAttributes([3.0 + (index % 5), seen, f"WV03-20240402-worker{worker}"])
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def main(port_log, worker, count, start_file, result_file):
    start_qgis()
    sys.path.append(QGIS_PLUGINS_DIR)
    from processing.core.Processing import Processing
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    from coal_monitor.processing.provider import CoalMonitorProvider

    Processing.initialize()
    provider = CoalMonitorProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    import processing

    layer = footprints(int(worker), int(count))
    deadline = time.monotonic() + WAIT_FOR_START_S
    while not Path(start_file).exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    messages = []

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802 (QGIS's name)
            messages.append(info)

        def pushWarning(self, warning):  # noqa: N802
            messages.append(warning)

    started, started_at = time.monotonic(), time.time()
    try:
        result = processing.run("coal_monitor:importheaps", {
            "INPUT": layer, "PORT": "Rason", "HEIGHT_FIELD": "h", "DATE_FIELD": "seen", "SCENE_FIELD": "scene",
            "PORT_LOG": port_log}, context=QgsProcessingContext(), feedback=Feedback())
        outcome = {"imported": result["IMPORTED"], "skipped": result["SKIPPED"], "output": result["OUTPUT"]}
    except Exception as exc:  # the parent test reports it
        outcome = {"error": f"{type(exc).__name__}: {exc}"}
    outcome.update(seconds=time.monotonic() - started, started_at=started_at, ended_at=time.time(), messages=messages)
    Path(result_file).write_text(json.dumps(outcome), encoding="utf-8")
    QgsApplication.processingRegistry().removeProvider(provider)


if __name__ == "__main__":
    main(*sys.argv[1:6])
