"""Shadow geometry: heights from shadow lengths (with the off-nadir view), their sigma, the no-shadow
cases, click snapping, and the predicted shadow outline. Expected values come from 3-D ray geometry
or closed-form areas written here, not from the formulas under test."""
import math
import random

import pytest
from shapely.geometry import MultiPoint, Point, Polygon, box

from coal_monitor.core.errors import InputError
from coal_monitor.core.metadata import SceneMetadata
from coal_monitor.core.shadow import (SUN_ANGLE_SIGMA_DEG, VIEW_ANGLE_SIGMA_DEG, geometry_from_scene,
                                      height_from_shadow, height_sigma_m, predicted_shadow,
                                      project_point_on_shadow_line, shadow_direction_deg, shadow_feasible)


def _unit(elevation_deg, azimuth_deg):
    """3-D unit vector (east, north, up) towards a body at this elevation and azimuth."""
    e, a = math.radians(elevation_deg), math.radians(azimuth_deg)
    return (math.cos(e) * math.sin(a), math.cos(e) * math.cos(a), math.sin(e))


def _to_ground(point, direction):
    """Where the line through a 3-D point along ``direction`` meets the ground z = 0."""
    t = point[2] / direction[2]
    return (point[0] - t * direction[0], point[1] - t * direction[1])


def _clicks_on_ortho_image(height_m, sun, sat):
    """The two points an analyst clicks on an orthorectified image of a pole of this height at the
    origin: the apparent top (top projected to the ground along the line of sight) and the shadow
    tip (top projected along the sun ray)."""
    top = (0.0, 0.0, height_m)
    return _to_ground(top, _unit(*sat)), _to_ground(top, _unit(*sun))


@pytest.mark.parametrize("sun, sat", [
    ((25.0, 160.0), (70.0, 100.0)),   # Pleiades-like, satellite to the east
    ((25.0, 160.0), (70.0, 340.0)),   # satellite on the anti-sun side: the top leans onto the shadow
    ((25.0, 160.0), (70.0, 160.0)),   # satellite on the sun side: the top leans away from it
    ((18.0, 150.0), (65.0, 250.0)),
    ((32.0, 170.0), (90.0, 0.0)),     # nadir
])
def test_known_height_recovered_from_an_off_nadir_view(sun, sat):
    height = 12.0
    apparent_top, tip = _clicks_on_ortho_image(height, sun, sat)
    snapped = project_point_on_shadow_line(apparent_top, tip, sun[1])
    recovered = height_from_shadow(snapped.along_m, sun[0], sun[1], sat[0], sat[1])
    assert recovered == pytest.approx(height, abs=1e-9)


def test_ignoring_the_view_costs_about_17_percent_at_20_deg_incidence():
    height, sun = 12.0, (25.0, 160.0)
    errors = []
    for sat_az in (160.0, 340.0):  # satellite towards / away from the sun, incidence 20 deg
        apparent_top, tip = _clicks_on_ortho_image(height, sun, (70.0, sat_az))
        length = project_point_on_shadow_line(apparent_top, tip, sun[1]).along_m
        errors.append(height_from_shadow(length, *sun) / height - 1.0)  # as if nadir
    assert min(errors) < -0.14 and max(errors) > 0.14
    assert all(abs(e) < 0.2 for e in errors)


def test_height_from_the_foot_of_a_repose_cone():
    radius, repose, sun = 20.0, 35.0, (22.0, 150.0)
    height = radius * math.tan(math.radians(repose))
    away = math.radians(sun[1] + 180.0)
    foot = (radius * math.sin(away), radius * math.cos(away))
    tip = _to_ground((0.0, 0.0, height), _unit(*sun))
    length = math.dist(foot, tip)
    got = height_from_shadow(length, *sun, from_foot=True, repose_deg=repose)
    assert got == pytest.approx(height, rel=1e-9)


