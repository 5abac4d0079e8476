"""CanvasIface plus the plugin menu and toolbar calls the plugin shell makes (addPluginToMenu, ...)."""
from qgis.PyQt.QtCore import QObject, pyqtSignal
from qgis.PyQt.QtWidgets import QMenu, QToolBar

from tests.helpers.canvas_iface import CanvasIface, settle


class _IfaceSignals(QObject):
    initializationCompleted = pyqtSignal()  # noqa: N815 (QgisInterface's name)


class PluginShellIface(CanvasIface):
    """``start_up()`` plays QGIS starting: the main window hidden until its initialisation completes."""

    def __init__(self, size=(1200, 800)):
        super().__init__(size)
        self._signals = _IfaceSignals()
        self.initializationCompleted = self._signals.initializationCompleted
        self._plugin_menu = self.window.menuBar().addMenu("&Plugins")
        self._plugin_toolbar = QToolBar("Plugins", self.window)
        self.window.addToolBar(self._plugin_toolbar)
        self._submenus = {}
        settle()

    def start_up(self):
        """Hide the main window, as QGIS's is while it loads its plugins; ``complete_start_up`` ends it."""
        self.window.hide()
        settle()

    def complete_start_up(self):
        self.window.show()
        self.initializationCompleted.emit()
        settle()

    def pluginMenu(self):  # noqa: N802
        return self._plugin_menu

    def pluginToolBar(self):  # noqa: N802
        return self._plugin_toolbar

    def addToolBarIcon(self, action):  # noqa: N802
        self._plugin_toolbar.addAction(action)

    def removeToolBarIcon(self, action):  # noqa: N802
        self._plugin_toolbar.removeAction(action)

    def addPluginToMenu(self, name, action):  # noqa: N802
        menu = self._submenus.get(name)
        if menu is None:
            menu = self._submenus[name] = QMenu(name, self.window)
            self._plugin_menu.addMenu(menu)
        menu.addAction(action)

    def removePluginMenu(self, name, action):  # noqa: N802
        menu = self._submenus.get(name)
        if menu is None:
            return
        menu.removeAction(action)
        if not menu.actions():
            self._plugin_menu.removeAction(menu.menuAction())
            del self._submenus[name]
