"""The plugin shell on a real main window: the action toggles the dock; unload removes everything."""
from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QApplication, QDockWidget

from coal_monitor.plugin import ACTION_OBJECT_NAME, CoalMonitorPlugin
from tests.helpers.qgis_iface import PluginShellIface


def _docks(window):
    return [d for d in window.findChildren(QDockWidget) if d.objectName() == "CoalMonitorDock"]


def test_action_toggles_dock_and_unload_removes_everything(provider_slot):
    iface = PluginShellIface()
    plugin = CoalMonitorPlugin(iface)
    plugin.initGui()
    QApplication.processEvents()
    window = iface.mainWindow()
    (dock,) = _docks(window)
    assert dock.windowTitle() == "Coal Monitor" and dock.isVisible()
    assert window.dockWidgetArea(dock) == 2  # Qt.RightDockWidgetArea
    assert QgsApplication.processingRegistry().providerById("coal_monitor") is not None

    button = iface.pluginToolBar().widgetForAction(plugin.action)
    button.click()
    QApplication.processEvents()
    assert not dock.isVisible() and not plugin.action.isChecked()
    button.click()
    QApplication.processEvents()
    assert dock.isVisible() and plugin.action.isChecked()

    dock.close()  # the dock's own close button unchecks the action
    QApplication.processEvents()
    assert not plugin.action.isChecked()

    plugin.unload()
    QApplication.processEvents()
    assert _docks(window) == [] or all(d.parent() is None for d in _docks(window))
    assert [a for a in iface.pluginToolBar().actions() if a.objectName() == ACTION_OBJECT_NAME] == []
    assert iface.pluginMenu().actions() == []
    assert QgsApplication.processingRegistry().providerById("coal_monitor") is None
