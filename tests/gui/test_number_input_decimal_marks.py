"""Typed numbers read either decimal mark and no thousands separator, in German and English locales.

Real key events into the heap form's spin boxes and the new-port dialog: "4.5" and "4,5" are four and a
half metres whatever the locale (Qt's own spin box made 45 m of one of them), "1.234,5" is refused.
"""
import pytest
from qgis.PyQt.QtCore import QLocale, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from coal_monitor.gui.heap_form import HeapForm
from coal_monitor.gui.number_input import NumberInput
from coal_monitor.gui.prompts import Prompts

GERMAN = QLocale(QLocale.Language.German, QLocale.Country.Germany)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
LOCALES = {"de_DE": GERMAN, "en_US": ENGLISH}


@pytest.fixture(params=sorted(LOCALES))
def locale(request):
    before = QLocale()
    QLocale.setDefault(LOCALES[request.param])
    yield LOCALES[request.param]
    QLocale.setDefault(before)


@pytest.fixture()
def form(locale):
    form = HeapForm()
    form.setLocale(locale)
    form.show()
    QApplication.processEvents()
    yield form
    form.close()
    form.deleteLater()


def type_into(spin, text):
    """Select the field's text and type ``text`` key by key, then Tab away (as an analyst does)."""
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, text)
    QTest.keyClick(spin, Qt.Key.Key_Tab)
    QApplication.processEvents()


@pytest.mark.parametrize("typed", ["4.5", "4,5"])
def test_height_and_sigma_take_either_decimal_mark(form, typed):
    type_into(form.heightSpin, typed)
    type_into(form.heightSigmaSpin, typed.replace("4", "0"))
    assert form.heightSpin.value() == 4.5
    assert form.heightSigmaSpin.value() == 0.5
    assert form.volume_inputs()["height_m"] == 4.5 and form.height_method == "manual"


@pytest.mark.parametrize("typed", ["37.5", "37,5"])
def test_angle_and_density_take_either_decimal_mark(form, typed):
    type_into(form.reposeSpin, typed)
    type_into(form.densitySpin, typed.replace("37", "0").replace("5", "95"))
    assert form.reposeSpin.value() == 37.5
    assert form.densitySpin.value() == 0.95


def test_a_thousands_separator_is_never_read(form):
    before = form.densitySpin.value()
    type_into(form.densitySpin, "1.234,5")
    assert form.densitySpin.value() != 1234.5 and form.densitySpin.value() <= 1.6
    type_into(form.heightSpin, "1,000")
    assert form.heightSpin.value() == 1.0
    assert before > 0


def test_values_are_shown_with_the_locales_mark_and_no_groups(form, locale):
    form.heightSpin.setValue(12.5)
    assert form.heightSpin.text() == f"12{locale.decimalPoint()}5 m"
    assert isinstance(form.heightSpin, NumberInput) and form.heightSpin.objectName() == "heightSpin"


def test_new_port_location_and_defaults_take_either_decimal_mark(locale):
    def fill():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, fill)
            return
        dialog.findChild(QLineEdit).setText("Sinpo")
        for name, typed in (("portLatSpin", "40.03"), ("portLonSpin", "128,18"), ("portReposeSpin", "36,5"),
                            ("portDensitySpin", "0.9")):
            spin = dialog.findChild(NumberInput, name)
            spin.setLocale(locale)
            type_into(spin, typed)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(20, fill)
    answer = Prompts().ask_new_port()
    assert (answer["lat_deg"], answer["lon_deg"]) == (40.03, 128.18)
    assert answer["repose_deg"] == 36.5 and answer["density_t_m3"] == 0.9
