"""Runs inside QGIS desktop (qgis --code): scenes the analyst can trust, with the plugin's real dialogs.

CM_MODE=files: two metadata-free images both named pier.tif, in two folders; each gets a heap traced
  with clicks. The real date prompt opens for each: OK pressed as it opened is refused (the dialog
  stays, nothing is dated "now"), a cancel logs nothing, then the date is set and accepted. The second
  image's date is then corrected with the real "Edit scene" dialog. The data folder is first changed
  with the dock's button (the folder prompt answered by the probe: Qt's folder dialog cannot be driven
  under Xvfb): a read-only folder is refused, then a writable one is taken.
CM_MODE=web1 / web2: one web basemap (an XYZ layer) measured in two QGIS sessions; each asks for the
  imagery's capture date (the second offers the first's), with the layer's credit.
Findings go to CM_RESULT as JSON (read by tests/desktop/test_scenes_in_the_desktop.py).
"""
import json
import os
import sys

sys.path.insert(0, os.environ["CM_REPO"])

import qgis.utils  # noqa: E402
from qgis.core import QgsProject, QgsRasterLayer  # noqa: E402
from qgis.PyQt.QtCore import QDate, QDateTime, QPoint, Qt, QTime, QTimer  # noqa: E402
from qgis.PyQt.QtTest import QTest  # noqa: E402
from qgis.PyQt.QtWidgets import (  # noqa: E402
    QApplication, QDateTimeEdit, QDialogButtonBox, QLabel, QLineEdit, QPushButton,
)

from tests.desktop.scripts import probe_common  # noqa: E402

PLUGIN = "coal_monitor"
CORNERS = [QPoint(700, 400), QPoint(900, 390), QPoint(930, 560), QPoint(720, 580)]


def log(text):
    print(f"scenes_probe: {text}", file=sys.stderr, flush=True)


def dock():
    return qgis.utils.plugins[PLUGIN].dock


def when_modal(action, delay_ms=400):
    """Run ``action(dialog)`` on the next modal dialog (it opens inside the click that follows)."""
    def handle():
        dialog = QApplication.activeModalWidget()
        log(f"modal: {type(dialog).__name__ if dialog is not None else None}")
        if dialog is None:
            QTimer.singleShot(100, handle)
            return
        action(dialog)
    QTimer.singleShot(delay_ms, handle)


