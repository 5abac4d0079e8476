"""Every number a person reads (dock, chart, hover box, PDF report) written by one rule: the user's locale.

The locale is QLocale's default, which QGIS sets from its own setting (Settings > Options > General >
Locale), so "1.904 t" in German and "1,904 t" in English, always with thousands separators: the same
rule as the heaps layer's labels (``format_number``), so the PDF's map and its table agree. Files meant
for machines (CSV, GeoPackage) never go through here: they keep "." decimals and ISO dates.
"""
from qgis.PyQt.QtCore import QLocale

# Below this magnitude a quantity keeps one decimal, so small heaps keep a meaningful digit.
ONE_DECIMAL_BELOW = 100


def user_locale(locale=None) -> QLocale:
    """``locale`` or the default one, always writing group separators (as QGIS's format_number does)."""
    chosen = QLocale(locale) if locale is not None else QLocale()
    chosen.setNumberOptions(chosen.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return chosen


def number(value, decimals: int = 0, locale=None) -> str:
    """``value`` with ``decimals`` decimals and thousands separators; "?" when unknown."""
    if value is None:
        return "?"
    return user_locale(locale).toString(float(value), "f", decimals)


def signed(value, decimals: int = 0, locale=None) -> str:
    """Like ``number`` with an explicit sign ("+1,234", "-56")."""
    text = number(abs(value), decimals, locale)
    return ("-" if value < 0 else "+") + text


def quantity(value, locale=None) -> str:
    """'13,520' for large values, '7.4' below 100 (separators of the locale)."""
    if value is None:
        return "?"
    return number(value, 0 if abs(value) >= ONE_DECIMAL_BELOW else 1, locale)


def value_range(low, high, unit: str, locale=None) -> str:
    return f"{quantity(low, locale)}–{quantity(high, locale)} {unit}"


def short(value, max_decimals: int = 2, locale=None) -> str:
    """At most ``max_decimals`` decimals, trailing zeros dropped: a GSD of 0.300079 m reads "0.3"."""
    text = number(round(float(value), max_decimals), max_decimals, locale)
    decimal = user_locale(locale).decimalPoint()
    if decimal in text:
        text = text.rstrip("0").rstrip(decimal)
    return text
