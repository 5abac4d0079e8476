"""Numbers a person reads follow the user's locale by one rule; the CSV stays for machines.

In a German QGIS the PDF report's map labels (the heaps layer's label expression) and its table both read
"1.904 t", the chart's axis and hover box likewise, and the trend CSV keeps "." decimals and ISO dates.
"""
import csv
import io
import re
import subprocess
import unicodedata

import pytest
from osgeo import ogr
from qgis.PyQt.QtCore import QLocale

from coal_monitor import number_text
from coal_monitor.core import timeseries
from coal_monitor.report import chart, data
from coal_monitor.report.layout import write_report
from coal_monitor.store.portfile import PortFile
from tests.helpers.trend_ports import SCENES, make_port_file

GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)


@pytest.fixture()
def german():
    before = QLocale()
    QLocale.setDefault(GERMAN)
    yield
    QLocale.setDefault(before)


def _german_whole(value):
    """1904.4 -> '1.904', written here without Qt: "." groups thousands in German."""
    return f"{round(value):,d}".replace(",", ".")


def _pdf_text(pdf):
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"[ \t]+", " ", unicodedata.normalize("NFKC", text))


def _latest_heap_tonnages(path):
    ogr.UseExceptions()
    dataset = ogr.Open(str(path))
    layer = dataset.GetLayerByName("heaps")
    values = [f.GetField("tonnage_t") for f in layer if f.GetField("scene_id") == SCENES[-1]["scene_id"]]
    dataset = None
    return values


def test_report_map_labels_and_table_follow_the_german_locale(german, tmp_path):
    path = make_port_file(tmp_path)
    text = _pdf_text(write_report(path, tmp_path / "bericht.pdf"))
    with PortFile.open(path) as port_file:
        totals = data.series(port_file)
    for point in totals:  # the table: total and range, German separators
        row = f"{_german_whole(point.tonnage_t)} {_german_whole(point.tonnage_lo_t)} - {_german_whole(point.tonnage_hi_t)}"
        assert row in text, f"{row!r} not in:\n{text}"
        assert f"{point.tonnage_t:,.0f}" not in text
    for tonnage in _latest_heap_tonnages(path):  # the map: one label per heap of the latest image
        assert f"{_german_whole(tonnage)} t" in text
    assert "0,85 t/m3" in text and "GSD 0,5 m" in text


def test_hover_box_axis_and_dock_text_in_german_the_csv_unchanged(german, tmp_path):
    path = make_port_file(tmp_path)
    with PortFile.open(path) as port_file:
        points = data.series(port_file)
    latest = points[-1]
    hover = timeseries.describe(latest, number_text.number)
    assert f"{_german_whole(latest.tonnage_t)} t" in hover
    assert chart._thousands(12345.0) == "12.345"
    assert number_text.quantity(7.44) == "7,4" and number_text.quantity(13520.2) == "13.520"
    rows = list(csv.DictReader(io.StringIO(timeseries.to_csv_text(points))))
    assert rows[-1]["observed_date"] == latest.observed_date
    assert float(rows[-1]["tonnage_t"]) == latest.tonnage_t  # "." decimals, no group separators
    assert "," not in rows[-1]["tonnage_t"] and "." in rows[-1]["tonnage_t"]


def test_the_english_locale_keeps_english_separators(tmp_path):
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert number_text.number(1904.4, 0, english) == "1,904"
    assert number_text.short(0.300079, 2, english) == "0.3"
    assert number_text.short(0.300079, 2, GERMAN) == "0,3"