def test_snapping_reports_along_and_across():
    # Sun in the south: shadows fall north (+y). This click is 8 m south and 3 m east of the origin,
    # on the sun's side: a negative distance the GUI can refuse.
    p = project_point_on_shadow_line((10.0, 10.0), (13.0, 2.0), sun_azimuth_deg=180.0)
    assert p.along_m == pytest.approx(-8.0)
    assert (p.x, p.y) == pytest.approx((10.0, 2.0))
    q = project_point_on_shadow_line((0.0, 0.0), (1.0, 5.0), sun_azimuth_deg=180.0)
    assert q.along_m == pytest.approx(5.0) and q.across_m == pytest.approx(1.0)  # 1 m to the right (east)


def test_shadow_direction_is_opposite_the_sun():
    assert shadow_direction_deg(160.0) == 340.0
    assert shadow_direction_deg(200.0) == 20.0


# --- sigma ------------------------------------------------------------------------------------

@pytest.mark.parametrize("sun_el, expected", [(20.0, 0.182), (30.0, 0.289)])
def test_one_pixel_click_error_matches_the_domain_figures(sun_el, expected):
    sigma = height_sigma_m(20.0, sun_el, 160.0, gsd_m=0.5, sun_sigma_deg=0.0, view_sigma_deg=0.0)
    assert sigma == pytest.approx(expected, abs=0.002)


def test_a_tenth_of_a_degree_of_sun_is_about_5_cm():
    length = 10.0 / math.tan(math.radians(25.0))  # a 10 m heap at 25 deg
    sigma = height_sigma_m(length, 25.0, 160.0, gsd_m=0.5, click_error_px=0.0, sun_sigma_deg=0.1,
                           view_sigma_deg=0.0)
    assert 0.04 < sigma < 0.06


def test_sigma_agrees_with_monte_carlo():
    rng = random.Random(7)
    length, sun_el, sun_az, sat_el, sat_az, gsd = 20.0, 24.0, 158.0, 68.0, 110.0, 0.5
    sun_sd, view_sd = 0.3, 1.0
    samples = [height_from_shadow(length + rng.gauss(0, gsd), sun_el + rng.gauss(0, sun_sd),
                                  sun_az + rng.gauss(0, sun_sd), sat_el + rng.gauss(0, view_sd),
                                  sat_az + rng.gauss(0, view_sd)) for _ in range(20000)]
    mean = sum(samples) / len(samples)
    sd = math.sqrt(sum((s - mean) ** 2 for s in samples) / (len(samples) - 1))
    sigma = height_sigma_m(length, sun_el, sun_az, sat_el, sat_az, gsd_m=gsd, sun_sigma_deg=sun_sd,
                           view_sigma_deg=view_sd)
    assert sigma == pytest.approx(sd, rel=0.05)


def test_sigma_grows_with_pixel_size_and_angle_uncertainty():
    base = dict(shadow_length_m=20.0, sun_elevation_deg=24.0, sun_azimuth_deg=158.0, sat_elevation_deg=70.0,
                sat_azimuth_deg=250.0)
    s0 = height_sigma_m(**base, gsd_m=0.5)
    assert height_sigma_m(**base, gsd_m=1.0) > s0
    assert height_sigma_m(**base, gsd_m=0.5, sun_sigma_deg=0.5) > s0
    assert height_sigma_m(**base, gsd_m=0.5, view_sigma_deg=2.0) > s0


@pytest.mark.parametrize("sun_el", [20.0, 25.0, 30.0])
def test_the_foot_is_2_to_6_times_more_sensitive(sun_el):
    kwargs = dict(gsd_m=0.5, sun_sigma_deg=0.0, view_sigma_deg=0.0, repose_sigma_deg=0.0)
    apex = height_sigma_m(20.0, sun_el, 160.0, **kwargs)
    foot = height_sigma_m(20.0, sun_el, 160.0, from_foot=True, repose_deg=35.0, **kwargs)
    assert 2.0 <= foot / apex <= 6.0


def _scene(**changes):
    values = dict(scene_id="s", sensor="PHR1A", acquired_utc=None, sun_elevation_deg=24.0, sun_azimuth_deg=158.0,
                  off_nadir_deg=18.0, incidence_deg=20.0, view_azimuth_deg=100.0, gsd_m=0.5, source="test",
                  sun_check_deg=0.02)
    values.update(changes)
    return SceneMetadata(**values)


