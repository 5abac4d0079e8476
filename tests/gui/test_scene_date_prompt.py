"""The real date prompt driven by mouse clicks and typed keys: it opens with no date chosen, says UTC,
refuses OK until a date is set, asks a confirmation for a date in the future or of the last minutes, and
for web layers asks the credit and an optional ground resolution and offers the previous date."""
from datetime import datetime, timedelta, timezone

from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QCheckBox, QDateTimeEdit, QDialogButtonBox, QLabel, QLineEdit, QPushButton

from coal_monitor.gui.prompts import Prompts
from tests.gui.test_real_prompts import _answer_later

TITLE, TEXT = "Acquisition date and time", "When was the image taken?"


def _click(widget):
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, widget.rect().center())


def _press(dialog, standard_button):
    _click(dialog.findChild(QDialogButtonBox).button(standard_button))


def _type_date(dialog, when):
    """Double-click the year and type the digits, as an analyst does: the edit moves section by section."""
    edit = dialog.findChild(QDateTimeEdit, "sceneDateTimeEdit")
    line = edit.lineEdit()
    QTest.mouseDClick(line, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(8, line.height() // 2))
    QTest.keyClicks(edit, when.strftime("%Y%m%d%H%M"))


def _problem(dialog):
    return dialog.findChild(QLabel, "sceneDateProblem").text()


def test_opens_with_no_date_chosen_and_ok_refuses_until_one_is_set():
    seen = {}

    def act(dialog):
        edit = dialog.findChild(QDateTimeEdit, "sceneDateTimeEdit")
        seen["state"] = dialog.findChild(QLabel, "sceneDateStateLabel").text()
        seen["zone"] = dialog.findChild(QLabel, "sceneDateZoneLabel").text()
        seen["format"] = edit.displayFormat()
        _press(dialog, QDialogButtonBox.StandardButton.Ok)
        seen["still_open"] = QApplication.activeModalWidget() is dialog
        seen["problem"] = _problem(dialog)
        _press(dialog, QDialogButtonBox.StandardButton.Cancel)

    _answer_later(act)
    assert Prompts().ask_datetime(TITLE, TEXT) is None
    assert "Not chosen yet" in seen["state"]
    assert "UTC" in seen["zone"] and "UTC" in seen["format"]
    assert seen["still_open"] and "only a starting point" in seen["problem"]


def test_typed_date_is_returned_in_utc():
    _answer_later(lambda dialog: (_type_date(dialog, datetime(2024, 4, 2, 2, 31)),
                                  _press(dialog, QDialogButtonBox.StandardButton.Ok)))
    assert Prompts().ask_datetime(TITLE, TEXT) == datetime(2024, 4, 2, 2, 31, tzinfo=timezone.utc)


def _needs_confirmation(when):
    seen = {}

    def act(dialog):
        _type_date(dialog, when)
        confirm = dialog.findChild(QCheckBox, "sceneDateConfirmRecent")
        seen["visible"] = confirm.isVisible()
        _press(dialog, QDialogButtonBox.StandardButton.Ok)
        seen["refused"] = QApplication.activeModalWidget() is dialog and _problem(dialog)
        _click(confirm)
        _press(dialog, QDialogButtonBox.StandardButton.Ok)

    _answer_later(act)
    answer = Prompts().ask_datetime(TITLE, TEXT)
    return answer, seen


def test_a_date_of_the_last_minutes_is_accepted_only_once_confirmed():
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    answer, seen = _needs_confirmation(now)
    assert seen["visible"] and "within 10 minutes of now" in seen["refused"]
    assert answer == now


def test_a_date_in_the_future_is_accepted_only_once_confirmed():
    later = datetime.now(timezone.utc).replace(second=0, microsecond=0) + timedelta(days=40)
    answer, seen = _needs_confirmation(later)
    assert seen["visible"] and "in the future" in seen["refused"]
    assert answer == later


def test_a_confirmation_does_not_carry_over_to_another_date():
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    seen = {}

    def act(dialog):
        _type_date(dialog, now)
        confirm = dialog.findChild(QCheckBox, "sceneDateConfirmRecent")
        _click(confirm)
        _type_date(dialog, now + timedelta(days=3))  # a new, future date: the tick was for the other one
        seen["checked"] = confirm.isChecked()
        _press(dialog, QDialogButtonBox.StandardButton.Ok)
        seen["refused"] = _problem(dialog)
        _press(dialog, QDialogButtonBox.StandardButton.Cancel)

    _answer_later(act)
    assert Prompts().ask_datetime(TITLE, TEXT) is None
    assert seen["checked"] is False and "in the future" in seen["refused"]


def test_web_layer_date_with_credit_previous_date_and_gsd():
    previous = datetime(2025, 4, 18, 2, 10, tzinfo=timezone.utc)
    seen = {}

    def act(dialog):
        credit = dialog.findChild(QLineEdit, "sceneCreditEdit")
        gsd = dialog.findChild(QLineEdit, "sceneGsdEdit")
        seen["credit"], seen["gsd"] = credit.text(), gsd.text()
        seen["state"] = dialog.findChild(QLabel, "sceneDateStateLabel").text()
        _click(dialog.findChild(QPushButton, "scenePreviousDateButton"))
        _click(gsd)
        QTest.keyClicks(gsd, "half a metre")
        _press(dialog, QDialogButtonBox.StandardButton.Ok)
        seen["bad_gsd"] = _problem(dialog)
        QTest.keyClick(gsd, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(gsd, "0.5")
        _press(dialog, QDialogButtonBox.StandardButton.Ok)

    _answer_later(act)
    answer = Prompts().ask_scene_date(TITLE, TEXT, previous_utc=previous, default_credit="(c) OpenStreetMap",
                                      ask_credit=True)
    assert seen["credit"] == "(c) OpenStreetMap" and seen["gsd"] == ""
    assert "Not chosen yet" in seen["state"]  # the previous date is offered, not preset
    assert "'half a metre' is not a number" in seen["bad_gsd"]
    assert answer == {"acquired_utc": previous, "credit": "(c) OpenStreetMap", "gsd_m": 0.5,
                      "confirmed_recent": False}


def test_web_layer_gsd_left_empty_is_unknown():
    def act(dialog):
        _type_date(dialog, datetime(2025, 5, 2, 2, 40))
        credit = dialog.findChild(QLineEdit, "sceneCreditEdit")
        _click(credit)
        QTest.keyClick(credit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(credit, "Maxar")
        _press(dialog, QDialogButtonBox.StandardButton.Ok)

    _answer_later(act)
    answer = Prompts().ask_scene_date(TITLE, TEXT, default_credit="", ask_credit=True)
    assert answer["gsd_m"] is None and answer["credit"] == "Maxar"
    assert answer["acquired_utc"] == datetime(2025, 5, 2, 2, 40, tzinfo=timezone.utc)
