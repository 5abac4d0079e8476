"""The heap tracer on generated yards (tests/helpers/trace_scenes.py): IoU with the true footprints,
seeds that add and remove regions, any band count and dtype, clear refusals."""
import numpy as np
import pytest

from coal_monitor.core.errors import InputError
from coal_monitor.core.trace import Seed, own_pile, to_pixel, trace
from tests.helpers.trace_scenes import inside_point, iou, yard

SCENE = yard(seed=1)


def seed_in(scene, name, add=True):
    point = inside_point(scene.truths[name])
    col, row = to_pixel(point.x, point.y, scene.geotransform)
    return Seed(col, row, add)


@pytest.mark.parametrize("name", sorted(SCENE.truths))
def test_one_click_traces_each_heap(name):
    outline = trace(SCENE.pixels, SCENE.geotransform, [seed_in(SCENE, name)])
    assert iou(outline, SCENE.truths[name]) >= 0.9


def test_outline_is_smoothed_not_a_pixel_staircase():
    outline = trace(SCENE.pixels, SCENE.geotransform, [seed_in(SCENE, "cone")])
    assert outline.geom_type == "Polygon"
    ring = np.asarray(outline.exterior.coords)
    steps = np.diff(ring, axis=0)
    axis_aligned = np.mean((np.abs(steps[:, 0]) < 1e-9) | (np.abs(steps[:, 1]) < 1e-9))
    assert axis_aligned < 0.5  # a staircase is all axis-aligned edges


def test_a_real_hole_is_kept():
    outline = trace(SCENE.pixels, SCENE.geotransform, [seed_in(SCENE, "ring")])
    assert len(outline.interiors) == 1
    hole_area = type(outline)(outline.exterior).area - outline.area
    true_hole = SCENE.truths["ring"].interiors[0]
    assert hole_area == pytest.approx(type(outline)(true_hole).area, rel=0.35)


def test_a_second_seed_adds_its_heap_and_a_remove_seed_subtracts_it():
    both = trace(SCENE.pixels, SCENE.geotransform, [seed_in(SCENE, "cone"), seed_in(SCENE, "ridge")])
    truth_both = SCENE.truths["cone"].union(SCENE.truths["ridge"])
    assert iou(both, truth_both) >= 0.9
    back = trace(SCENE.pixels, SCENE.geotransform,
                 [seed_in(SCENE, "cone"), seed_in(SCENE, "ridge"), seed_in(SCENE, "ridge", add=False)])
    assert iou(back, SCENE.truths["cone"]) >= 0.9
    assert back.intersection(SCENE.truths["ridge"]).area < 0.02 * SCENE.truths["ridge"].area


@pytest.mark.parametrize("bands", ["pan", "pan16"])
def test_panchromatic_8_and_16_bit_trace_heaps_without_shadow_beside(bands):
    scene = yard(seed=1, bands=bands)
    for name in ("ridge", "flat"):
        assert iou(trace(scene.pixels, scene.geotransform, [seed_in(scene, name)]), scene.truths[name]) >= 0.9


def test_lower_tolerance_never_grows_the_outline():
    seeds = [seed_in(SCENE, "ridge")]
    tight = trace(SCENE.pixels, SCENE.geotransform, seeds, tolerance=0.2)
    loose = trace(SCENE.pixels, SCENE.geotransform, seeds, tolerance=0.6)
    assert tight.area <= loose.area


def test_a_click_on_bright_ground_is_refused_with_the_reason():
    with pytest.raises(InputError, match="not on dark material"):
        trace(SCENE.pixels, SCENE.geotransform, [Seed(5.0, 5.0)])


def disc_mask(shape, centre, radius):
    rows, cols = np.indices(shape)
    return np.hypot(rows - centre[0], cols - centre[1]) <= radius


def test_two_piles_joined_by_a_narrow_neck_are_cut_apart_and_an_l_shape_is_not():
    shape = (120, 160)
    west, east = disc_mask(shape, (60, 45), 30), disc_mask(shape, (60, 112), 26)
    neck = np.zeros(shape, bool)
    neck[55:66, 40:115] = True  # 11 pixels wide, a fifth of the smaller pile's width
    own = own_pile(west | east | neck, (60, 45))
    assert own[west & ~neck].all() and not own[east & ~neck].any()
    ell = np.zeros(shape, bool)
    ell[10:110, 10:50] = True
    ell[70:110, 10:150] = True
    assert own_pile(ell, (30, 30)).sum() == ell.sum()
