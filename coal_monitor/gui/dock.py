"""The Coal Monitor dock panel."""
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget


class CoalMonitorDock(QDockWidget):
    """Dock titled "Coal Monitor" (objectName CoalMonitorDock)."""

    def __init__(self, iface, parent=None):
        super().__init__("Coal Monitor", parent)
        self.iface = iface
        self.setObjectName("CoalMonitorDock")
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.resultLabel = QLabel("Pick a port and an image, then draw a heap.", body)
        self.resultLabel.setObjectName("resultLabel")
        layout.addWidget(self.resultLabel)
        layout.addStretch(1)
        self.setWidget(body)

    def cleanup(self):
        """Release map tools, rubber bands and signal connections before the plugin unloads."""
