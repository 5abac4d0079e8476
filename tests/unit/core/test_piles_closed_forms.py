"""The pile models against closed forms (domain.md section 4) that no implementation detail can bend.

Footprints are given in a transverse Mercator CRS with scale 1 on a meridian through them, so that
their coordinates are true metres (to 1e-9) and the closed forms apply to them exactly. (Not a LAEA
CRS: PROJ 9.1's inverse LAEA is off by 3e-5 in scale near its origin.)
"""
import math

import pytest
from shapely.geometry import Point, Polygon, box

from coal_monitor.core import piles
from coal_monitor.core.estimate import estimate_heap

LOCAL_CRS = "+proj=tmerc +lat_0=38.7 +lon_0=125.4 +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
S35 = math.tan(math.radians(35.0))


def regular_polygon(radius_m, vertices):
    return Polygon([(radius_m * math.cos(2 * math.pi * k / vertices), radius_m * math.sin(2 * math.pi * k / vertices))
                    for k in range(vertices)])


def stadium(straight_m, width_m, quad_segs=256):
    """A windrow outline: a rectangle with half-disc ends."""
    r = width_m / 2
    return Point(0, 0).buffer(r, quad_segs).union(box(0, -r, straight_m, r)).union(
        Point(straight_m, 0).buffer(r, quad_segs))


def test_cone_on_a_circle_reaches_14_m_and_holds_5866_m3():
    vertices = 2048
    footprint = regular_polygon(20.0, vertices)
    apothem = 20.0 * math.cos(math.pi / vertices)
    polygon_area = vertices / 2 * 20.0 ** 2 * math.sin(2 * math.pi / vertices)
    result = estimate_heap(footprint, LOCAL_CRS, 30.0)
    # A repose pile on a regular polygon is a pyramid of height s * apothem.
    assert result.height_max_m == pytest.approx(S35 * apothem, rel=5e-4)
    assert result.volume_m3 == pytest.approx(polygon_area * S35 * apothem / 3, rel=1e-3)
    circle_cone = math.pi * 20.0 ** 2 * (S35 * 20.0) / 3
    assert round(circle_cone) == 5866 and round(S35 * 20.0, 2) == 14.00
    assert result.volume_m3 == pytest.approx(circle_cone, rel=1e-3)
    assert round(result.height_max_m, 2) == 14.00


def test_frustum_below_the_cone_top():
    radius, height = 20.0, 6.0
    top = radius - height / S35
    result = estimate_heap(regular_polygon(radius, 2048), LOCAL_CRS, height, repose_tol_deg=0.0)
    assert result.volume_m3 == pytest.approx(math.pi * height * (radius ** 2 + radius * top + top ** 2) / 3, rel=1e-3)
    assert result.note == ""


def test_hip_roof_on_100_by_30_m():
    length, width = 100.0, 30.0
    expected = S35 * width ** 2 * (3 * length - width) / 12
    assert round(expected) == 14179
    result = estimate_heap(box(0, 0, length, width), LOCAL_CRS, 20.0)
    assert result.volume_m3 == pytest.approx(expected, rel=1e-4)
    assert result.height_max_m == pytest.approx(S35 * width / 2, rel=1e-4)


def test_rectangle_capped_at_8_m_and_what_a_prism_would_claim():
    length, width, height = 100.0, 30.0, 8.0
    u = height / S35  # integral of (L - 2t)(W - 2t) from 0 to H/s
    expected = S35 * (length * width * u - (length + width) * u ** 2 + 4 * u ** 3 / 3)
    result = estimate_heap(box(0, 0, length, width), LOCAL_CRS, height)
    assert result.volume_m3 == pytest.approx(expected, rel=1e-4)
    assert 13_510 <= result.volume_m3 <= 13_550
    prism = estimate_heap(box(0, 0, length, width), LOCAL_CRS, height, model="prism")
    assert prism.volume_m3 == pytest.approx(24_000, rel=1e-6)


def test_stadium_windrow_70_m_with_30_m_ends():
    straight, width = 70.0, 30.0
    height = S35 * width / 2
    expected = straight * (width / 2) * height + math.pi * (width / 2) ** 2 * height / 3
    assert round(expected) == 13503
    result = estimate_heap(stadium(straight, width), LOCAL_CRS, 20.0)
    assert result.volume_m3 == pytest.approx(expected, rel=1e-3)


@pytest.mark.parametrize("model, factor", [("prism", 1.0), ("cone", 1.0 / 3.0)])
def test_prism_and_cone_models_are_area_times_height(model, factor):
    footprint = box(0, 0, 40, 25)
    result = estimate_heap(footprint, LOCAL_CRS, 7.5, height_sigma_m=0.5, model=model, density_t_m3=0.9,
                           density_lo_t_m3=0.8, density_hi_t_m3=1.0)
    assert result.area_m2 == pytest.approx(1000.0, rel=1e-6)
    assert result.volume_m3 == pytest.approx(result.area_m2 * 7.5 * factor, rel=1e-12)
    assert result.volume_lo_m3 == pytest.approx(result.area_m2 * 7.0 * factor, rel=1e-12)
    assert result.volume_hi_m3 == pytest.approx(result.area_m2 * 8.0 * factor, rel=1e-12)
    assert result.tonnage_t == pytest.approx(result.volume_m3 * 0.9, rel=1e-12)
    assert result.tonnage_lo_t == pytest.approx(result.volume_lo_m3 * 0.8, rel=1e-12)
    assert result.tonnage_hi_t == pytest.approx(result.volume_hi_m3 * 1.0, rel=1e-12)


def test_offset_curve_of_a_rectangle_is_its_exact_quadratic():
    curve = piles.OffsetCurve(box(0, 0, 60, 20))
    assert curve.r_in_m == pytest.approx(10.0, rel=1e-4)
    for t in (0.5, 3.3, 7.0, 9.9):
        # integral_0^t (60 - 2x)(20 - 2x) dx
        expected = 1200 * t - 80 * t ** 2 + 4 * t ** 3 / 3
        assert curve.integral(t) == pytest.approx(expected, rel=1e-6)


def test_area_times_height_overstates_a_100_by_40_by_8_m_heap_by_about_55_percent():
    result = estimate_heap(box(0, 0, 100, 40), LOCAL_CRS, 8.0)
    overstatement = 100 * 40 * 8 / result.volume_m3 - 1
    assert 0.50 <= overstatement <= 0.60
