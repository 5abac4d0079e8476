"""Ships on imagery (issue 14 items 4 and 7): the hull from clicks or an outline, the refusals, and the
class table read at its boundaries (just inside, just outside, between classes, the one-pixel margin)."""
import json
import math

import pytest
from shapely.geometry import Polygon
from shapely import affinity

from coal_monitor.core import limits, vessels
from coal_monitor.core.errors import InputError
from coal_monitor.resources import resource_path

TABLE = vessels.ship_class_table()
BY_KEY = {c.key: c for c in TABLE.classes}
GSD_M = 0.5


def keys_of(estimate):
    names = {c.name: c.key for c in TABLE.classes}
    return {names[name] for name in estimate.candidates}


# --- the hull from clicks --------------------------------------------------------------------------

@pytest.mark.parametrize("heading_deg", [0.0, 37.0, 90.0, 181.5, 300.0])
def test_clicks_on_a_rotated_hull_give_its_length_beam_and_heading(heading_deg):
    loa_m, beam_m = 190.0, 32.26
    theta = math.radians(heading_deg)
    along = (math.sin(theta), math.cos(theta))
    across = (math.cos(theta), -math.sin(theta))
    centre = (500_000.0, 4_675_000.0)
    bow = (centre[0] + along[0] * loa_m / 2, centre[1] + along[1] * loa_m / 2)
    stern = (centre[0] - along[0] * loa_m / 2, centre[1] - along[1] * loa_m / 2)
    # the side click anywhere along the hull's side: only its distance from the centreline counts
    side = (centre[0] + along[0] * 20 + across[0] * beam_m / 2, centre[1] + along[1] * 20 + across[1] * beam_m / 2)
    hull = vessels.hull_from_clicks(bow, stern, side)
    assert hull.loa_m == pytest.approx(loa_m)
    assert hull.beam_m == pytest.approx(beam_m)
    assert hull.heading_deg == pytest.approx(heading_deg)
    assert hull.bow_known
    assert hull.centre_xy == pytest.approx(centre)
    polygon = Polygon(hull.polygon)
    assert polygon.is_valid and polygon.area == pytest.approx(loa_m * beam_m)
    assert polygon.centroid.coords[0] == pytest.approx(centre)


def test_a_side_click_on_either_side_gives_the_same_beam():
    port_side = vessels.hull_from_clicks((0, 100), (0, 0), (-8, 40))
    starboard = vessels.hull_from_clicks((0, 100), (0, 0), (8, 70))
    assert port_side.beam_m == starboard.beam_m == 16.0
    assert Polygon(port_side.polygon).equals(Polygon(starboard.polygon))


def test_heading_is_from_stern_to_bow():
    assert vessels.hull_from_clicks((0, 100), (0, 0), (8, 50)).heading_deg == pytest.approx(0.0)
    assert vessels.hull_from_clicks((0, 0), (0, 100), (8, 50)).heading_deg == pytest.approx(180.0)
    assert vessels.hull_from_clicks((100, 0), (0, 0), (50, 8)).heading_deg == pytest.approx(90.0)


def test_the_preview_rectangle_is_not_judged_but_the_measurement_is():
    preview = vessels.hull_rectangle((0, 10), (0, 0), (1, 5))
    assert preview.loa_m == 10.0 and preview.beam_m == 2.0
    with pytest.raises(InputError, match="shorter than 20 m"):
        vessels.hull_from_clicks((0, 10), (0, 0), (1, 5))


@pytest.mark.parametrize("bow, stern, side, words", [
    ((5, 5), (5, 5), (8, 8), "same point"),
    ((0, 100), (0, 0), (0, 50), "beam is 0 m"),
    (("a", 1), (0, 0), (1, 1), "not an \\(x, y\\) pair"),
    ((float("nan"), 1), (0, 0), (1, 1), "no finite coordinates"),
    (None, (0, 0), (1, 1), "not an \\(x, y\\) pair"),
])
def test_clicks_that_make_no_hull_are_refused_with_the_fix(bow, stern, side, words):
    with pytest.raises(InputError, match=words) as caught:
        vessels.hull_from_clicks(bow, stern, side)
    assert "click" in str(caught.value).lower()


