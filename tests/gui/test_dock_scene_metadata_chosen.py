"""An image delivered without its metadata beside it: the analyst points the dock at the metadata file
(button "Metadata..."), and the scene is dated and angled from it; a broken file changes nothing."""
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from osgeo import gdal
from qgis.core import QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QPoint
from qgis.PyQt.QtWidgets import QApplication


SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
HOSTILE = Path(__file__).resolve().parents[1] / "data" / "metadata"


def _truth(scene_id):
    document = json.loads((SAMPLES / "scenes.json").read_text())
    return next(s for s in document["scenes"] if s["id"] == scene_id)


def _image_apart_from_its_metadata(tmp_path, scene_id):
    """The image alone in one folder, its DIMAP/Planet file in another (as e-mailed deliveries come)."""
    images, papers = tmp_path / "images", tmp_path / "papers"
    images.mkdir()
    papers.mkdir()
    shutil.copy(SAMPLES / scene_id / f"{scene_id}.tif", images)
    # the sample GeoTIFFs also carry their time in GDAL's IMAGERY domain: remove it from the copy
    dataset = gdal.Open(str(images / f"{scene_id}.tif"), gdal.GA_Update)
    dataset.SetMetadata({}, "IMAGERY")
    dataset = None
    (metadata,) = [p for p in (SAMPLES / scene_id).iterdir()
                   if p.suffix.lower() in (".xml", ".json") and "truth" not in p.name and "aux" not in p.name]
    shutil.copy(metadata, papers)
    return images / f"{scene_id}.tif", papers / metadata.name


def test_metadata_chosen_by_the_analyst_dates_the_scene(make_bench, tmp_path, clean_project):
    truth = _truth("rason_20241214")
    image_path, metadata_path = _image_apart_from_its_metadata(tmp_path, "rason_20241214")
    bench = make_bench()
    try:
        image = QgsRasterLayer(str(image_path), "Rason 2024-12-14")
        QgsProject.instance().addMapLayer(image)
        bench.dock.set_imagery_layer(image)
        assert "acquisition time unknown" in bench.dock.sceneLabel.text()

        bench.prompts.answers["ask_open_path"] = [str(metadata_path)]
        bench.dock.sceneMetadataButton.click()
        QApplication.processEvents()
        assert bench.prompts.kinds_asked() == ["ask_open_path"]
        assert "acquired 2024-12-14 01:49 UTC" in bench.dock.sceneLabel.text()

        bench.show_image_in("EPSG:32652")
        bench.draw([QPoint(300, 300), QPoint(420, 300), QPoint(400, 420)])
        bench.log_heap()
        assert bench.prompts.kinds_asked() == ["ask_open_path"]  # no date asked: the file gave it
        connection = sqlite3.connect(str(bench.port_file()))
        connection.row_factory = sqlite3.Row
        scene = dict(connection.execute("SELECT * FROM scenes").fetchone())
        heap = dict(connection.execute("SELECT * FROM heaps").fetchone())
        connection.close()
        assert scene["acquired_utc"].startswith(truth["acquired_utc"][:19])
        assert heap["observed_utc"] == scene["acquired_utc"]
        assert scene["sun_elevation_deg"] == pytest.approx(truth["sun_elevation_deg"], abs=0.01)

        # once heaps are dated by the scene, another file may not re-date it
        bench.dock.choose_scene_metadata(str(metadata_path))
        assert "already logged" in bench.dock.resultLabel.text()
    finally:
        bench.close()


def test_a_hostile_metadata_file_changes_nothing(make_bench, tmp_path, clean_project):
    image_path, _ = _image_apart_from_its_metadata(tmp_path, "rason_20241214")
    hostile = next(p for p in HOSTILE.iterdir() if "laugh" in p.name.lower())
    bench = make_bench()
    try:
        image = QgsRasterLayer(str(image_path), "Rason 2024-12-14")
        QgsProject.instance().addMapLayer(image)
        bench.dock.set_imagery_layer(image)
        before = bench.dock.sceneLabel.text()
        assert bench.dock.choose_scene_metadata(str(hostile)) is None
        assert bench.dock.sceneLabel.text() == before
        message = bench.dock.resultLabel.text()
        assert hostile.name in message or "DOCTYPE" in message or "entit" in message.lower()
    finally:
        bench.close()
