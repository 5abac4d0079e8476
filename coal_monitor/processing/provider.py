"""The `coal_monitor` Processing provider.

Each algorithm lives in its own module under this package and exposes ``ALGORITHM``; the provider
loads the modules named in ``ALGORITHM_MODULES`` so that adding an algorithm is a one-line change.
"""
import importlib

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..resources import resource_path

ALGORITHM_MODULES = ("heapvolumes", "porttimeseries", "portflows", "recomputevolumes", "portreport", "importheaps",
                     "copyportlog")


def algorithm_classes():
    """The algorithm classes of the provider, in registration order."""
    return [importlib.import_module(f"{__package__}.{name}").ALGORITHM for name in ALGORITHM_MODULES]


class CoalMonitorProvider(QgsProcessingProvider):
    def id(self):
        return "coal_monitor"

    def name(self):
        return "Coal Monitor"

    def longName(self):
        return "Coal Monitor: coal heap volumes and tonnage from imagery"

    def icon(self):
        return QIcon(resource_path("icons/coal_monitor.svg"))

    def loadAlgorithms(self):
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
