"""Draw a heap with clicks on a shown canvas, type its height, log it: the GeoPackage holds the engine's
numbers for the clicked footprint, whatever the canvas CRS."""
import hashlib
from datetime import datetime, timezone
from pathlib import Path

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QPoint
from shapely.geometry import Polygon

from coal_monitor.core.estimate import estimate_heap
from coal_monitor.definitions import LAYER_PORT_SLUG as PORT_PROPERTY, LAYER_ROLE as ROLE_PROPERTY, ROLE_HEAPS as HEAPS_ROLE
from tests.helpers.dock_bench import to_port_crs
from tests.helpers.gpkg_checks import assert_sound_gpkg
from tests.helpers.scripted_prompts import ScriptedPrompts

# An irregular five-corner heap outline, in viewport pixels.
HEAP_PIXELS = [QPoint(500, 300), QPoint(700, 280), QPoint(760, 420), QPoint(640, 520), QPoint(480, 450)]
ENGINE_FIELDS = ("area_m2", "height_max_m", "volume_m3", "volume_lo_m3", "volume_hi_m3", "tonnage_t",
                 "tonnage_lo_t", "tonnage_hi_t")


def engine_numbers(port_points, height_m, sigma_m, port):
    """What the engine says for this footprint with the port's defaults (computed here, independently)."""
    result = estimate_heap(Polygon(port_points), f"EPSG:{port.crs_epsg}", height_m, height_sigma_m=sigma_m,
                           model="repose", repose_deg=port.repose_deg, repose_tol_deg=port.repose_tol_deg,
                           density_t_m3=port.density_t_m3, density_lo_t_m3=port.density_lo_t_m3,
                           density_hi_t_m3=port.density_hi_t_m3)
    return result.as_fields()


@pytest.mark.parametrize("canvas_crs", ["EPSG:32652", "EPSG:3857", "EPSG:4326"])
def test_clicked_heap_is_logged_with_the_engines_numbers(make_bench, canvas_crs):
    bench = make_bench(canvas_crs=canvas_crs)
    clicked = bench.draw(HEAP_PIXELS)
    bench.type_height(8, sigma_m=1)
    shown = bench.dock.resultLabel.text()
    bench.log_heap()

    rows = bench.rows()
    assert len(rows) == 1
    row = rows[0]
    port = bench.dock.port
    expected = engine_numbers(to_port_crs(clicked, canvas_crs), 8.0, 1.0, port)
    for name in ENGINE_FIELDS:
        assert row[name] == pytest.approx(expected[name], rel=1e-6), name
    assert row["height_m"] == 8.0 and row["height_sigma_m"] == 1.0 and row["model"] == "repose"
    assert row["observed_utc"].startswith("2024-04-05T02:13:00")
    # the image carries no scene id: its name and a fingerprint of its content, recomputed here
    data = Path(bench.image_path).read_bytes()
    fingerprint = hashlib.sha1(str(len(data)).encode() + b"\0" + data[:65536]).hexdigest()
    assert row["scene_id"] == f"rason_20240405 ({fingerprint[:8]})"
    assert row["pier"] == "RasonConTrans Pier 3"
    # what the analyst saw before logging is what was logged
    assert f"{row['tonnage_t']:,.0f} t" in shown
    assert f"{row['volume_m3']:,.0f} m³" in shown
    # the confirmation names the tonnage; the list shows the heap
    assert any(f"{row['tonnage_t']:,.0f} t" in text for text in bench.iface.messages())
    assert bench.dock.heapList.count() == 1
    assert bench.dock.heap_uids() == [row["heap_uid"]]
    assert_sound_gpkg(bench.port_file())  # integrity check and GDAL's GeoPackage validator


def test_web_mercator_canvas_does_not_inflate_the_area(make_bench):
    bench = make_bench(canvas_crs="EPSG:3857")
    clicked = bench.draw(HEAP_PIXELS)
    bench.log_heap()
    mercator_area = Polygon([(p.x(), p.y()) for p in clicked]).area
    true_area = Polygon(to_port_crs(clicked, "EPSG:3857")).area
    assert mercator_area / true_area == pytest.approx(1.83, abs=0.02)  # Rason's latitude, domain.md
    assert bench.rows()[0]["area_m2"] == pytest.approx(true_area, rel=1e-3)


def test_heaps_layer_added_once_in_a_group_named_after_the_port(make_bench):
    bench = make_bench()
    bench.draw(HEAP_PIXELS)
    bench.log_heap()
    bench.draw([QPoint(200, 200), QPoint(300, 200), QPoint(260, 300)])
    bench.log_heap()
    project = QgsProject.instance()
    heaps_layers = [layer for layer in project.mapLayers().values()
                    if layer.customProperty(ROLE_PROPERTY) == HEAPS_ROLE]
    assert len(heaps_layers) == 1
    layer = heaps_layers[0]
    assert layer.customProperty(PORT_PROPERTY) == "rason"
    assert layer.featureCount() == 2  # both heaps visible at once, no manual refresh
    group = project.layerTreeRoot().findLayer(layer.id()).parent()
    assert group.name() == "Rason"
    assert bench.dock.heapList.count() == 2
    # the form is ready for the next heap of the same scene
    assert bench.dock.footprint is None and bench.dock.heightSpin.value() == pytest.approx(5.0)


def test_image_without_time_asks_once_and_never_logs_an_undated_heap(make_bench):
    prompts = ScriptedPrompts(ask_datetime=[None, datetime(2024, 4, 2, 2, 31, tzinfo=timezone.utc)])
    bench = make_bench(imagery_metadata=False, prompts=prompts)
    bench.draw(HEAP_PIXELS)
    bench.log_heap()  # analyst cancels the date question
    assert not bench.port_file().exists() or bench.rows() == []
    assert "acquisition date and time" in bench.dock.resultLabel.text()
    bench.log_heap()  # the outline is still there; this time the date is given
    bench.draw([QPoint(200, 200), QPoint(300, 200), QPoint(260, 300)])
    bench.log_heap()  # same image: not asked again
    assert prompts.kinds_asked() == ["ask_datetime", "ask_datetime"]
    rows = bench.rows()
    assert [r["observed_utc"][:16] for r in rows] == ["2024-04-02T02:31", "2024-04-02T02:31"]


def test_live_result_while_drawing_follows_the_mouse(make_bench):
    bench = make_bench()
    bench.press(bench.dock.drawHeapButton)
    for pixel in HEAP_PIXELS[:2]:
        bench.iface.click(pixel)
    assert "m³" not in bench.dock.resultLabel.text()
    bench.iface.move(HEAP_PIXELS[2])
    first = bench.dock.resultLabel.text()
    assert "m²" in first and "m³" in first and " t" in first
    bench.iface.move(QPoint(800, 600))
    second = bench.dock.resultLabel.text()
    assert second != first
    port = bench.dock.port
    points = [bench.iface.map_point(p) for p in HEAP_PIXELS[:2] + [QPoint(800, 600)]]
    expected = engine_numbers(to_port_crs(points, "EPSG:32652"), 5.0, 0.5, port)
    assert f"{expected['tonnage_t']:,.0f} t" in second
