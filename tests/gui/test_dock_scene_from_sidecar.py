"""A delivered scene (image + DIMAP file beside it): the dock dates and describes the scene from the
vendor file, asks nothing, and logs the scene's angles with the heap."""
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QPoint


SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def _truth(scene_id):
    document = json.loads((SAMPLES / "scenes.json").read_text())
    return next(s for s in document["scenes"] if s["id"] == scene_id)


def test_dimap_sidecar_dates_the_scene_without_asking(make_bench, tmp_path, clean_project):
    truth = _truth("rason_20241214")
    folder = tmp_path / "delivery"
    shutil.copytree(SAMPLES / "rason_20241214", folder)  # QGIS may write .aux.xml files beside an image
    bench = make_bench()  # its prompts answer nothing: any question fails the test
    try:
        image = QgsRasterLayer(str(folder / "rason_20241214.tif"), "Rason 2024-12-14")
        QgsProject.instance().addMapLayer(image)
        bench.dock.set_imagery_layer(image)
        assert "acquired 2024-12-14 01:49 UTC" in bench.dock.sceneLabel.text()
        bench.show_image_in("EPSG:32652")
        bench.draw([QPoint(300, 300), QPoint(420, 300), QPoint(400, 420)])
        bench.log_heap()
        assert bench.prompts.asked == []
        connection = sqlite3.connect(str(bench.port_file()))
        connection.row_factory = sqlite3.Row
        scene = dict(connection.execute("SELECT * FROM scenes").fetchone())
        heap = dict(connection.execute("SELECT * FROM heaps").fetchone())
        connection.close()
        assert scene["acquired_utc"].startswith(truth["acquired_utc"][:19])
        assert heap["observed_utc"] == scene["acquired_utc"] and heap["scene_id"] == scene["scene_id"]
        assert scene["sun_elevation_deg"] == pytest.approx(truth["sun_elevation_deg"], abs=0.01)
        assert scene["sun_azimuth_deg"] == pytest.approx(truth["sun_azimuth_deg"], abs=0.01)
        assert scene["incidence_deg"] == pytest.approx(truth["incidence_deg"], abs=0.01)
        assert scene["gsd_m"] == pytest.approx(truth["gsd_m"], rel=1e-3)
    finally:
        bench.close()