def test_geometry_from_a_complete_scene():
    g = geometry_from_scene(_scene())
    assert (g.sat_elevation_deg, g.sat_azimuth_deg) == (70.0, 100.0)
    assert (g.sun_sigma_deg, g.view_sigma_deg, g.view_azimuth_sigma_deg) == (
        SUN_ANGLE_SIGMA_DEG, VIEW_ANGLE_SIGMA_DEG, VIEW_ANGLE_SIGMA_DEG)
    assert g.notes == ()


def test_a_disagreeing_sun_widens_the_sun_sigma():
    g = geometry_from_scene(_scene(sun_check_deg=0.8))
    assert g.sun_sigma_deg == 0.8 and g.notes


def test_unknown_view_widens_the_height_sigma():
    known = geometry_from_scene(_scene())
    no_azimuth = geometry_from_scene(_scene(view_azimuth_deg=None))
    no_view = geometry_from_scene(_scene(incidence_deg=None, off_nadir_deg=None, view_azimuth_deg=None))
    sigmas = []
    for g in (known, no_azimuth, no_view):
        sigmas.append(height_sigma_m(20.0, g.sun_elevation_deg, g.sun_azimuth_deg, g.sat_elevation_deg,
                                     g.sat_azimuth_deg, gsd_m=0.5, sun_sigma_deg=g.sun_sigma_deg,
                                     view_sigma_deg=g.view_sigma_deg,
                                     view_azimuth_sigma_deg=g.view_azimuth_sigma_deg))
    assert sigmas[0] < sigmas[1] and sigmas[0] < sigmas[2]
    assert no_view.sat_elevation_deg == 90.0 and no_view.notes
    # An unknown azimuth: the sigma covers the spread of the correction over all azimuths.
    spread = [height_from_shadow(20.0, 24.0, 158.0, 70.0, az) for az in range(0, 360, 1)]
    mean = sum(spread) / len(spread)
    sd = math.sqrt(sum((h - mean) ** 2 for h in spread) / len(spread))
    only_azimuth = height_sigma_m(20.0, 24.0, 158.0, 70.0, no_azimuth.sat_azimuth_deg, gsd_m=0.5,
                                  click_error_px=0.0, sun_sigma_deg=0.0, view_sigma_deg=0.0,
                                  view_azimuth_sigma_deg=no_azimuth.view_azimuth_sigma_deg)
    assert only_azimuth == pytest.approx(sd, rel=0.1)


def test_a_scene_without_sun_is_refused():
    with pytest.raises(InputError, match="no sun angles"):
        geometry_from_scene(_scene(sun_elevation_deg=None, sun_azimuth_deg=None))


# --- when shadows cannot work ----------------------------------------------------------------

def test_no_ground_shadow_with_the_sun_above_the_repose_angle():
    result = shadow_feasible(41.3, 35.0)
    assert not result.ok
    for words in ("41.3", "35.0", "wall", "by hand"):
        assert words in result.message


def test_walled_bins_still_work_and_winter_sun_is_fine():
    assert shadow_feasible(41.3, 35.0, walled=True).ok
    assert shadow_feasible(24.0, 35.0) == (True, "")


def test_night_is_refused():
    assert not shadow_feasible(-3.0, 35.0).ok


def test_foot_method_refused_near_the_repose_angle():
    with pytest.raises(InputError, match="angle of repose 35.0"):
        height_from_shadow(3.0, 34.5, 160.0, from_foot=True, repose_deg=35.0)


def test_degenerate_view_is_refused():
    # Satellite at the sun's elevation on the sun's side: the apparent top sits on the shadow tip.
    with pytest.raises(InputError, match="says nothing about the height"):
        height_from_shadow(1.0, 60.0, 160.0, 60.0, 160.0)


def test_a_height_beyond_any_heap_is_refused():
    with pytest.raises(InputError, match="taller than any coal heap"):
        height_from_shadow(400.0, 25.0, 160.0)


@pytest.mark.parametrize("args", [(-1.0, 25.0, 160.0), (float("nan"), 25.0, 160.0), (10.0, 95.0, 160.0),
                                  (10.0, 25.0, "south"), (0.0, 25.0, 160.0)])
