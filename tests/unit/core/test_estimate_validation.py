"""Every bad input of issue 3 item 5 gets a clear InputError (value, what is wrong, what would fix it);
repairable outlines, multipart footprints and impossible heights get a result with a plain-words note."""
import math

import pytest
from shapely.geometry import MultiPolygon, Point, box

from coal_monitor.core import limits
from coal_monitor.core.errors import InputError
from coal_monitor.core.estimate import FIELD_NAMES, HeapEstimate, estimate_heap, prepare_footprint

LOCAL_CRS = "+proj=tmerc +lat_0=38.7 +lon_0=125.4 +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
HEAP = box(0, 0, 60, 30)
FIX_WORDS = ("redraw", "draw", "close", "give", "enter", "check", "choose", "use", "order", "measure")


def refused(geometry=HEAP, crs=LOCAL_CRS, height_m=8.0, **keywords):
    with pytest.raises(InputError) as caught:
        estimate_heap(geometry, crs, height_m, **keywords)
    message = str(caught.value)
    assert any(word in message for word in FIX_WORDS), f"no fix offered: {message}"
    return message


def test_input_error_is_a_value_error():
    assert issubclass(InputError, ValueError)


@pytest.mark.parametrize("geometry, words", [
    (None, "missing"),
    ("POLYGON EMPTY", "empty"),
    (box(0, 0, 1, 1).difference(box(0, 0, 1, 1)), "empty"),
    ("POLYGON ((0 0, 10", "cannot be read"),
    (42, "not a geometry"),
    ("POLYGON ((0 0, 10 10, 10 10, 0 0))", "2 distinct vertices"),
    ("POLYGON ((0 0, 10 10, 20 20, 0 0))", "area"),
    ("POLYGON ((0 0, 0.5 0, 0.5 0.5, 0 0))", "area of 0.125 m²"),
    ("POINT (1 2)", "is a Point"),
    ("LINESTRING (0 0, 10 10, 20 0)", "is a LineString"),
    ("MULTILINESTRING ((0 0, 10 10), (5 5, 6 7))", "MultiLineString"),
    ("GEOMETRYCOLLECTION (POINT (0 0), POLYGON ((0 0, 10 0, 10 10, 0 0)))", "with Point"),
    (box(0, 0, 1200, 900), "1,080,000 m², more than the 1,000,000 m²"),
])
def test_bad_footprints_are_refused_with_a_message(geometry, words):
    assert words in refused(geometry)


def test_a_nan_coordinate_is_refused():
    assert "not a number" in refused("POLYGON ((0 0, 10 0, nan 10, 0 0))")


def test_a_crossing_outline_with_two_readings_is_refused():
    message = refused("POLYGON ((0 0, 100 100, 100 0, 0 100, 0 0))")
    assert "Self-intersection at 50.00, 50.00" in message
    assert "5,000 m² or 2,500 m²" in message


def test_a_ring_touching_itself_is_repaired_and_says_so():
    # Two squares joined at one vertex drawn as one ring: only one reading, the two squares.
    result = estimate_heap("POLYGON ((0 0, 50 0, 50 50, 100 50, 100 100, 50 100, 50 50, 0 50, 0 0))",
                           LOCAL_CRS, 3.0)
    assert result.repaired
    assert "repaired" in result.note and "5,000 m²" in result.note
    assert len(result.parts) == 2
    assert result.area_m2 == pytest.approx(5000, rel=1e-6)


def test_a_zero_width_spike_is_repaired_away():
    result = estimate_heap("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 50, 150 50, 0 50, 0 0))", LOCAL_CRS, 3.0)
    assert result.repaired and result.area_m2 == pytest.approx(10_000, rel=1e-6)
    assert "Self-intersection" in result.note  # GEOS 3.11 says "Ring Self-intersection", 3.13 "Self-intersection"


def test_a_pin_hole_is_dropped_as_a_digitizing_slip_and_says_so():
    holed = box(0, 0, 60, 30).difference(Point(30, 15).buffer(0.3, 8))
    result = estimate_heap(holed, LOCAL_CRS, 8.0)
    assert result.repaired and "ignored 1 hole(s) smaller than 1 m²" in result.note
    assert result.volume_m3 == pytest.approx(estimate_heap(HEAP, LOCAL_CRS, 8.0).volume_m3, rel=1e-9)
    real_hole = box(0, 0, 60, 30).difference(Point(30, 15).buffer(1.0, 8))
    assert estimate_heap(real_hole, LOCAL_CRS, 8.0).volume_m3 < 0.9 * result.volume_m3


