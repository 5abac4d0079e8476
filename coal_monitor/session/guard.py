"""What happens when something goes wrong behind a click: a message, never a traceback dialog.

Expected problems (``EXPECTED_ERRORS``: bad input, a refused write, an unknown port, a file the system
refuses) become the analyst's message as they are, in the installed language (``message_text``).
Anything else is a bug: it is logged in full in QGIS's Log Messages panel, the analyst gets a short
message, and every observer is told (the test harness registers one, so a bug swallowed here still fails
the test that caused it).
"""
import functools
import traceback

from qgis.core import Qgis, QgsMessageLog

from ..core.errors import InputError
from ..core.ports import PortError
from ..definitions import LOG_TAG
from ..store.errors import StoreError
from ..translation import message_text

EXPECTED_ERRORS = (InputError, StoreError, PortError, OSError)
_observers = []


def add_unexpected_observer(observer):
    """``observer(exc, traceback_text)`` is called for every unexpected exception a guard swallows."""
    _observers.append(observer)


def remove_unexpected_observer(observer):
    if observer in _observers:
        _observers.remove(observer)


def report_unexpected(exc) -> str:
    """Log an unexpected exception, tell the observers; returns the analyst's message."""
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    QgsMessageLog.logMessage(details, LOG_TAG, Qgis.MessageLevel.Critical)
    for observer in list(_observers):
        observer(exc, details)
    return (f"Unexpected problem ({type(exc).__name__}: {exc}); details are in the Log Messages panel "
            f"under '{LOG_TAG}'.")


def guarded(method):
    """Run a method of an object with a ``warn(text)`` method; a failure becomes a warning, never a dialog."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except EXPECTED_ERRORS as exc:
            self.warn(message_text(exc))
        except Exception as exc:  # a bug must not take QGIS down with a Python dialog
            self.warn(report_unexpected(exc))
        return None

    return wrapper
