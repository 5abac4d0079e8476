"""The PostGIS tier: a throw-away PostgreSQL + PostGIS server for the whole session, and port logs in it.

Without the server binaries this tier fails (it does not skip): ``make deps`` installs them.
"""
import itertools

import pytest

from coal_monitor.core.ports import Port
from coal_monitor.store.portfile import PortFile
from coal_monitor.store.postgis import PostgisPortLog
from tests.helpers.postgres_server import PostgresServer, ServerMissing

WRITER, WRITER_PASSWORD = "ana", "ana-team-pw-7"
_schemas = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server():
    try:
        server = PostgresServer()
    except ServerMissing as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def writer_kwargs(pg_server):
    """A team member: logs in with a password, may create schemas."""
    return pg_server.add_role(WRITER, WRITER_PASSWORD, writer=True)


@pytest.fixture()
def rason():
    return Port(name="Rason", slug="rason", lat_deg=42.2271, lon_deg=130.2826, crs_epsg=32652,
                piers=("Pier 3", "Pier 1"))


@pytest.fixture()
def schema_name():
    """A fresh schema per test (the port's slug plus a number), so tests share the server, not data."""
    return f"rason_{next(_schemas)}"


@pytest.fixture()
def team_log(writer_kwargs, schema_name, rason):
    log = PostgisPortLog.create(writer_kwargs, schema_name, rason)
    yield log
    log.close()


@pytest.fixture(params=["gpkg", "postgis"])
def port_file(request, tmp_path, rason):
    """The same store contract on both backends: a fresh Rason port log."""
    if request.param == "gpkg":
        opened = PortFile.create(tmp_path / "rason.gpkg", rason)
    else:
        opened = PostgisPortLog.create(request.getfixturevalue("writer_kwargs"),
                                       request.getfixturevalue("schema_name"), rason)
    yield opened
    opened.close()
