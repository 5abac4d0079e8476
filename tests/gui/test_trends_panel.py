"""The trends panel on screen: the chart of a port's log, hover, exports, and life without matplotlib."""
import csv
import math
import sys

import pytest
from defusedxml import ElementTree
from qgis.PyQt.QtCore import QEvent, QPointF, Qt
from qgis.PyQt.QtGui import QImage, QMouseEvent
from qgis.PyQt.QtWidgets import QApplication, QLabel, QWidget

from coal_monitor.core import timeseries
from tests.helpers.trend_ports import HEAPS, SCENES, algorithm, make_port_file, sums_read_with_ogr


@pytest.fixture()
def port_path(tmp_path):
    return make_port_file(tmp_path, with_raster=False)


@pytest.fixture()
def panel(qtbot):
    from coal_monitor.gui.trends import TrendsPanel

    host = QWidget()
    host.resize(640, 520)
    widget = TrendsPanel(host)
    widget.resize(640, 520)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    yield widget
    host.close()


def _move_mouse(canvas, x_mpl, y_mpl):
    """A real Qt mouse-move event at matplotlib display pixel (x, y from the bottom)."""
    ratio = canvas.device_pixel_ratio if hasattr(canvas, "device_pixel_ratio") else 1.0
    position = QPointF(x_mpl / ratio, canvas.figure.bbox.height / ratio - y_mpl / ratio)
    event = QMouseEvent(QEvent.MouseMove, position, Qt.NoButton, Qt.NoButton, Qt.NoModifier)
    QApplication.sendEvent(canvas, event)
    QApplication.processEvents()


def test_chart_shows_each_dates_total_as_the_heaps_add_up(panel, port_path):
    panel.set_port_file(port_path)
    QApplication.processEvents()
    chart = panel.findChild(QWidget, "trendsChart")
    assert chart is not None and chart.isVisible()
    sums = sums_read_with_ogr(port_path, by_pier=False)
    assert [p.observed_date for p in panel.points] == sorted(day for day, _ in sums)
    for point in panel.points:
        entry = sums[(point.observed_date, None)]
        assert point.heaps == entry["heaps"]
        assert set(point.scene_ids) == entry["scenes"]
        for name in timeseries.SUMMED:
            assert math.isclose(getattr(point, name), entry[name], rel_tol=1e-12)
    latest = panel.points[-1]
    assert f"{latest.tonnage_t:,.0f} t" in panel.statusLabel.text() and "Rason" in panel.statusLabel.text()
    # the drawn line really carries these numbers
    (line, drawn), = panel._markers
    assert [y for _x, y in line.get_xydata()] == pytest.approx([p.tonnage_t for p in panel.points])
    assert drawn == panel.points


def test_by_pier_draws_one_line_per_pier(panel, port_path):
    panel.set_port_file(port_path)
    panel.set_by_pier(True)
    QApplication.processEvents()
    piers = {pier for _s, pier, *_rest in HEAPS}
    assert len(panel._markers) == len(piers)
    sums = sums_read_with_ogr(port_path, by_pier=True)
    assert len(panel.points) == len(sums)
    for point in panel.points:
        key = (point.observed_date, None if point.pier == timeseries.NO_PIER else point.pier)
        assert math.isclose(point.tonnage_t, sums[key]["tonnage_t"], rel_tol=1e-12)
    legend = [t.get_text() for t in panel.figure.axes[0].get_legend().get_texts()]
    assert sorted(legend) == sorted([timeseries.NO_PIER if p is None else p for p in piers])


def test_hovering_a_point_shows_its_numbers_and_scene(panel, port_path):
    panel.set_port_file(port_path)
    panel.chart.draw()
    QApplication.processEvents()
    target = panel.points[1]
    x, y = panel.marker_pixel(target)
    _move_mouse(panel.chart, x + 2, y - 2)
    assert target.observed_date in panel.hover_text
    assert f"{target.tonnage_t:,.0f} t" in panel.hover_text
    assert f"{target.tonnage_lo_t:,.0f} - {target.tonnage_hi_t:,.0f} t" in panel.hover_text
    assert SCENES[1]["scene_id"] in panel.hover_text
    assert panel.chart.toolTip() == panel.hover_text
    _move_mouse(panel.chart, 5, 5)  # far from every point: the box goes away
    assert panel.hover_text == ""


