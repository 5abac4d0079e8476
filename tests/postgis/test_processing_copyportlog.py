"""coal_monitor:copyportlog on a real PostgreSQL + PostGIS server: publish a port GeoPackage to the team
database from the Processing toolbox, run it again (nothing copied twice), snapshot the team port back into
a new GeoPackage with the same heaps and numbers, and never show the password."""
import pytest
from qgis.core import QgsProcessingException

from coal_monitor.store.port_log import open_port_log
from tests.postgis.team import TEAM_SECRET, pg_team, uri  # noqa: F401 (pg_team: a fixture)
from tests.postgis.test_processing_postgis import Feedback, _layer, _run, _shown
from tests.qgis.test_importheaps_algorithm import params

NUMBERS = ("area_m2", "volume_m3", "tonnage_t", "tonnage_lo_t", "tonnage_hi_t")


def _heaps_by_uid(location):
    with open_port_log(location) as log:
        return {h["heap_uid"]: h for h in log.heaps()}, {s["scene_id"] for s in log.scenes()}


def _gpkg_with_heaps(processing, path):
    result, _ = _run(processing, "importheaps", params(_layer(), OUTPUT=str(path)))
    assert result["IMPORTED"] == 3
    return str(path)


def test_publish_then_publish_again_then_snapshot_keeps_every_heap_and_number(processing, pg_team, tmp_path):
    gpkg = _gpkg_with_heaps(processing, tmp_path / "rason.gpkg")
    team_log = uri(pg_team, "rason", with_password=True)

    first, feedback = _run(processing, "copyportlog", {"SOURCE": gpkg, "TARGET": team_log})
    assert (first["HEAPS_COPIED"], first["SCENES_COPIED"], first["HEAPS_ALREADY"], first["REFUSED"]) == (3, 1, 0, 0)
    assert first["TARGET_LOG"] == uri(pg_team, "rason", with_password=False)
    assert TEAM_SECRET not in _shown(feedback, first)
    assert any("Created the port log" in line for line in feedback.infos)

    again, feedback = _run(processing, "copyportlog", {"SOURCE": gpkg, "TARGET": team_log})
    assert (again["HEAPS_COPIED"], again["SCENES_COPIED"], again["HEAPS_ALREADY"]) == (0, 0, 3)
    assert not any("Created the port log" in line for line in feedback.infos)

    snapshot = str(tmp_path / "archive" / "rason-snapshot.gpkg")
    (tmp_path / "archive").mkdir()
    back, _ = _run(processing, "copyportlog", {"SOURCE": team_log, "TARGET": snapshot})
    assert back["HEAPS_COPIED"] == 3
    original, original_scenes = _heaps_by_uid(gpkg)
    team, team_scenes = _heaps_by_uid(team_log)
    archived, archived_scenes = _heaps_by_uid(snapshot)
    assert original.keys() == team.keys() == archived.keys()
    assert original_scenes == team_scenes == archived_scenes == {"WV03-A"}
    for uid, heap in original.items():
        for name in NUMBERS:
            assert team[uid][name] == pytest.approx(heap[name], rel=1e-9), (uid, name)
            assert archived[uid][name] == pytest.approx(heap[name], rel=1e-9), (uid, name)


def test_a_target_of_another_port_and_the_source_itself_are_refused_without_the_password(processing, pg_team,
                                                                                          tmp_path):
    gpkg = _gpkg_with_heaps(processing, tmp_path / "rason.gpkg")
    wrong_schema = uri(pg_team, "nampho", with_password=True)
    with pytest.raises(QgsProcessingException) as refused:
        _run(processing, "copyportlog", {"SOURCE": gpkg, "TARGET": wrong_schema})
    assert "nampho" in str(refused.value) and TEAM_SECRET not in str(refused.value)
    with pytest.raises(QgsProcessingException) as same:
        _run(processing, "copyportlog", {"SOURCE": gpkg, "TARGET": gpkg})
    assert "choose another target" in str(same.value)
    with open_port_log(gpkg) as log:
        assert log.heap_count() == 3  # nothing changed in the source
