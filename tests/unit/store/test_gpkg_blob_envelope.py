"""The envelope written into each GeoPackage blob header is the geometry's own bounds, whichever path
(`encode`'s fast reader of polygon WKB, or shapely) computed it, and decodes back to the geometry."""
import math

from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import MultiPolygon, Point, Polygon

from coal_monitor.store import gpkg_geometry

coordinate = st.floats(min_value=-1e7, max_value=1e7, allow_nan=False, allow_infinity=False)


@st.composite
def footprints(draw):
    x, y = draw(coordinate), draw(coordinate)
    radius = draw(st.floats(min_value=0.5, max_value=500))
    sides = draw(st.integers(min_value=3, max_value=64))
    shell = Point(x, y).buffer(radius, max(1, sides // 4))  # positional: resolution on shapely 1.8, quad_segs on 2.x
    kind = draw(st.sampled_from(["plain", "hole", "3d", "multi"]))
    if kind == "hole":
        return Polygon(shell.exterior.coords, [Point(x, y).buffer(radius / 3).exterior.coords])
    if kind == "3d":
        return Polygon([(px, py, 4.0) for px, py in shell.exterior.coords])
    if kind == "multi":
        return MultiPolygon([shell, Point(x + 3 * radius, y).buffer(radius / 2)])
    return shell


@given(footprints(), st.integers(min_value=1, max_value=100_000))
def test_header_envelope_is_the_geometry_bounds(geometry, srs_id):
    blob = gpkg_geometry.encode(geometry, srs_id)
    min_x, min_y, max_x, max_y = geometry.bounds
    assert gpkg_geometry.envelope(blob) == (min_x, max_x, min_y, max_y)
    assert gpkg_geometry.decode(blob).equals(geometry)


def test_empty_geometry_has_no_envelope():
    blob = gpkg_geometry.encode(Polygon(), 32652)
    assert gpkg_geometry.envelope(blob) is None


def test_polygon_with_nan_takes_the_checked_path():
    polygon = Polygon([(0, 0), (10, 0), (10, math.nan), (0, 10)])
    blob = gpkg_geometry.encode(polygon, 32652)
    assert gpkg_geometry.decode(blob).wkb == polygon.wkb
