"""The algorithms from the command line: `qgis_process` with the packaged plugin in a fresh profile.

Debian's /usr/bin/qgis_process wrapper adds an option that qgis_process 3.22 rejects, so the test
calls the program itself (qgis_process.bin) when it is there.
"""
import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from osgeo import ogr

from coal_monitor.core.estimate import estimate_heap
from tests.helpers.desktop import REPO_ROOT, build_plugin_zip
from tests.helpers.gpkg_checks import assert_sound_gpkg

# Two heaps near Rason's pier, lon/lat: a 60 x 30 m rectangle and a triangle.
LON0, LAT0 = 130.2826, 42.2271
HEAPS = [
    {"label": "A", "height_m": 6.0, "observed": "2025-01-20T02:05:00Z",
     "ring": [(0, 0), (60, 0), (60, 30), (0, 30)]},
    {"label": "B", "height_m": 4.0, "observed": "2025-04-18T01:50:00Z",
     "ring": [(100, 0), (140, 0), (120, 35)]},
]


def _lonlat(x_m, y_m):
    import math

    return LON0 + x_m / (111_320 * math.cos(math.radians(LAT0))), LAT0 + y_m / 110_574


def _polygon(ring):
    coords = [_lonlat(x, y) for x, y in ring]
    return {"type": "Polygon", "coordinates": [coords + coords[:1]]}


@pytest.fixture(scope="module")
def cli(tmp_path_factory):
    work = tmp_path_factory.mktemp("qgis_process")
    sys.path.insert(0, str(REPO_ROOT / "tools"))
    import deploy

    sys.path.pop(0)
    deploy.install(build_plugin_zip(work), work / "config" / "profiles", "default")
    program = shutil.which("qgis_process.bin") or shutil.which("qgis_process")
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(work / "config"), QT_QPA_PLATFORM="offscreen",
               XDG_RUNTIME_DIR=str(work))
    features = [{"type": "Feature", "geometry": _polygon(h["ring"]),
                 "properties": {k: v for k, v in h.items() if k != "ring"}} for h in HEAPS]
    source = work / "heaps.geojson"
    source.write_text(json.dumps({"type": "FeatureCollection", "features": features}))

    def run(algorithm, **parameters):
        command = [program, "--json", "run", algorithm, "--"] + [f"{k}={v}" for k, v in parameters.items()]
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        return json.loads(done.stdout[done.stdout.index("{"):])

    return work, source, run


def _rows(path, layer=None):
    data = ogr.Open(str(path))
    lyr = data.GetLayerByName(layer) if layer else data.GetLayer(0)
    return [{**f.items(), "wkt": f.GetGeometryRef().ExportToWkt() if f.GetGeometryRef() else None} for f in lyr]


def test_heapvolumes_from_the_command_line_matches_the_engine(cli):
    work, source, run = cli
    out = work / "volumes.gpkg"
    result = run("coal_monitor:heapvolumes", INPUT=source, HEIGHT_FIELD="height_m", MODEL=0, OUTPUT=out)
    assert result["results"]["FAILED_COUNT"] == 0
    rows = sorted(_rows(out), key=lambda r: r["label"])
    assert [r["label"] for r in rows] == ["A", "B"]
    for row, heap in zip(rows, HEAPS):
        expected = estimate_heap(_polygon_wkt(heap), "EPSG:4326", heap["height_m"])
        assert row["volume_m3"] == pytest.approx(expected.volume_m3, rel=1e-6)
        assert row["tonnage_lo_t"] <= row["tonnage_t"] <= row["tonnage_hi_t"]
        assert row["volume_note"] in ("", None)


def _polygon_wkt(heap):
    coords = [_lonlat(x, y) for x, y in heap["ring"]]
    coords.append(coords[0])
    return "POLYGON((" + ", ".join(f"{x!r} {y!r}" for x, y in coords) + "))"


def test_import_then_timeseries_recompute_and_report_from_the_command_line(cli):
    work, source, run = cli
    folder = work / "data"
    folder.mkdir()
    imported = run("coal_monitor:importheaps", INPUT=source, PORT="Rason", DATA_FOLDER=folder,
                   HEIGHT_FIELD="height_m", DATE_FIELD="observed")
    port_file = Path(imported["results"]["OUTPUT"])
    assert port_file == folder / "rason.gpkg" and imported["results"]["IMPORTED"] == 2
    assert_sound_gpkg(port_file)
    heaps = _rows(port_file, "heaps")
    assert sorted(h["height_method"] for h in heaps) == ["imported", "imported"]

    table = work / "series.csv"
    run("coal_monitor:porttimeseries", INPUT=port_file, BY_PIER="false", OUTPUT=table)
    series = list(csv.DictReader(table.open()))
    assert len(series) == 2
    by_day = {h["observed_utc"][:10].replace("/", "-"): h for h in heaps}
    for row in series:
        heap = by_day[row["observed_date"][:10].replace("/", "-")]
        assert float(row["tonnage_t"]) == pytest.approx(heap["tonnage_t"], rel=1e-9)
        assert int(row["heaps"]) == 1

    recomputed = run("coal_monitor:recomputevolumes", INPUT=port_file, DENSITY=1.0, DENSITY_LOW=0.9,
                     DENSITY_HIGH=1.1)
    assert recomputed["results"]["HEAPS"] == 2
    for heap in _rows(port_file, "heaps"):
        assert heap["density_t_m3"] == 1.0
        assert heap["tonnage_t"] == pytest.approx(heap["volume_m3"] * 1.0, rel=1e-9)
    assert_sound_gpkg(port_file)

    pdf = work / "rason.pdf"
    run("coal_monitor:portreport", INPUT=port_file, OUTPUT=pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = [line.split(":")[1].strip() for line in info.splitlines() if line.startswith("Pages:")]
    assert pages == ["1"]
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Rason" in text
    total_t = sum(h["tonnage_t"] for h in _rows(port_file, "heaps") if h["observed_utc"].startswith("2025/04")
                  or h["observed_utc"].startswith("2025-04"))
    assert f"{total_t:,.0f}" in text  # the latest date's tonnage, as the report prints it
    (REPO_ROOT / "tests" / "output").mkdir(parents=True, exist_ok=True)
    shutil.copy(pdf, REPO_ROOT / "tests" / "output" / "qgis_process_report.pdf")
