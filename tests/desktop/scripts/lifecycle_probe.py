"""Inside QGIS: install the plugin from its zip, then unload and reload it three times.

Writes, for each step, how many of each thing the plugin adds exist: toggle actions, menu entries,
toolbar buttons, docks, Processing providers.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.environ["CM_REPO"], "tests", "desktop", "scripts"))
import probe_common  # noqa: E402

import qgis.utils  # noqa: E402
from qgis.core import QgsApplication  # noqa: E402
from qgis.PyQt.QtWidgets import QAction, QDockWidget  # noqa: E402

PLUGIN = "coal_monitor"


def census():
    iface = qgis.utils.iface
    window = iface.mainWindow()
    docks = [d for d in window.findChildren(QDockWidget) if d.objectName() == "CoalMonitorDock"]
    menus = [a for a in iface.pluginMenu().actions() if a.text().replace("&", "") == "Coal Monitor"]
    toolbar = [a for a in iface.pluginToolBar().actions() if a.objectName() == "CoalMonitorToggleDock"]
    toggles = [a for a in window.findChildren(QAction) if a.objectName() == "CoalMonitorToggleDock"]
    providers = [p for p in QgsApplication.processingRegistry().providers() if p.id() == "coal_monitor"]
    return {
        "loaded": PLUGIN in qgis.utils.plugins,
        "active": PLUGIN in qgis.utils.active_plugins,
        "docks": len(docks),
        "docks_visible": sum(1 for d in docks if d.isVisible()),
        "dock_titles": [d.windowTitle() for d in docks],
        "menus": len(menus),
        "toolbar_buttons": len(toolbar),
        "toggle_actions": len(toggles),
        "providers": len(providers),
        "algorithms": sorted(a.id() for p in providers for a in p.algorithms()),
    }


def body(result):
    mode = os.environ.get("CM_MODE", "install")
    if mode == "install":
        import pyplugin_installer

        pyplugin_installer.instance().installFromZipFile(os.environ["CM_ZIP"])
    probe_common.settle()
    result["after_start"] = census()
    result["screenshot"] = probe_common.screenshot(qgis.utils.iface.mainWindow(), os.environ["CM_SCREENSHOT"])
    cycles = []
    for _ in range(int(os.environ.get("CM_CYCLES", "3"))):
        qgis.utils.unloadPlugin(PLUGIN)
        probe_common.settle()
        unloaded = census()
        qgis.utils.loadPlugin(PLUGIN)
        qgis.utils.startPlugin(PLUGIN)
        probe_common.settle()
        cycles.append({"unloaded": unloaded, "reloaded": census()})
    result["cycles"] = cycles


probe_common.run_later(body)
