"""The plugin's user-visible text in the analyst's language, through Qt's translation system.

Every message is in one context, ``CONTEXT``: ``tr("Height")`` at run time, and ``make translations``
(tools/i18n_update.py) gathers every ``tr``/``QT_TR_NOOP`` call into that context in ``i18n/*.ts``.
``make package`` compiles them to ``i18n/coal_monitor_<lang>.qm`` inside the plugin (this module is not
named i18n, so that folder cannot shadow it). The language is
QGIS's: its "override system locale" setting when set, the system's otherwise.
"""
import re
import string
from pathlib import Path
from typing import Optional

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from . import number_text
from .core.messages import Message, as_message, placeholders

CONTEXT = "CoalMonitor"
QM_PREFIX = "coal_monitor_"


def tr(text: str, disambiguation: Optional[str] = None, n: int = -1) -> str:
    """``text`` in the installed language (itself when there is no translation)."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks a constant for translation where it is defined; ``tr`` translates it where it is shown."""
    return text


_PLAIN_NUMBER = re.compile(r"-?[0-9][0-9,]*(?:\.([0-9]+))?")


class _LocaleFormatter(string.Formatter):
    """str.format, but a float is written with the locale's separators (keeping the template's decimals);
    integers (counts, EPSG codes, line numbers), texts and ``!r`` values stay as they are."""

    def format_field(self, value, format_spec):
        english = format(value, format_spec)
        if isinstance(value, float) and _PLAIN_NUMBER.fullmatch(english):
            decimals = _PLAIN_NUMBER.fullmatch(english).group(1) or ""
            return number_text.number(float(english.replace(",", "")), len(decimals))
        return english


_FORMATTER = _LocaleFormatter()


def _is_message(value) -> bool:
    return isinstance(value, Message) or (isinstance(value, BaseException)
                                          and isinstance(getattr(value, "message", None), Message))


def message_text(message) -> str:
    """An error's (or a ``core.messages.Message``'s) text in the installed language, values filled in.

    Nested messages are translated too. A translation whose placeholders differ from the template's
    (one missing, misspelt, or malformed) is not used: the English template is, so nothing is lost.
    """
    message = as_message(message)
    translated = tr(message.template)
    if not message.values:
        return translated
    values = {name: message_text(value) if _is_message(value) else value for name, value in message.values.items()}
    if translated != message.template:
        try:
            if placeholders(translated) == placeholders(message.template):
                return _FORMATTER.vformat(translated, (), values)
        except (ValueError, KeyError, IndexError, AttributeError, TypeError):
            pass
    try:
        return _FORMATTER.vformat(message.template, (), values)
    except (ValueError, KeyError, IndexError, AttributeError, TypeError):
        return str(message)


def qgis_locale() -> str:
    """QGIS's user interface locale, e.g. ``ko_KR`` or ``ko``."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    override = settings.value("locale/overrideFlag", False, type=bool)
    user_locale = settings.value("locale/userLocale", "", type=str) or ""
    return user_locale if override and user_locale else QLocale.system().name()


def translations_dir() -> Optional[Path]:
    from .resources import PACKAGE_DIR

    for base in (PACKAGE_DIR, PACKAGE_DIR.parent):
        if (base / "i18n").is_dir():
            return base / "i18n"
    return None


def qm_file(locale: str, folder: Optional[Path] = None) -> Optional[Path]:
    """The compiled translation for ``locale`` (``ko_KR`` falls back to ``ko``); None when there is none."""
    folder = folder or translations_dir()
    if folder is None:
        return None
    for name in (locale, locale.split("_")[0]):
        candidate = folder / f"{QM_PREFIX}{name}.qm"
        if name and candidate.is_file():
            return candidate
    return None


def install_translator(locale: Optional[str] = None, folder: Optional[Path] = None) -> Optional[QTranslator]:
    """Load and install the plugin's translator for ``locale`` (default: QGIS's); None for English or
    a language without a translation. Keep the result and give it to ``remove_translator`` on unload."""
    path = qm_file(locale or qgis_locale(), folder)
    if path is None:
        return None
    translator = QTranslator()
    if not translator.load(str(path)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def remove_translator(translator: Optional[QTranslator]) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
