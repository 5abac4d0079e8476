"""coal_monitor:porttimeseries sums a port's heaps per date (and pier) exactly as the heaps add up."""
import math

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from coal_monitor.core import timeseries
from tests.helpers.trend_ports import HEAPS, SCENES, algorithm, make_port_file, sums_read_with_ogr

EXPECTED_FIELDS = ["observed_date", "pier", "heaps", "area_m2", "volume_m3", "volume_lo_m3", "volume_hi_m3",
                   "tonnage_t", "tonnage_lo_t", "tonnage_hi_t", "scene_ids", "note", "examined", "partial_coverage",
                   "vessels"]


@pytest.fixture()
def port_path(tmp_path):
    return make_port_file(tmp_path)


def _run(processing, port_path, by_pier, output="TEMPORARY_OUTPUT"):
    result = processing.run(algorithm("porttimeseries"),
                            {"INPUT": str(port_path), "BY_PIER": by_pier, "OUTPUT": output})
    layer = result["OUTPUT"]
    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, "series", "ogr")
    assert layer.isValid()
    return layer


def _rows(layer):
    names = layer.fields().names()
    rows = []
    for feature in layer.getFeatures():
        row = dict(zip(names, feature.attributes()))
        if hasattr(row["observed_date"], "toString"):
            row["observed_date"] = row["observed_date"].toString("yyyy-MM-dd")
        rows.append(row)
    return rows


def _assert_matches(rows, expected, by_pier):
    assert len(rows) == len(expected)
    for row in rows:
        if by_pier:
            pier = None if row["pier"] == timeseries.NO_PIER else row["pier"]
        else:
            assert row["pier"] == timeseries.ALL_PIERS
            pier = None
        sums = expected[(row["observed_date"], pier)]
        assert row["heaps"] == sums["heaps"]
        for name in timeseries.SUMMED:
            assert math.isclose(row[name], sums[name], rel_tol=1e-12), (row["observed_date"], pier, name)


def test_total_series_is_the_sum_of_each_dates_heaps(processing, port_path):
    layer = _run(processing, port_path, by_pier=False)
    assert layer.fields().names()[-len(EXPECTED_FIELDS):] == EXPECTED_FIELDS
    assert layer.fields().field("observed_date").type() == QVariant.Date
    assert layer.fields().field("heaps").type() == QVariant.Int
    rows = _rows(layer)
    assert [r["observed_date"] for r in rows] == sorted(s["acquired_utc"][:10] for s in SCENES)
    assert sum(r["heaps"] for r in rows) == len(HEAPS)
    _assert_matches(rows, sums_read_with_ogr(port_path, by_pier=False), by_pier=False)
    for row in rows:  # every heap has a range around its estimate, so every date does too
        assert 0 < row["tonnage_lo_t"] < row["tonnage_t"] < row["tonnage_hi_t"]
        assert 0 < row["volume_lo_m3"] < row["volume_m3"] < row["volume_hi_m3"]


def test_series_by_pier_has_one_row_per_date_and_pier_and_keeps_heaps_without_a_pier(processing, port_path):
    expected = sums_read_with_ogr(port_path, by_pier=True)
    rows = _rows(_run(processing, port_path, by_pier=True))
    _assert_matches(rows, expected, by_pier=True)
    assert {r["pier"] for r in rows} == {"RasonConTrans Pier 3", "Pier 2", timeseries.NO_PIER}
    keys = [(r["observed_date"], r["pier"]) for r in rows]
    assert keys == sorted(keys)


def test_series_written_to_a_geopackage_table_reads_back_the_same(processing, port_path, tmp_path):
    output = str(tmp_path / "series.gpkg")
    layer = _run(processing, port_path, by_pier=False, output=output)
    assert layer.featureCount() == len(SCENES)
    _assert_matches(_rows(layer), sums_read_with_ogr(port_path, by_pier=False), by_pier=False)


def test_a_port_without_heaps_gives_an_empty_table(processing, tmp_path):
    from tests.helpers.trend_ports import rason_port
    from coal_monitor.store.portfile import PortFile

    path = tmp_path / "empty.gpkg"
    PortFile.create(path, rason_port()).close()
    assert _run(processing, path, by_pier=True).featureCount() == 0


def test_a_missing_port_file_is_refused_with_its_path(processing, tmp_path):
    missing = tmp_path / "nowhere.gpkg"
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(algorithm("porttimeseries"), {"INPUT": str(missing), "BY_PIER": False,
                                                     "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "nowhere.gpkg" in str(raised.value)


def test_a_scene_without_heaps_is_a_gap_not_zero_coal(processing, port_path):
    """Until a scene can be marked as examined, a scene without heaps is not an observation: a zero there
    could be a heap deleted by mistake ("void of coal" would be a false claim)."""
    from coal_monitor.store.portfile import PortFile

    with PortFile.open(port_path) as port_file:
        port_file.add_scene({"scene_id": "T-2023-11-14-void", "acquired_utc": "2023-11-14T01:49:12Z"})
    total = _rows(_run(processing, port_path, by_pier=False))
    assert "2023-11-14" not in [r["observed_date"] for r in total]
    _assert_matches(total, sums_read_with_ogr(port_path, by_pier=False), False)
    per_pier = _rows(_run(processing, port_path, by_pier=True))
    assert "2023-11-14" not in [r["observed_date"] for r in per_pier]


def test_an_examined_empty_date_is_a_zero_row_and_ships_are_counted(processing, tmp_path):
    """Observation semantics: an examined image without heaps is a row of 0 t; an unexamined empty one none."""
    from shapely.geometry import box

    from coal_monitor.core.ports import Port
    from coal_monitor.store.portfile import PortFile

    rason = Port(name="Rason", slug="rason", lat_deg=42.2271, lon_deg=130.2826, crs_epsg=32652)
    path = tmp_path / "rason.gpkg"
    with PortFile.create(path, rason) as port_file:
        for scene_id, when in (("FULL", "2023-10-02T02:00:00Z"), ("VOID", "2023-11-14T02:00:00Z"),
                               ("UNSEEN", "2023-12-01T02:00:00Z")):
            port_file.add_scene({"scene_id": scene_id, "acquired_utc": when, "gsd_m": 0.5})
        port_file.add_heap(box(606_000, 4_675_000, 606_060, 4_675_030), 32652,
                           {"scene_id": "FULL", "observed_utc": "2023-10-02T02:00:00Z", "height_m": 6})
        port_file.mark_examined("VOID", note="examined: no coal")
        ship = box(606_300, 4_674_800, 606_490, 4_674_832.26)
        port_file.add_vessel(ship, 32652, {"scene_id": "VOID", "observed_utc": "2023-11-14T02:00:00Z",
                                           "state": "moored"})
    rows = _rows(_run(processing, path, by_pier=False))
    assert [r["observed_date"] for r in rows] == ["2023-10-02", "2023-11-14"]
    void = rows[1]
    assert void["heaps"] == 0 and void["tonnage_t"] == 0.0 and void["examined"] == 1 and void["vessels"] == 1
    assert rows[0]["examined"] == 0 and rows[0]["tonnage_t"] > 0 and rows[0]["vessels"] == 0
