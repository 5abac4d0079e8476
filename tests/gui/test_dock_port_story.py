"""The port's story in the dock, by real clicks: mark examined, carry piles forward, the pile offer, a ship.

The ship's expected length and beam are worked out here from the clicked pixels with pyproj (independent
of QGIS's transforms and of core.vessels); the files are read back with plain sqlite3.
"""
import math
from pathlib import Path

import pytest
from qgis.core import QgsRasterLayer
from qgis.PyQt.QtCore import QPoint, Qt

from coal_monitor.core import vessels as ship_rules
from coal_monitor.store.portfile import PortFile
from tests.helpers import gpkg_checks
from tests.helpers.canvas_iface import settle
from tests.helpers.dock_bench import IMAGE_ORIGIN, IMAGE_PIXEL_M, IMAGE_SIZE, RASON_EPSG, to_port_crs
from tests.helpers.rasters import write_geotiff

OUTPUT = Path(__file__).resolve().parents[1] / "output"

HEAP = [QPoint(500, 300), QPoint(700, 280), QPoint(760, 420), QPoint(640, 520), QPoint(480, 450)]
NEARBY = [QPoint(p.x() + 6, p.y() + 4) for p in HEAP]
SECOND = [QPoint(200, 200), QPoint(420, 210), QPoint(380, 420), QPoint(180, 380)]
SECOND_NEARBY = [QPoint(p.x() + 5, p.y() - 3) for p in SECOND]


