"""What every Coal Monitor algorithm shares: its identity, declared as class data."""
from qgis.core import QgsProcessingAlgorithm

HEAPS_GROUP = ("Heaps", "heaps")
PORT_LOGS_GROUP = ("Port logs", "portlogs")


class CoalMonitorAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set NAME, DISPLAY_NAME, GROUP (one of the groups above) and HELP."""

    NAME = ""
    DISPLAY_NAME = ""
    GROUP = PORT_LOGS_GROUP
    HELP = ""

    def name(self):
        return self.NAME

    def displayName(self):  # noqa: N802 (QGIS's names)
        return self.DISPLAY_NAME

    def group(self):
        return self.GROUP[0]

    def groupId(self):  # noqa: N802
        return self.GROUP[1]

    def shortHelpString(self):  # noqa: N802
        return self.HELP

    def createInstance(self):  # noqa: N802
        return type(self)()
