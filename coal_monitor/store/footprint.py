"""Heap footprints as the store keeps them: one shapely polygon in the port's metric CRS.

Footprints arrive from the canvas (QgsGeometry in the project CRS), from Processing layers in any CRS,
or from code as shapely/WKT/WKB; all are converted here, once, before the engine sees them, so the
numbers stored and the numbers recomputed later come from the very same coordinates.
"""
from functools import lru_cache

from pyproj import CRS, Transformer
from shapely import wkb, wkt
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import transform

from .errors import HeapInputError


def to_shapely(geometry) -> BaseGeometry:
    """shapely geometry from shapely, QgsGeometry (duck-typed), WKT text or WKB bytes."""
    if isinstance(geometry, BaseGeometry):
        return geometry
    try:
        if hasattr(geometry, "asWkb"):  # QgsGeometry
            return wkb.loads(bytes(geometry.asWkb()))
        if isinstance(geometry, str):
            return wkt.loads(geometry)
        if isinstance(geometry, (bytes, bytearray, memoryview)):
            return wkb.loads(bytes(geometry))
    except Exception as exc:  # shapely raises several types for unreadable input
        raise HeapInputError(f"The footprint cannot be read ({exc}); draw it again as a polygon.") from None
    raise HeapInputError(f"The footprint is a {type(geometry).__name__}, not a polygon geometry.")


def crs_text(crs) -> str:
    """A text pyproj understands, from an EPSG int, text, pyproj CRS or QgsCoordinateReferenceSystem."""
    if crs is None:
        raise HeapInputError("The footprint has no CRS; say which coordinate system its coordinates are in.")
    if isinstance(crs, int):
        return f"EPSG:{crs}"
    if hasattr(crs, "authid"):  # QgsCoordinateReferenceSystem
        if not crs.isValid():
            raise HeapInputError("The footprint's CRS is invalid; set the layer's or project's CRS.")
        return crs.authid() or crs.toWkt()
    if isinstance(crs, CRS):
        return crs.to_wkt()
    return str(crs)


@lru_cache(maxsize=32)
def _transformer(source: str, target_epsg: int):
    try:
        source_crs = CRS.from_user_input(source)
    except Exception as exc:  # pyproj.exceptions.CRSError and friends
        raise HeapInputError(f"The footprint's CRS {source!r} is unknown to PROJ ({exc}).") from None
    target = CRS.from_epsg(target_epsg)
    if source_crs == target:
        return None
    return Transformer.from_crs(source_crs, target, always_xy=True)


class FootprintConverter:
    """Converts footprints to one polygon in the port's CRS (EPSG ``port_epsg``)."""

    def __init__(self, port_epsg: int):
        self.port_epsg = int(port_epsg)

    def to_port(self, geometry, crs) -> Polygon:
        if geometry is None:
            raise HeapInputError("The heap has no footprint; draw its outline first.")
        shape = to_shapely(geometry)
        if isinstance(shape, MultiPolygon):
            parts = [p for p in shape.geoms if not p.is_empty]
            if len(parts) != 1:
                raise HeapInputError(f"The footprint has {len(parts)} parts; a heap is one polygon: log each "
                                     "part as its own heap.")
            shape = parts[0]
        if not isinstance(shape, Polygon):
            raise HeapInputError(f"The footprint is a {shape.geom_type}, not a polygon; draw the heap's outline.")
        if shape.is_empty:
            raise HeapInputError("The footprint is empty; draw the heap's outline.")
        if shape.has_z:
            shape = transform(lambda x, y, z=None: (x, y), shape)
        transformer = _transformer(crs_text(crs), self.port_epsg)
        if transformer is None:
            return shape
        moved = transform(transformer.transform, shape)
        if not all(map(_finite, moved.bounds)):
            raise HeapInputError(f"The footprint cannot be placed in the port's CRS EPSG:{self.port_epsg}; "
                                 "check the footprint's CRS.")
        return moved


def _finite(value: float) -> bool:
    return value == value and abs(value) != float("inf")
