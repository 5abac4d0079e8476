"""Footprint areas against the geodesic area of pyproj's Geod, whatever CRS the footprint comes in.

Each footprint is built in metres around a place, densified to 20 m edges (so that straight edges in
any CRS and geodesics coincide to far below the tolerance), then expressed in the CRS under test with
pyproj directly. The reference is Geod's ellipsoidal area of the same vertices in lon/lat.
"""
import math

import numpy as np
import pytest
from pyproj import Geod, Transformer
from shapely.geometry import Point, Polygon

from coal_monitor.core import geodesy
from coal_monitor.core.errors import InputError
from coal_monitor.core.estimate import prepare_footprint

WGS84 = Geod(ellps="WGS84")
EDGE_M = 20.0


def local_footprint():
    """A concave footprint 2 km long with a hole (0.93 km²), in metres around (0, 0), 20 m edges."""
    angles = np.linspace(0, 2 * math.pi, 60, endpoint=False)
    outline = np.column_stack([1000 * np.cos(angles), 300 * np.sin(angles) * (1 + 0.3 * np.sin(3 * angles))])
    hole = Point(150, -40).buffer(60, 8)
    return _densified(Polygon(outline, [hole.exterior.coords]))


def _densified(polygon):
    def ring(coords):
        xy = np.asarray(coords)
        out = []
        for (x1, y1), (x2, y2) in zip(xy[:-1], xy[1:]):
            n = max(1, int(math.ceil(math.hypot(x2 - x1, y2 - y1) / EDGE_M)))
            out.extend((x1 + (x2 - x1) * k / n, y1 + (y2 - y1) * k / n) for k in range(n))
        return out

    return Polygon(ring(polygon.exterior.coords), [ring(r.coords) for r in polygon.interiors])


def in_crs(polygon_m, lat, lon, crs):
    """The local footprint placed at (lat, lon), in ``crs``; and its lon/lat rings."""
    local = f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m"
    to_lonlat = Transformer.from_crs(local, "EPSG:4326", always_xy=True)
    to_crs = Transformer.from_crs(local, crs, always_xy=True)

    def rings(transformer):
        out = []
        for ring in [polygon_m.exterior, *polygon_m.interiors]:
            x, y = np.asarray(ring.coords).T
            out.append(np.column_stack(transformer.transform(x, y)))
        return out

    lonlat, target = rings(to_lonlat), rings(to_crs)
    return Polygon(target[0], target[1:]), lonlat


def geod_area(lonlat_rings):
    shell = abs(WGS84.polygon_area_perimeter(lonlat_rings[0][:, 0], lonlat_rings[0][:, 1])[0])
    holes = sum(abs(WGS84.polygon_area_perimeter(r[:, 0], r[:, 1])[0]) for r in lonlat_rings[1:])
    return shell - holes


PLACES = [
    ("Nampho, lon/lat", 38.73, 125.38, "EPSG:4326"),
    ("Nampho, Web Mercator", 38.73, 125.38, "EPSG:3857"),
    ("Nampho, UTM 52N", 38.73, 125.38, "EPSG:32652"),
    ("Nampho, as a WKT string", 38.73, 125.38, "WKT:EPSG:32652"),
    ("Chongjin, UTM 52N as an EPSG int", 41.76, 129.82, 32652),
    ("Fiji across the antimeridian, lon/lat", -16.8, 180.0, "EPSG:4326"),
    ("Fiji across the antimeridian, UTM 60S", -16.8, 180.0, "EPSG:32760"),
    ("Fiji across the antimeridian, PDC Mercator", -16.8, 180.0, "EPSG:3832"),
    ("84 N, lon/lat", 84.0, 20.0, "EPSG:4326"),
    ("84 N, polar stereographic", 84.0, 20.0, "EPSG:3413"),
    ("84 N, Web Mercator", 84.0, 20.0, "EPSG:3857"),
    ("Richards Bay, UTM 36S", -28.8, 32.05, "EPSG:32736"),
]


@pytest.mark.parametrize("label, lat, lon, crs", PLACES, ids=[p[0] for p in PLACES])
def test_area_agrees_with_geod_within_a_hundredth_of_a_percent(label, lat, lon, crs):
    if isinstance(crs, str) and crs.startswith("WKT:"):
        from pyproj import CRS

        crs = CRS.from_user_input(crs[4:]).to_wkt()
    footprint, lonlat = in_crs(local_footprint(), lat, lon, crs)
    expected = geod_area(lonlat)
    area = prepare_footprint(footprint, crs).area_m2
    assert abs(area - expected) / expected < 1e-4, (label, area, expected)


def test_antimeridian_footprint_is_one_small_heap_not_the_whole_globe():
    footprint, lonlat = in_crs(local_footprint(), -16.8, 180.0, "EPSG:4326")
    lons = np.concatenate([r[:, 0] for r in lonlat])
    assert lons.min() < -179 and lons.max() > 179  # really crosses
    assert prepare_footprint(footprint, "EPSG:4326").area_m2 < 2.5e6


def test_nearby_footprints_share_one_cached_frame():
    """A live preview re-estimates on every mouse move: the frame's transformer must be reused."""
    first, _ = in_crs(Point(0, 0).buffer(50), 38.73, 125.38, "EPSG:32652")
    moved, _ = in_crs(Point(80, 30).buffer(55), 38.73, 125.38, "EPSG:32652")
    frame_a = prepare_footprint(first, "EPSG:32652").frame
    frame_b = prepare_footprint(moved, "EPSG:32652").frame
    assert frame_a._laea is frame_b._laea


@pytest.mark.parametrize("crs, words", [
    ('ENGCRS["site grid",EDATUM["site"],CS[Cartesian,2],AXIS["x",east,LENGTHUNIT["metre",1]],'
     'AXIS["y",north,LENGTHUNIT["metre",1]]]', "no place on the Earth"),
    ("EPSG:99999999", "not understood"),
    ("", "missing"),
    (None, "missing"),
])
def test_a_crs_without_metric_meaning_is_refused_with_a_message(crs, words):
    with pytest.raises(InputError, match=words) as caught:
        prepare_footprint(Point(0, 0).buffer(20), crs)
    assert "EPSG" in str(caught.value)  # says what would fix it


def test_coordinates_outside_the_earth_are_refused():
    with pytest.raises(InputError, match="outside the Earth"):
        prepare_footprint(Polygon([(10, 95), (11, 95), (11, 96)]), "EPSG:4326")


def test_frame_centre_is_near_the_heap():
    footprint, _ = in_crs(local_footprint(), 41.76, 129.82, "EPSG:32652")
    frame = geodesy.metric_frame("EPSG:32652", *np.asarray(footprint.exterior.coords).T)
    assert abs(frame.lat0_deg - 41.76) <= geodesy.FRAME_CENTRE_STEP_DEG
    assert abs(frame.lon0_deg - 129.82) <= geodesy.FRAME_CENTRE_STEP_DEG
