"""A saved PostgreSQL connection in QGIS's settings, as the Browser's "New Connection…" dialog writes it,
with its credentials in QGIS's authentication manager (an authentication configuration of method Basic).

The settings belong to the test run's own profile (tests/conftest.py), never a developer's.
"""
from contextlib import contextmanager

from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsSettings

CONNECTIONS_GROUP = "PostgreSQL/connections"
MASTER_PASSWORD = "coal-monitor-test-master"


def _auth_manager():
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword(MASTER_PASSWORD, True), "the test profile's master password"
    return manager


def add_auth_config(user, password, name="Coal Monitor team"):
    """An authentication configuration (Basic) holding ``user`` and ``password``; returns its id."""
    manager = _auth_manager()
    config = QgsAuthMethodConfig("Basic")
    config.setName(name)
    config.setConfig("username", user)
    config.setConfig("password", password)
    ok = manager.storeAuthenticationConfig(config)
    assert (ok[0] if isinstance(ok, tuple) else ok) and config.id(), "the authentication configuration is stored"
    return config.id()


def save_connection(name, host="", port="", database="", user="", password="", authcfg="", service="",
                    sslmode="SslDisable"):
    """Write a saved connection as QGIS 3.22-3.44 keep it (PostgreSQL/connections/<name>/...)."""
    settings = QgsSettings()
    base = f"{CONNECTIONS_GROUP}/{name}"
    values = {"service": service, "host": host, "port": str(port), "database": database,
              "username": user, "password": password, "authcfg": authcfg, "sslmode": sslmode,
              "saveUsername": "true" if user else "false", "savePassword": "true" if password else "false",
              "geometryColumnsOnly": "false", "publicOnly": "false", "allowGeometrylessTables": "true"}
    for key, value in values.items():
        settings.setValue(f"{base}/{key}", value)
    settings.sync()


def remove_connection(name):
    settings = QgsSettings()
    settings.remove(f"{CONNECTIONS_GROUP}/{name}")
    settings.sync()


@contextmanager
def saved_connection(name, **values):
    save_connection(name, **values)
    try:
        yield name
    finally:
        remove_connection(name)
