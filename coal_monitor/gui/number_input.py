"""A number field that reads "4.5" and "4,5" as four and a half, in every locale.

Qt's QDoubleSpinBox reads with the widget's locale and drops what it takes for a thousands separator:
in German "4.5" m becomes 45 m, in English "4,5" becomes 45. A heap's height, sigma, angle or density
never has thousands, so here either mark is the decimal mark and no group separator is ever read. The
value is shown with the locale's decimal mark and without groups. Same API as QDoubleSpinBox (value(),
setValue(), valueChanged), so the dock and scripts drive it unchanged.
"""
import re

from qgis.PyQt.QtCore import QLocale
from qgis.PyQt.QtGui import QValidator
from qgis.PyQt.QtWidgets import QDoubleSpinBox

# digits with at most one decimal mark, either one; a sign only where the range has negatives
_NUMBER = re.compile(r"^(?P<sign>[-+]?)(?P<whole>\d*)(?:(?P<mark>[.,])(?P<fraction>\d*))?$")


class NumberInput(QDoubleSpinBox):
    """QDoubleSpinBox reading either decimal mark and never a thousands separator."""

    def _core(self, text: str) -> str:
        """The typed number without prefix, suffix and spaces."""
        text = text.strip()
        prefix, suffix = self.prefix().strip(), self.suffix().strip()
        if prefix and text.startswith(prefix):
            text = text[len(prefix):]
        if suffix and text.endswith(suffix):
            text = text[:-len(suffix)]
        return text.strip()

    def validate(self, text, pos):  # noqa: N802 (Qt's name)
        match = _NUMBER.match(self._core(text))
        if match is None or (match["sign"] == "-" and self.minimum() >= 0):
            return QValidator.State.Invalid, text, pos
        if len(match["fraction"] or "") > self.decimals():
            return QValidator.State.Invalid, text, pos
        if not (match["whole"] or match["fraction"]):
            return QValidator.State.Intermediate, text, pos
        value = self.valueFromText(text)
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def valueFromText(self, text):  # noqa: N802 (Qt's name)
        core = self._core(text).replace(",", ".")
        try:
            return float(core) if core not in ("", ".", "-", "+", "-.", "+.") else self.minimum()
        except ValueError:
            return self.value()

    def textFromValue(self, value):  # noqa: N802 (Qt's name)
        locale = QLocale(self.locale())
        locale.setNumberOptions(locale.numberOptions() | QLocale.NumberOption.OmitGroupSeparator)
        return locale.toString(float(value), "f", self.decimals())


def number_input(parent, low, high, value, decimals, suffix, name=""):
    """A ready NumberInput: range, decimals, value, unit suffix and (for tests and scripts) objectName."""
    spin = NumberInput(parent)
    if name:
        spin.setObjectName(name)
    spin.setDecimals(decimals)
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin
