"""The port algorithms on a team port log (a real PostgreSQL + PostGIS server): importheaps with PORT_LOG as a
URI or ``service=``, porttimeseries from it, the same numbers as a GeoPackage, and no password in anything
the algorithms show or return."""
from urllib.parse import quote

import psycopg2
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from coal_monitor.store.port_log import open_port_log, postgis_location
from tests.postgis.team import (  # noqa: F401 (pg_team: a fixture)
    READER_SECRET, TEAM_SECRET, analyst_kwargs, pg_team, reader_kwargs, uri,
)
from tests.qgis.test_importheaps_algorithm import APRIL_2, RecordingFeedback, footprints_layer, lonlat, params, shifted


class Feedback(RecordingFeedback):
    """Keeps the information and errors too: everything the Processing log would show."""

    def __init__(self):
        super().__init__()
        self.infos = []

    def pushInfo(self, info):  # noqa: N802 (QGIS's name)
        self.infos.append(info)
        super().pushInfo(info)

    def reportError(self, error, fatal=False):  # noqa: N802
        self.infos.append(error)
        super().reportError(error, fatal)


def _layer():
    return footprints_layer([(lonlat(shifted(0)), 8.0, 0.3, APRIL_2, "WV03-A"),
                             (lonlat(shifted(150)), 6.0, None, APRIL_2, "WV03-A"),
                             (lonlat(shifted(300)), 4.5, 0.2, APRIL_2, "WV03-A")])


def _run(processing, name, values):
    feedback = Feedback()
    result = processing.run(f"coal_monitor:{name}", values, feedback=feedback)
    return result, feedback


def _shown(feedback, result, extra=""):
    """Everything an analyst sees of a run: feedback (info, warnings, errors) and the outputs."""
    return " ".join([str(v) for v in result.values()] + feedback.warnings + feedback.infos + [extra])


def _schemas(kwargs):
    with psycopg2.connect(**kwargs) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT schema_name FROM information_schema.schemata")
        return {row[0] for row in cursor.fetchall()}


def test_importheaps_into_a_uri_gives_the_numbers_of_a_geopackage_import(processing, pg_team, tmp_path):
    log_uri = uri(pg_team, "rason", with_password=True)
    result, feedback = _run(processing, "importheaps", params(_layer(), PORT_LOG=log_uri))
    assert result["IMPORTED"] == 3 and result["SKIPPED"] == 0
    assert TEAM_SECRET not in _shown(feedback, result)
    assert result["OUTPUT"] == uri(pg_team, "rason", with_password=False)
    gpkg, _ = _run(processing, "importheaps", params(_layer(), OUTPUT=str(tmp_path / "rason.gpkg")))
    with open_port_log(log_uri) as team, open_port_log(str(tmp_path / "rason.gpkg")) as alone:
        assert team.heap_count() == alone.heap_count() == 3
        mine = {round(h["height_m"], 3): h for h in team.heaps()}
        theirs = {round(h["height_m"], 3): h for h in alone.heaps()}
        assert mine.keys() == theirs.keys()
        for height, heap in mine.items():
            for name in ("area_m2", "volume_m3", "volume_lo_m3", "volume_hi_m3", "tonnage_t", "tonnage_lo_t",
                         "tonnage_hi_t"):
                assert heap[name] == pytest.approx(theirs[height][name], rel=1e-9), (height, name)
        assert {h["scene_id"] for h in team.heaps()} == {"WV03-A"}
        assert team.scene("WV03-A") is not None  # the scene was logged too


def test_importheaps_through_a_pg_service_entry(processing, pg_team, tmp_path, monkeypatch):
    service_file = tmp_path / "pg_service.conf"
    kwargs = analyst_kwargs(pg_team)
    service_file.write_text("[coal_team]\n" + "".join(f"{key}={value}\n" for key, value in kwargs.items()),
                            encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(service_file))
    result, feedback = _run(processing, "importheaps", params(_layer(), PORT_LOG="service=coal_team schema=rason"))
    assert result["IMPORTED"] == 3
    assert result["OUTPUT"] == "service=coal_team schema=rason"
    assert TEAM_SECRET not in _shown(feedback, result)
    again, _ = _run(processing, "importheaps", params(_layer(), PORT_LOG="service=coal_team schema=rason"))
    assert again["IMPORTED"] == 3
    with open_port_log(postgis_location(kwargs, "rason")) as team:
        assert team.heap_count() == 6  # each run logs its features: 3 + 3


def test_porttimeseries_reads_a_team_port_log(processing, pg_team, tmp_path):
    log_uri = uri(pg_team, "rason", with_password=True)
    _run(processing, "importheaps", params(_layer(), PORT_LOG=log_uri))
    result, feedback = _run(processing, "porttimeseries", {"PORT_LOG": log_uri, "OUTPUT": "memory:"})
    table = result["OUTPUT"]
    table = table if isinstance(table, QgsVectorLayer) else QgsVectorLayer(table)
    rows = [f.attributes() for f in table.getFeatures()]
    assert len(rows) == 1
    row = dict(zip(table.fields().names(), rows[0]))
    assert row["heaps"] == 3
    with open_port_log(log_uri) as team:
        assert row["tonnage_t"] == pytest.approx(sum(h["tonnage_t"] for h in team.heaps()), rel=1e-9)
    assert TEAM_SECRET not in _shown(feedback, {"o": ""})


@pytest.mark.parametrize("text, says", [
    ("postgresql://ana:{secret}@127.0.0.1/coal?schema=rason;DROP SCHEMA public", "cannot hold a team port log"),
    ("postgresql://ana:{raw}@127.0.0.1/coal?schema=rason", "malformed"),
    ("postgresql://ana:{secret}@127.0.0.1/coal", "names no schema"),
    ("mysql://ana:{secret}@127.0.0.1/coal?schema=rason", "only postgresql://"),
])
def test_a_bad_port_log_is_refused_naming_it_without_the_password(processing, text, says):
    text = text.format(secret=quote(TEAM_SECRET, safe=""), raw=TEAM_SECRET)
    for name, values in (("importheaps", params(_layer(), PORT_LOG=text)),
                         ("porttimeseries", {"PORT_LOG": text, "OUTPUT": "memory:"})):
        with pytest.raises(QgsProcessingException) as caught:
            _run(processing, name, values)
        assert says in str(caught.value)
        assert TEAM_SECRET not in str(caught.value) and quote(TEAM_SECRET, safe="") not in str(caught.value)


def test_a_hostile_or_foreign_schema_creates_nothing(processing, pg_team):
    before = _schemas(analyst_kwargs(pg_team))
    hostile = uri(pg_team, "rason", with_password=True).replace("schema=rason", "schema=rason%22%3B%20DROP")
    with pytest.raises(QgsProcessingException):
        _run(processing, "importheaps", params(_layer(), PORT_LOG=hostile))
    with pytest.raises(QgsProcessingException) as caught:  # the heaps are Rason's: nampho's schema is refused
        _run(processing, "importheaps", params(_layer(), PORT_LOG=uri(pg_team, "nampho", with_password=True)))
    assert "schema=rason" in str(caught.value)
    assert _schemas(analyst_kwargs(pg_team)) == before


def test_a_wrong_password_is_a_message_without_it(processing, pg_team):
    wrong = uri(pg_team, "rason", with_password=True).replace(TEAM_SECRET, "Wrong-Pass-1")
    with pytest.raises(QgsProcessingException) as caught:
        _run(processing, "porttimeseries", {"PORT_LOG": wrong, "OUTPUT": "memory:"})
    assert "Wrong-Pass-1" not in str(caught.value) and TEAM_SECRET not in str(caught.value)


def test_input_and_port_log_together_or_neither_are_refused(processing, pg_team, tmp_path):
    _run(processing, "importheaps", params(_layer(), OUTPUT=str(tmp_path / "rason.gpkg")))
    both = {"INPUT": str(tmp_path / "rason.gpkg"), "PORT_LOG": uri(pg_team, "rason", with_password=True),
            "OUTPUT": "memory:"}
    with pytest.raises(QgsProcessingException) as caught:
        _run(processing, "porttimeseries", both)
    assert "only one" in str(caught.value) and TEAM_SECRET not in str(caught.value)
    with pytest.raises(QgsProcessingException) as caught:
        _run(processing, "porttimeseries", {"OUTPUT": "memory:"})
    assert "PORT_LOG" in str(caught.value)
    with pytest.raises(QgsProcessingException) as caught:  # PORT_LOG with OUTPUT: which one?
        _run(processing, "importheaps", params(_layer(), OUTPUT=str(tmp_path / "other.gpkg"),
                                               PORT_LOG=uri(pg_team, "rason", with_password=True)))
    assert "OUTPUT" in str(caught.value)
    assert not (tmp_path / "other.gpkg").exists()


def test_a_gpkg_path_in_port_log_works_as_a_port_file(processing, tmp_path):
    path = str(tmp_path / "rason.gpkg")
    result, _ = _run(processing, "importheaps", params(_layer(), PORT_LOG=path))
    assert result["IMPORTED"] == 3 and result["OUTPUT"] == path
    series, _ = _run(processing, "porttimeseries", {"PORT_LOG": path, "OUTPUT": "memory:"})
    assert series["OUTPUT"] is not None


def test_a_read_only_analyst_charts_the_log_but_imports_nothing(processing, pg_team):
    _run(processing, "importheaps", params(_layer(), PORT_LOG=uri(pg_team, "rason", with_password=True)))
    reader = reader_kwargs(pg_team)
    reader_uri = (f"postgresql://{reader['user']}:{READER_SECRET}@{reader['host']}:{reader['port']}/"
                  f"{reader['dbname']}?schema=rason")
    series, feedback = _run(processing, "porttimeseries", {"PORT_LOG": reader_uri, "OUTPUT": "memory:"})
    assert series["OUTPUT"] is not None and READER_SECRET not in _shown(feedback, series)
    with pytest.raises(QgsProcessingException) as caught:
        _run(processing, "importheaps", params(_layer(), PORT_LOG=reader_uri))
    assert "read-only" in str(caught.value) and READER_SECRET not in str(caught.value)
    assert "0 heaps were imported" in str(caught.value)
    with open_port_log(postgis_location(analyst_kwargs(pg_team), "rason")) as team:
        assert team.heap_count() == 3  # nothing added


def test_recomputevolumes_on_a_team_log_gives_the_numbers_of_the_same_recompute_on_a_geopackage(
        processing, pg_team, tmp_path):
    log_uri = uri(pg_team, "rason", with_password=True)
    gpkg = str(tmp_path / "rason.gpkg")
    _run(processing, "importheaps", params(_layer(), PORT_LOG=log_uri))
    _run(processing, "importheaps", params(_layer(), PORT_LOG=gpkg))
    changes = {"DENSITY": 0.95, "DENSITY_LOW": 0.8, "DENSITY_HIGH": 1.1}
    team_result, feedback = _run(processing, "recomputevolumes", dict(changes, PORT_LOG=log_uri))
    _run(processing, "recomputevolumes", dict(changes, INPUT=gpkg))
    assert team_result["HEAPS"] == 3 and TEAM_SECRET not in _shown(feedback, team_result)
    with open_port_log(log_uri) as team, open_port_log(gpkg) as alone:
        assert team.port.density_t_m3 == 0.95
        mine = sorted((h["height_m"], h["tonnage_t"], h["tonnage_hi_t"]) for h in team.heaps(with_geometry=False))
        theirs = sorted((h["height_m"], h["tonnage_t"], h["tonnage_hi_t"]) for h in alone.heaps(with_geometry=False))
        assert [v for row in mine for v in row] == pytest.approx([v for row in theirs for v in row], rel=1e-9)
        assert all(t == pytest.approx(v * 0.95, rel=1e-9) for (_, t, _), v in zip(
            mine, sorted(h["volume_m3"] for h in team.heaps(with_geometry=False))))
