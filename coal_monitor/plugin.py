"""The plugin shell: one action, one menu entry, one dock, one Processing provider.

Everything it adds it removes in ``unload`` so that QGIS can load and unload the plugin any number of
times without leaving an action, a dock or a provider behind.

QGIS pays for ``initGui`` at every start, so the shell imports nothing heavy: the dock (and with it
shapely, pyproj and the engine) is built on first use, when the action is switched on, or once QGIS
has finished starting if the dock was open when QGIS last closed (and on first install).
"""
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .definitions import DOCK_VISIBLE_KEY
from .translation import install_translator, remove_translator, tr
from .resources import resource_path
from .store.datafolder import follow_project_file

MENU_NAME = "Coal Monitor"
ACTION_OBJECT_NAME = "CoalMonitorToggleDock"


class CoalMonitorPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.action = None
        self.dock = None
        self.provider = None
        self.translator = None
        self._waiting_for_start = False
        self._following_dock = False
        self._stop_following_project = _nothing

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
        self.initProcessing()
        main_window = self.iface.mainWindow()
        self.action = QAction(QIcon(resource_path("icons/coal_monitor.svg")), "Coal Monitor", main_window)
        self.action.setObjectName(ACTION_OBJECT_NAME)
        self.action.setCheckable(True)
        self.action.setToolTip(tr("Show or hide the Coal Monitor panel"))
        self.action.toggled.connect(self._action_toggled)
        self.iface.addToolBarIcon(self.action)
        self.iface.addPluginToMenu(MENU_NAME, self.action)
        # Until the dock exists (it then follows the project itself), "Save As" must still keep the
        # project's data folder where it is.
        self._stop_following_project = follow_project_file()

        if QgsSettings().value(DOCK_VISIBLE_KEY, True, type=bool):
            if main_window.isVisible():  # installed or reloaded into a running QGIS
                self.action.setChecked(True)
            else:  # QGIS is starting: its window comes first, the dock after
                self.iface.initializationCompleted.connect(self._open_after_start)
                self._waiting_for_start = True

    def _open_after_start(self):
        self._stop_waiting_for_start()
        self.action.setChecked(True)

    def _stop_waiting_for_start(self):
        if self._waiting_for_start:
            self.iface.initializationCompleted.disconnect(self._open_after_start)
            self._waiting_for_start = False

    def _action_toggled(self, checked):
        if self._following_dock:
            return
        if checked and self.dock is None:
            self._create_dock()
        if self.dock is not None:
            self.dock.setVisible(checked)
            if checked:
                self.dock.raise_()  # to the front of its tab group

    def _create_dock(self):
        from .gui.dock import CoalMonitorDock

        self._stop_following_project()
        self._stop_following_project = _nothing
        self.dock = CoalMonitorDock(self.iface, self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.visibilityChanged.connect(self._dock_visibility_changed)

    def _dock_visibility_changed(self, visible):
        # The action follows the dock without driving it back: a dock tabbed behind another panel
        # turns invisible, and hiding it then would take it out of its tab group.
        self._following_dock = True
        try:
            self.action.setChecked(visible)
        finally:
            self._following_dock = False
        # A dock tabbed behind another panel is invisible but still open: remember open or closed.
        QgsSettings().setValue(DOCK_VISIBLE_KEY, not self.dock.isHidden())

    def unload(self):
        self._stop_waiting_for_start()
        self._stop_following_project()
        self._stop_following_project = _nothing
        if self.dock is not None:
            # Disconnected first: taking the dock away must not count as the analyst closing it.
            self.dock.visibilityChanged.disconnect(self._dock_visibility_changed)
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


def _nothing():
    pass
