"""The dock on a team database (a real PostgreSQL + PostGIS server): the analyst chooses "Team database" and
a saved connection, logs a heap, edits it; a colleague saved the same heap meanwhile, so the save is refused
with the store's message (who changed it, when) and the dock offers to reload the heap as saved."""
import pytest
from qgis.PyQt.QtCore import QPoint

from coal_monitor.definitions import PORT_LOGS_TEAM_DATABASE
from coal_monitor.store.port_log import open_port_log, postgis_location
from tests.helpers.canvas_iface import settle
from tests.helpers.dock_bench import _type_into
from tests.helpers.qgis_connections import add_auth_config, saved_connection
from tests.helpers.scripted_prompts import ScriptedPrompts
from tests.postgis.team import TEAM_SECRET, colleague_kwargs, pg_team, analyst_kwargs  # noqa: F401 (fixture)

HEAP = [QPoint(500, 300), QPoint(700, 280), QPoint(760, 420), QPoint(640, 520)]
CONNECTION = "Coal team"


@pytest.fixture()
def team_bench(make_bench, pg_team):  # noqa: F811 (the fixture imported above)
    kwargs = analyst_kwargs(pg_team)
    authcfg = add_auth_config(kwargs["user"], kwargs["password"])
    with saved_connection(CONNECTION, host=kwargs["host"], port=kwargs["port"], database=kwargs["dbname"],
                          authcfg=authcfg):
        def make(prompts):
            bench = make_bench(prompts=prompts)
            bench.press(bench.dock.refreshConnectionsButton)
            assert bench.dock.port_logs.choose(PORT_LOGS_TEAM_DATABASE, CONNECTION)
            return bench
        yield make


def _log_and_select(bench):
    bench.draw(HEAP)
    bench.type_height(6)
    bench.log_heap()
    (uid,) = bench.dock.heap_uids()
    bench.dock.select_heap(uid)
    settle()
    assert bench.dock.editing_heap_uid == uid
    return uid


def _colleague_saves(pg_team, uid, height_m):  # noqa: F811
    with open_port_log(postgis_location(colleague_kwargs(pg_team), "rason")) as colleague:
        colleague.update_heap(uid, height_m=height_m)


def test_the_dock_logs_into_the_team_database_with_the_layer_from_the_saved_connection(team_bench, pg_team):  # noqa: F811
    bench = team_bench(ScriptedPrompts())
    assert bench.dock.portLogsCombo.currentData() == PORT_LOGS_TEAM_DATABASE
    assert bench.dock.teamConnectionCombo.currentData() == CONNECTION
    bench.draw(HEAP)
    bench.type_height(6)
    bench.log_heap()
    (uid,) = bench.dock.heap_uids()
    with open_port_log(postgis_location(analyst_kwargs(pg_team), "rason")) as team:
        assert team.heap(uid)["height_m"] == 6.0
    layer = bench.dock.log.heaps_layer()
    assert layer.providerType() == "postgres" and layer.featureCount() == 1
    assert TEAM_SECRET not in layer.source()
    assert TEAM_SECRET not in " ".join(bench.iface.messages())


def test_a_stale_edit_is_refused_with_the_stores_message_and_reloaded_when_the_analyst_agrees(
        team_bench, pg_team):  # noqa: F811
    prompts = ScriptedPrompts(confirm=[True])
    bench = team_bench(prompts)
    uid = _log_and_select(bench)
    _colleague_saves(pg_team, uid, 9.0)
    _type_into(bench.dock.heightSpin, 7)
    bench.press(bench.dock.saveHeapButton)
    (kind, title, text), = prompts.asked
    assert kind == "confirm" and "Reload" in text
    assert colleague_kwargs(pg_team)["user"] in text  # the store names who saved it
    with open_port_log(postgis_location(analyst_kwargs(pg_team), "rason")) as team:
        assert team.heap(uid)["height_m"] == 9.0  # the colleague's save stands: no last-writer-wins
    assert bench.dock.editing_heap_uid == uid
    assert bench.dock.heightSpin.value() == pytest.approx(9.0)  # reloaded as saved
    # saving now (the reloaded version) is accepted
    _type_into(bench.dock.heightSpin, 7.5)
    bench.press(bench.dock.saveHeapButton)
    with open_port_log(postgis_location(analyst_kwargs(pg_team), "rason")) as team:
        assert team.heap(uid)["height_m"] == 7.5


def test_a_stale_edit_kept_in_the_form_when_the_analyst_declines_the_reload(team_bench, pg_team):  # noqa: F811
    prompts = ScriptedPrompts(confirm=[False])
    bench = team_bench(prompts)
    uid = _log_and_select(bench)
    _colleague_saves(pg_team, uid, 9.0)
    _type_into(bench.dock.heightSpin, 7)
    bench.press(bench.dock.saveHeapButton)
    assert prompts.kinds_asked() == ["confirm"]
    said = " ".join(bench.iface.messages())
    assert colleague_kwargs(pg_team)["user"] in said
    assert bench.dock.heightSpin.value() == pytest.approx(7.0)  # her edit is still in the form
    with open_port_log(postgis_location(analyst_kwargs(pg_team), "rason")) as team:
        assert team.heap(uid)["height_m"] == 9.0
