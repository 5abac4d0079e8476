"""A port file of schema version 1 (written by the released plugin) becomes version 2 and loses nothing.

``tests/data/v1/rason-v1.gpkg`` was written by Coal Monitor at commit 6e1a7bc (schema version 1) with
``tests/data/v1/make_v1.py``: three scenes, eight heaps (two images of one day, one heap without a scene),
and ``rason-v1.totals.json`` the totals by date that version computed.
"""
import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from coal_monitor.store import schema
from coal_monitor.store.portfile import PortFile
from tests.helpers import gpkg_checks

V1_FILE = Path(__file__).resolve().parents[2] / "data" / "v1" / "rason-v1.gpkg"
V1_TOTALS = V1_FILE.with_suffix(".totals.json")


rows = gpkg_checks.table_rows


def layout(path):
    """Per table: column names in order; geometry columns; feature/attribute kind."""
    connection = sqlite3.connect(path)
    try:
        columns = {t: [r[1] for r in connection.execute(f'PRAGMA table_info("{t}")')] for t in schema.TABLES}
        geometry = sorted(connection.execute("SELECT table_name, column_name, geometry_type_name, srs_id "
                                             "FROM gpkg_geometry_columns").fetchall())
        kinds = sorted(connection.execute("SELECT table_name, data_type, srs_id FROM gpkg_contents").fetchall())
        domains = sorted(connection.execute("SELECT table_name, column_name, constraint_name "
                                            "FROM gpkg_data_columns").fetchall())
        return columns, geometry, kinds, domains
    finally:
        connection.close()


@pytest.fixture()
def v1_copy(tmp_path):
    target = tmp_path / "rason.gpkg"
    shutil.copyfile(V1_FILE, target)
    return target


def test_the_fixture_is_a_version_1_file():
    assert rows(V1_FILE, "port")[0]["schema_version"] == 1
    assert len(rows(V1_FILE, "heaps")) == 8


def test_every_heap_and_number_is_kept_after_a_byte_identical_backup(v1_copy, tmp_path, rason):
    before_bytes = v1_copy.read_bytes()
    heaps_before, scenes_before = rows(v1_copy, "heaps"), rows(v1_copy, "scenes")
    with PortFile.open(v1_copy) as port_file:
        assert port_file.migrated_from == 1
        backup = port_file.backup_path
        assert port_file.stale_heaps() == []  # numbers still agree with the engine: nothing recomputed
    assert backup.read_bytes() == before_bytes
    assert hashlib.sha256(backup.read_bytes()).hexdigest() == hashlib.sha256(V1_FILE.read_bytes()).hexdigest()
    heaps_after, scenes_after = rows(v1_copy, "heaps"), rows(v1_copy, "scenes")
    assert len(heaps_after) == len(heaps_before) == 8
    for old, new in zip(heaps_before, heaps_after):
        assert {k: new[k] for k in old} == old  # every column of version 1, footprint bytes included
    piles = [h["pile_uid"] for h in heaps_after]
    assert None not in piles and len(set(piles)) == 8  # each version 1 heap is its own pile
    for old, new in zip(scenes_before, scenes_after):
        assert {k: new[k] for k in old} == old
        assert new["examined"] is None and new["coverage"] is None
    assert rows(v1_copy, "vessels") == []
    assert rows(v1_copy, "port")[0]["schema_version"] == 2
    gpkg_checks.assert_sound_gpkg(v1_copy)
    gpkg_checks.assert_sound_gpkg(backup)
    assert gpkg_checks.validator_cli_errors(v1_copy) == []
    with PortFile.open(v1_copy) as reopened:
        assert reopened.migrated_from is None and reopened.heap_count() == 8

    # A migrated file and a new one have the same layout: columns in order, layers, domains.
    fresh = tmp_path / "fresh.gpkg"
    PortFile.create(fresh, rason).close()
    migrated_layout, fresh_layout = layout(v1_copy), layout(fresh)
    assert migrated_layout[0] == fresh_layout[0]
    assert migrated_layout[1] == fresh_layout[1]
    assert [k[:2] for k in migrated_layout[2]] == [k[:2] for k in fresh_layout[2]]
    assert migrated_layout[3] == fresh_layout[3]


def test_totals_are_the_ones_version_1_computed(v1_copy):
    """rason-v1.totals.json: totals_by_date as the version 1 plugin computed them from this file."""
    expected = json.loads(V1_TOTALS.read_text())
    with PortFile.open(v1_copy) as port_file:
        totals = port_file.totals_by_date()
    assert [r["date"] for r in totals] == [r["date"] for r in expected]
    for got, want in zip(totals, expected):
        assert got["count"] == want["count"] and list(got["scene_ids"]) == want["scene_ids"]
        for column in ("area_m2", "volume_m3", "volume_lo_m3", "volume_hi_m3", "tonnage_t", "tonnage_lo_t",
                       "tonnage_hi_t"):
            assert got[column] == pytest.approx(want[column], rel=1e-12), (got["date"], column)
        assert ("set aside" in got["note"]) == ("set aside" in want["note"])


def test_the_migrated_layers_open_in_plain_qgis(v1_copy):
    from qgis.core import QgsVectorLayer, QgsWkbTypes

    PortFile.open(v1_copy).close()
    for table in schema.GEOMETRY_COLUMNS:
        layer = QgsVectorLayer(f"{v1_copy}|layername={table}", table, "ogr")
        assert layer.isValid(), table
        assert layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry, table
        assert layer.crs().authid() == "EPSG:32652", table
        assert layer.fields().indexOf("notes") >= 0
    scenes = QgsVectorLayer(f"{v1_copy}|layername=scenes", "scenes", "ogr")
    assert scenes.featureCount() == 3
    assert scenes.fields().field("examined").alias() == "Examined"  # the default style was loaded


def test_a_file_that_cannot_be_written_stays_version_1(v1_copy):
    import os
    import stat

    os.chmod(v1_copy, stat.S_IRUSR)
    try:
        with pytest.raises(Exception, match="read-only"):
            PortFile.open(v1_copy)
    finally:
        os.chmod(v1_copy, stat.S_IRUSR | stat.S_IWUSR)
    assert v1_copy.read_bytes() == V1_FILE.read_bytes()
