"""A web basemap carries many capture dates: each measuring session on it asks for the date (offering the
previous one), its credit defaults to the layer's, and its ground resolution is never invented."""
from datetime import datetime, timezone

from qgis.core import QgsRasterLayer

from coal_monitor.core.ports import PortRegistry
from coal_monitor.gui.imagery import SERVER_ATTRIBUTION
from coal_monitor.session.measuring import MeasuringSession
from tests.helpers.scripted_prompts import ScriptedPrompts
from tests.helpers.session_bench import SessionBench, heap_geometry, port_crs

XYZ = "type=xyz&url=https://tiles.example.org/imagery/{z}/{y}/{x}&zmax=19&zmin=0"
APRIL = datetime(2025, 4, 18, 2, 10, tzinfo=timezone.utc)
MAY = datetime(2025, 5, 30, 2, 5, tzinfo=timezone.utc)


def _basemap(project):
    layer = QgsRasterLayer(XYZ, "World Imagery", "wms")
    assert layer.isValid()
    # Where the running QGIS keeps it (3.38 moved it into the server properties); the plugin reads both.
    (layer.serverProperties() if SERVER_ATTRIBUTION else layer).setAttribution("Imagery © Example Maps")
    project.addMapLayer(layer)
    return layer


def _log_on(session, layer, xy_shift=0.0):
    session.set_image(layer)
    session.set_inputs({"height_m": 6.0})
    session.set_footprint(heap_geometry([(606_000.0 + xy_shift + dx, 4_675_000.0 + dy) for dx, dy in
                                         ((0, 0), (40, 0), (40, 30), (0, 30))]), port_crs())
    return session.log_heap()


def test_two_sessions_on_one_basemap_carry_two_dates(tmp_path, clean_project):
    bench = SessionBench(tmp_path, prompts=ScriptedPrompts(ask_web_capture=[
        lambda label, credit, previous: {"acquired_utc": APRIL, "source": credit, "gsd_m": None}]))
    try:
        bench.start()
        basemap = _basemap(bench.project)
        bench.session.set_image(basemap)
        summary, is_problem = bench.signals["scene_changed"][-1]
        assert not is_problem and "capture date is asked" in summary and "GSD" not in summary
        assert _log_on(bench.session, basemap)
        (kind, label, credit, previous), = bench.prompts.asked
        assert kind == "ask_web_capture" and credit == "Imagery © Example Maps" and previous is None
        assert "tiles.example.org" in label
        bench.session.close()

        # a later QGIS session: the same basemap, another day's imagery on it
        later = ScriptedPrompts(ask_web_capture=[
            lambda label, credit, previous: {"acquired_utc": MAY, "source": credit, "gsd_m": 0.6}])
        session = MeasuringSession(bench.project, later, registry=PortRegistry())
        session.set_port("Rason")
        assert _log_on(session, basemap, xy_shift=100.0)
        (_kind, _label, _credit, previous), = later.asked
        assert previous.startswith("2025-04-18T02:10")  # offered for the analyst to confirm or change
        session.close()
    finally:
        bench.close()
    scenes = {row["scene_id"]: row for row in bench.rows("scenes")}
    assert len(scenes) == 2
    april, may = sorted(scenes.values(), key=lambda row: row["acquired_utc"])
    assert april["acquired_utc"].startswith("2025-04-18T02:10") and april["gsd_m"] is None
    assert may["acquired_utc"].startswith("2025-05-30T02:05") and may["gsd_m"] == 0.6
    assert "Example Maps" in april["source"]
    heaps = bench.rows()
    assert sorted(h["observed_utc"][:10] for h in heaps) == ["2025-04-18", "2025-05-30"]
    assert {h["scene_id"] for h in heaps} == set(scenes)


def test_the_basemap_added_again_is_asked_again_and_a_cancel_logs_nothing(tmp_path, clean_project):
    bench = SessionBench(tmp_path, prompts=ScriptedPrompts(ask_web_capture=[
        {"acquired_utc": APRIL, "source": "Example", "gsd_m": None}, None]))
    try:
        bench.start()
        first = _basemap(bench.project)
        assert _log_on(bench.session, first)
        again = _basemap(bench.project)  # the analyst adds the basemap again next week
        assert _log_on(bench.session, again, xy_shift=100.0) is None  # asked, and cancelled
        assert bench.prompts.kinds_asked() == ["ask_web_capture", "ask_web_capture"]
        assert len(bench.rows()) == 1 and len(bench.rows("scenes")) == 1
    finally:
        bench.close()
