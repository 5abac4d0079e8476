"""The measuring session with its port logs in a team database: a saved QGIS PostgreSQL connection whose
credentials are in QGIS's authentication manager. The heap goes into the port's schema on the server, the
heaps layer is a PostGIS layer through that connection, the project keeps only the connection's name, and
edits made in the layer (QGIS's attribute table) keep the numbers derived."""
import zipfile

import pytest
from qgis.core import QgsDataSourceUri, QgsVectorLayer

from coal_monitor.definitions import PORT_LOGS_TEAM_DATABASE
from coal_monitor.session.port_log import set_port_logs_choice
from coal_monitor.store import schema
from coal_monitor.store.layer_sync import HeapLayerSync
from coal_monitor.store.layer_watch import port_log_of_heaps_layer
from coal_monitor.store.port_log import open_port_log, postgis_location
from tests.helpers.qgis_connections import add_auth_config, saved_connection
from tests.helpers.session_bench import SessionBench, heap_geometry, port_crs
from tests.postgis.team import TEAM_SECRET, TEAM_USER, analyst_kwargs, pg_team  # noqa: F401 (a fixture)

INPUTS = {"height_m": 6.0, "height_sigma_m": 0.5, "model": "repose", "repose_deg": 35.0, "density_t_m3": 0.85,
          "pier": "Pier 3", "label": "H1"}
CONNECTION = "Coal team"


@pytest.fixture()
def team_connection(pg_team):
    """QGIS's saved connection to the team database, its user and password in an authentication config."""
    kwargs = analyst_kwargs(pg_team)
    authcfg = add_auth_config(kwargs["user"], kwargs["password"])
    with saved_connection(CONNECTION, host=kwargs["host"], port=kwargs["port"], database=kwargs["dbname"],
                          authcfg=authcfg):
        yield kwargs


@pytest.fixture()
def bench(tmp_path, clean_project, team_connection):
    bench = SessionBench(tmp_path)
    set_port_logs_choice(bench.project, PORT_LOGS_TEAM_DATABASE, CONNECTION)
    yield bench
    bench.close()


def _log(bench, inputs=INPUTS):
    session = bench.session
    session.set_inputs(inputs)
    session.set_footprint(heap_geometry(), port_crs())
    return session.log_heap()


def _project_text(bench):
    assert bench.project.write()
    with zipfile.ZipFile(bench.project.fileName()) as archive:
        return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
                       if name.endswith(".qgs"))


def test_a_heap_logged_in_the_session_lands_in_the_team_database(bench, team_connection):
    session = bench.start()
    uid = _log(bench)
    assert uid is not None, bench.messages()
    with open_port_log(postgis_location(team_connection, "rason")) as team:
        stored = team.heap(uid)
        assert stored is not None and stored["height_m"] == 6.0
        assert stored["tonnage_t"] == pytest.approx(session.log.file.heap(uid)["tonnage_t"])
        assert team.scene(stored["scene_id"]) is not None
    assert not (bench.folder / "coal_monitor_data").exists()  # no GeoPackage on the side
    layer = session.log.heaps_layer()
    assert layer is not None and layer.providerType() == "postgres" and layer.isValid()
    assert layer.featureCount() == 1
    uri = QgsDataSourceUri(layer.source())
    assert (uri.schema(), uri.table()) == ("rason", "heaps")
    assert uri.authConfigId() and not uri.password()
    assert TEAM_SECRET not in layer.source()
    text = _project_text(bench)
    assert CONNECTION in text and TEAM_SECRET not in text and uri.authConfigId() in text
    assert TEAM_SECRET not in " ".join(bench.messages())


def test_a_saved_connection_that_stores_its_password_keeps_it_out_of_the_project(tmp_path, clean_project, pg_team):
    kwargs = analyst_kwargs(pg_team)
    with saved_connection("Stored", host=kwargs["host"], port=kwargs["port"], database=kwargs["dbname"],
                          user=kwargs["user"], password=kwargs["password"]):
        bench = SessionBench(tmp_path)
        try:
            set_port_logs_choice(bench.project, PORT_LOGS_TEAM_DATABASE, "Stored")
            session = bench.start()
            assert _log(bench) is not None, bench.messages()
            layer = session.log.heaps_layer()
            assert layer.isValid() and layer.featureCount() == 1
            assert TEAM_SECRET not in layer.source() and TEAM_SECRET not in _project_text(bench)
        finally:
            bench.close()


def test_the_session_reopens_the_team_log_after_the_project_is_read_again(bench, team_connection):
    bench.start()
    uid = _log(bench)
    bench.session.forget_file()
    bench.session.set_port("Rason")
    assert bench.session.log.is_team_log()
    assert bench.session.log.file.heap(uid) is not None


def test_a_height_edited_in_the_postgis_layer_recomputes_the_numbers(bench, team_connection):
    session = bench.start()
    uid = _log(bench)
    layer = session.log.heaps_layer()
    assert session.layers.is_watched(layer)  # the session syncs its own PostGIS heaps layer
    assert isinstance(port_log_of_heaps_layer(layer), type(postgis_location(team_connection, "rason")))
    (feature,) = list(layer.getFeatures())
    before = feature["tonnage_t"]
    assert layer.startEditing()
    layer.beginEditCommand("height typed in the attribute table")
    assert layer.changeAttributeValue(feature.id(), layer.fields().indexOf("height_m"), 9.0)
    layer.endEditCommand()
    edited = layer.getFeature(feature.id())
    assert edited["tonnage_t"] > before  # recomputed in the edit buffer, before the commit
    assert layer.commitChanges(), layer.commitErrors()
    with open_port_log(postgis_location(team_connection, "rason")) as team:
        stored = team.heap(uid)
        assert stored["height_m"] == 9.0
        assert stored["tonnage_t"] == pytest.approx(edited["tonnage_t"], rel=1e-9)
        expected = team.preview(heap_geometry(), port_crs(), dict(INPUTS, height_m=9.0,
                                                                  observed_utc=stored["observed_utc"]))
        assert stored["tonnage_t"] == pytest.approx(expected["tonnage_t"], rel=1e-9)


def test_a_postgis_heaps_layer_added_by_hand_is_synced_too(bench, team_connection):
    bench.start()
    _log(bench)
    source = bench.session.log.heaps_layer().source()
    by_hand = QgsVectorLayer(source, "heaps from the Browser", "postgres")
    assert by_hand.isValid()
    sync = HeapLayerSync(by_hand)
    try:
        assert sync.port.slug == "rason"
    finally:
        sync.disconnect()
    assert TEAM_USER in by_hand.source() or QgsDataSourceUri(by_hand.source()).authConfigId()
    assert schema.HEAPS in by_hand.source()
