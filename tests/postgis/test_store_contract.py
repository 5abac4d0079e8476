"""One store contract, two backends: the GeoPackage tier's API tests run here on a GeoPackage and on PostGIS.

The tests are imported from the GeoPackage tier (they use only the port log's public methods), so the
PostGIS log is held to exactly the behaviour analysts rely on; ``port_file`` (conftest) is a fresh
Rason log of each backend in turn. Backend-specific behaviour (row versions, roles, concurrency, plain
SQL edits) is in the other files of this tier.
"""
import pytest
from shapely.geometry import box

from coal_monitor.store.errors import HeapInputError, StoreError
from tests.qgis.store.test_port_story_store import (  # noqa: F401  (collected here, on both backends)
    test_a_hull_no_ship_has_is_refused_and_nothing_written,
    test_a_pile_reused_on_the_same_image_is_refused_and_nothing_written,
    test_a_ship_is_classed_from_its_outline_and_the_class_table,
    test_an_examined_image_without_heaps_is_zero_and_an_unexamined_one_a_gap,
    test_one_pile_on_two_images_of_a_day_counts_once_the_finer_image, test_partial_coverage_is_said_on_the_row,
    test_previous_examined_image_is_the_latest_examined_on_an_earlier_date,
    test_ship_numbers_cannot_be_given_and_a_ship_without_gsd_gets_no_class)
from tests.qgis.store.test_portfile_scene_corrections import (  # noqa: F401
    logged, test_an_unknown_scene_is_named, test_new_time_redates_only_that_scenes_heaps)
from tests.qgis.store.test_portfile_writes import (  # noqa: F401
    test_a_footprint_the_engine_refuses_writes_nothing, test_a_logged_heap_reads_back_whole_with_the_engines_numbers,
    test_bad_heap_inputs_are_refused_with_the_field_named_and_nothing_written,
    test_blank_and_qgis_null_inputs_are_stored_as_null_and_texts_as_text,
    test_csv_export_has_the_schema_field_names_and_the_stored_values,
    test_footprints_in_another_crs_are_stored_in_the_ports_crs, test_preview_gives_the_numbers_add_heap_then_stores,
    test_qgis_geometry_and_crs_objects_are_accepted, test_totals_per_date_and_pier_equal_sums_of_the_heaps,
    test_update_recomputes_numbers_from_the_new_footprint_and_inputs)

RECT = box(606_000, 4_675_000, 606_100, 4_675_030)
APRIL_2 = "2024-04-02T02:31:00Z"


def test_scenes_are_logged_once_and_the_latest_is_found(port_file):
    port_file.add_scene({"scene_id": "A", "acquired_utc": "2024-03-01T02:00:00Z", "sensor": "Pleiades"})
    port_file.add_scene({"scene_id": "B", "acquired_utc": "2024-04-02T02:31:00Z", "gsd_m": 0.5})
    port_file.add_scene({"scene_id": "C", "raster_path": "/srv/imagery/c.tif"})
    assert port_file.latest_scene()["scene_id"] == "B"
    assert port_file.latest_scene_with_prefix("A")["scene_id"] == "A"
    assert [s["scene_id"] for s in port_file.scenes()] == ["C", "A", "B"]
    with pytest.raises(StoreError, match="already logged"):
        port_file.add_scene({"scene_id": "A"})
    examined = port_file.mark_examined("A", note="no coal")
    assert examined["examined"] == 1 and examined["examined_note"] == "no coal"


def test_delete_removes_the_heap_and_only_it(port_file):
    keep = port_file.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0})
    gone = port_file.add_heap(box(0, 0, 20, 20), 32652, {"observed_utc": APRIL_2, "height_m": 3.0})
    port_file.delete_heap(gone)
    assert port_file.heap(gone) is None and port_file.heap(keep) is not None and port_file.heap_count() == 1
    with pytest.raises(StoreError, match=gone):
        port_file.delete_heap(gone)


def test_a_heap_uid_given_is_kept_and_derived_numbers_cannot_be_given(port_file):
    uid = port_file.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0, "heap_uid": "kept-1"})
    assert uid == "kept-1" and port_file.heap("kept-1")["tonnage_t"] > 0
    with pytest.raises(HeapInputError, match="tonnage_t"):
        port_file.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0, "tonnage_t": 1.0})
    assert port_file.heap_count() == 1


def test_a_vessel_is_logged_updated_and_deleted(port_file):
    port_file.add_scene({"scene_id": "S", "acquired_utc": APRIL_2, "gsd_m": 0.5})
    hull = box(606_400, 4_674_800, 606_629, 4_674_832)
    uid = port_file.add_vessel(hull, 32652, {"observed_utc": APRIL_2, "scene_id": "S", "state": "loading",
                                             "cargo_visible": True})
    assert port_file.vessel(uid)["loa_m"] == pytest.approx(229.0)
    assert port_file.update_vessel(uid, name="Ocean")["name"] == "Ocean"
    assert [v["vessel_uid"] for v in port_file.loadings()] == [uid]
    assert port_file.vessel_counts_by_date() == {"2024-04-02": 1}
    port_file.delete_vessel(uid)
    assert port_file.vessels() == []


def test_others_changed_sees_another_writer_not_ourselves(port_file, request):
    port_file.others_changed()  # a GeoPackage counts its own switch to WAL on open
    assert port_file.others_changed() is False
    port_file.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0})
    assert port_file.others_changed() is False
    if hasattr(port_file, "location"):
        from coal_monitor.store.postgis import PostgisPortLog

        other = PostgisPortLog.open(request.getfixturevalue("writer_kwargs"), port_file.schema_name)
    else:
        from coal_monitor.store.portfile import PortFile

        other = PortFile.open(port_file.path)
    with other:
        other.add_heap(box(0, 0, 20, 20), 32652, {"observed_utc": APRIL_2, "height_m": 3.0})
    assert port_file.others_changed() is True
    assert port_file.others_changed() is False
    assert port_file.heap_count() == 2


def test_recompute_all_under_new_defaults_is_all_or_nothing(port_file):
    from coal_monitor.store.recompute import RecomputeCancelled, recompute_all

    uids = [port_file.add_heap(box(606_000 + 50 * i, 4_675_000, 606_040 + 50 * i, 4_675_030), 32652,
                               {"observed_utc": APRIL_2, "height_m": 4.0 + i}) for i in range(3)]
    before = {uid: port_file.heap(uid)["tonnage_t"] for uid in uids}
    polls = []

    def cancel_at_the_second_heap():
        polls.append(1)
        return len(polls) == 2

    with pytest.raises(RecomputeCancelled):
        recompute_all(port_file, {"density_t_m3": 0.95}, is_canceled=cancel_at_the_second_heap)
    assert port_file.port.density_t_m3 == 0.85
    assert {uid: port_file.heap(uid)["tonnage_t"] for uid in uids} == before
    results = recompute_all(port_file, {"density_t_m3": 0.95})
    assert len(results) == 3 and port_file.port.density_t_m3 == 0.95
    for uid in uids:
        assert port_file.heap(uid)["tonnage_t"] == pytest.approx(before[uid] * 0.95 / 0.85)
        assert port_file.heap(uid)["density_t_m3"] == 0.95
    assert port_file.stale_heaps() == []
