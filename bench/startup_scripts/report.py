"""Inside QGIS (``--code``): when QGIS became ready, the plugin's first panel show, then JSON and exit.

QGIS runs this file before its event loop starts; a zero timer fires on the loop's first turn, which
is when the analyst gets a responsive window: the end of the start-up.
"""
import json
import os
import sys
import time
import traceback

sys.path.insert(0, os.environ["CM_BENCH_SCRIPTS"])
import timing  # noqa: E402

import qgis.utils  # noqa: E402
from qgis.core import QgsApplication  # noqa: E402
from qgis.PyQt.QtCore import QTimer  # noqa: E402
from qgis.PyQt.QtWidgets import QAction, QApplication, QDockWidget  # noqa: E402

DOCK_NAME = "CoalMonitorDock"
ACTION_NAME = "CoalMonitorToggleDock"
SETTLE_MS = 1500  # let deferred start-up work (and the panel, if it opens at start) finish first

record = timing.RECORD
record["code_run_s"] = time.time()
iface = qgis.utils.iface
iface.initializationCompleted.connect(lambda: record.__setitem__("initialization_completed_s", time.time()))


def _find(kind, name):
    found = [w for w in iface.mainWindow().findChildren(kind) if w.objectName() == name]
    return found[0] if found else None


def _first_show():
    """Trigger the plugin's action and time until its panel is built, shown and painted."""
    dock = _find(QDockWidget, DOCK_NAME)
    record["dock_at_start"] = dock is not None
    record["dock_visible_at_start"] = bool(dock is not None and dock.isVisible())
    action = _find(QAction, ACTION_NAME)
    if action is None or dock is not None:
        return
    before = set(timing.watched_loaded())
    start = time.perf_counter()
    action.trigger()
    QApplication.processEvents()
    record["first_show_s"] = time.perf_counter() - start
    dock = _find(QDockWidget, DOCK_NAME)
    record["dock_visible_after_trigger"] = bool(dock is not None and dock.isVisible())
    record["first_show_imported"] = sorted(set(timing.watched_loaded()) - before)


def _finish():
    try:
        record["watched_at_ready"] = timing.watched_loaded()
        record["plugin_times"] = dict(qgis.utils.plugin_times)
        record["plugin_active"] = timing.PLUGIN in qgis.utils.active_plugins
        _first_show()
    except Exception:  # the bench reports it; a dialog would hold QGIS open
        record["error"] = traceback.format_exc()
    with open(os.environ["CM_RESULT"], "w") as handle:
        json.dump(record, handle, indent=1)
    QgsApplication.exit(0)


def _event_loop_started():
    record["event_loop_s"] = time.time()
    QTimer.singleShot(SETTLE_MS, _finish)


QTimer.singleShot(0, _event_loop_started)
