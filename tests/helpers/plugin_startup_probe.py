"""A fresh process plays QGIS starting with the plugin enabled; prints what was imported and built, as JSON.

Run: /usr/bin/python3 -m tests.helpers.plugin_startup_probe MODE (in its own process, so that no other
test's imports are counted). MODE: ``first-install``; ``closed-last-time`` (the dock stored as closed
before the start, as the plugin does when the analyst closes it); ``unload-during-start`` (the plugin
unloaded before QGIS completes its start).
"""
import json
import sys

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtWidgets import QAction, QDockWidget

# What the panel and the engine need, and QGIS's start must not pay for.
WATCHED_MODULES = ("shapely", "pyproj", "numpy", "osgeo", "matplotlib",
                   "coal_monitor.gui.dock", "coal_monitor.core.estimate", "coal_monitor.store.portfile")


def loaded():
    return {name for name in WATCHED_MODULES if name in sys.modules}


def census(iface, plugin):
    window = iface.mainWindow()
    docks = [d for d in window.findChildren(QDockWidget) if d.objectName() == "CoalMonitorDock" and d.parent()]
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("coal_monitor")
    return {
        "docks": len(docks),
        "docks_open": sum(1 for d in docks if not d.isHidden()),
        "actions": len([a for a in window.findChildren(QAction) if a.objectName() == "CoalMonitorToggleDock"]),
        "action_checked": bool(plugin.action is not None and plugin.action.isChecked()),
        "provider": provider is not None,
        "algorithms": sorted((a.id(), a.displayName(), a.group(), bool(a.shortHelpString()), len(a.parameterDefinitions()))
                             for a in (provider.algorithms() if provider is not None else [])),
    }


def _save_as_before_the_dock_exists():
    """(data folder before, after "Save As" elsewhere) of a project with a relative data folder."""
    import tempfile
    from pathlib import Path

    from qgis.core import QgsProject

    from coal_monitor.store import datafolder

    root = Path(tempfile.mkdtemp(prefix="cm-startup-project-"))
    project = QgsProject.instance()
    project.setFileName(str(root / "first" / "port.qgz"))
    datafolder.set_data_folder(root / "first" / "coal_monitor_data", project)
    before = str(datafolder.data_folder(project))
    project.setFileName(str(root / "second" / "port.qgz"))
    after = str(datafolder.data_folder(project))
    project.clear()
    return [before, after]


def main(mode):
    from tests.conftest import start_qgis  # its own settings folder: nothing stored outlives the probe
    from tests.helpers.qgis_iface import PluginShellIface, settle

    from coal_monitor.definitions import DOCK_VISIBLE_KEY

    app = start_qgis()
    if mode == "closed-last-time":
        QgsSettings().setValue(DOCK_VISIBLE_KEY, False)
    iface = PluginShellIface()
    iface.start_up()
    before = loaded()
    from coal_monitor.plugin import CoalMonitorPlugin

    plugin = CoalMonitorPlugin(iface)
    plugin.initGui()
    settle()
    result = {"loaded_before": sorted(before), "imported_by_init_gui": sorted(loaded() - before),
              "after_init_gui": census(iface, plugin)}
    result["data_folder_after_save_as"] = _save_as_before_the_dock_exists()
    if mode == "unload-during-start":
        plugin.unload()
        settle()
    iface.complete_start_up()
    result["after_start"] = census(iface, plugin)
    result["imported_by_start"] = sorted(loaded() - before)
    if mode == "closed-last-time":
        plugin.action.trigger()
        settle()
        result["after_trigger"] = census(iface, plugin)
    if mode != "unload-during-start":
        plugin.unload()
        settle()
    result["after_unload"] = census(iface, plugin)
    result["settings_file"] = QgsSettings().fileName()
    result["dock_open_setting"] = QgsSettings().value(DOCK_VISIBLE_KEY, None, type=bool)
    print(json.dumps(result))
    iface.close()
    app.exitQgis()


if __name__ == "__main__":
    main(sys.argv[1])
