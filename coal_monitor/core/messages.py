"""Messages the engine and the store write for the analyst, translatable without Qt.

A message is an English template, marked with ``QT_TR_NOOP`` where it is written (so that ``make
translations`` files it in i18n/*.ts), and its named values::

    raise InputError(QT_TR_NOOP("Height {height_m:g} m is not above 0."), height_m=value)

``str()`` of the message (and of the error) is the English text, as an f-string would have made it;
``coal_monitor.translation.message_text`` (Qt side) translates the template and then fills in the values,
numbers written for the locale. A value may itself be a ``Message`` (a part another message embeds, such
as a schema field's problem): it is translated too. A message without values is never formatted, so its
text may hold braces; a template with values writes a literal brace as ``{{`` or ``}}``.
"""
import string
from typing import List, Set, Tuple

# Every template marked in the core (filled at import): what stored English text is matched back against.
KNOWN_TEMPLATES: Set[str] = set()


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 (the name pylupdate5 looks for)
    """Marks ``text`` for translation where it is written; it is translated where it is shown."""
    KNOWN_TEMPLATES.add(text)
    return text


# Notes of several parts (a repaired outline, then a tall pile) are stored as one text, joined so.
NOTE_SEPARATOR = ". "
JOINED_NOTES = QT_TR_NOOP("{first}. {then}")
LISTED = QT_TR_NOOP("{first}; {then}")
SPACED = QT_TR_NOOP("{first} {then}")  # sentences of a date's note: "b set aside for 1 pile (…). coverage …"
JOINS = (JOINED_NOTES, LISTED, SPACED)  # items of one note: "part 1: 120 m³; part 2: 80 m³"


class Message(str):
    """English text (this str's value) that also keeps its ``template`` and ``values`` for translation."""

    template: str
    values: dict

    def __new__(cls, template, /, **values):
        if isinstance(template, Message) and not values:
            return template
        template = str(template)
        message = super().__new__(cls, template.format(**values) if values else template)
        message.template = template
        message.values = values
        return message

    def __reduce__(self):
        return (_rebuilt, (self.template, self.values))


def _rebuilt(template, values):
    return Message(template, **values)


def as_message(value) -> Message:
    """``value`` as a Message: itself, an error's message, or any other text taken verbatim."""
    if isinstance(value, Message):
        return value
    message = getattr(value, "message", None)
    if isinstance(value, BaseException) and isinstance(message, Message):
        return message
    return Message(str(value))


def placeholders(template: str) -> List[Tuple[str, str, str]]:
    """The ``{name!conversion:spec}`` fields of ``template``, sorted; ValueError when it is malformed."""
    fields = []
    for _literal, name, spec, conversion in string.Formatter().parse(template):
        if name is not None:
            fields.append((name, conversion or "", spec or ""))
            if spec and "{" in spec:  # a nested field: {height_m:.{digits}f}
                fields.extend(placeholders(spec))
    return sorted(fields)


class MessageError(Exception):
    """Base of the errors whose text is a ``Message``: ``Error(QT_TR_NOOP("... {x} ..."), x=value)``.

    ``Error(message)`` with a Message (or another such error) keeps that message; plain text without
    values is kept verbatim. ``str(error)`` is the English text; ``error.message`` the Message.
    """

    def __init__(self, text="", /, **values):
        if values:
            message = Message(str(text), **values)
        else:
            message = as_message(text)
        super().__init__(str(message))
        self.message = message


def join_notes(notes, joined_by: str = JOINED_NOTES) -> "Message":
    """The non-empty ``notes`` as one Message, "first. then. ..." in English, each part translatable."""
    parts = [Message(n) for n in notes if n]
    if not parts:
        return Message("")
    joined = parts[-1]
    for part in reversed(parts[:-1]):
        joined = Message(joined_by, first=part, then=joined)
    return joined
