"""The port GeoPackage input shared by the port-level algorithms (time series, recompute, report)."""
from qgis.core import QgsProcessingException, QgsProcessingParameterFile

from ..store.errors import StoreError
from ..store.portfile import PortFile

INPUT = "INPUT"


def port_file_parameter(description: str = "Port GeoPackage") -> QgsProcessingParameterFile:
    """A file parameter that accepts a port's .gpkg (a path, so models and qgis_process can pass one)."""
    return QgsProcessingParameterFile(INPUT, description, QgsProcessingParameterFile.Behavior.File, "gpkg")


def open_port_file(algorithm, parameters, context) -> PortFile:
    """Open the INPUT port file; a StoreError becomes a QgsProcessingException with the store's message."""
    path = algorithm.parameterAsFile(parameters, INPUT, context)
    if not path:
        raise QgsProcessingException("No port GeoPackage given: choose a port's .gpkg file for INPUT.")
    try:
        return PortFile.open(path)
    except StoreError as exc:
        raise QgsProcessingException(str(exc)) from None
