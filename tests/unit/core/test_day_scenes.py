"""One image per footprint and day: overlapping scenes of one date are counted once."""
from shapely.geometry import box

from coal_monitor.core.day_scenes import DayScene, choose


def _scene(scene_id, gsd_m, acquired, *boxes):
    return DayScene(scene_id, gsd_m, acquired, [box(*b) for b in boxes])


def test_overlapping_images_count_once_the_finer_gsd_wins():
    coarse = _scene("coarse", 0.5, "2024-04-09T02:40:00Z", (0, 0, 50, 30))
    fine = _scene("fine", 0.3, "2024-04-09T01:10:00Z", (5, 2, 52, 31))
    choice = choose([coarse, fine])
    assert choice.used == ("fine",) and choice.set_aside == ("coarse",)
    assert "coarse" in choice.note and "fine" in choice.note and "GSD" in choice.note


def test_at_equal_gsd_the_later_image_wins():
    early = _scene("early", 0.5, "2024-04-09T01:10:00Z", (0, 0, 50, 30))
    late = _scene("late", 0.5, "2024-04-09T02:40:00Z", (10, 10, 60, 40))
    assert choose([late, early]).used == ("late",)
    assert choose([early, late]).set_aside == ("early",)


def test_images_of_different_piers_both_count():
    north = _scene("north", 0.5, "2024-04-09T01:10:00Z", (0, 0, 50, 30))
    south = _scene("south", 0.3, "2024-04-09T02:40:00Z", (0, 100, 50, 130))
    choice = choose([north, south])
    assert choice.used == ("north", "south") and choice.set_aside == () and choice.note == ""


def test_outlines_that_only_touch_are_not_one_pile():
    left = _scene("left", 0.5, "2024-04-09T01:10:00Z", (0, 0, 50, 30))
    right = _scene("right", 0.3, "2024-04-09T02:40:00Z", (50, 0, 90, 30))
    assert choose([left, right]).set_aside == ()


def test_a_chain_of_overlaps_is_one_footprint():
    a = _scene("a", 0.5, "2024-04-09T01:00:00Z", (0, 0, 50, 30))
    b = _scene("b", 0.4, "2024-04-09T01:30:00Z", (40, 0, 90, 30))
    c = _scene("c", 0.3, "2024-04-09T02:00:00Z", (80, 0, 130, 30))
    choice = choose([a, b, c])
    assert choice.used == ("c",) and choice.set_aside == ("a", "b")
