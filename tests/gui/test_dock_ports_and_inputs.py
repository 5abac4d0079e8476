"""Ports and inputs: a new port from the dock, and results that follow every input before logging."""
import html

import pytest
from pyproj import Transformer
from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtTest import QTest
from shapely.geometry import Polygon

from coal_monitor.core.estimate import estimate_heap
from coal_monitor.core.ports import PortRegistry
from coal_monitor.gui.dock import PROJECT_SCOPE, CoalMonitorDock
from tests.helpers.canvas_iface import CanvasIface, settle
from tests.helpers.dock_bench import IMAGE_ORIGIN, IMAGE_PIXEL_M, IMAGE_SIZE, to_port_crs
from tests.helpers.scripted_prompts import ScriptedPrompts

HEAP = [QPoint(500, 300), QPoint(700, 280), QPoint(760, 420), QPoint(640, 520), QPoint(480, 450)]


def test_new_port_is_added_selected_and_its_defaults_shown(bench):
    bench.prompts.answers["ask_new_port"] = [
        {"name": "Sinpo", "lat_deg": 40.03, "lon_deg": 128.18, "repose_deg": 37.0, "density_t_m3": 0.9}]
    bench.press(bench.dock.newPortButton)
    dock = bench.dock
    assert dock.portCombo.currentText() == "Sinpo"
    assert dock.port.crs_epsg == 32652  # east of 126 E: UTM 52N
    assert dock.reposeSpin.value() == pytest.approx(37.0)
    assert dock.densitySpin.value() == pytest.approx(0.9)
    assert "Sinpo" in dock.registry.names()
    # the map centre offered as the location is the image's centre
    (_kind, centre, _draft), = bench.prompts.asked
    x = IMAGE_ORIGIN[0] + IMAGE_SIZE[0] * IMAGE_PIXEL_M / 2
    y = IMAGE_ORIGIN[1] - IMAGE_SIZE[1] * IMAGE_PIXEL_M / 2
    lon, lat = Transformer.from_crs("EPSG:32652", "EPSG:4326", always_xy=True).transform(x, y)
    assert centre == pytest.approx((lat, lon), abs=1e-4)


def test_new_port_location_picked_with_a_click_on_the_map(bench):
    bench.show_image_in("EPSG:32652")
    before = bench.canvas.mapTool()
    bench.prompts.answers["ask_new_port"] = [
        {"name": "Sinpo", "lat_deg": 0.0, "lon_deg": 0.0, "repose_deg": 37.0, "density_t_m3": 0.9,
         "pick_on_map": True},
        lambda centre, draft: dict(draft),  # the analyst accepts the dialog reopened with the click
    ]
    bench.press(bench.dock.newPortButton)
    assert bench.canvas.mapTool() is bench.dock.location_tool
    pixel = QPoint(450, 380)
    clicked = bench.iface.map_point(pixel)
    bench.iface.click(pixel)
    lon, lat = Transformer.from_crs("EPSG:32652", "EPSG:4326", always_xy=True).transform(clicked.x(), clicked.y())
    (_, _, first_draft), (_, _, second_draft) = bench.prompts.asked
    assert first_draft is None
    assert second_draft["name"] == "Sinpo" and second_draft["repose_deg"] == 37.0
    assert (second_draft["lat_deg"], second_draft["lon_deg"]) == pytest.approx((lat, lon), abs=1e-7)
    port = bench.dock.port
    assert bench.dock.portCombo.currentText() == "Sinpo"
    assert (port.lat_deg, port.lon_deg) == pytest.approx((lat, lon), abs=1e-7)
    assert bench.canvas.mapTool() is before  # the tool that was active comes back


def test_picking_a_port_location_can_be_cancelled_with_esc(bench):
    bench.prompts.answers["ask_new_port"] = [
        {"name": "Sinpo", "lat_deg": 0.0, "lon_deg": 0.0, "repose_deg": 35.0, "density_t_m3": 0.85,
         "pick_on_map": True}]
    bench.press(bench.dock.newPortButton)
    assert bench.canvas.mapTool() is bench.dock.location_tool
    bench.iface.key(Qt.Key.Key_Escape)
    assert bench.canvas.mapTool() is not bench.dock.location_tool
    assert "Sinpo" not in bench.dock.registry.names()


def test_result_follows_density_and_the_logged_heap_is_what_was_shown(bench):
    bench.draw(HEAP)
    before = bench.dock.resultLabel.text()
    bench.dock.densitySpin.setFocus()
    bench.dock.densitySpin.selectAll()
    QTest.keyClicks(bench.dock.densitySpin, "1.00")
    settle()
    after = bench.dock.resultLabel.text()
    assert after != before and bench.dock.densitySpin.value() == pytest.approx(1.0)
    bench.log_heap()
    row = bench.rows()[0]
    assert row["density_t_m3"] == pytest.approx(1.0)
    assert f"{row['tonnage_t']:,.0f} t" in after
    assert f"{row['tonnage_lo_t']:,.0f}–{row['tonnage_hi_t']:,.0f} t" in after


def test_prism_model_for_bins_is_area_times_height(bench):
    clicked = bench.draw(HEAP)
    bench.dock.modelCombo.setCurrentIndex(bench.dock.modelCombo.findData("prism"))
    assert not bench.dock.reposeSpin.isEnabled()  # walls: no angle of repose in a prism
    bench.type_height(6)
    assert "prism" in bench.dock.resultLabel.text()
    bench.log_heap()
    row = bench.rows()[0]
    utm_area = Polygon(to_port_crs(clicked, "EPSG:32652")).area
    assert row["model"] == "prism"
    # the engine's area is on the ellipsoid; UTM's scale error at the ports is under 0.07 % (domain.md)
    assert row["area_m2"] == pytest.approx(utm_area, rel=7e-4)
    assert row["volume_m3"] == pytest.approx(row["area_m2"] * 6.0, rel=1e-9)  # domain.md section 4: V = A H
    assert row["tonnage_t"] == pytest.approx(row["volume_m3"] * 0.85, rel=1e-9)


def test_height_no_pile_can_reach_shows_the_engines_warning_in_full(bench):
    clicked = bench.draw([QPoint(500, 300), QPoint(540, 300), QPoint(520, 340)])  # a small triangle
    bench.type_height(30)
    port = bench.dock.port
    expected = estimate_heap(Polygon(to_port_crs(clicked, "EPSG:32652")), "EPSG:32652", 30.0,
                             height_sigma_m=0.5, repose_deg=port.repose_deg, repose_tol_deg=port.repose_tol_deg)
    assert expected.note  # the engine objects to 30 m on this footprint
    shown = bench.dock.resultLabel.text()
    assert html.escape(expected.note) in shown
    bench.log_heap()
    assert bench.rows()[0]["volume_note"] == expected.note


def test_opening_the_dock_leaves_the_project_unmodified_and_restores_its_port(clean_project):
    iface = CanvasIface()
    clean_project.setDirty(False)
    first = CoalMonitorDock(iface, iface.mainWindow(), registry=PortRegistry(), prompts=ScriptedPrompts())
    assert not clean_project.isDirty()
    first.set_port("Wonsan")
    assert clean_project.isDirty() and clean_project.readEntry(PROJECT_SCOPE, "port", "")[0] == "Wonsan"
    first.cleanup()
    second = CoalMonitorDock(iface, iface.mainWindow(), registry=PortRegistry(), prompts=ScriptedPrompts())
    assert second.portCombo.currentText() == "Wonsan"
    second.cleanup()
    iface.close()
