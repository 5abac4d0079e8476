"""Date-times and footprints as the store normalises them before anything is written."""
from datetime import date, datetime, timedelta, timezone

import pytest
from pyproj import Geod
from shapely.geometry import MultiPolygon, Polygon, box

from coal_monitor.store.errors import HeapInputError
from coal_monitor.store.footprint import FootprintConverter
from coal_monitor.store.sqltime import to_utc_text


@pytest.mark.parametrize("value, expected", [
    ("2024-04-02T02:31:00Z", "2024-04-02T02:31:00.000Z"),
    ("2024-04-02T11:31:00+09:00", "2024-04-02T02:31:00.000Z"),
    ("2024-04-02 02:31:05.123456", "2024-04-02T02:31:05.123Z"),
    ("2024-04-02", "2024-04-02T00:00:00.000Z"),
    (date(2024, 4, 2), "2024-04-02T00:00:00.000Z"),
    (datetime(2024, 4, 2, 11, 31, tzinfo=timezone(timedelta(hours=9))), "2024-04-02T02:31:00.000Z"),
])
def test_times_are_stored_as_utc_iso_text(value, expected):
    assert to_utc_text(value, "observed_utc") == expected


def test_unreadable_time_names_the_field():
    with pytest.raises(ValueError, match="observed_utc.*ISO 8601"):
        to_utc_text("02/04/2024", "observed_utc")


def test_footprints_in_wgs84_land_in_the_port_crs_with_their_true_area():
    ring = [(130.2800, 42.2200), (130.2812, 42.2200), (130.2812, 42.2209), (130.2800, 42.2209)]
    geodesic_area = abs(Geod(ellps="WGS84").geometry_area_perimeter(Polygon(ring))[0])
    in_utm = FootprintConverter(32652).to_port(Polygon(ring), "EPSG:4326")
    assert in_utm.bounds[0] == pytest.approx(605_700, abs=300)  # metres east in UTM 52N, not degrees
    assert in_utm.area == pytest.approx(geodesic_area, rel=1e-3)  # UTM scale error near Rason


def test_one_part_multipolygons_are_unwrapped_and_several_parts_refused():
    converter = FootprintConverter(32652)
    assert converter.to_port(MultiPolygon([box(0, 0, 10, 10)]), 32652).equals(box(0, 0, 10, 10))
    with pytest.raises(HeapInputError, match="2 parts"):
        converter.to_port(MultiPolygon([box(0, 0, 1, 1), box(5, 5, 6, 6)]), 32652)


@pytest.mark.parametrize("geometry, crs, words", [
    (None, 32652, "no footprint"),
    ("POINT (1 2)", 32652, "Point, not a polygon"),
    ("POLYGON ((0 0, 1 0", 32652, "cannot be read"),
    (box(0, 0, 1, 1), None, "no CRS"),
    (box(0, 0, 1, 1), "EPSG:999999", "unknown to PROJ"),
])
def test_unusable_footprints_are_refused_with_a_reason(geometry, crs, words):
    with pytest.raises(HeapInputError, match=words):
        FootprintConverter(32652).to_port(geometry, crs)
