"""Errors of the port store, written for the analyst: which file, what is wrong, how to fix it.

Their messages are translatable templates with values, as the engine's (``core/messages.py``)."""
from ..core.errors import InputError
from ..core.messages import MessageError


class StoreError(MessageError):
    """A port file that cannot be read or written as asked; the message names the file and the fix."""


class HeapInputError(StoreError, InputError):
    """A heap whose inputs the engine or the schema refuses; nothing was written.

    Both a StoreError (the write did not happen) and an InputError (the analyst can fix the input), so
    callers catching either see it.
    """
