"""The measuring session on its own (no dock, no canvas): what it emits and what it writes.

The analyst's story: Rason, an image, an outline, 6 m, log; then select, edit, delete; change port and
image; and every refusal leaves the port file as it was.
"""
import pytest
from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsPointXY, QgsRasterLayer
from shapely.geometry import Polygon

from coal_monitor.core import heap_numbers
from coal_monitor.core.estimate import estimate_heap
from coal_monitor.core.ports import PortRegistry
from coal_monitor.gui.imagery import scene_id_for
from coal_monitor.session.guard import report_unexpected
from tests.helpers.rasters import write_geotiff
from tests.helpers.scripted_prompts import ScriptedPrompts, UnexpectedPrompt
from tests.helpers.session_bench import HEAP_XY, SessionBench, heap_geometry, port_crs

WARNING = Qgis.MessageLevel.Warning
INPUTS = {"height_m": 6.0, "height_sigma_m": 0.5, "model": "repose", "repose_deg": 35.0, "density_t_m3": 0.85,
          "pier": "Pier 3", "label": "H1"}


def _expected(inputs, xy=HEAP_XY):
    """The engine's numbers for the outline, called directly with the port's band scaled by hand."""
    port = PortRegistry().get("Rason")
    scale = inputs["density_t_m3"] / port.density_t_m3
    return estimate_heap(Polygon(xy), "EPSG:32652", inputs["height_m"], height_sigma_m=inputs["height_sigma_m"],
                         model=inputs["model"], repose_deg=inputs["repose_deg"], repose_tol_deg=port.repose_tol_deg,
                         density_t_m3=inputs["density_t_m3"], density_lo_t_m3=port.density_lo_t_m3 * scale,
                         density_hi_t_m3=port.density_hi_t_m3 * scale)


@pytest.fixture()
def bench(tmp_path, clean_project):
    bench = SessionBench(tmp_path)
    yield bench
    bench.close()


def _measure_and_log(bench, inputs=INPUTS, xy=HEAP_XY):
    session = bench.session
    session.set_inputs(inputs)
    session.set_footprint(heap_geometry(xy), port_crs())
    return session.log_heap()


def test_drawing_preview_reports_area_and_tonnage_of_the_clicked_corners(bench):
    session = bench.start()
    session.set_inputs(INPUTS)
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    from qgis.core import QgsCoordinateTransform, QgsProject

    to_wgs84 = QgsCoordinateTransform(port_crs(), wgs84, QgsProject.instance())
    corners = [to_wgs84.transform(QgsPointXY(x, y)) for x, y in HEAP_XY]
    session.preview_outline(corners[:2], wgs84)
    session.preview_outline(corners, wgs84)
    (area_two, none_two, problem_two), (area, estimate, problem) = bench.signals["drawing_changed"]
    assert area_two == 0.0 and none_two is None and problem_two == ""
    expected = _expected(INPUTS)
    assert problem == ""
    assert area == pytest.approx(expected.area_m2, rel=1e-6)  # through a round trip to degrees and back
    assert estimate.tonnage_t == pytest.approx(expected.tonnage_t, rel=1e-5)
    assert bench.rows() == []  # a preview writes nothing


def test_measure_then_log_writes_the_engines_numbers_without_running_the_engine_again(bench, monkeypatch):
    session = bench.start()
    session.set_inputs(INPUTS)
    session.set_footprint(heap_geometry(), port_crs())
    (footprint,) = bench.signals["footprint_changed"][-1]
    assert footprint.area() == pytest.approx(Polygon(HEAP_XY).area)
    estimate, problem = bench.signals["estimate_changed"][-1]
    expected = _expected(INPUTS)
    assert problem == "" and estimate.tonnage_t == pytest.approx(expected.tonnage_t, rel=1e-12)

    engine_runs = []
    real_estimate = type(session.footprint.engine).estimate
    monkeypatch.setattr(type(session.footprint.engine), "estimate",
                        lambda self, *a, **k: engine_runs.append(1) or real_estimate(self, *a, **k))
    real_prepare = heap_numbers.prepare_footprint
    monkeypatch.setattr(heap_numbers, "prepare_footprint", lambda *a: engine_runs.append(1) or real_prepare(*a))
    uid = session.log_heap()
    assert engine_runs == []  # the previewed footprint and its estimate were reused

    (row,) = bench.rows()
    assert row["heap_uid"] == uid
    assert row["scene_id"] == scene_id_for(bench.image) and row["observed_utc"].startswith("2024-04-05T02:13")
    for name, value in expected.as_fields().items():
        if name != "volume_note":
            assert row[name] == pytest.approx(value, rel=1e-12), name
    assert row["pier"] == "Pier 3" and row["label"] == "H1"
    (rows,), = bench.signals["heaps_changed"][-1:]
    assert [r["heap_uid"] for r in rows] == [uid]
    assert bench.signals["footprint_changed"][-1] == (None,)  # ready for the next heap
    assert any("Logged heap at Rason" in m for m in bench.messages(Qgis.MessageLevel.Success))
    assert bench.prompts.asked == []  # the project is saved and the image dated: nothing to ask


