"""Who may do what in a team port log, which names it accepts, and what a failed connection says."""
import pytest
from shapely.geometry import box

from coal_monitor.store.errors import StoreError
from coal_monitor.store.postgis import PostgisPortLog
from tests.postgis.conftest import WRITER_PASSWORD

RECT = box(606_000, 4_675_000, 606_100, 4_675_030)
APRIL_2 = "2024-04-02T02:31:00Z"
READER, READER_PASSWORD = "viewer", "viewer-pw-31"


@pytest.fixture(scope="module")
def reader_role(pg_server):
    return pg_server.add_role(READER, READER_PASSWORD)


def test_a_read_only_role_reads_everything_and_writes_nothing(team_log, pg_server, reader_role, schema_name):
    team_log.add_scene({"scene_id": "S1", "acquired_utc": APRIL_2, "gsd_m": 0.5})
    uid = team_log.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0, "scene_id": "S1"})
    pg_server.grant_read(READER, schema_name)
    with PostgisPortLog.open(reader_role, schema_name) as reader:
        assert reader.read_only is True and READER in reader.read_only_reason
        assert [h["heap_uid"] for h in reader.heaps()] == [uid]
        assert reader.totals_by_date()[0]["tonnage_t"] == pytest.approx(team_log.heap(uid)["tonnage_t"])
        assert reader.stale_heaps() == [] and reader.others_changed() is False
        writes = [lambda: reader.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 3.0}),
                  lambda: reader.update_heap(uid, height_m=2.0),
                  lambda: reader.delete_heap(uid),
                  lambda: reader.mark_examined("S1"),
                  lambda: reader.add_scene({"scene_id": "S2"}),
                  lambda: reader.recompute_stale() or reader.update_scene("S1", {"notes": "x"})]
        for write in writes:
            with pytest.raises(StoreError, match="read-only"):
                write()
    assert team_log.heap_count() == 1 and team_log.heap(uid)["height_m"] == 8.0
    assert team_log.scene("S1")["examined"] is None and [s["scene_id"] for s in team_log.scenes()] == ["S1"]


@pytest.mark.parametrize("name", ["x; drop table heaps", "Rason", "a-b", "a" * 64, "", "pg_catalog", "public",
                                  '"rason"', "1port", "rason__x", None])
def test_hostile_schema_names_are_refused_and_create_nothing(pg_server, writer_kwargs, rason, name):
    before = pg_server.execute_admin("SELECT nspname FROM pg_namespace ORDER BY 1")
    with pytest.raises(StoreError, match="cannot name a port's schema"):
        PostgisPortLog.create(writer_kwargs, name, rason)
    with pytest.raises(StoreError, match="cannot name a port's schema"):
        PostgisPortLog.open(writer_kwargs, name)
    assert pg_server.execute_admin("SELECT nspname FROM pg_namespace ORDER BY 1") == before


def test_create_never_replaces_a_log_and_open_names_a_missing_one(team_log, writer_kwargs, schema_name, rason):
    team_log.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0})
    with pytest.raises(StoreError, match="already exists"):
        PostgisPortLog.create(writer_kwargs, schema_name, rason)
    assert team_log.heap_count() == 1
    with pytest.raises(StoreError, match="no port log .*nowhere"):
        PostgisPortLog.open(writer_kwargs, "nowhere")


def test_connection_failures_name_host_and_database_never_the_password(pg_server, writer_kwargs, schema_name):
    secret = "s3cret-Value-99"
    cases = [
        (dict(writer_kwargs, password=secret), "refused user 'ana': wrong or missing password"),
        (dict(writer_kwargs, dbname="no_such_db"), "no database 'no_such_db'"),
        (dict(writer_kwargs, port=_unused_port(), password=secret), "Cannot reach the database server 127.0.0.1:"),
    ]
    for kwargs, words in cases:
        with pytest.raises(StoreError) as failed:
            PostgisPortLog.open(kwargs, schema_name)
        message = str(failed.value)
        assert words in message and secret not in message and WRITER_PASSWORD not in message, message
    pg_server.execute_admin("CREATE DATABASE plain_db", dbname="postgres")
    with pytest.raises(StoreError, match="'plain_db' on 127.0.0.1:.* has no PostGIS.*CREATE EXTENSION postgis"):
        PostgisPortLog.open(dict(writer_kwargs, dbname="plain_db"), schema_name)


def test_the_password_is_in_no_location_repr_or_message(team_log, writer_kwargs):
    assert WRITER_PASSWORD not in team_log.location and WRITER_PASSWORD not in repr(team_log)
    assert team_log.location == (f"postgresql://ana@127.0.0.1:{writer_kwargs['port']}/ports"
                                 f"?schema={team_log.schema_name}")
    assert str(team_log.path) == team_log.location and team_log.path.name == team_log.schema_name
    with pytest.raises(StoreError) as refused:
        team_log.update_heap("missing-uid", height_m=2.0)
    assert WRITER_PASSWORD not in str(refused.value) and team_log.location in str(refused.value)


def _unused_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