def test_multipart_footprints_are_one_pile_per_part_summed_and_listed():
    parts = [box(0, 0, 40, 20), Point(100, 0).buffer(15, 64)]
    result = estimate_heap(MultiPolygon(parts), LOCAL_CRS, 5.0, height_sigma_m=0.5)
    singles = [estimate_heap(p, LOCAL_CRS, 5.0, height_sigma_m=0.5) for p in parts]
    assert [p.volume_m3 for p in result.parts] == pytest.approx([s.volume_m3 for s in singles], rel=1e-9)
    for name in ("area_m2", "volume_m3", "volume_lo_m3", "volume_hi_m3", "tonnage_t", "tonnage_lo_t", "tonnage_hi_t"):
        assert getattr(result, name) == pytest.approx(sum(getattr(s, name) for s in singles), rel=1e-9)
    assert "2 parts" in result.note
    assert f"part 1: {singles[0].volume_m3:,.0f} m³" in result.note


@pytest.mark.parametrize("keywords, words", [
    ({"height_m": float("nan")}, "height nan"),
    ({"height_m": float("inf")}, "height inf"),
    ({"height_m": -2.0}, "height -2 m"),
    ({"height_m": 0.0}, "height 0 m"),
    ({"height_m": 61.0}, "height 61 m"),
    ({"height_m": None}, "height is missing"),
    ({"height_m": "8"}, "height '8' is not a number"),
    ({"height_m": True}, "is not a number"),
    ({"height_sigma_m": -0.5}, "height uncertainty -0.5 m"),
    ({"repose_deg": 19.5}, "angle of repose 19.5°"),
    ({"repose_deg": 61.0}, "angle of repose 61°"),
    ({"repose_tol_deg": limits.REPOSE_TOLERANCE_MAX_DEG + 1}, "tolerance 16°"),
    ({"density_t_m3": 0.3}, "density 0.3 t/m³"),
    ({"density_t_m3": 1.7, "density_hi_t_m3": 1.6}, "density 1.7 t/m³"),
    ({"density_lo_t_m3": 0.39}, "low density 0.39 t/m³"),
    ({"density_hi_t_m3": 1.61}, "high density 1.61 t/m³"),
    ({"density_lo_t_m3": 0.9}, "not between its low 0.9"),
    ({"model": "pyramid"}, "model 'pyramid'"),
])
def test_bad_numbers_are_refused_naming_the_value(keywords, words):
    keywords = {"height_m": 8.0, **keywords}
    assert words in refused(**keywords)


@pytest.mark.parametrize("height_m", [0.01, limits.HEIGHT_MAX_M])
def test_limits_themselves_are_accepted(height_m):
    result = estimate_heap(HEAP, LOCAL_CRS, height_m, model="prism", repose_deg=limits.REPOSE_MIN_DEG)
    assert result.volume_m3 == pytest.approx(result.area_m2 * height_m)


def test_a_height_no_pile_can_reach_is_named_and_gets_the_full_pile():
    footprint = box(0, 0, 40, 15.1)
    s = math.tan(math.radians(35.0))
    h_max = s * 15.1 / 2
    result = estimate_heap(footprint, LOCAL_CRS, 8.0)
    assert result.note == (f"8.0 m is taller than the {h_max:.1f} m a 35° pile on this footprint can reach; "
                           "walls (prism model) or a steeper angle would explain it")
    assert f"{h_max:.1f}" == "5.3"
    full = s * (15.1 ** 2) * (3 * 40 - 15.1) / 12  # hip roof
    assert result.volume_m3 == pytest.approx(full, rel=1e-4)
    assert result.height_max_m == pytest.approx(h_max, rel=1e-4)
    assert estimate_heap(footprint, LOCAL_CRS, 5.0).note == ""


def test_result_fields_and_method_line():
    result = prepare_footprint(HEAP, LOCAL_CRS).estimate(8.0, height_sigma_m=0.5)
    assert isinstance(result, HeapEstimate)
    fields = result.as_fields()
    assert tuple(fields) == FIELD_NAMES
    assert set(fields) == {"area_m2", "height_max_m", "volume_m3", "volume_lo_m3", "volume_hi_m3",
                           "tonnage_t", "tonnage_lo_t", "tonnage_hi_t", "volume_note"}
    assert fields["volume_note"] == "" and result.parts == () and not result.repaired
    assert result.method == "repose-capped pile, 35±3°, H 8.0±0.5 m, 0.85 t/m³ (0.75–1.05)"
    with pytest.raises(Exception):
        result.volume_m3 = 1.0  # frozen


def test_crs_as_epsg_int_and_as_pyproj_object():
    from pyproj import CRS

    footprint = box(500_000, 4_290_000, 500_060, 4_290_030)
    by_int = estimate_heap(footprint, 32652, 6.0)
    by_object = estimate_heap(footprint, CRS.from_epsg(32652), 6.0)
    assert by_int.volume_m3 == pytest.approx(by_object.volume_m3, rel=1e-12)


def test_a_height_just_above_the_limit_shows_enough_digits_to_differ():
    s = math.tan(math.radians(35.0))
    width = 2 * 5.29 / s  # H_max 5.29 m
    note = estimate_heap(box(0, 0, 40, width), LOCAL_CRS, 5.3).note
    assert note.startswith("5.30 m is taller than the 5.29 m a 35° pile")
