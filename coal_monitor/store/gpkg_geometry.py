"""GeoPackage geometry blobs, and the SQL functions GeoPackage triggers need, for plain sqlite3.

GDAL's R-tree triggers call ST_IsEmpty, ST_MinX, ST_MaxX, ST_MinY and ST_MaxY. SQLite alone lacks them,
so a Python connection registers them here; they read the envelope stored in the blob's header, which
the store always writes (GeoPackage 1.3, clause 2.1.3), and fall back to the WKB for foreign blobs.
"""
import sqlite3
import struct

from shapely import wkb as shapely_wkb

_ENVELOPE_DOUBLES = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}
_EMPTY_FLAG = 0x10


def encode(geometry, srs_id: int) -> bytes:
    """GeoPackage blob (little-endian, XY envelope) of a shapely geometry."""
    if geometry.is_empty:
        return struct.pack("<2sBBi", b"GP", 0, 0x01 | _EMPTY_FLAG, srs_id) + shapely_wkb.dumps(geometry)
    min_x, min_y, max_x, max_y = geometry.bounds
    header = struct.pack("<2sBBi4d", b"GP", 0, 0x01 | (1 << 1), srs_id, min_x, max_x, min_y, max_y)
    return header + shapely_wkb.dumps(geometry)


def _header(blob):
    if blob is None or len(blob) < 8 or blob[:2] != b"GP":
        return None
    flags = blob[3]
    order = "<" if flags & 0x01 else ">"
    n_doubles = _ENVELOPE_DOUBLES.get((flags >> 1) & 0x07)
    if n_doubles is None:
        return None
    return flags, order, n_doubles


def decode(blob):
    """The shapely geometry of a GeoPackage blob (None for NULL)."""
    parsed = _header(blob)
    if parsed is None:
        return None
    _flags, _order, n_doubles = parsed
    return shapely_wkb.loads(bytes(blob[8 + 8 * n_doubles:]))


def envelope(blob):
    """(min_x, max_x, min_y, max_y) of a blob, None when empty or unreadable."""
    parsed = _header(blob)
    if parsed is None or parsed[0] & _EMPTY_FLAG:
        return None
    flags, order, n_doubles = parsed
    if n_doubles:
        return struct.unpack(order + "4d", blob[8:40])
    geometry = decode(blob)
    if geometry is None or geometry.is_empty:
        return None
    min_x, min_y, max_x, max_y = geometry.bounds
    return min_x, max_x, min_y, max_y


def _safe_envelope(blob):
    """Like ``envelope`` but None for malformed blobs: SQL functions must not abort a statement."""
    try:
        return envelope(blob)
    except Exception:  # struct.error, shapely's WKB errors: a foreign, damaged blob
        return None


def _part(index):
    def function(blob):
        box = _safe_envelope(blob)
        return None if box is None else box[index]
    return function


def _is_empty(blob):
    if _header(blob) is None:
        return None
    return 1 if _safe_envelope(blob) is None else 0


def register_functions(connection: sqlite3.Connection) -> None:
    """Make GDAL's GeoPackage triggers runnable on a plain sqlite3 connection."""
    connection.create_function("ST_IsEmpty", 1, _is_empty, deterministic=True)
    for name, index in (("ST_MinX", 0), ("ST_MaxX", 1), ("ST_MinY", 2), ("ST_MaxY", 3)):
        connection.create_function(name, 1, _part(index), deterministic=True)