# --- the hull from an outline ----------------------------------------------------------------------

@pytest.mark.parametrize("angle_deg", [0.0, 25.0, 90.0, 143.0])
def test_outline_gives_length_and_beam_from_its_oriented_bounding_box(angle_deg):
    # a hull with a pointed bow: the oriented box is the LOA x beam rectangle
    outline = Polygon([(0, 0), (160, 0), (180, 11), (160, 22), (0, 22)])
    turned = affinity.rotate(outline, angle_deg, origin=(0, 0))
    hull = vessels.hull_from_outline(list(turned.exterior.coords)[:-1])
    assert hull.loa_m == pytest.approx(180.0)
    assert hull.beam_m == pytest.approx(22.0)
    assert not hull.bow_known
    # the axis bearing: the unturned hull lies along +x (bearing 90); turning anticlockwise lowers it
    assert hull.heading_deg == pytest.approx((90.0 - angle_deg) % 180.0)
    assert 0.0 <= hull.heading_deg < 180.0
    assert Polygon(hull.polygon).area == pytest.approx(180.0 * 22.0)


@pytest.mark.parametrize("coords, words", [
    ([(0, 0), (100, 0)], "at least 3 distinct corners"),
    ([(0, 0), (100, 0), (100, 0), (0, 0)], "at least 3 distinct corners"),
    ([(0, 0), (50, 0), (100, 0)], "no area"),
    (None, "at least 3"),
    ([(0, 0), (10, 0), (10, 2), (0, 2)], "shorter than 20 m"),
])
def test_outlines_that_make_no_hull_are_refused(coords, words):
    with pytest.raises(InputError, match=words):
        vessels.hull_from_outline(coords)


# --- refusals --------------------------------------------------------------------------------------

@pytest.mark.parametrize("loa_m, beam_m, words", [
    (19.9, 5.0, "19.9 m, shorter than 20 m"),
    (400.1, 50.0, "400.1 m, longer than 400 m"),
    (90.0, 30.01, "wider than a third of its length"),
    (0.0, 5.0, "must be more than 0 m"),
    (100.0, -1.0, "beam is -1 m"),
    (float("nan"), 10.0, "not a number"),
    (100.0, float("inf"), "not a number"),
    ("100", 10.0, "not a number"),
    (True, 10.0, "not a number"),
    (None, 10.0, "not a number"),
])
def test_check_hull_names_the_value_and_the_fix(loa_m, beam_m, words):
    with pytest.raises(InputError, match=words) as caught:
        vessels.check_hull(loa_m, beam_m)
    message = str(caught.value).lower()
    assert any(word in message for word in ("click", "measure", "check"))


def test_check_hull_accepts_the_limits_themselves():
    vessels.check_hull(limits.VESSEL_LOA_MIN_M, limits.VESSEL_LOA_MIN_M * limits.VESSEL_BEAM_MAX_FRACTION_OF_LOA)
    vessels.check_hull(limits.VESSEL_LOA_MAX_M, 60.0)


# --- the class table -------------------------------------------------------------------------------

def test_the_table_is_the_domain_reference_with_sources():
    with open(resource_path(vessels.TABLE_RESOURCE), encoding="utf-8") as handle:
        document = json.load(handle)
    assert "domain.md section 9" in document["about"]
    assert (TABLE.cargo_fraction_lo, TABLE.cargo_fraction_hi) == (0.92, 0.97)
    for entry in document["classes"]:
        assert entry["source"], entry["name"]
    for key in ("light_draft_fraction_source", "under_keel_clearance_source"):
        assert "approximate" in document[key]
    supramax = BY_KEY["supramax"]
    assert (supramax.loa_lo_m, supramax.loa_hi_m, supramax.beam_lo_m, supramax.beam_hi_m) == (180, 200, 30, 32.3)


