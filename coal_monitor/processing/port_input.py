"""The port GeoPackage input shared by the port-level algorithms (time series, recompute, report).

The store (shapely, pyproj) is imported when a port file is opened, not when QGIS builds the algorithms.
"""
from qgis.core import QgsProcessingException, QgsProcessingParameterFile

from ..store.errors import StoreError
from ..translation import message_text, tr

INPUT = "INPUT"


def port_file_parameter(description: str = "Port GeoPackage") -> QgsProcessingParameterFile:
    """A file parameter that accepts a port's .gpkg (a path, so models and qgis_process can pass one)."""
    return QgsProcessingParameterFile(INPUT, description, QgsProcessingParameterFile.Behavior.File, "gpkg")


def open_port_file(algorithm, parameters, context):
    """Open the INPUT port file (a ``PortFile``); a StoreError becomes a QgsProcessingException with the
    store's message."""
    from ..store.portfile import PortFile

    path = algorithm.parameterAsFile(parameters, INPUT, context)
    if not path:
        raise QgsProcessingException(tr("No port GeoPackage given: choose a port's .gpkg file for INPUT."))
    try:
        return PortFile.open(path)
    except StoreError as exc:
        raise QgsProcessingException(message_text(exc)) from None
