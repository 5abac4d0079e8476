"""The plugin shell: one action, one menu entry, one dock, one Processing provider.

Everything it adds in ``initGui`` it removes in ``unload`` so that QGIS can load and unload the plugin
any number of times without leaving an action, a dock or a provider behind.
"""
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .translation import install_translator, remove_translator, tr
from .resources import resource_path

MENU_NAME = "Coal Monitor"
ACTION_OBJECT_NAME = "CoalMonitorToggleDock"


class CoalMonitorPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.action = None
        self.dock = None
        self.provider = None
        self.translator = None

    def _install_translator(self):
        # Before any widget or algorithm is made: their texts are translated when they are built.
        if self.translator is None:
            self.translator = install_translator()

    def initProcessing(self):  # noqa: N802 (QGIS's name)
        from .processing.provider import CoalMonitorProvider

        self._install_translator()
        if self.provider is None:
            provider = CoalMonitorProvider()
            # addProvider refuses (and deletes) a second provider with our id; only ours is ours to remove.
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    def initGui(self):  # noqa: N802 (QGIS's name)
        from .gui.dock import CoalMonitorDock

        self.initProcessing()
        main_window = self.iface.mainWindow()
        self.action = QAction(QIcon(resource_path("icons/coal_monitor.svg")), "Coal Monitor", main_window)
        self.action.setObjectName(ACTION_OBJECT_NAME)
        self.action.setCheckable(True)
        self.action.setToolTip(tr("Show or hide the Coal Monitor panel"))
        self.iface.addToolBarIcon(self.action)
        self.iface.addPluginToMenu(MENU_NAME, self.action)

        self.dock = CoalMonitorDock(self.iface, main_window)
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.action.toggled.connect(self.dock.setVisible)
        self.dock.visibilityChanged.connect(self.action.setChecked)
        self.dock.show()
        self.action.setChecked(True)

    def unload(self):
        if self.dock is not None:
            self.dock.visibilityChanged.disconnect(self.action.setChecked)
            self.dock.cleanup()
            self.iface.removeDockWidget(self.dock)
            self.dock.setParent(None)
            self.dock.deleteLater()
            self.dock = None
        if self.action is not None:
            self.iface.removePluginMenu(MENU_NAME, self.action)
            self.iface.removeToolBarIcon(self.action)
            self.action.setParent(None)
            self.action.deleteLater()
            self.action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator(self.translator)
        self.translator = None