@pytest.mark.parametrize("ship_class", TABLE.classes, ids=lambda c: c.key)
def test_each_class_centre_classifies_as_that_class_with_its_ranges(ship_class):
    loa_m = (ship_class.loa_lo_m + ship_class.loa_hi_m) / 2
    beam_m = (ship_class.beam_lo_m + ship_class.beam_hi_m) / 2
    estimate = vessels.classify(loa_m, beam_m, GSD_M)
    assert ship_class.key in keys_of(estimate)
    assert estimate.dwt_lo_t <= ship_class.dwt_lo_t and estimate.dwt_hi_t >= ship_class.dwt_hi_t
    assert estimate.cargo_lo_t <= TABLE.cargo_fraction_lo * ship_class.dwt_lo_t
    assert estimate.cargo_hi_t >= TABLE.cargo_fraction_hi * ship_class.dwt_hi_t


def test_the_rason_supramax_is_one_class():
    estimate = vessels.classify(190.0, 32.26, GSD_M)
    assert estimate.vessel_class == "Handymax / Supramax" and not estimate.ambiguous
    assert (estimate.dwt_lo_t, estimate.dwt_hi_t) == (40_000, 61_000)
    assert estimate.cargo_lo_t == pytest.approx(0.92 * 40_000)
    assert estimate.cargo_hi_t == pytest.approx(0.97 * 61_000)
    assert not estimate.draft_limited


def test_just_inside_and_just_outside_a_class_by_the_one_pixel_margin():
    handysize = BY_KEY["handysize"]
    beam_m = 26.5
    # LOA below the class: in by less than a pixel, out by more
    assert "handysize" in keys_of(vessels.classify(handysize.loa_lo_m - GSD_M + 0.01, beam_m, GSD_M))
    assert "handysize" in keys_of(vessels.classify(handysize.loa_lo_m - GSD_M, beam_m, GSD_M))
    assert "handysize" not in keys_of(vessels.classify(handysize.loa_lo_m - GSD_M - 0.01, beam_m, GSD_M))
    # a coarser image widens the margin
    assert "handysize" in keys_of(vessels.classify(handysize.loa_lo_m - 2.9, beam_m, 3.0))
    # beam above the class
    assert "handysize" in keys_of(vessels.classify(150.0, handysize.beam_hi_m + GSD_M, GSD_M))
    assert "handysize" not in keys_of(vessels.classify(150.0, handysize.beam_hi_m + GSD_M + 0.01, GSD_M))


def test_the_general_cargo_ships_of_nampho():
    estimate = vessels.classify(98.0, 16.0, GSD_M)
    assert keys_of(estimate) == {"small_general_cargo"}
    assert (estimate.dwt_lo_t, estimate.dwt_hi_t) == (2_000, 6_000)


def test_a_measurement_in_two_overlapping_classes_names_both_and_spans_them():
    # 105 m x 16.5 m: small general cargo (80-110 m, 12-17 m) and mini-bulker (100-130 m, 16-22 m)
    estimate = vessels.classify(105.0, 16.5, GSD_M)
    assert keys_of(estimate) == {"small_general_cargo", "mini_bulker"}
    assert estimate.ambiguous
    assert estimate.vessel_class == "Small general cargo or Mini-bulker"
    assert (estimate.dwt_lo_t, estimate.dwt_hi_t) == (2_000, 24_000)
    # 185 m x 30 m: a Handysize or a Supramax
    both = vessels.classify(185.0, 30.0, GSD_M)
    assert keys_of(both) == {"handysize", "supramax"}
    assert (both.dwt_lo_t, both.dwt_hi_t) == (15_000, 61_000)


def test_the_pixel_margin_alone_makes_a_measurement_ambiguous():
    # Ultramax starts at 199 m: a 198.6 m Supramax-beam ship is within a pixel of it
    near = vessels.classify(198.6, 32.25, GSD_M)
    assert keys_of(near) == {"supramax", "ultramax"}
    far = vessels.classify(198.6, 32.25, 0.3)
    assert keys_of(far) == {"supramax"}


@pytest.mark.parametrize("loa_m, beam_m", [
    (150.0, 22.4),   # between mini-bulker (beam <= 22) and Handysize (beam >= 23), a pixel from neither
    (207.0, 32.25),  # between Ultramax (<= 200 m) and Panamax (>= 215 m)
    (250.0, 40.0),   # between Kamsarmax and Capesize
    (60.0, 10.0),    # a coaster below the table
    (350.0, 60.0),   # above the table
])
def test_a_ship_between_or_beyond_the_classes_gets_no_class_and_no_tonnage(loa_m, beam_m):
    estimate = vessels.classify(loa_m, beam_m, GSD_M)
    assert estimate.vessel_class is None and estimate.candidates == ()
    assert estimate.dwt_lo_t is None and estimate.cargo_hi_t is None


