"""A day's total counts each pile once and only observed coal: real port GeoPackages, every consumer.

Two images of one day showing the same heaps must not double them (one image per footprint: the finer
GSD, else the later one), and an image whose only heap was deleted is not an observation of zero coal.
The expectations are summed here from the heaps GDAL reads, per scene, independently of the store's SQL.
"""
import csv
import io
import math

import pytest
from osgeo import ogr

from coal_monitor.core import timeseries
from coal_monitor.report import content, data
from coal_monitor.store.portfile import PortFile
from tests.helpers.trend_ports import HEAPS, PORT_CRS, SCENES, algorithm, footprint, make_port_file

DAY = SCENES[-1]["acquired_utc"][:10]
COARSE = SCENES[-1]["scene_id"]  # 0.5 m, logged by make_port_file
FINE = "T-2024-04-12-fine"       # the same day, 0.3 m, earlier in the morning
ELSEWHERE = "T-2024-04-12-north"  # the same day, 0.5 m, another part of the port


def _sums_per_scene(path):
    """{(day, scene_id): {"heaps": n, field: sum}} from GDAL's reading of the heaps layer."""
    ogr.UseExceptions()
    dataset = ogr.Open(str(path))
    sums = {}
    for feature in dataset.GetLayerByName("heaps"):
        key = (feature.GetFieldAsString("observed_utc").replace("/", "-")[:10], feature.GetField("scene_id"))
        entry = sums.setdefault(key, dict({"heaps": 0}, **{k: 0.0 for k in timeseries.SUMMED}))
        entry["heaps"] += 1
        for name in timeseries.SUMMED:
            entry[name] += feature.GetField(name)
    dataset = None
    return sums


def _add_scene_with_heaps(path, scene_id, gsd_m, acquired, boxes, height_m):
    with PortFile.open(path) as port_file:
        port_file.add_scene({"scene_id": scene_id, "acquired_utc": acquired, "gsd_m": gsd_m})
        for box in boxes:
            port_file.add_heap(footprint(*box), PORT_CRS, {"scene_id": scene_id, "observed_utc": acquired,
                                                          "height_m": height_m, "pier": "Pier 2"})


def _porttimeseries(processing, path, by_pier=False):
    result = processing.run(algorithm("porttimeseries"), {"INPUT": str(path), "BY_PIER": by_pier,
                                                          "OUTPUT": "TEMPORARY_OUTPUT"})
    names = result["OUTPUT"].fields().names()
    rows = []
    for feature in result["OUTPUT"].getFeatures():
        row = dict(zip(names, feature.attributes()))
        row["observed_date"] = row["observed_date"].toString("yyyy-MM-dd")
        rows.append(row)
    return rows


def _assert_sums(row, *entries):
    assert row["heaps"] == sum(e["heaps"] for e in entries)
    for name in timeseries.SUMMED:
        assert math.isclose(row[name], sum(e[name] for e in entries), rel_tol=1e-12), name


@pytest.fixture()
def two_images_of_one_day(tmp_path):
    """Rason's log plus a finer image of the latest day showing the same heaps (outlines 1 m apart),
    and a third image of that day over another part of the port."""
    path = make_port_file(tmp_path)
    same = [(x + 1, y + 1, length, width) for scene, _pier, x, y, length, width, _h in HEAPS if scene == 2]
    _add_scene_with_heaps(path, FINE, 0.3, f"{DAY}T01:05:00Z", same, 5.0)
    _add_scene_with_heaps(path, ELSEWHERE, 0.5, f"{DAY}T03:15:00Z", [(20, 600, 40, 20)], 3.0)
    return path


