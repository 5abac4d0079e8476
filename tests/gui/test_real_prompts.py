"""The real, modal prompts answered by a timer acting as the analyst's hand: they return what was entered
(in UTC for times) and Cancel returns None, so the dock's 'asked once' and 'declined' paths hold in QGIS."""
from datetime import datetime, timezone

from qgis.PyQt.QtCore import QDateTime, Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QApplication,
    QDateTimeEdit,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPushButton,
)

from coal_monitor.gui.prompts import Prompts


def _answer_later(act):
    """Run ``act(dialog)`` on the modal dialog once it is open."""

    def attempt():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, attempt)
            return
        act(dialog)

    QTimer.singleShot(20, attempt)


def _press(dialog, standard_button):
    dialog.findChild(QDialogButtonBox).button(standard_button).click()


def test_acquisition_time_is_returned_in_utc():
    def enter(dialog):
        edit = dialog.findChild(QDateTimeEdit)
        edit.setDateTime(QDateTime.fromString("2024-04-02T02:31:00Z", Qt.DateFormat.ISODate))
        _press(dialog, QDialogButtonBox.StandardButton.Ok)

    _answer_later(enter)
    answer = Prompts().ask_datetime("Acquisition date and time", "When was the image taken?")
    assert answer == datetime(2024, 4, 2, 2, 31, tzinfo=timezone.utc)


def test_cancelled_time_is_none():
    _answer_later(lambda dialog: _press(dialog, QDialogButtonBox.StandardButton.Cancel))
    assert Prompts().ask_datetime("Acquisition date and time", "When?") is None


def test_confirm_yes_and_no():
    _answer_later(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    assert Prompts().confirm("Delete heap", "Delete?") is True
    _answer_later(lambda box: box.button(QMessageBox.StandardButton.No).click())
    assert Prompts().confirm("Delete heap", "Delete?") is False


def test_new_port_takes_the_map_centre():
    def fill(dialog):
        dialog.findChild(QLineEdit).setText("Sinpo")
        next(b for b in dialog.findChildren(QPushButton) if "centre" in b.text()).click()
        _press(dialog, QDialogButtonBox.StandardButton.Ok)

    _answer_later(fill)
    answer = Prompts().ask_new_port((40.03, 128.18))
    assert answer["name"] == "Sinpo"
    assert (answer["lat_deg"], answer["lon_deg"]) == (40.03, 128.18)
    assert answer["repose_deg"] == 35.0 and answer["density_t_m3"] == 0.85


def test_new_port_dialog_offers_picking_on_the_map_and_keeps_the_draft():
    def pick(dialog):
        dialog.findChild(QLineEdit).setText("Sinpo")
        next(b for b in dialog.findChildren(QPushButton) if b.objectName() == "pickPortOnMapButton").click()

    _answer_later(pick)
    answer = Prompts().ask_new_port((40.03, 128.18), {"repose_deg": 38.0})
    assert answer["pick_on_map"] is True and answer["name"] == "Sinpo" and answer["repose_deg"] == 38.0


def test_scene_correction_reads_a_typed_gsd_with_either_decimal_mark_in_german():
    from qgis.PyQt.QtCore import QLocale
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QDoubleSpinBox

    scene = {"scene_id": "S1", "acquired_utc": "2024-04-05T02:13:00.000Z", "gsd_m": 0.5}
    saved = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    answers = []
    try:
        for typed in ("0.3", "0,3"):
            def enter(dialog, typed=typed):
                spin = dialog.findChild(QDoubleSpinBox, "sceneGsdSpin")
                spin.setFocus()
                spin.selectAll()
                QTest.keyClicks(spin, typed)
                QTest.keyClick(spin, Qt.Key.Key_Tab)
                _press(dialog, QDialogButtonBox.StandardButton.Ok)

            _answer_later(enter)
            answers.append(Prompts().edit_scene(scene))
    finally:
        QLocale.setDefault(saved)
    assert answers == [{"gsd_m": 0.3}, {"gsd_m": 0.3}]  # never 3 m, and the untouched date is not "corrected"