def test_select_edit_and_delete_a_logged_heap(bench):
    bench.prompts.answers["confirm"] = [False, True]
    bench.start()
    uid = _measure_and_log(bench)
    session = bench.session
    bench.clear_signals()

    session.select_heap(uid)
    (selected,), = bench.signals["heap_selected"]
    assert selected["heap_uid"] == uid and session.editing_heap_uid == uid
    assert session.current_estimate.tonnage_t == pytest.approx(_expected(INPUTS).tonnage_t, rel=1e-12)

    taller = dict(INPUTS, height_m=7.5)
    session.set_inputs(taller)
    assert session.log_heap() == uid
    (row,) = bench.rows()
    assert row["height_m"] == 7.5
    assert row["tonnage_t"] == pytest.approx(_expected(taller).tonnage_t, rel=1e-12)

    assert session.delete_heap(uid) is False  # declined: kept
    assert len(bench.rows()) == 1
    assert session.delete_heap(uid) is True
    assert bench.rows() == []
    assert bench.signals["heaps_changed"][-1] == ([],)
    assert [kind for kind in bench.prompts.kinds_asked()] == ["confirm", "confirm"]


def test_changing_port_and_image_follows_the_log(bench, tmp_path):
    bench.start()
    uid = _measure_and_log(bench)
    session = bench.session
    other = QgsRasterLayer(write_geotiff(tmp_path / "rason_20240501.tif", origin=(605_700.0, 4_675_900.0),
                                         imagery={"ACQUISITIONDATETIME": "2024-05-01 02:10:00"}), "later")
    bench.project.addMapLayer(other)
    bench.clear_signals()
    session.set_image(other)
    assert bench.signals["heaps_changed"] == [([],)]  # the later image has no heap yet
    assert "rason_20240501" in bench.signals["scene_changed"][-1][0]
    session.set_image(bench.image)
    assert [r["heap_uid"] for r in bench.signals["heaps_changed"][-1][0]] == [uid]

    session.set_footprint(heap_geometry(), port_crs())
    session.set_port("Nampho")
    (port,), = bench.signals["port_changed"][-1:]
    assert port.name == "Nampho" and session.footprint is None  # a Rason outline is no Nampho heap
    assert bench.signals["heaps_changed"][-1] == ([],)


def test_refusals_write_nothing_and_say_why(bench):
    session = bench.start()
    assert session.log_heap() is None  # nothing drawn
    assert "no heap outline" in bench.messages(WARNING)[-1]

    session.set_inputs(dict(INPUTS, height_m=75.0))  # taller than any believable heap
    session.set_footprint(heap_geometry(), port_crs())
    estimate, problem = bench.signals["estimate_changed"][-1]
    assert estimate is None and "75" in problem
    assert session.log_heap() is None

    session.set_port("Atlantis")  # not a port of the registry
    assert "Atlantis" in bench.messages(WARNING)[-1]
    session.set_image(None)
    problem, is_problem = bench.signals["scene_changed"][-1]
    assert is_problem and "No imagery layer" in problem
    assert not bench.port_file().exists()  # nothing was created by any of it


def test_an_image_without_a_date_is_asked_for_and_a_cancel_logs_nothing(tmp_path, clean_project):
    bench = SessionBench(tmp_path, prompts=ScriptedPrompts(ask_datetime=[None]), imagery_metadata=False)
    try:
        bench.start()
        assert _measure_and_log(bench) is None
        assert bench.prompts.kinds_asked() == ["ask_datetime"]
        assert "acquisition date" in bench.messages(WARNING)[-1]
        assert bench.rows() == [] and bench.rows("scenes") == []
    finally:
        bench.close()


def test_an_unscripted_question_fails_the_test_that_caused_it(tmp_path, clean_project, _no_swallowed_bug):
    bench = SessionBench(tmp_path, imagery_metadata=False)  # no answer queued for the date prompt
    try:
        bench.start()
        assert _measure_and_log(bench) is None
        (details,) = _no_swallowed_bug  # the guard swallowed it; the harness saw it
        assert "UnexpectedPrompt" in details and "ask_datetime" in details
        assert "Unexpected problem" in bench.messages(WARNING)[-1]
        _no_swallowed_bug.clear()  # this test expected exactly that
    finally:
        bench.close()
    assert report_unexpected(UnexpectedPrompt("x")).startswith("Unexpected problem")
    _no_swallowed_bug.clear()


def test_a_scene_logged_by_file_name_before_is_still_this_images(bench):
    """Port files of version 0.1 named a local image's scene by its file stem; the image keeps it."""
    from coal_monitor.store.portfile import PortFile

    bench.port_file().parent.mkdir(parents=True)
    with PortFile.create(bench.port_file(), PortRegistry().get("Rason")) as port_file:
        port_file.add_scene({"scene_id": "rason_20240405", "acquired_utc": "2024-04-05T02:13:00Z",
                             "raster_path": bench.image.source()})
        port_file.add_heap(Polygon(HEAP_XY), 32652, {"scene_id": "rason_20240405",
                                                     "observed_utc": "2024-04-05T02:13:00Z", "height_m": 5.0})
    bench.start()
    bench.session.set_image(bench.image)
    (rows,) = bench.signals["heaps_changed"][-1]
    assert [row["scene_id"] for row in rows] == ["rason_20240405"]  # listed under the image, as before
    _measure_and_log(bench, xy=[(x + 100.0, y) for x, y in HEAP_XY])
    assert [s["scene_id"] for s in bench.rows("scenes")] == ["rason_20240405"]  # no second scene
    assert [h["scene_id"] for h in bench.rows()] == ["rason_20240405"] * 2
