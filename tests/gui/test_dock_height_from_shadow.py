"""The shadow button beside the height: refused when the sun is too high for a free-standing pile,
measures a walled bin, fills height and uncertainty, and the heap is logged with height_method shadow."""
import math

import pytest
from qgis.PyQt.QtCore import QPoint


HEAP = [QPoint(500, 300), QPoint(700, 280), QPoint(760, 420), QPoint(640, 520), QPoint(480, 450)]


def test_april_noon_sun_refuses_a_repose_pile(bench):
    meta = bench.dock.session.scenes.metadata(bench.image)
    assert meta.sun_elevation_deg > bench.dock.reposeSpin.value()  # sun computed from time and place
    bench.press(bench.dock.shadowToolButton)
    assert bench.canvas.mapTool() is not bench.dock.shadow.tool
    assert bench.iface.messages()  # the tool said why


def test_walled_bin_height_from_its_shadow_is_logged_as_shadow(bench):
    dock = bench.dock
    bench.draw(HEAP)
    dock.modelCombo.setCurrentIndex(dock.modelCombo.findData("prism"))
    measured = []
    dock.shadow.measured.connect(lambda h, s: measured.append((h, s)))
    bench.press(dock.shadowToolButton)
    assert bench.canvas.mapTool() is dock.shadow.tool
    azimuth = math.radians(dock.session.scenes.metadata(bench.image).sun_azimuth_deg + 180.0)  # away from the sun
    top = QPoint(620, 400)
    tip = QPoint(round(top.x() + 30 * math.sin(azimuth)), round(top.y() - 30 * math.cos(azimuth)))
    bench.iface.click(top)
    bench.iface.click(tip)
    assert len(measured) == 1
    height_m, sigma_m = measured[0]
    assert dock.heightSpin.value() == pytest.approx(height_m, abs=0.05)
    assert dock.heightSigmaSpin.value() == pytest.approx(sigma_m, abs=0.05)
    assert f"{dock.heightSpin.value():.1f}" in dock.resultLabel.text()
    bench.log_heap()
    row = bench.rows()[0]
    assert row["height_method"] == "shadow" and row["model"] == "prism"
    assert row["height_m"] == pytest.approx(dock.heightSpin.value())


def test_predicted_shadow_is_drawn_only_where_a_shadow_can_exist(bench):
    dock = bench.dock
    bench.draw(HEAP)
    assert dock.shadow.predicted_geometry().isEmpty()  # repose pile, sun above 35 deg: no ground shadow
    dock.modelCombo.setCurrentIndex(dock.modelCombo.findData("prism"))
    walls = dock.shadow.predicted_geometry()
    assert not walls.isEmpty() and walls.area() > 0
    bench.type_height(12)
    assert dock.shadow.predicted_geometry().area() > walls.area()  # a taller bin casts a longer shadow