@pytest.mark.parametrize("index", [0, -2, -1])
def test_hover_box_stays_inside_the_chart(panel, port_path, index):
    """A nearly empty date sits at the bottom edge, the latest at the right: the box opens inwards."""
    from coal_monitor.store.portfile import PortFile
    from tests.helpers.trend_ports import PORT_CRS, footprint

    with PortFile.open(port_path) as port_file:  # a last date with one small heap: a point near the bottom
        port_file.add_scene({"scene_id": "T-2024-08-01", "acquired_utc": "2024-08-01T02:00:00Z", "gsd_m": 0.5})
        port_file.add_heap(footprint(20, 20, 6, 6), PORT_CRS, {"scene_id": "T-2024-08-01",
                                                              "observed_utc": "2024-08-01T02:00:00Z", "height_m": 1.0})
    panel.set_port_file(port_path)
    panel.chart.draw()
    QApplication.processEvents()
    target = panel.points[index]
    x, y = panel.marker_pixel(target)
    _move_mouse(panel.chart, x + 1, y + 1)
    assert panel._annotation is not None
    panel.chart.draw()
    box = panel._annotation.get_bbox_patch().get_window_extent(panel.chart.get_renderer())
    axes = panel._markers[0][0].axes.bbox
    assert axes.x0 <= box.x0 and box.x1 <= axes.x1 and axes.y0 <= box.y0 and box.y1 <= axes.y1, (box, axes)


def test_exports_png_svg_and_a_csv_that_matches_the_processing_table(panel, port_path, tmp_path, processing):
    panel.set_port_file(port_path)
    asked = []

    def answer(kind):
        asked.append(kind)
        return str(tmp_path / f"chart.{kind}")

    panel.ask_save_path = answer
    for kind in ("png", "svg", "csv"):
        panel.findChild(QWidget, f"trendsExport{kind.capitalize()}Button").click()
    assert asked == ["png", "svg", "csv"]

    image = QImage(str(tmp_path / "chart.png"))
    assert not image.isNull() and image.width() > 400
    svg = ElementTree.parse(str(tmp_path / "chart.svg")).getroot()
    assert svg.tag.endswith("svg")

    with open(tmp_path / "chart.csv", newline="", encoding="utf-8") as handle:
        exported = list(csv.DictReader(handle))
    table = processing.run(algorithm("porttimeseries"), {"INPUT": str(port_path), "BY_PIER": False,
                                                          "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    rows = list(table.getFeatures())
    assert len(exported) == len(rows) == len(SCENES)
    for csv_row, feature in zip(exported, rows):
        assert csv_row["observed_date"] == feature["observed_date"].toString("yyyy-MM-dd")
        assert csv_row["pier"] == feature["pier"] and int(csv_row["heaps"]) == feature["heaps"]
        for name in timeseries.SUMMED:
            assert float(csv_row[name]) == pytest.approx(feature[name], rel=1e-12)


def test_a_cancelled_save_dialog_writes_nothing(panel, port_path, tmp_path):
    panel.set_port_file(port_path)
    panel.ask_save_path = lambda kind: ""
    panel.findChild(QWidget, "trendsExportCsvButton").click()
    assert list(tmp_path.glob("*.csv")) == []


def test_a_broken_port_file_is_reported_in_the_panel(panel, tmp_path):
    broken = tmp_path / "broken.gpkg"
    broken.write_bytes(b"not a geopackage at all")
    problems = []
    panel.problem.connect(problems.append)
    panel.set_port_file(broken)
    assert problems and "broken.gpkg" in problems[0]
    assert panel.statusLabel.text() == problems[0]
    assert panel.points == []


def test_without_matplotlib_the_panel_says_what_to_install_and_csv_still_works(qtbot, port_path, tmp_path,
                                                                               monkeypatch):
    # A None entry in sys.modules makes `import matplotlib` raise ImportError, as on a QGIS without it.
    for name in [m for m in sys.modules if m == "matplotlib" or m.startswith("matplotlib.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    from coal_monitor.gui.trends import TrendsPanel

    panel = TrendsPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_port_file(port_path)
    assert panel.findChild(QWidget, "trendsChart") is None
    label = panel.findChild(QLabel, "trendsMissingLabel")
    assert label is not None and "python3-matplotlib" in label.text() and "pip install matplotlib" in label.text()
    assert not panel.findChild(QWidget, "trendsExportPngButton").isEnabled()
    assert len(panel.points) == len(SCENES)
    panel.ask_save_path = lambda kind: str(tmp_path / "series.csv")
    panel.findChild(QWidget, "trendsExportCsvButton").click()
    assert (tmp_path / "series.csv").read_text().startswith(",".join(timeseries.COLUMNS))


def test_every_drawn_point_is_found_at_its_own_pixel(panel, port_path):
    panel.set_port_file(port_path)
    panel.chart.draw()
    for point in panel.points:
        assert panel.point_at(*panel.marker_pixel(point)) is point
