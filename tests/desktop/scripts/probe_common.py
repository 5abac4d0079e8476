"""Shared by the probe scripts that run inside QGIS desktop (imported from CM_REPO/tests/...)."""
import json
import os
import traceback

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTimer


def settle(ms=300):
    """Let QGIS process queued events and deferred deletes for about ``ms`` milliseconds."""
    import time

    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
        time.sleep(0.01)


STALE_DIALOG_S = 20  # a modal dialog nobody answered for this long would hold the probe until it times out


def _close_stale_dialogs(seen, result):
    """Close a modal dialog that has stood unanswered for STALE_DIALOG_S (QGIS asking something the probe
    did not expect), recording what it said, so the test fails on its words instead of a time-out."""
    import time

    from qgis.PyQt.QtWidgets import QApplication, QLabel

    dialog = QApplication.activeModalWidget()
    if dialog is None:
        seen.clear()
        return
    first = seen.setdefault(id(dialog), time.monotonic())
    if time.monotonic() - first >= STALE_DIALOG_S:
        words = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        result.setdefault("unanswered_dialogs", []).append({"title": dialog.windowTitle(), "text": words})
        dialog.reject() if hasattr(dialog, "reject") else dialog.close()


def run_later(body, delay_ms=2500):
    """Run ``body(result)`` once QGIS is up, save the result as JSON and quit QGIS."""

    def main():
        result = {}
        seen = {}
        guard = QTimer()
        guard.timeout.connect(lambda: _close_stale_dialogs(seen, result))
        guard.start(2000)
        try:
            body(result)
        except Exception:  # the probe reports everything to the test, which fails on it
            result["error"] = traceback.format_exc()
        guard.stop()
        if result.get("unanswered_dialogs") and "error" not in result:
            result["error"] = f"QGIS asked what the probe did not expect: {result['unanswered_dialogs']}"
        with open(os.environ["CM_RESULT"], "w") as handle:
            json.dump(result, handle, indent=1, default=str)
        from qgis.core import QgsProject

        QgsProject.instance().setDirty(False)  # no "save changes?" box may hold QGIS open
        QgsApplication.exit(0)

    QTimer.singleShot(delay_ms, main)


def screenshot(widget, name):
    path = os.path.join(os.environ["CM_OUTPUT_DIR"], name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if widget.isWindow() and widget.width() < 1600:  # QGIS 3.40 opens small on a fresh profile
        widget.resize(1600, 1000)
        settle(500)
    widget.grab().save(path)
    return path


class RecordingPrompts:
    """Answers every modal question with "no" and records it (the test expects none)."""

    def __init__(self):
        self.asked = []

    def _no(self, kind, *question):
        self.asked.append([kind] + [str(q) for q in question])
        return None

    def confirm(self, title, text):
        self._no("confirm", title, text)
        return False

    def ask_folder(self, title, start_dir=""):
        return self._no("ask_folder", title)

    def ask_datetime(self, title, text):
        return self._no("ask_datetime", title, text)

    def ask_new_port(self, map_centre_lat_lon=None):
        return self._no("ask_new_port")

    def ask_save_path(self, kind, suggested=""):
        return self._no("ask_save_path", kind, suggested) or ""


def click(canvas, pixel, button=None):
    """Move the mouse there, then press and release on the canvas viewport (a hand on the mouse)."""
    from qgis.PyQt.QtCore import QEvent, Qt
    from qgis.PyQt.QtGui import QMouseEvent
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QApplication

    button = Qt.MouseButton.LeftButton if button is None else button
    move = QMouseEvent(QEvent.Type.MouseMove, pixel, Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(canvas.viewport(), move)
    QTest.mouseClick(canvas.viewport(), button, Qt.KeyboardModifier.NoModifier, pixel)
    settle(50)