def test_classify_refuses_an_impossible_hull_or_gsd():
    with pytest.raises(InputError, match="shorter than 20 m"):
        vessels.classify(15.0, 4.0, GSD_M)
    for gsd in (0.0, -1.0, float("nan"), None, "0.5"):
        with pytest.raises(InputError, match="GSD"):
            vessels.classify(100.0, 15.0, gsd)


# --- the berth-depth cap ---------------------------------------------------------------------------

def test_nampho_depth_does_not_cap_a_small_general_cargo_ship():
    free = vessels.classify(98.0, 16.0, GSD_M)
    capped = vessels.classify(98.0, 16.0, GSD_M, berth_depth_m=(7.0, 9.0))
    assert (capped.cargo_lo_t, capped.cargo_hi_t) == (free.cargo_lo_t, free.cargo_hi_t)
    assert not capped.draft_limited and capped.berth_depth_m == (7.0, 9.0)


def test_nampho_depth_caps_a_supramax_to_a_part_load():
    free = vessels.classify(190.0, 32.26, GSD_M)
    capped = vessels.classify(190.0, 32.26, GSD_M, berth_depth_m=(7.0, 9.0))
    assert capped.draft_limited
    assert 0 < capped.cargo_lo_t < free.cargo_lo_t
    assert capped.cargo_lo_t < capped.cargo_hi_t < free.cargo_hi_t
    supramax = BY_KEY["supramax"]
    # the high end: deepest berth, shallowest design draft, lowest light fraction (the table's model)
    draft_m = 9.0 - TABLE.under_keel_clearance_m
    light_m = TABLE.light_draft_fraction_lo * supramax.draft_lo_m
    share = (draft_m - light_m) / (supramax.draft_lo_m - light_m)
    assert capped.cargo_hi_t == pytest.approx(free.cargo_hi_t * share)


def test_a_deeper_berth_never_caps_more():
    cargo = [vessels.classify(190.0, 32.26, GSD_M, berth_depth_m=d).cargo_hi_t for d in (5.0, 7.0, 9.0, 12.0, 20.0)]
    assert cargo == sorted(cargo)
    assert cargo[-1] == pytest.approx(vessels.classify(190.0, 32.26, GSD_M).cargo_hi_t)


def test_a_berth_shallower_than_the_light_draft_carries_nothing():
    estimate = vessels.classify(290.0, 47.0, GSD_M, berth_depth_m=3.0)
    assert estimate.cargo_lo_t == 0.0 and estimate.cargo_hi_t == 0.0 and estimate.draft_limited


@pytest.mark.parametrize("depth", [(9.0, 7.0), (0.0, 5.0), ("deep", 5), float("nan"), True])
def test_a_bad_berth_depth_is_refused(depth):
    with pytest.raises(InputError, match="Berth depth"):
        vessels.classify(98.0, 16.0, GSD_M, berth_depth_m=depth)


def test_a_broken_table_is_refused(tmp_path):
    with open(resource_path(vessels.TABLE_RESOURCE), encoding="utf-8") as handle:
        document = json.load(handle)
    document["classes"][0]["loa_lo_m"] = 200
    path = tmp_path / "classes.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InputError, match="loa_lo_m 200 and loa_hi_m 110"):
        vessels.load_class_table(path)


# --- states and loading events ---------------------------------------------------------------------

@pytest.mark.parametrize("state, cargo_visible, loading", [
    ("loading", False, True), ("loading", True, True), ("moored", True, True), ("moored", False, False),
    ("at_anchor", True, False), ("underway", True, False), ("unknown", True, False),
])
def test_loading_events(state, cargo_visible, loading):
    assert vessels.is_loading_event(state, cargo_visible) is loading


def test_the_states_are_the_contract_and_unknown_ones_are_refused():
    assert vessels.STATE_KEYS == ("loading", "moored", "at_anchor", "underway", "unknown")
    with pytest.raises(InputError, match="'docked' is not one of"):
        vessels.is_loading_event("docked", True)
