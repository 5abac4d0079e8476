"""GeoPackage geometry blobs, and the SQL functions GeoPackage triggers need, for plain sqlite3.

GDAL's R-tree triggers call ST_IsEmpty, ST_MinX, ST_MaxX, ST_MinY and ST_MaxY. SQLite alone lacks them,
so a Python connection registers them here; they read the envelope stored in the blob's header, which
the store always writes (GeoPackage 1.3, clause 2.1.3), and fall back to the WKB for foreign blobs.
"""
import sqlite3
import struct
from typing import Optional

from shapely import wkb as shapely_wkb

_ENVELOPE_DOUBLES = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}
_EMPTY_FLAG = 0x10
_STORE_FLAGS = 0x01 | (1 << 1)  # what ``encode`` writes for a non-empty geometry: little-endian, XY envelope
_HEADER = struct.Struct("<2sBBi4d")
_DOUBLE = struct.Struct("<d")
_WKB_POLYGON_LE = b"\x01\x03\x00\x00\x00"  # byte order 1 (little-endian), type 3 (2D polygon)
_UINT_LE = struct.Struct("<I")


def encode(geometry, srs_id: int, wkb: Optional[bytes] = None) -> bytes:
    """GeoPackage blob (little-endian, XY envelope) of a shapely geometry.

    ``wkb``: the geometry's WKB when the caller already has it (logging a heap serialises it once).
    """
    if wkb is None:
        wkb = shapely_wkb.dumps(geometry)
    if geometry.is_empty:
        return struct.pack("<2sBBi", b"GP", 0, 0x01 | _EMPTY_FLAG, srs_id) + wkb
    min_x, min_y, max_x, max_y = _polygon_wkb_bounds(wkb) or geometry.bounds
    return _HEADER.pack(b"GP", 0, _STORE_FLAGS, srs_id, min_x, max_x, min_y, max_y) + wkb


def _polygon_wkb_bounds(wkb: bytes):
    """(min_x, min_y, max_x, max_y) of a little-endian 2D polygon's WKB, else None.

    Like GEOS (shapely's ``bounds``) it is the envelope of the exterior ring, the very same doubles,
    without shapely 1.8's slower round trip; other geometry types or byte orders are left to shapely.
    """
    if wkb[:5] != _WKB_POLYGON_LE or len(wkb) < 13 or not _UINT_LE.unpack_from(wkb, 5)[0]:
        return None
    (n_points,) = _UINT_LE.unpack_from(wkb, 9)
    coordinates = struct.unpack_from(f"<{2 * n_points}d", wkb, 13)
    xs, ys = coordinates[0::2], coordinates[1::2]
    if not xs or sum(xs) + sum(ys) != sum(xs) + sum(ys):  # NaN or infinite coordinates: let GEOS decide
        return None
    return min(xs), min(ys), max(xs), max(ys)


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


def _is_store_blob(blob) -> bool:
    """True for a blob laid out as ``encode`` writes a non-empty geometry: its envelope is at bytes 8-40.

    The R-tree triggers call five ST_* functions per heap written; this lets them skip the general parse.
    """
    return (isinstance(blob, bytes) and len(blob) >= 40 and blob[:2] == b"GP"
            and blob[3] & 0x3F == _STORE_FLAGS)  # low 6 flag bits: byte order, envelope, empty, extended


def _part(index):
    offset = 8 + 8 * index

    def function(blob):
        if _is_store_blob(blob):
            return _DOUBLE.unpack_from(blob, offset)[0]
        box = _safe_envelope(blob)
        return None if box is None else box[index]
    return function


def _is_empty(blob):
    if _is_store_blob(blob):
        return 0
    if _header(blob) is None:
        return None
    return 1 if _safe_envelope(blob) is None else 0


def register_functions(connection: sqlite3.Connection) -> None:
    """Make GDAL's GeoPackage triggers runnable on a plain sqlite3 connection."""
    connection.create_function("ST_IsEmpty", 1, _is_empty, deterministic=True)
    for name, index in (("ST_MinX", 0), ("ST_MaxX", 1), ("ST_MinY", 2), ("ST_MaxY", 3)):
        connection.create_function(name, 1, _part(index), deterministic=True)