def press_ok(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    probe_common.settle(100)


def press_cancel(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    probe_common.settle(100)


def texts(dialog):
    """What the dialog says: its labels and its buttons (the previous date is offered on one)."""
    return " ".join([label.text() for label in dialog.findChildren(QLabel)]
                    + [button.text() for button in dialog.findChildren(QPushButton)])


def answer_date(when, record, refuse_first=True, cancel=False):
    """The real date prompt: OK as opened (must be refused), then cancel or set ``when`` and OK."""
    def action(dialog):
        record["title"] = dialog.windowTitle()
        record["texts_opened"] = texts(dialog)
        edit = dialog.findChild(QDateTimeEdit, "sceneDateTimeEdit")
        record["has_date_edit"] = edit is not None
        credit = dialog.findChild(QLineEdit, "sceneCreditEdit")
        record["credit_offered"] = credit.text() if credit is not None else None
        if refuse_first:
            press_ok(dialog)
            record["open_after_ok_as_opened"] = dialog.isVisible()
            record["texts_after_ok"] = texts(dialog)
        if cancel:
            press_cancel(dialog)
            return
        edit.setDateTime(when)
        press_ok(dialog)
        record["open_after_ok"] = dialog.isVisible()
    return action


def utc(year, month, day, hour, minute):
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt.TimeSpec.UTC)


def draw_and_log(the_dock, canvas, offset_px=0):
    QTest.mouseClick(the_dock.drawHeapButton, Qt.MouseButton.LeftButton)
    probe_common.settle()
    for corner in CORNERS:
        probe_common.click(canvas, QPoint(corner.x() + offset_px, corner.y()))
    probe_common.click(canvas, QPoint(5, 5), Qt.MouseButton.RightButton)
    the_dock.heightSpin.setFocus()
    the_dock.heightSpin.selectAll()
    QTest.keyClicks(the_dock.heightSpin, "6")
    QTest.keyClick(the_dock.heightSpin, Qt.Key.Key_Tab)
    probe_common.settle(100)
    QTest.mouseClick(the_dock.saveHeapButton, Qt.MouseButton.LeftButton)
    probe_common.settle(300)


def start(result):
    import pyplugin_installer

    project = QgsProject.instance()
    project.setFileName(os.environ["CM_PROJECT"])
    result["saved_empty"] = project.write()
    pyplugin_installer.instance().installFromZipFile(os.environ["CM_ZIP"])
    probe_common.settle()
    window = qgis.utils.iface.mainWindow()
    window.showNormal()
    window.resize(1600, 1000)
    probe_common.settle(500)
    return dock()


def messages():
    return [f"{i.title()} {i.text()}" for i in qgis.utils.iface.messageBar().items()]


def files(result):
    the_dock = start(result)
    iface = qgis.utils.iface
    canvas = iface.mapCanvas()
    the_dock.portCombo.setCurrentIndex(the_dock.portCombo.findText("Rason"))

    # the data folder: a read-only one is refused when chosen, a writable one is taken (the folder
    # dialog answers with the folders the test gives; the button, dock and session are the real ones)
    refused, taken = {}, {}
    answers = [os.environ["CM_LOCKED_FOLDER"], os.environ["CM_DATA_FOLDER"]]
    the_dock.prompts.ask_folder = lambda title, start_dir="": answers.pop(0)
    QTest.mouseClick(the_dock.dataFolderButton, Qt.MouseButton.LeftButton)
    probe_common.settle(300)
    result["folder_refused"] = dict(refused, result_label=the_dock.resultLabel.text(), messages=messages())
    QTest.mouseClick(the_dock.dataFolderButton, Qt.MouseButton.LeftButton)
    probe_common.settle(300)
    result["folder_taken"] = dict(taken, entry=QgsProject.instance().readEntry("coal_monitor", "data_folder", "")[0])
    log("data folder done")

    images = json.loads(os.environ["CM_IMAGES"])
    result["images"] = []
    for index, (path, day) in enumerate(images):
        layer = iface.addRasterLayer(path, "pier")
        probe_common.settle(500)
        canvas.setExtent(layer.extent())
        canvas.refresh()
        probe_common.settle(300)
        the_dock.imageryLayerCombo.setLayer(layer)
        probe_common.settle()
        record = {"path": path, "scene_label_before": the_dock.sceneLabel.text()}
        cancelled = {}
        when_modal(answer_date(None, cancelled, cancel=True))
        draw_and_log(the_dock, canvas, offset_px=40 * index)
        record["cancelled"] = dict(cancelled, heaps_after_cancel=the_dock.heap_uids())
        dated = {}
        year, month, dom, hour, minute = day
        when_modal(answer_date(utc(year, month, dom, hour, minute), dated, refuse_first=False))
        QTest.mouseClick(the_dock.saveHeapButton, Qt.MouseButton.LeftButton)  # the outline is still there
        probe_common.settle(300)
        record["dated"] = dated
        record["heaps"] = the_dock.heap_uids()
        record["scene_id"] = the_dock.log.scene["scene_id"] if the_dock.log.scene else None
        record["scene_label"] = the_dock.sceneLabel.text()
        result["images"].append(record)
        log(f"image {index} done: {record['heaps']}")

    corrected = {}

    def correct(dialog):
        corrected["title"] = dialog.windowTitle()
        dialog.findChild(QDateTimeEdit, "sceneDateTimeEdit").setDateTime(utc(2024, 3, 11, 2, 30))
        press_ok(dialog)

    when_modal(correct)
    QTest.mouseClick(the_dock.editSceneButton, Qt.MouseButton.LeftButton)
    probe_common.settle(500)
    result["corrected"] = dict(corrected, scene_label=the_dock.sceneLabel.text(), messages=messages())
    result["port_file"] = str(the_dock.log.file.path) if the_dock.log.file is not None else None
    result["screenshot"] = probe_common.screenshot(the_dock, "desktop/dock_scenes.png")
    result["saved_project"] = project_write()


def project_write():
    return QgsProject.instance().write()


def web(result):
    first = os.environ["CM_MODE"] == "web1"
    iface = qgis.utils.iface
    if first:
        the_dock = start(result)
        layer = QgsRasterLayer(os.environ["CM_XYZ"], "World Imagery", "wms")
        layer.setAttribution("Imagery © Example Maps")
        QgsProject.instance().addMapLayer(layer)
    else:
        window = iface.mainWindow()
        window.showNormal()
        window.resize(1600, 1000)
        probe_common.settle(500)
        the_dock = dock()
        layer = next(lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.name() == "World Imagery")
    canvas = iface.mapCanvas()
    the_dock.portCombo.setCurrentIndex(the_dock.portCombo.findText("Rason"))
    the_dock.imageryLayerCombo.setLayer(layer)
    probe_common.settle()
    canvas.setDestinationCrs(the_dock.session.port_crs())
    canvas.setExtent(_rason_extent())
    canvas.refresh()
    probe_common.settle(300)
    result["scene_label_before"] = the_dock.sceneLabel.text()
    asked = {}
    day = (2025, 4, 18, 2, 10) if first else (2025, 5, 30, 2, 5)
    when_modal(answer_date(utc(*day), asked, refuse_first=False))
    draw_and_log(the_dock, canvas, offset_px=0 if first else 60)
    result["asked"] = asked
    result["heaps"] = the_dock.heap_uids()
    result["scene_id"] = the_dock.log.scene["scene_id"] if the_dock.log.scene else None
    result["port_file"] = str(the_dock.log.file.path) if the_dock.log.file is not None else None
    result["saved_project"] = project_write()


def _rason_extent():
    from qgis.core import QgsRectangle

    return QgsRectangle(605_700.0, 4_675_600.0, 606_100.0, 4_675_900.0)


MODES = {"files": files, "web1": web, "web2": web}
probe_common.run_later(MODES[os.environ["CM_MODE"]], delay_ms=int(os.environ.get("CM_DELAY_MS", "2500")))
