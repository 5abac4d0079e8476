"""Inside QGIS: wall-clock time and imports of Coal Monitor's share of the start-up.

QGIS imports a plugin's package with ``qgis.utils.loadPlugin`` and creates the plugin and calls its
``initGui`` in ``qgis.utils.startPlugin``. ``install()`` wraps both (once) before QGIS loads its
plugins; ``RECORD`` holds one entry per call for coal_monitor, read by ``report.py`` at the end.
"""
import sys
import time

import qgis.utils

PLUGIN = "coal_monitor"
# What the shell must not import at start-up (the panel and the engine need them; QGIS may have some).
WATCHED_MODULES = ("shapely", "pyproj", "numpy", "osgeo", "matplotlib",
                   "coal_monitor.gui.dock", "coal_monitor.core.estimate")
RECORD = {"steps": []}


def watched_loaded():
    return [name for name in WATCHED_MODULES if name in sys.modules]


def _timed(step, function):
    def wrapper(package_name, *args, **kwargs):
        if package_name != PLUGIN:
            return function(package_name, *args, **kwargs)
        before = set(sys.modules)
        watched_before = set(watched_loaded())
        start = time.perf_counter()
        try:
            return function(package_name, *args, **kwargs)
        finally:
            elapsed_s = time.perf_counter() - start
            RECORD["steps"].append({
                "step": step, "elapsed_s": elapsed_s, "modules_imported": len(set(sys.modules) - before),
                "watched_imported": sorted(set(watched_loaded()) - watched_before)})

    wrapper.timed_by_bench = True
    return wrapper


def install():
    # QGIS may run the start-up file more than once; a second wrapper would count the plugin twice.
    if getattr(qgis.utils.loadPlugin, "timed_by_bench", False):
        return
    RECORD["watched_before_plugins"] = watched_loaded()
    qgis.utils.loadPlugin = _timed("import", qgis.utils.loadPlugin)
    qgis.utils.startPlugin = _timed("start", qgis.utils.startPlugin)
