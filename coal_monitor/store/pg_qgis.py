"""QGIS's saved PostgreSQL connections (the Browser's) as team port log locations.

A connection is read through the provider's connection API (``QgsProviderRegistry.providerMetadata(
"postgres")``: QGIS 3.10 and later, so 3.22, 3.40 and 3.44 alike; it reads the settings under
``PostgreSQL/connections/<name>/``). Its credentials come from QGIS's authentication manager when the
connection names an authentication configuration (``authcfg``), else from the user name and password the
connection stores. Only the connection's NAME is ever kept in a project; a password stays in memory.
The heaps layer's source names the authentication configuration, never a password; a connection that
stores a password itself gets it through QGIS's credentials cache instead of the layer's source.
"""
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsCredentials, QgsDataSourceUri, QgsProviderRegistry

from ..core.messages import QT_TR_NOOP
from .errors import StoreError
from .port_log import postgis_location

PROVIDER = "postgres"
# QgsDataSourceUri.SslMode -> libpq's sslmode
_SSL_MODES = {
    QgsDataSourceUri.SslMode.SslDisable: "disable", QgsDataSourceUri.SslMode.SslAllow: "allow",
    QgsDataSourceUri.SslMode.SslPrefer: "prefer", QgsDataSourceUri.SslMode.SslRequire: "require",
    QgsDataSourceUri.SslMode.SslVerifyCa: "verify-ca", QgsDataSourceUri.SslMode.SslVerifyFull: "verify-full",
}


def _metadata():
    return QgsProviderRegistry.instance().providerMetadata(PROVIDER)


def saved_connections() -> list:
    """The names of QGIS's saved PostgreSQL connections, sorted (read fresh, not from a cache)."""
    metadata = _metadata()
    if metadata is None:
        return []
    return sorted(metadata.connections(False).keys(), key=str.casefold)


def connection_uri(name) -> QgsDataSourceUri:
    """The saved connection ``name``'s data source (with its authcfg, or its stored credentials)."""
    metadata = _metadata()
    names = saved_connections()
    if metadata is None or name not in names:
        raise StoreError(QT_TR_NOOP("QGIS has no saved PostgreSQL connection named {name!r} (saved: {names}); add it "
                                    "in the Browser panel (PostgreSQL > New Connection…) or choose another."),
                         name=name, names=", ".join(names) or "none")
    return QgsDataSourceUri(metadata.findConnection(name, False).uri())


def credentials(uri: QgsDataSourceUri, name="") -> tuple:
    """(user, password) for a connection's URI: from its authentication configuration when it names one."""
    authcfg = uri.authConfigId()
    if not authcfg:
        return uri.username(), uri.password()
    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    if manager is None or manager.isDisabled() or not manager.loadAuthenticationConfig(authcfg, config, True) \
            or not config.isValid():
        raise StoreError(QT_TR_NOOP("The PostgreSQL connection {name!r} uses the authentication configuration "
                                    "{authcfg}, which QGIS's authentication manager cannot open (unknown id, or the "
                                    "master password was not given); check it under Settings > Options > "
                                    "Authentication."), name=name, authcfg=authcfg)
    return config.config("username", "") or uri.username(), config.config("password", "")


def connect_kwargs(name) -> dict:
    """psycopg2 keywords for the saved connection ``name`` (password included: keep it in memory only)."""
    uri = connection_uri(name)
    return _kwargs(uri, *credentials(uri, name))


def _kwargs(uri, user, password) -> dict:
    kwargs = {"service": uri.service(), "host": uri.host(), "port": uri.port(), "dbname": uri.database(),
              "user": user, "password": password}
    ssl = _SSL_MODES.get(uri.sslMode())
    if ssl and ssl != "prefer":  # libpq's default: not written
        kwargs["sslmode"] = ssl
    return {key: value for key, value in kwargs.items() if value}


def location_from_qgis_connection(name, schema_name):
    """The PortLogLocation of schema ``schema_name`` (a port slug) in the saved connection ``name``."""
    return postgis_location(connect_kwargs(name), schema_name)


def layer_source(name, schema_name, table, geometry_column, key_column="fid") -> str:
    """A ``postgres`` layer source for ``schema_name.table`` through the saved connection, without password.

    With an authentication configuration the source names it (QGIS fetches the credentials); a connection
    storing its password gets it through QGIS's credentials cache for this session.
    """
    uri = connection_uri(name)
    if not uri.authConfigId() and uri.password():
        password = uri.password()
        uri.setPassword("")
        QgsCredentials.instance().put(uri.connectionInfo(False), uri.username(), password)
    uri.setDataSource(schema_name, table, geometry_column, "", key_column)
    return uri.uri(False)


def location_of_layer(layer):
    """The PortLogLocation of a ``postgres`` layer's schema, or None when the layer is no postgres layer, its
    schema cannot be a port log's (not a port slug) or its credentials cannot be had.

    Credentials: the layer's authentication configuration, its own user and password, else those of the saved
    connection to the same server and database (a layer added by the dock keeps no password in its source).
    """
    if layer is None or layer.providerType() != PROVIDER:
        return None
    uri = QgsDataSourceUri(layer.source())
    try:
        user, password = credentials(uri, layer.name())
        if not password and not uri.authConfigId():
            user, password = _saved_credentials(uri) or (user, password)
        return postgis_location(_kwargs(uri, user, password), uri.schema())
    except StoreError:
        return None


def _saved_credentials(uri):
    """(user, password) of a saved connection to the server and database ``uri`` names, or None."""
    wanted = (uri.service(), uri.host(), uri.port() or "5432", uri.database())
    for name in saved_connections():
        saved = connection_uri(name)
        if (saved.service(), saved.host(), saved.port() or "5432", saved.database()) == wanted and \
                (not uri.username() or saved.username() in ("", uri.username()) or saved.authConfigId()):
            return credentials(saved, name)
    return None
