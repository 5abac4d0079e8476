"""What every Coal Monitor algorithm shares: its identity, declared as class data."""
from qgis.core import QgsProcessingAlgorithm

from ..translation import QT_TR_NOOP, tr

HEAPS_GROUP = (QT_TR_NOOP("Heaps"), "heaps")
PORT_LOGS_GROUP = (QT_TR_NOOP("Port logs"), "portlogs")


class CoalMonitorAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set NAME, DISPLAY_NAME, GROUP (one of the groups above) and HELP, in English: shown
    through ``tr`` in QGIS's language."""

    NAME = ""
    DISPLAY_NAME = ""
    GROUP = PORT_LOGS_GROUP
    HELP = ""

    def tr(self, text):
        """Processing's convention: an algorithm's texts through its own ``tr``."""
        return tr(text)

    def name(self):
        return self.NAME

    def displayName(self):  # noqa: N802 (QGIS's names)
        return self.tr(self.DISPLAY_NAME)

    def group(self):
        return self.tr(self.GROUP[0])

    def groupId(self):  # noqa: N802
        return self.GROUP[1]

    def shortHelpString(self):  # noqa: N802
        return self.tr(self.HELP)

    def createInstance(self):  # noqa: N802
        return type(self)()