def test_bad_inputs_name_the_value(args):
    with pytest.raises(InputError):
        height_from_shadow(*args)


# --- predicted shadow -----------------------------------------------------------------------

def test_prism_shadow_area_is_closed_form():
    footprint = box(0, 0, 40, 20)
    height, sun_el, sun_az = 6.0, 25.0, 150.0
    reach = height / math.tan(math.radians(sun_el))
    dx = abs(reach * math.sin(math.radians(sun_az + 180)))
    dy = abs(reach * math.cos(math.radians(sun_az + 180)))
    shadow = predicted_shadow(footprint, height, "prism", 35.0, sun_el, sun_az)
    assert shadow.area == pytest.approx(dx * 20 + dy * 40, rel=1e-6)
    assert not shadow.intersection(footprint).area > 1e-6


@pytest.mark.parametrize("model", ["repose", "cone"])
@pytest.mark.parametrize("sun_el", [15.0, 25.0, 33.0])
def test_cone_shadow_matches_the_hull_of_base_and_apex_shadow(model, sun_el):
    radius = 20.0
    height = radius * math.tan(math.radians(35.0))
    base = Point(0, 0).buffer(radius, 64)
    reach = height / math.tan(math.radians(sun_el))
    tip = (reach * math.sin(math.radians(340.0)), reach * math.cos(math.radians(340.0)))
    exact = MultiPoint(list(base.exterior.coords) + [tip]).convex_hull.difference(base)
    shadow = predicted_shadow(base, height, model, 35.0, sun_el, 160.0)
    assert shadow.symmetric_difference(exact).area < 0.01 * exact.area + 0.5
    assert Point(tip).distance(shadow) < 0.05


@pytest.mark.parametrize("sun_el, height", [(20.0, 8.0), (25.0, 10.5), (30.0, 5.0)])
def test_repose_ridge_shadow_area_is_closed_form(sun_el, height):
    # 100 x 30 m heap at 35 deg, sun due south: the shadow beyond the north edge has area
    # (cot e - 1/s) * integral of the surface height along the ridge = (cot e - 1/s)(100 H - H^2/s).
    s = math.tan(math.radians(35.0))
    expected = (1 / math.tan(math.radians(sun_el)) - 1 / s) * (100 * height - height ** 2 / s)
    shadow = predicted_shadow(box(0, 0, 100, 30), height, "repose", 35.0, sun_el, 180.0)
    assert shadow.area == pytest.approx(expected, rel=0.01)
    assert shadow.bounds[1] >= 30.0 - 1e-9


def test_repose_pile_in_high_sun_casts_nothing_but_a_bin_does():
    footprint = box(0, 0, 50, 30)
    assert predicted_shadow(footprint, 8.0, "repose", 35.0, 40.0, 170.0).area < 1e-6
    assert predicted_shadow(footprint, 8.0, "prism", 35.0, 40.0, 170.0).area > 100.0


def test_concave_footprint_with_a_hole():
    outer = box(0, 0, 80, 60).difference(box(30, 20, 50, 60))  # U shape
    with_hole = outer.difference(Point(15, 30).buffer(4))
    shadow = predicted_shadow(with_hole, 6.0, "repose", 35.0, 22.0, 170.0)
    assert shadow.is_valid and shadow.area > 0
    assert shadow.intersection(with_hole).area < 1e-6


def test_footprint_with_z_values():
    flat = box(0, 0, 40, 20)
    with_z = Polygon([(x, y, 3.0) for x, y in flat.exterior.coords])
    for model in ("repose", "cone", "prism"):
        assert predicted_shadow(with_z, 6.0, model, 35.0, 22.0, 170.0).area == pytest.approx(
            predicted_shadow(flat, 6.0, model, 35.0, 22.0, 170.0).area)


def test_predicted_shadow_refuses_nonsense():
    with pytest.raises(InputError, match="Model"):
        predicted_shadow(box(0, 0, 10, 10), 5.0, "pyramid", 35.0, 25.0, 160.0)
    with pytest.raises(InputError, match="invalid"):
        predicted_shadow(Polygon([(0, 0), (10, 10), (10, 0), (0, 10)]), 5.0, "prism", 35.0, 25.0, 160.0)
