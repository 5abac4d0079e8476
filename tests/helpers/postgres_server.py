"""A throw-away PostgreSQL + PostGIS cluster for the PostGIS tier and the PostGIS bench.

``PostgresServer()`` runs initdb in a temporary folder, starts the server on 127.0.0.1 only (a free
port; its unix socket in the same folder), creates the database ``ports`` with PostGIS, and removes
everything on ``stop()``. As root, initdb and pg_ctl run as the ``postgres`` OS user (the Debian
package creates it; PostgreSQL refuses to run as root). The superuser connects over loopback without
a password; ``add_role`` makes roles that must log in with a password (scram-sha-256), so password
authentication is exercised for real.
"""
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

DATABASE = "ports"
SUPERUSER = "postgres"
_MISSING = ("No PostgreSQL server binaries in /usr/lib/postgresql/<version>/bin (initdb, pg_ctl) or no PostGIS "
            "extension: run `make deps` (installs postgresql and postgis from tools/packages-*.txt).")


class ServerMissing(RuntimeError):
    """PostgreSQL or PostGIS is not installed here."""


def server_bin() -> Path:
    """The newest /usr/lib/postgresql/<version>/bin holding initdb and pg_ctl."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    for initdb in reversed(candidates):
        folder = Path(initdb).parent
        version = folder.parent.name
        if (folder / "pg_ctl").exists() and glob.glob(f"/usr/share/postgresql/{version}/extension/postgis.control"):
            return folder
    raise ServerMissing(_MISSING)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgresServer:
    def __init__(self):
        self.bin = server_bin()
        self.folder = Path(tempfile.mkdtemp(prefix="cm-pg-"))
        self.data = self.folder / "data"
        self.port = _free_port()
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            shutil.chown(self.folder, SUPERUSER, SUPERUSER)
        os.chmod(self.folder, 0o755)
        self._started = False
        try:
            self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "-A", "trust",
                      "--auth-host=trust", "-E", "UTF8", "--locale=C")
            with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
                conf.write(f"\nlisten_addresses = '127.0.0.1'\nport = {self.port}\n"
                           f"unix_socket_directories = '{self.folder}'\nfsync = off\n"
                           "synchronous_commit = off\nfull_page_writes = off\nmax_connections = 40\n"
                           "password_encryption = 'scram-sha-256'\n")
            # The superuser without a password over loopback; every other role with its password.
            (self.data / "pg_hba.conf").write_text(
                "local all postgres trust\nhost all postgres 127.0.0.1/32 trust\n"
                "local all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n", encoding="utf-8")
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "server.log"),
                      "-w", "-t", "60", "start")
            self._started = True
            self.execute_admin("CREATE DATABASE " + DATABASE, dbname="postgres")
            self.execute_admin("CREATE EXTENSION postgis")
        except BaseException:
            self.stop()
            raise

    def _run(self, *command):
        if self._as_postgres:
            command = ("runuser", "-u", SUPERUSER, "--") + command
        result = subprocess.run(command, cwd=str(self.folder), capture_output=True, text=True)
        if result.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(encoding="utf-8", errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}): {result.stderr}{result.stdout}"
                               f"\n{tail}")
        return result

    def connect_kwargs(self, user: str = SUPERUSER, password: str = None, dbname: str = DATABASE) -> dict:
        kwargs = {"host": "127.0.0.1", "port": self.port, "dbname": dbname, "user": user}
        if password is not None:
            kwargs["password"] = password
        return kwargs

    def connect(self, **overrides):
        import psycopg2

        kwargs = self.connect_kwargs()
        kwargs.update(overrides)
        connection = psycopg2.connect(**kwargs)
        connection.autocommit = True
        return connection

    def execute_admin(self, sql: str, params=None, dbname: str = DATABASE):
        """Run one statement as the superuser (autocommit); returns the rows of a query, else None."""
        connection = self.connect(dbname=dbname)
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall() if cursor.description else None
        finally:
            connection.close()

    def add_role(self, name: str, password: str, read_only_schema: str = None, writer: bool = False) -> dict:
        """A login role with a password; ``writer``: may create schemas; ``read_only_schema``: may read it."""
        from psycopg2 import sql

        self.execute_admin(sql.SQL("CREATE ROLE {} LOGIN PASSWORD %s").format(sql.Identifier(name)), (password,))
        if writer:
            self.execute_admin(sql.SQL("GRANT CREATE ON DATABASE {} TO {}").format(
                sql.Identifier(DATABASE), sql.Identifier(name)))
            self.execute_admin(sql.SQL("GRANT CREATE ON SCHEMA public TO {}").format(sql.Identifier(name)))
        if read_only_schema:
            self.grant_read(name, read_only_schema)
        return self.connect_kwargs(name, password)

    def grant_read(self, role: str, schema_name: str) -> None:
        from psycopg2 import sql

        schema_id, role_id = sql.Identifier(schema_name), sql.Identifier(role)
        self.execute_admin(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema_id, role_id))
        self.execute_admin(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}").format(schema_id, role_id))
        self.execute_admin(sql.SQL("GRANT SELECT ON public.layer_styles TO {}").format(role_id))

    def stop(self) -> None:
        if self._started:
            try:
                self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
            except RuntimeError:
                pass
            self._started = False
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()
