"""Scene identity from the image, not its name: real GeoTIFFs written by GDAL in temporary folders, and
a web basemap built from an XYZ URI (QGIS creates it without touching the network)."""
import hashlib
import shutil
from datetime import datetime, timezone

from pathlib import Path

import pytest
from qgis.core import QgsRasterLayer, QgsVectorTileLayer

from coal_monitor.gui import imagery
from tests.helpers.rasters import write_geotiff

XYZ_URI = "type=xyz&url=https://tile.openstreetmap.org/%7Bz%7D/%7Bx%7D/%7By%7D.png&zmax=19&zmin=0"


def _geotiff(path, seed, pixel_m=0.5):
    """A small GeoTIFF at Rason; ``seed`` moves its origin, so two seeds are two different images."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return Path(write_geotiff(path, origin=(606_700.0 + 100.0 * seed, 4_675_700.0), pixel_m=pixel_m,
                              size=(96, 64)))


def _layer(path, name=None):
    layer = QgsRasterLayer(str(path), name or path.stem, "gdal")
    assert layer.isValid(), path
    return layer


def _expected_id(path):
    """The fingerprint recomputed here: sha1 of the size and the first 64 KiB."""
    data = path.read_bytes()
    digest = hashlib.sha1(str(len(data)).encode() + b"\0" + data[:65536]).hexdigest()
    return f"{path.stem} ({digest[:8]})"


def test_two_files_of_one_name_in_two_folders_are_two_scenes(tmp_path):
    first = _geotiff(tmp_path / "a" / "rason.tif", seed=1)
    second = _geotiff(tmp_path / "b" / "rason.tif", seed=2)
    id_first, id_second = imagery.scene_id_for(_layer(first)), imagery.scene_id_for(_layer(second))
    assert id_first != id_second
    assert id_first == _expected_id(first) and id_second == _expected_id(second)
    assert id_first.startswith("rason (") and "rason" != id_first


def test_the_same_file_copied_moved_or_renamed_is_the_same_scene(tmp_path):
    original = _geotiff(tmp_path / "orig" / "scene.tif", seed=3)
    scene = imagery.scene_id_for(_layer(original, "whatever the analyst called it"))
    copy = tmp_path / "copy" / "scene.tif"
    copy.parent.mkdir()
    shutil.copy(original, copy)
    assert imagery.scene_id_for(_layer(copy)) == scene
    moved = tmp_path / "moved" / "scene.tif"
    moved.parent.mkdir()
    shutil.move(str(original), moved)
    assert imagery.scene_id_for(_layer(moved)) == scene
    assert imagery.scene_id_for(_layer(original.parent.parent / "copy" / "scene.tif")) == scene


def test_the_providers_scene_id_wins(tmp_path):
    layer = _layer(_geotiff(tmp_path / "x.tif", seed=4))
    assert imagery.scene_id_for(layer, "DS_PHR1A_202401150212345") == "DS_PHR1A_202401150212345"


def test_local_geotiff_is_not_web_and_has_its_own_resolution(tmp_path):
    layer = _layer(_geotiff(tmp_path / "x.tif", seed=5, pixel_m=0.5))
    assert not imagery.is_web_layer(layer)
    # UTM metres near 42 N: the ellipsoidal pixel is within a fraction of a per cent of 0.5 m
    assert imagery.ground_resolution_m(layer) == pytest.approx(0.5, rel=5e-3)


def test_xyz_basemap_is_a_web_layer_without_a_resolution():
    layer = QgsRasterLayer(XYZ_URI, "OpenStreetMap", "wms")
    assert layer.isValid()
    assert imagery.is_web_layer(layer)
    assert imagery.ground_resolution_m(layer) is None
    assert imagery.raster_path(layer) == ""
    assert "OpenStreetMap" in imagery.layer_attribution(layer)


def test_a_layers_own_attribution_is_its_credit():
    layer = QgsRasterLayer(XYZ_URI.replace("tile.openstreetmap.org", "tiles.example.com"), "Vendor basemap", "wms")
    metadata = layer.metadata()
    metadata.setRights(["Imagery (c) 2025 Example Vendor"])
    layer.setMetadata(metadata)
    assert imagery.layer_attribution(layer) == "Imagery (c) 2025 Example Vendor"


def test_one_basemap_carries_one_scene_per_capture_date():
    layer = QgsRasterLayer(XYZ_URI, "OpenStreetMap", "wms")
    april = imagery.web_scene_id(layer, datetime(2025, 4, 18, 2, 10, tzinfo=timezone.utc))
    may = imagery.web_scene_id(layer, datetime(2025, 5, 2, 2, 40, tzinfo=timezone.utc))
    assert april == "OpenStreetMap (tile.openstreetmap.org) @ 2025-04-18T02:10Z"
    assert may != april and may.endswith("@ 2025-05-02T02:40Z")
    assert imagery.scene_id_for(layer) == "OpenStreetMap (tile.openstreetmap.org)"


def test_vector_tiles_are_web_layers():
    layer = QgsVectorTileLayer("type=xyz&url=https://tiles.example.com/%7Bz%7D/%7Bx%7D/%7By%7D.pbf&zmax=14&zmin=0",
                               "tiles")
    assert imagery.is_web_layer(layer)
    assert imagery.ground_resolution_m(layer) is None
    assert imagery.web_scene_id(layer, datetime(2025, 4, 18, 2, 10, tzinfo=timezone.utc)) == \
        "tiles (tiles.example.com) @ 2025-04-18T02:10Z"
