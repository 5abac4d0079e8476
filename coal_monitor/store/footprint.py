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

from ..core.errors import InputError
from ..core.heap_numbers import MeasuredFootprint
from ..core.messages import QT_TR_NOOP
from .errors import HeapInputError


def to_shapely(geometry) -> BaseGeometry:
    """shapely geometry from shapely, QgsGeometry (duck-typed; curves segmentized, M dropped), WKT text or
    WKB bytes: the one conversion from QGIS's geometries to the engine's. None for a null QgsGeometry."""
    if isinstance(geometry, BaseGeometry):
        return geometry
    try:
        if hasattr(geometry, "asWkb"):  # QgsGeometry
            if geometry.isNull():
                return None  # a feature without geometry: the engine says so in its own words
            return wkb.loads(bytes(_linear_without_m(geometry).asWkb()))
        if isinstance(geometry, str):
            return wkt.loads(geometry)
        if isinstance(geometry, (bytes, bytearray, memoryview)):
            return wkb.loads(bytes(geometry))
    except Exception as exc:  # shapely raises several types for unreadable input
        raise HeapInputError(QT_TR_NOOP("The footprint cannot be read ({exc}); draw it again as a polygon."),
                             exc=exc) from None
    raise HeapInputError(QT_TR_NOOP("The footprint is a {kind}, not a polygon geometry."),
                         kind=type(geometry).__name__)


def _linear_without_m(geometry):
    """A QgsGeometry as shapely can read it: curves segmentized, M values dropped (a copy)."""
    from qgis.core import QgsGeometry, QgsWkbTypes  # only QgsGeometry inputs get here: QGIS is loaded

    part = geometry.constGet()
    if part is None:
        return geometry
    part = part.clone()
    if QgsWkbTypes.isCurvedType(part.wkbType()):
        part = part.segmentize()
    part.dropMValue()
    return QgsGeometry(part)


def crs_text(crs) -> str:
    """A text pyproj understands, from an EPSG int, text, pyproj CRS or QgsCoordinateReferenceSystem."""
    if crs is None:
        raise HeapInputError(QT_TR_NOOP("The footprint has no CRS; say which coordinate system its coordinates are "
                                        "in."))
    if isinstance(crs, int):
        return f"EPSG:{crs}"
    if hasattr(crs, "authid"):  # QgsCoordinateReferenceSystem
        if not crs.isValid():
            raise HeapInputError(QT_TR_NOOP("The footprint's CRS is invalid; set the layer's or project's CRS."))
        return crs.authid() or crs.toWkt()
    if isinstance(crs, CRS):
        return crs.to_wkt()
    return str(crs)


@lru_cache(maxsize=32)
def _transformer(source: str, target_epsg: int):
    try:
        source_crs = CRS.from_user_input(source)
    except Exception as exc:  # pyproj.exceptions.CRSError and friends
        raise HeapInputError(QT_TR_NOOP("The footprint's CRS {source!r} is unknown to PROJ ({exc})."),
                             source=source, exc=exc) from None
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
            raise HeapInputError(QT_TR_NOOP("The heap has no footprint; draw its outline first."))
        shape = to_shapely(geometry)
        if shape is None:
            raise HeapInputError(QT_TR_NOOP("The heap has no footprint; draw its outline first."))
        if isinstance(shape, MultiPolygon):
            parts = [p for p in shape.geoms if not p.is_empty]
            if len(parts) != 1:
                raise HeapInputError(QT_TR_NOOP("The footprint has {parts} parts; a heap is one polygon: log each "
                                                "part as its own heap."), parts=len(parts))
            shape = parts[0]
        if not isinstance(shape, Polygon):
            raise HeapInputError(QT_TR_NOOP("The footprint is a {kind}, not a polygon; draw the heap's outline."),
                                 kind=shape.geom_type)
        if shape.is_empty:
            raise HeapInputError(QT_TR_NOOP("The footprint is empty; draw the heap's outline."))
        if shape.has_z:
            shape = transform(lambda x, y, z=None: (x, y), shape)
        transformer = _transformer(crs_text(crs), self.port_epsg)
        if transformer is None:
            return shape
        moved = transform(transformer.transform, shape)
        if not all(map(_finite, moved.bounds)):
            raise HeapInputError(QT_TR_NOOP("The footprint cannot be placed in the port's CRS EPSG:{port_epsg}; "
                                            "check the footprint's CRS."), port_epsg=self.port_epsg)
        return moved


def _finite(value: float) -> bool:
    return value == value and abs(value) != float("inf")


def measure_footprint(geometry, crs, port_epsg: int, converter: FootprintConverter = None) -> MeasuredFootprint:
    """``geometry`` in ``crs`` as a port stores it (one polygon in EPSG ``port_epsg``), prepared for the engine.

    The one way from any outline (the canvas's QgsGeometry, a Processing feature, shapely, WKT, WKB) to
    the footprint whose numbers are previewed, logged and recomputed. Raises HeapInputError with the
    reason when the outline is no heap.
    """
    polygon = (converter or FootprintConverter(port_epsg)).to_port(geometry, crs)
    try:
        return MeasuredFootprint(polygon, port_epsg)
    except InputError as exc:
        raise HeapInputError(exc) from None
