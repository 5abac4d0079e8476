"""The keys our map tools use never reach QGIS's own actions.

QGIS deletes the active layer's selected features when a Backspace or Delete press on the map canvas
comes back from the map tool still *accepted* (QgisApp's canvas keyPressed handler: "the map tool did not
take the key"). So a tool that uses those keys to drop a corner must hand the press back *ignored*, as
QGIS's own capture tools do; the other keys it uses (Esc, Enter/Return) are accepted, and every key it
does not use is ignored for QGIS to handle (arrows pan, space bar, ...).
"""
from qgis.PyQt.QtCore import Qt

# A selection is deleted by QGIS for these unless the map tool ignores them.
DELETE_KEYS = (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
OWN_KEYS = DELETE_KEYS + (Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter)


def handle_key(event, actions):
    """Run ``actions[key]`` (a callable) on a key press, and mark the event so that QGIS leaves our keys alone.

    Keys in ``OWN_KEYS`` are consumed even when ``actions`` has nothing for them, so a stray Delete while a
    tool is armed never deletes the analyst's selected heap.
    """
    action = actions.get(event.key())
    if action is not None:
        action()
    mark(event)


def mark(event):
    """The acceptance state that stops QGIS acting on one of our keys (see the module's note)."""
    key = event.key()
    if key in DELETE_KEYS or key not in OWN_KEYS:
        event.ignore()
    else:
        event.accept()
