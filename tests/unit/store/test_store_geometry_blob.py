"""GeoPackage geometry blobs written by the store, read back by the store and by GDAL's own rules."""
import sqlite3
import struct

from shapely.geometry import Polygon, box

from coal_monitor.store import gpkg_geometry


def test_blob_header_is_geopackage_with_envelope_and_srs():
    footprint = Polygon([(10, 20), (40, 20), (40, 50), (10, 50)], [[(15, 25), (20, 25), (20, 30)]])
    blob = gpkg_geometry.encode(footprint, 32652)
    magic, version, flags, srs_id = struct.unpack("<2sBBi", blob[:8])
    assert (magic, version, srs_id) == (b"GP", 0, 32652)
    assert (flags >> 1) & 0x07 == 1  # XY envelope
    assert struct.unpack("<4d", blob[8:40]) == (10.0, 40.0, 20.0, 50.0)
    assert gpkg_geometry.decode(blob).equals(footprint)


def test_sql_functions_match_shapely_bounds_and_tolerate_garbage():
    connection = sqlite3.connect(":memory:")
    gpkg_geometry.register_functions(connection)
    blob = gpkg_geometry.encode(box(1.5, -2.0, 3.25, 7.0), 4326)
    row = connection.execute("SELECT ST_MinX(?), ST_MaxX(?), ST_MinY(?), ST_MaxY(?), ST_IsEmpty(?)",
                             (blob,) * 5).fetchone()
    assert row == (1.5, 3.25, -2.0, 7.0, 0)
    empty = gpkg_geometry.encode(Polygon(), 4326)
    assert connection.execute("SELECT ST_IsEmpty(?), ST_MinX(?)", (empty, empty)).fetchone() == (1, None)
    garbage = b"GP\x00\x03\x00\x00\x00\x00"
    assert connection.execute("SELECT ST_MinX(?), ST_IsEmpty(?)", (garbage, b"xx")).fetchone() == (None, None)
