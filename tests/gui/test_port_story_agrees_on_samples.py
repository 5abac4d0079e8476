"""On the demo's sample ports, the dock's chart, its CSV, porttimeseries and the PDF report agree.

Each sample scene's known heaps (footprint, height, model) are logged through the store, as an analyst
would log them; the four outputs are then compared number for number. The rendered report pages go to
tests/output/report/ for a person to look at, and the estimated volumes are printed next to the
samples' known volumes.
"""
import csv
import json
import math
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from qgis.PyQt.QtWidgets import QApplication
from shapely.geometry import shape

from coal_monitor.core import timeseries
from coal_monitor.core.ports import builtin_ports
from coal_monitor.resources import resource_path
from coal_monitor.store.portfile import PortFile
from tests.helpers.trend_ports import algorithm

SAMPLES = Path(resource_path("samples/scenes.json")).parent
OUTPUT_DIR = Path(__file__).resolve().parents[1] / "output" / "report"


def _pier(port_slug, heap_name):
    if port_slug == "nampho":
        return "coal bins" if heap_name.startswith("B") else "coal terminal"
    return "RasonConTrans Pier 3"


def make_sample_port(slug, folder):
    """The port's file with every sample scene of it and each scene's known heaps, through the store."""
    catalogue = json.loads((SAMPLES / "scenes.json").read_text())
    port = [p for p in builtin_ports() if p.slug == slug][0]
    path = Path(folder) / f"{slug}.gpkg"
    truth_volumes = {}
    with PortFile.create(path, port) as port_file:
        for scene in (s for s in catalogue["scenes"] if s["port"] == slug):
            port_file.add_scene({
                "scene_id": scene["id"], "sensor": f"synthetic ({scene['vendor_format']})",
                "acquired_utc": scene["acquired_utc"], "gsd_m": scene["gsd_m"],
                "sun_elevation_deg": scene["sun_elevation_deg"], "sun_azimuth_deg": scene["sun_azimuth_deg"],
                "source": "Coal Monitor synthetic sample scene (tools/make_scenes.py), public domain",
                "raster_path": str(SAMPLES / scene["raster"]),
            })
            truth = json.loads((SAMPLES / scene["truth"]).read_text())
            # a scene without heaps (the void Rason sample) is a gap until scenes can be marked examined
            if truth["features"]:
                truth_volumes[scene["date"]] = scene["total_volume_m3"]
            for feature in truth["features"]:
                heap = feature["properties"]
                port_file.add_heap(shape(feature["geometry"]), scene["crs_epsg"], {
                    "scene_id": scene["id"], "observed_utc": scene["acquired_utc"], "height_m": heap["height_m"],
                    "model": heap["model"], "label": heap["heap"], "pier": _pier(slug, heap["heap"]),
                    "height_method": "dem", "identification": "confirmed", "confidence": "high",
                })
    return path, truth_volumes


def _pdf_text(pdf):
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    assert done.stderr == "", done.stderr  # poppler complains about malformed drawing operators here
    text = done.stdout
    return re.sub(r"[ \t]+", " ", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("slug", ["rason", "nampho"])
def test_chart_csv_processing_table_and_report_agree(slug, tmp_path, qtbot, processing):
    from coal_monitor.gui.trends import TrendsPanel

    port_path, truth_volumes = make_sample_port(slug, tmp_path)

    panel = TrendsPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 480)
    panel.show()
    panel.set_port_file(port_path)
    QApplication.processEvents()
    chart_points = panel.points
    (line, _drawn), = panel._markers
    chart_tonnage = [y for _x, y in line.get_xydata()]
    csv_path = panel.export_csv(tmp_path / "chart.csv")
    with open(csv_path, newline="", encoding="utf-8") as handle:
        csv_rows = list(csv.DictReader(handle))

    table = processing.run(algorithm("porttimeseries"), {"INPUT": str(port_path), "BY_PIER": False,
                                                          "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    features = list(table.getFeatures())

    pdf = tmp_path / f"{slug}.pdf"
    processing.run(algorithm("portreport"), {"INPUT": str(port_path), "OUTPUT": str(pdf)})
    text = _pdf_text(pdf)
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(OUTPUT_DIR / f"sample_{slug}")],
                   check=True)

    assert len(chart_points) == len(csv_rows) == len(features) == len(truth_volumes)
    print(f"\n{slug}: date, estimated volume m3 (range), sample's known volume m3")
    for point, tonnage, row, feature in zip(chart_points, chart_tonnage, csv_rows, features):
        assert row["observed_date"] == point.observed_date == feature["observed_date"].toString("yyyy-MM-dd")
        assert int(row["heaps"]) == point.heaps == feature["heaps"]
        assert tonnage == pytest.approx(point.tonnage_t, rel=1e-12)
        for name in timeseries.SUMMED:
            assert float(row[name]) == pytest.approx(getattr(point, name), rel=1e-12)
            assert feature[name] == pytest.approx(getattr(point, name), rel=1e-12)
        assert re.search(rf"{point.observed_date} .*?{point.heaps} {point.tonnage_t:,.0f} "
                         rf"{point.tonnage_lo_t:,.0f} ?- ?{point.tonnage_hi_t:,.0f}", text), point.observed_date
        known = truth_volumes[point.observed_date]
        print(f"  {point.observed_date}  {point.volume_m3:10,.0f} ({point.volume_lo_m3:,.0f}-{point.volume_hi_m3:,.0f})"
              f"  {known:10,.0f}  {(point.volume_m3 / known - 1) * 100 if known else math.nan:+.1f} %")
    port_name = [p for p in builtin_ports() if p.slug == slug][0].name
    assert f"Coal at {port_name}" in text
