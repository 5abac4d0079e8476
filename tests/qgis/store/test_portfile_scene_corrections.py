"""Correcting a logged scene: checked like any write, all its heaps re-dated together, or nothing changes."""
import sqlite3

import pytest
from shapely.geometry import box

from coal_monitor.store.errors import StoreError

RECT = box(606_000, 4_675_000, 606_100, 4_675_030)


def dump(path):
    """Every row of every table, read by another connection (sees what is committed, WAL included)."""
    connection = sqlite3.connect(str(path))
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


@pytest.fixture()
def logged(port_file):
    port_file.add_scene({"scene_id": "S1", "acquired_utc": "2024-04-02T02:31:00Z", "gsd_m": 0.5})
    port_file.add_scene({"scene_id": "S2", "acquired_utc": "2024-05-02T02:31:00Z"})
    for scene, when in (("S1", "2024-04-02T02:31:00Z"), ("S1", "2024-04-02T02:31:00Z"), ("S2", "2024-05-02T02:31:00Z")):
        port_file.add_heap(RECT, 32652, {"scene_id": scene, "observed_utc": when, "height_m": 6.0})
    return port_file


def test_new_time_redates_only_that_scenes_heaps(logged):
    corrected = logged.update_scene("S1", {"acquired_utc": "2024-04-03T01:00:00Z", "gsd_m": 0.31})
    assert corrected["acquired_utc"] == "2024-04-03T01:00:00.000Z" and corrected["gsd_m"] == 0.31
    by_scene = {}
    for heap in logged.heaps():
        by_scene.setdefault(heap["scene_id"], set()).add(heap["observed_utc"])
    assert by_scene == {"S1": {"2024-04-03T01:00:00.000Z"}, "S2": {"2024-05-02T02:31:00.000Z"}}


@pytest.mark.parametrize("changes, words", [
    ({"gsd_m": 500.0}, "gsd_m"),
    ({"acquired_utc": "next tuesday"}, "acquired_utc"),
    ({"scene_id": "S9"}, "cannot be corrected"),
])
def test_a_refused_correction_changes_nothing(logged, changes, words):
    before = dump(logged.path)
    with pytest.raises(StoreError, match=words):
        logged.update_scene("S1", changes)
    assert dump(logged.path) == before


def test_an_unknown_scene_is_named(logged):
    with pytest.raises(StoreError, match="No scene 'S7'"):
        logged.update_scene("S7", {"sensor": "WV03"})
