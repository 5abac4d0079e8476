"""A team port log edited by plain QGIS or SQL: versions bump, numbers are checked, layers open styled."""
import pytest
from shapely.geometry import box

from coal_monitor.store import schema
from coal_monitor.store.transfer import publish, take_snapshot
from coal_monitor.store.portfile import PortFile
from tests.postgis.conftest import WRITER_PASSWORD

RECT = box(606_000, 4_675_000, 606_100, 4_675_030)
APRIL_2 = "2024-04-02T02:31:00Z"


def test_an_update_in_plain_sql_is_flagged_stale_and_recompute_fixes_it(team_log, pg_server, schema_name):
    uid = team_log.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0, "label": "H1"})
    right = team_log.heap(uid)
    assert team_log.stale_heaps() == []
    # As QGIS's attribute table would: a new height, the numbers left as they were.
    pg_server.execute_admin(f'UPDATE "{schema_name}".heaps SET height_m = 4.0 WHERE heap_uid = %s', (uid,))
    edited = team_log.heap(uid)
    assert (edited["row_version"], edited["modified_by"]) == (2, "postgres")
    assert edited["modified_utc"] != right["modified_utc"]
    stale = team_log.stale_heaps()
    assert [s["heap_uid"] for s in stale] == [uid]
    assert "but its footprint and inputs give" in stale[0]["reason"]
    messages = team_log.recompute_stale()
    assert len(messages) == 1 and "recomputed" in messages[0]
    fixed = team_log.heap(uid)
    assert fixed["height_m"] == 4.0 and fixed["tonnage_t"] < right["tonnage_t"]
    assert fixed["tonnage_t"] == pytest.approx(team_log.preview(RECT, 32652, {"observed_utc": APRIL_2,
                                                                              "height_m": 4.0})["tonnage_t"])
    assert team_log.stale_heaps() == []


def test_a_heap_inserted_in_plain_sql_is_flagged_and_gets_its_numbers(team_log, pg_server, schema_name):
    pg_server.execute_admin(
        f'INSERT INTO "{schema_name}".heaps (heap_uid, observed_utc, height_m, model, repose_deg, density_t_m3, geom) '
        "VALUES ('drawn-in-qgis', '2024-04-02T02:31:00.000Z', 6.0, 'repose', 35.0, 0.85, "
        "ST_GeomFromText(%s, 32652))", (RECT.wkt,))
    assert [s["heap_uid"] for s in team_log.stale_heaps()] == ["drawn-in-qgis"]
    team_log.recompute_stale()
    assert team_log.heap("drawn-in-qgis")["tonnage_t"] > 0 and team_log.stale_heaps() == []
    assert team_log.totals_by_date()[0]["count"] == 1


def test_layers_carry_qgis_layer_styles_and_open_styled_in_plain_qgis(qgis_app, team_log, pg_server, writer_kwargs):
    from qgis.core import QgsDataSourceUri, QgsVectorLayer

    rows = pg_server.execute_admin(
        "SELECT f_table_catalog, f_table_name, f_geometry_column, stylename, useasdefault, "
        "styleqml::text LIKE '%%<qgis%%' FROM public.layer_styles WHERE f_table_schema = %s ORDER BY 2",
        (team_log.schema_name,))
    assert rows == [("ports", t, schema.GEOMETRY_COLUMNS[t], "Coal Monitor", True, True)
                    for t in sorted(schema.GEOMETRY_COLUMNS)]
    indexes = pg_server.execute_admin("SELECT indexdef FROM pg_indexes WHERE schemaname = %s AND indexdef LIKE "
                                      "'%%USING gist%%'", (team_log.schema_name,))
    assert len(indexes) == 3
    team_log.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0})
    uri = QgsDataSourceUri()
    uri.setConnection("127.0.0.1", str(writer_kwargs["port"]), "ports", "ana", WRITER_PASSWORD)
    uri.setDataSource(team_log.schema_name, schema.HEAPS, schema.GEOMETRY_COLUMN, "", schema.FID_COLUMN)
    layer = QgsVectorLayer(uri.uri(False), "heaps", "postgres")
    assert layer.isValid() and layer.featureCount() == 1 and layer.crs().postgisSrid() == 32652
    message, loaded = layer.loadDefaultStyle()
    assert loaded, message
    assert layer.fields().field("tonnage_t").alias() == schema.field(schema.HEAPS, "tonnage_t").alias
    assert layer.labelsEnabled()