def ship_clicks(canvas, loa_m=190.0, half_beam_m=15.8):
    """Bow, stern and side pixels of a Supramax-sized ship lying east-west at this canvas's scale."""
    metres_per_pixel = canvas.mapUnitsPerPixel()
    length_px, half_px = round(loa_m / metres_per_pixel), round(half_beam_m / metres_per_pixel)
    stern = QPoint(250, 220)
    return QPoint(stern.x() + length_px, 220), stern, QPoint(stern.x() + length_px // 2, 220 - half_px)


def add_later_image(bench, acquired="2024-04-12 02:20:00"):
    path = write_geotiff(bench.folder / "rason_20240412.tif", epsg=RASON_EPSG, origin=IMAGE_ORIGIN,
                         pixel_m=IMAGE_PIXEL_M, size=IMAGE_SIZE,
                         imagery={"ACQUISITIONDATETIME": acquired, "SATELLITEID": "WV03"})
    layer = QgsRasterLayer(path, "Rason 2024-04-12")
    assert layer.isValid()
    bench.project.addMapLayer(layer)
    bench.dock.set_imagery_layer(layer)
    settle()
    return layer


def test_mark_examined_with_no_heap_asks_and_makes_a_zero(make_bench, clean_project):
    bench = make_bench()
    bench.prompts.answers["confirm"] = [True]
    bench.press(bench.dock.markExaminedButton)
    (scene,) = gpkg_checks.table_rows(bench.port_file(), "scenes")
    assert scene["examined"] == 1 and scene["examined_note"] == "examined: no coal"
    assert "no coal" in bench.dock.examinedLabel.text()
    assert gpkg_checks.table_rows(bench.port_file(), "heaps") == []


def test_piles_carried_forward_and_offered_by_clicks(make_bench, clean_project):
    bench = make_bench()
    bench.draw(HEAP)
    bench.type_height(8)
    bench.log_heap()
    bench.draw(SECOND)
    bench.log_heap()
    bench.press(bench.dock.markExaminedButton)
    first, second = bench.rows()
    add_later_image(bench)

    bench.press(bench.dock.carryForwardButton)
    assert bench.dock.draftGroup.isVisible() and bench.dock.draftList.count() == 2
    bench.dock.draftList.setCurrentRow(0)
    bench.press(bench.dock.useDraftButton)
    assert bench.dock.pileOfferCheck.isVisible() and bench.dock.pileOfferCheck.isChecked()
    assert bench.dock.heightSpin.value() == pytest.approx(8.0)  # the draft's inputs fill the form
    bench.type_height(6)
    bench.log_heap()
    carried = bench.rows()[-1]
    assert carried["pile_uid"] == first["pile_uid"] and carried["scene_id"] != first["scene_id"]
    assert carried["height_m"] == 6.0 and carried["area_m2"] == pytest.approx(first["area_m2"], rel=1e-9)
    assert bench.dock.draftList.count() == 1  # the logged pile left the drafts

    bench.draw(NEARBY)  # over the pile already measured on this image: not offered twice
    assert not bench.dock.pileOfferCheck.isVisible()
    bench.draw(SECOND_NEARBY)  # a new outline over the second pile: offered its identity
    assert bench.dock.pileOfferCheck.isVisible() and bench.dock.pileOfferCheck.isChecked()
    bench.dock.pileOfferCheck.click()  # the analyst says: a different pile
    bench.log_heap()
    other = bench.rows()[-1]
    assert other["pile_uid"] not in (first["pile_uid"], second["pile_uid"], None)
    bench.press(bench.dock.dropDraftButton)  # the second pile is gone from this image
    assert not bench.dock.draftGroup.isVisible()


def test_a_ship_measured_by_three_clicks_is_logged_with_its_class(make_bench, clean_project):
    bench = make_bench()
    bench.press(bench.dock.measureVesselButton)
    points = []
    for pixel in ship_clicks(bench.canvas):
        bench.iface.click(pixel)
        points.append(bench.iface.map_point(pixel))
    settle()
    (bow, stern, side) = to_port_crs(points, "EPSG:32652")
    loa_m = math.dist(bow, stern)
    axis = ((stern[0] - bow[0]) / loa_m, (stern[1] - bow[1]) / loa_m)
    beam_m = 2 * abs((side[0] - bow[0]) * axis[1] - (side[1] - bow[1]) * axis[0])
    expected = ship_rules.classify(loa_m, beam_m, IMAGE_PIXEL_M)
    assert expected.vessel_class, (loa_m, beam_m)
    assert expected.vessel_class in bench.dock.vesselResultLabel.text()
    bench.dock.vesselStateCombo.setCurrentIndex(bench.dock.vesselStateCombo.findData("loading"))
    bench.dock.cargoVisibleCheck.click()
    bench.press(bench.dock.logVesselButton)
    (ship,) = gpkg_checks.table_rows(bench.port_file(), "vessels")
    assert ship["loa_m"] == pytest.approx(loa_m, abs=0.01) and ship["beam_m"] == pytest.approx(beam_m, abs=0.01)
    assert ship["vessel_class"] == expected.vessel_class and ship["state"] == "loading"
    assert ship["cargo_visible"] == 1 and ship["pier"] == "RasonConTrans Pier 3"
    assert bench.dock.log.layer("vessels") is not None
    assert not bench.dock.logVesselButton.isEnabled()
    OUTPUT.mkdir(exist_ok=True)
    assert bench.iface.mainWindow().grab().save(str(OUTPUT / "dock_story_window.png"))


def test_the_coverage_drawn_on_the_map_makes_the_date_partial(make_bench, clean_project):
    bench = make_bench()
    bench.draw(HEAP)
    bench.log_heap()
    bench.press(bench.dock.coverageButton)
    clicked = []
    for pixel in (QPoint(300, 150), QPoint(1000, 150), QPoint(1000, 700), QPoint(300, 700)):
        bench.iface.click(pixel)
        clicked.append(bench.iface.map_point(pixel))
    bench.iface.click(QPoint(5, 5), Qt.MouseButton.RightButton)
    settle()
    corners = to_port_crs(clicked, "EPSG:32652")
    expected_m2 = abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(corners, corners[1:] + corners[:1]))) / 2
    with PortFile.open(bench.port_file()) as port_file:
        (scene,) = port_file.scenes()
        assert scene["coverage"].area == pytest.approx(expected_m2, rel=1e-6)
        (total,) = port_file.totals_by_date()
        assert total["partial"] and "coverage partial" in total["note"]
    assert bench.dock.clearCoverageButton.isVisible()
    bench.press(bench.dock.clearCoverageButton)
    with PortFile.open(bench.port_file()) as port_file:
        assert port_file.scenes()[0]["coverage"] is None and not port_file.totals_by_date()[0]["partial"]
    assert not bench.dock.clearCoverageButton.isVisible()
