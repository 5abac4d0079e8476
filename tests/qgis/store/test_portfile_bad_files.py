"""Files that are not what they should be: clear messages, and never a modified byte."""
import hashlib
import os
import sqlite3
import stat
import time

import pytest
from shapely.geometry import box

from coal_monitor.store import schema
from coal_monitor.store.errors import StoreError
from coal_monitor.store.portfile import PortFile
from tests.helpers import gpkg_checks

HEAP = {"observed_utc": "2024-04-02T02:31:00Z", "height_m": 8.0}
RECT = box(606_000, 4_675_000, 606_100, 4_675_030)


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def logged(port_file):
    """A closed port file holding three heaps (and its path)."""
    for index in range(3):
        port_file.add_heap(box(606_000 + 200 * index, 4_675_000, 606_080 + 200 * index, 4_675_030), 32652, HEAP)
    port_file.close()
    return port_file.path


def test_missing_file_is_named(tmp_path):
    with pytest.raises(StoreError, match=r"nampho\.gpkg does not exist"):
        PortFile.open(tmp_path / "nampho.gpkg")


def test_read_only_file_opens_for_reading_and_refuses_writes_unchanged(logged):
    before = digest(logged)
    os.chmod(logged, stat.S_IRUSR | stat.S_IRGRP)
    try:
        with PortFile.open(logged) as port_file:
            assert port_file.read_only and len(port_file.heaps()) == 3
            assert port_file.totals_by_date()[0]["count"] == 3
            with pytest.raises(StoreError, match="read-only"):
                port_file.add_heap(RECT, 32652, HEAP)
            with pytest.raises(StoreError, match="read-only"):
                port_file.add_scene({"scene_id": "X"})
    finally:
        os.chmod(logged, stat.S_IRUSR | stat.S_IWUSR)
    assert digest(logged) == before


def test_a_lock_held_too_long_gives_a_message_not_a_hang(logged):
    holder = sqlite3.connect(logged, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        with pytest.raises(StoreError, match="locked by another program"):
            PortFile.open(logged, lock_timeout_s=0.3)
        assert time.monotonic() - started < 5
    finally:
        holder.execute("ROLLBACK")
    with PortFile.open(logged, lock_timeout_s=0.3) as port_file:
        holder.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(StoreError, match="locked by another program"):
                port_file.add_heap(RECT, 32652, HEAP)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        port_file.add_heap(RECT, 32652, HEAP)  # the lock gone, writing works again
        assert port_file.heap_count() == 4


def test_corrupted_bytes_are_refused_and_left_as_they_are(logged, copy_of):
    broken = copy_of(logged, "broken-bytes.gpkg")
    data = bytearray(broken.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data), 3 * page):  # damage every third page after the header page
        data[offset:offset + 200] = os.urandom(200)
    broken.write_bytes(bytes(data))
    before = digest(broken)
    with pytest.raises(StoreError, match="damaged|not a Coal Monitor|GeoPackage") as caught:
        with PortFile.open(broken) as port_file:
            port_file.heaps()
            port_file.totals_by_date()
            port_file.add_heap(RECT, 32652, HEAP)
    assert "broken-bytes.gpkg" in str(caught.value)
    assert digest(broken) == before


def test_a_damaged_header_is_not_taken_for_a_geopackage(logged, copy_of):
    broken = copy_of(logged, "broken-header.gpkg")
    with open(broken, "r+b") as handle:
        handle.write(b"\0" * 16)
    with pytest.raises(StoreError, match="not a GeoPackage"):
        PortFile.open(broken)


def test_foreign_files_are_refused(tmp_path):
    from osgeo import ogr

    foreign = tmp_path / "roads.gpkg"
    datasource = ogr.GetDriverByName("GPKG").CreateDataSource(str(foreign))
    datasource.CreateLayer("roads", None, ogr.wkbLineString)
    datasource = None
    with pytest.raises(StoreError, match="not a Coal Monitor port file"):
        PortFile.open(foreign)
    plain = tmp_path / "broken-plain.gpkg"
    sqlite3.connect(plain).execute("CREATE TABLE t(x)").connection.close()
    with pytest.raises(StoreError, match="not a GeoPackage"):
        PortFile.open(plain)
    text = tmp_path / "broken-notes.gpkg"
    text.write_text("just some text")
    with pytest.raises(StoreError, match="not a GeoPackage"):
        PortFile.open(text)


def test_a_newer_schema_is_refused_untouched(logged):
    connection = sqlite3.connect(logged)
    connection.execute("UPDATE port SET schema_version = ?", (schema.SCHEMA_VERSION + 1,))
    connection.commit()
    connection.close()
    before = digest(logged)
    with pytest.raises(StoreError, match="newer Coal Monitor"):
        PortFile.open(logged)
    assert digest(logged) == before


def test_an_older_schema_is_migrated_after_a_backup(logged, tmp_path):
    connection = sqlite3.connect(logged)
    connection.execute("ALTER TABLE scenes DROP COLUMN notes")
    connection.execute("ALTER TABLE heaps DROP COLUMN analyst")
    connection.execute("DELETE FROM gpkg_data_columns WHERE column_name IN ('notes', 'analyst') "
                       "AND table_name IN ('scenes', 'heaps')")
    connection.execute("UPDATE port SET schema_version = 0")
    connection.commit()
    connection.close()
    old_bytes = logged.read_bytes()
    with PortFile.open(logged) as port_file:
        assert port_file.migrated_from == 0
        backup = port_file.backup_path
        assert backup.parent == logged.parent and backup.read_bytes() == old_bytes
        assert len(port_file.heaps()) == 3
        uid = port_file.add_heap(RECT, 32652, dict(HEAP, analyst="kim"))
        assert port_file.heap(uid)["analyst"] == "kim"
        described = port_file._select("SELECT title FROM gpkg_data_columns WHERE table_name = 'heaps' "
                                      "AND column_name = 'analyst'")
        assert described == [{"title": "Analyst"}]
        port_file.add_scene({"scene_id": "S", "notes": "after migration"})
    with PortFile.open(logged) as reopened:
        assert reopened.migrated_from is None
    gpkg_checks.assert_sound_gpkg(backup)


def test_a_port_table_altered_elsewhere_is_refused(logged):
    connection = sqlite3.connect(logged)
    connection.execute("INSERT INTO port (name, slug, lat_deg, lon_deg, crs_epsg, repose_deg, repose_tol_deg, "
                       "density_t_m3, density_lo_t_m3, density_hi_t_m3, default_model, schema_version, created_utc) "
                       "SELECT name, slug, lat_deg, lon_deg, crs_epsg, repose_deg, repose_tol_deg, density_t_m3, "
                       "density_lo_t_m3, density_hi_t_m3, default_model, schema_version, created_utc FROM port")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="exactly one row"):
        PortFile.open(logged)


def test_create_in_a_missing_folder_explains(tmp_path, rason):
    with pytest.raises(StoreError, match="does not exist"):
        PortFile.create(tmp_path / "nowhere" / "rason.gpkg", rason)
    assert not list(tmp_path.rglob("*.gpkg"))