def test_publish_and_snapshot_keep_every_heap_and_are_idempotent(tmp_path, rason, writer_kwargs, pg_server):
    source_path = tmp_path / "rason.gpkg"
    with PortFile.create(source_path, rason) as source:
        source.add_scene({"scene_id": "S1", "acquired_utc": APRIL_2, "gsd_m": 0.5, "examined": True})
        source.set_scene_coverage("S1", box(605_000, 4_674_000, 607_000, 4_676_000), 32652)
        for i in range(5):
            source.add_heap(box(606_000 + 50 * i, 4_675_000, 606_040 + 50 * i, 4_675_030), 32652,
                            {"observed_utc": APRIL_2, "height_m": 4.0 + i, "scene_id": "S1", "pier": "Pier 3"})
        source.add_vessel(box(606_400, 4_674_800, 606_629, 4_674_832), 32652,
                          {"observed_utc": APRIL_2, "scene_id": "S1", "state": "moored"})
        original = {h["heap_uid"]: h["tonnage_t"] for h in source.heaps()}
        original_totals = source.totals_by_date()
    first = publish(source_path, writer_kwargs)
    assert first["created"] and first["heaps"] == {"copied": 5, "already": 0}
    assert first["scenes"]["copied"] == 1 and first["vessels"]["copied"] == 1 and not first["differ"]
    assert WRITER_PASSWORD not in str(first)
    again = publish(source_path, writer_kwargs)
    assert not again["created"] and again["heaps"] == {"copied": 0, "already": 5}
    assert again["scenes"] == {"copied": 0, "already": 1} and again["vessels"] == {"copied": 0, "already": 1}
    from coal_monitor.store.postgis import PostgisPortLog

    with PostgisPortLog.open(writer_kwargs, "rason") as team:
        assert {h["heap_uid"]: h["tonnage_t"] for h in team.heaps()} == pytest.approx(original)
        assert_same_totals(team.totals_by_date(), original_totals)
        assert team.scene("S1")["coverage"] is not None and team.heap_count() == 5
    copy_path = tmp_path / "copy.gpkg"
    snap = take_snapshot(writer_kwargs, "rason", copy_path)
    assert snap["created"] and snap["heaps"] == {"copied": 5, "already": 0} and not snap["refused"]
    assert take_snapshot(writer_kwargs, "rason", copy_path)["heaps"] == {"copied": 0, "already": 5}
    with PortFile.open(copy_path) as copy:
        assert {h["heap_uid"]: h["tonnage_t"] for h in copy.heaps()} == pytest.approx(original)
        assert_same_totals(copy.totals_by_date(), original_totals)
        assert len(copy.vessels()) == 1
    pg_server.execute_admin("DROP SCHEMA rason CASCADE")


def assert_same_totals(rows, expected):
    assert len(rows) == len(expected)
    for row, want in zip(rows, expected):
        assert row.keys() == want.keys()
        for key, value in want.items():
            assert row[key] == (pytest.approx(value) if isinstance(value, float) else value), key


def test_snapshot_of_a_team_log_is_a_geopackage_with_the_same_heaps(team_log, tmp_path):
    uid = team_log.add_heap(RECT, 32652, {"observed_utc": APRIL_2, "height_m": 8.0, "label": "H1"})
    dest = team_log.snapshot(tmp_path / "snap.gpkg")
    with PortFile.open(dest) as copy:
        assert [h["heap_uid"] for h in copy.heaps()] == [uid]
        assert copy.heap(uid)["tonnage_t"] == pytest.approx(team_log.heap(uid)["tonnage_t"])
    with pytest.raises(Exception, match="already exists"):
        team_log.snapshot(dest)