def test_two_images_of_one_day_count_one_pile_once_the_finer_gsd(processing, two_images_of_one_day):
    path = two_images_of_one_day
    sums = _sums_per_scene(path)
    (row,) = [r for r in _porttimeseries(processing, path) if r["observed_date"] == DAY]
    _assert_sums(row, sums[(DAY, FINE)], sums[(DAY, ELSEWHERE)])  # not the coarse image's heaps
    assert row["scene_ids"].split(";") == sorted([FINE, ELSEWHERE])
    assert COARSE in row["note"] and FINE in row["note"] and "GSD" in row["note"]
    for other in (r for r in _porttimeseries(processing, path) if r["observed_date"] != DAY):
        assert other["note"] == ""


def test_the_chart_csv_and_report_take_the_same_images(processing, two_images_of_one_day):
    path = two_images_of_one_day
    sums = _sums_per_scene(path)
    with PortFile.open(path) as port_file:
        (point,) = [p for p in data.series(port_file) if p.observed_date == DAY]
        by_pier = [p for p in data.series(port_file, by_pier=True) if p.observed_date == DAY]
        report = content.gather(port_file)
    _assert_sums(vars(point), sums[(DAY, FINE)], sums[(DAY, ELSEWHERE)])
    assert sum(p.tonnage_t for p in by_pier) == pytest.approx(point.tonnage_t, rel=1e-12)
    assert COARSE not in point.scene_ids and COARSE in timeseries.describe(point)  # the hover box says so
    assert report.totals[-1].tonnage_t == point.tonnage_t
    (csv_row,) = [r for r in csv.DictReader(io.StringIO(timeseries.to_csv_text([point])))]
    assert float(csv_row["tonnage_t"]) == point.tonnage_t and COARSE in csv_row["note"]


def test_at_equal_gsd_the_later_image_counts(processing, tmp_path):
    path = make_port_file(tmp_path)
    same = [(x + 1, y + 1, length, width) for scene, _pier, x, y, length, width, _h in HEAPS if scene == 2]
    _add_scene_with_heaps(path, "T-2024-04-12-later", 0.5, f"{DAY}T05:00:00Z", same, 5.0)
    (row,) = [r for r in _porttimeseries(processing, path) if r["observed_date"] == DAY]
    _assert_sums(row, _sums_per_scene(path)[(DAY, "T-2024-04-12-later")])
    assert "later" in row["note"]


def test_an_image_whose_only_heap_was_deleted_is_a_gap_everywhere(processing, tmp_path):
    path = make_port_file(tmp_path)
    with PortFile.open(path) as port_file:
        _add_scene_with_heaps(path, "T-2024-06-01", 0.5, "2024-06-01T02:00:00Z", [(20, 20, 50, 30)], 4.0)
        (heap,) = port_file.heaps(scene_id="T-2024-06-01", with_geometry=False)
        port_file.delete_heap(heap["heap_uid"])
        series = data.series(port_file)
        by_pier = data.series(port_file, by_pier=True)
        report = content.gather(port_file)
    assert "2024-06-01" not in [p.observed_date for p in series + by_pier]
    assert "2024-06-01" not in timeseries.to_csv_text(series)
    assert "2024-06-01" not in [r["observed_date"] for r in _porttimeseries(processing, path)]
    assert "2024-06-01" not in [p.observed_date for p in report.totals + report.table_rows]
    assert report.totals[-1].observed_date == DAY and report.totals[-1].tonnage_t > 0


def test_porttimeseries_csv_has_iso_dates_and_unquoted_numbers(processing, tmp_path):
    path = make_port_file(tmp_path)
    output = tmp_path / "series.csv"
    processing.run(algorithm("porttimeseries"), {"INPUT": str(path), "BY_PIER": True, "OUTPUT": str(output)})
    lines = output.read_text().splitlines()
    assert lines[0].split(",")[:3] == ["observed_date", "pier", "heaps"]
    rows = list(csv.reader(lines[1:]))
    expected_days = sorted(s["acquired_utc"][:10] for s in SCENES)
    assert sorted({r[0] for r in rows}) == expected_days
    assert '"' not in "\n".join(lines[1:])  # counts and sums are bare numbers
    assert all(r[2].isdigit() and float(r[7]) > 0 for r in rows)
