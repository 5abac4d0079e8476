"""The one exception type for input a user can fix.

Every check in the core raises ``InputError`` with a message that names the value, says what is wrong
and how to fix it, so that the GUI and Processing can show it as it is, never as a traceback. The
message is a translatable template with its values (``core/messages.py``):
``InputError(QT_TR_NOOP("Height {height_m:g} m ..."), height_m=value)``.
Subclassing ``ValueError`` keeps plain ``except ValueError`` callers working.
"""
from .messages import MessageError


class InputError(MessageError, ValueError):
    """Input that describes no measurable heap; the message is meant for the analyst."""
