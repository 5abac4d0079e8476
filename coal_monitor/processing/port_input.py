"""The port log input shared by the port-level algorithms (time series, recompute, report, flows).

A port log is given either as INPUT (a port's .gpkg file: models and qgis_process pass a path) or as
PORT_LOG (text: a team database's ``postgresql://USER@HOST:PORT/DBNAME?schema=SLUG``, ``service=NAME
schema=SLUG``, or a .gpkg path too); exactly one of the two. No message shows a password.

The store (shapely, pyproj, psycopg2) is imported when a port log is opened, not when QGIS builds the
algorithms.
"""
from qgis.core import QgsProcessingException, QgsProcessingParameterFile, QgsProcessingParameterString

from ..store.errors import StoreError
from ..store.port_log import masked
from ..translation import QT_TR_NOOP, message_text, tr

INPUT = "INPUT"
PORT_LOG = "PORT_LOG"
PORT_LOG_DESCRIPTION = QT_TR_NOOP("Port log in a team database (postgresql://USER@HOST:PORT/DBNAME?schema=SLUG or "
                                  "service=NAME schema=SLUG), instead of INPUT")


def port_file_parameter(description: str = "Port GeoPackage") -> QgsProcessingParameterFile:
    """A file parameter that accepts a port's .gpkg (a path, so models and qgis_process can pass one);
    optional because PORT_LOG may name the log instead."""
    return QgsProcessingParameterFile(INPUT, description, QgsProcessingParameterFile.Behavior.File, "gpkg",
                                      optional=True)


def port_log_parameter(name: str = PORT_LOG, description: str = PORT_LOG_DESCRIPTION) -> QgsProcessingParameterString:
    """A text parameter naming a port log: a PostgreSQL URI, ``service=... schema=...`` or a .gpkg path."""
    return QgsProcessingParameterString(name, tr(description), optional=True)


def add_port_log_parameters(algorithm, description: str = "Port GeoPackage"):
    """INPUT (the .gpkg file) and PORT_LOG (a team database's port log), in this order."""
    algorithm.addParameter(port_file_parameter(algorithm.tr(description)))
    algorithm.addParameter(port_log_parameter())


def safe_text(exc) -> str:
    """An error's message for the analyst, in her language, with any password masked."""
    return masked(message_text(exc))


def location_text(port_log) -> str:
    """How a port log is named in messages and outputs: its file, or its database without password."""
    location = getattr(port_log, "location", None)
    if location is not None:
        return masked(getattr(location, "display", location))
    return str(port_log.path)


def chosen_location(algorithm, parameters, context):
    """The PortLogLocation of INPUT or PORT_LOG (exactly one given), else QgsProcessingException."""
    from ..store.port_log import parse_location

    path = algorithm.parameterAsFile(parameters, INPUT, context) if INPUT in parameters else ""
    text = algorithm.parameterAsString(parameters, PORT_LOG, context) if PORT_LOG in parameters else ""
    text = (text or "").strip()
    if path and text:
        raise QgsProcessingException(tr(
            "Both INPUT ({path}) and PORT_LOG ({log}) name a port log; give only one of them.").format(
            path=path, log=masked(text)))
    if not path and not text:
        raise QgsProcessingException(tr(
            "No port log given: choose a port's .gpkg file for INPUT, or name a team database's port log in "
            "PORT_LOG (postgresql://USER@HOST:PORT/DBNAME?schema=SLUG or service=NAME schema=SLUG)."))
    try:
        return parse_location(path if path else text)
    except StoreError as exc:
        raise QgsProcessingException(safe_text(exc)) from None


def open_port_file(algorithm, parameters, context):
    """Open the port log named by INPUT or PORT_LOG (a ``PortFile`` or a ``PostgisPortLog``); a StoreError
    becomes a QgsProcessingException with the store's message (password masked)."""
    from ..store.port_log import open_port_log

    location = chosen_location(algorithm, parameters, context)
    try:
        return open_port_log(location)
    except StoreError as exc:
        raise QgsProcessingException(safe_text(exc)) from None
