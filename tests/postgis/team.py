"""A team database for the QGIS-side tests: a fresh database with PostGIS per test on the throw-away server
(tests/helpers/postgres_server.py), and two analysts who log in with passwords (scram-sha-256).

``pg_team`` is a fixture: in tests/postgis it shares the tier's server (``pg_server``); elsewhere (the gui
tier imports it) it starts its own for the session. The schema is the port's own (``rason``): each test has
its own database, so no test sees another's heaps.
"""
import itertools
from dataclasses import dataclass
from urllib.parse import quote

import pytest

TEAM_USER, TEAM_SECRET = "team_ana", "Ana:s3cret/@team"  # a password needing percent-encoding in a URI
COLLEAGUE_USER, COLLEAGUE_SECRET = "team_min", "Min-s3cret-2"
READER_USER, READER_SECRET = "team_reader", "Reader-s3cret-3"
_databases = itertools.count(1)
_own_server = []


@dataclass
class Team:
    server: object
    dbname: str


def _server(request):
    try:
        return request.getfixturevalue("pg_server")
    except pytest.FixtureLookupError:
        if not _own_server:
            from tests.helpers.postgres_server import PostgresServer, ServerMissing

            try:
                _own_server.append(PostgresServer())
            except ServerMissing as exc:
                pytest.fail(str(exc), pytrace=False)
            request.session.config.add_cleanup(_own_server[0].stop)
        return _own_server[0]


def _roles(server):
    from psycopg2 import sql

    existing = {row[0] for row in server.execute_admin("SELECT rolname FROM pg_roles", dbname="postgres")}
    for user, password in ((TEAM_USER, TEAM_SECRET), (COLLEAGUE_USER, COLLEAGUE_SECRET)):
        if user not in existing:
            server.execute_admin(sql.SQL("CREATE ROLE {} LOGIN PASSWORD %s").format(sql.Identifier(user)),
                                 (password,), dbname="postgres")


@pytest.fixture()
def pg_team(request):
    """A fresh team database (PostGIS; both analysts may create schemas and share every table in them)."""
    from psycopg2 import sql

    server = _server(request)
    _roles(server)
    dbname = f"team_{next(_databases)}"
    server.execute_admin(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)), dbname="postgres")
    server.execute_admin("CREATE EXTENSION postgis", dbname=dbname)
    for user in (TEAM_USER, COLLEAGUE_USER):
        who = sql.Identifier(user)
        server.execute_admin(sql.SQL("GRANT CREATE ON DATABASE {} TO {}").format(sql.Identifier(dbname), who),
                             dbname=dbname)
        server.execute_admin(sql.SQL("GRANT CREATE ON SCHEMA public TO {}").format(who), dbname=dbname)
        # what the README's team setup grants: whoever creates a port's schema shares it with the team
        for writer in (TEAM_USER, COLLEAGUE_USER):
            if writer != user:
                server.execute_admin(sql.SQL(
                    "ALTER DEFAULT PRIVILEGES FOR ROLE {} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {}").format(
                    sql.Identifier(writer), who), dbname=dbname)
                for kind in ("USAGE ON SEQUENCES", "USAGE ON SCHEMAS"):
                    server.execute_admin(sql.SQL("ALTER DEFAULT PRIVILEGES FOR ROLE {} GRANT " + kind + " TO {}").format(
                        sql.Identifier(writer), who), dbname=dbname)
    return Team(server, dbname)


def analyst_kwargs(team) -> dict:
    return team.server.connect_kwargs(TEAM_USER, TEAM_SECRET, dbname=team.dbname)


def colleague_kwargs(team) -> dict:
    return team.server.connect_kwargs(COLLEAGUE_USER, COLLEAGUE_SECRET, dbname=team.dbname)


def uri(team, schema_name, with_password=True) -> str:
    """``postgresql://team_ana[:password]@127.0.0.1:PORT/DB?schema=...`` (the password percent-encoded)."""
    kwargs = analyst_kwargs(team)
    secret = f":{quote(kwargs['password'], safe='')}" if with_password else ""
    return f"postgresql://{kwargs['user']}{secret}@{kwargs['host']}:{kwargs['port']}/{kwargs['dbname']}?schema={schema_name}"


def reader_kwargs(team, schema_name="rason") -> dict:
    """A read-only analyst (SELECT on the schema's tables only), created once per server."""
    from psycopg2 import sql

    existing = {row[0] for row in team.server.execute_admin("SELECT rolname FROM pg_roles", dbname="postgres")}
    if READER_USER not in existing:
        team.server.execute_admin(sql.SQL("CREATE ROLE {} LOGIN PASSWORD %s").format(sql.Identifier(READER_USER)),
                                  (READER_SECRET,), dbname="postgres")
    who, where = sql.Identifier(READER_USER), sql.Identifier(schema_name)
    for statement in ("GRANT USAGE ON SCHEMA {} TO {}", "GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}"):
        team.server.execute_admin(sql.SQL(statement).format(where, who), dbname=team.dbname)
    team.server.execute_admin(sql.SQL("GRANT SELECT ON public.layer_styles TO {}").format(who), dbname=team.dbname)
    return team.server.connect_kwargs(READER_USER, READER_SECRET, dbname=team.dbname)
