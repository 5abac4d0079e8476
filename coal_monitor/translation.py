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
from .core.messages import JOINED_NOTES, JOINS, KNOWN_TEMPLATES, LISTED, SPACED, Message, as_message, placeholders

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


_NUMBER_SPEC = re.compile(r".*[eEfFgG%]$")
_ENGLISH_NUMBER = re.compile(r"-?[0-9][0-9,]*(?:\.[0-9]+)?")
_patterns = None


def _pattern(template):
    """``template`` as a regex, each ``{field}`` a lazy group (a field used twice must match the same text)."""
    parts, seen, fields = ["^"], {}, {}
    for literal, name, spec, conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name is None:
            continue
        if name in seen:
            parts.append(f"(?P={seen[name]})")
            continue
        group = f"g{len(seen)}"
        seen[name] = group
        fields[group] = (name, conversion or "", spec or "")
        parts.append(f"(?P<{group}>.+?)")
    parts.append("$")
    literals = [literal for literal, _n, _s, _c in string.Formatter().parse(template) if literal]
    return re.compile("".join(parts), re.DOTALL), (fields, literals)


# The packages whose texts are stored (the engine's notes, the store's totals): their marked templates are
# what stored English is matched against.
STORED_TEXT_PACKAGES = ("core", "store")


def stored_templates() -> set:
    """Every ``QT_TR_NOOP("...")`` template written in the packages that store text, read from their source
    (a template inside a function is marked only when it runs: the source has them all)."""
    import ast

    templates = set(KNOWN_TEMPLATES)
    base = Path(__file__).resolve().parent
    for package in STORED_TEXT_PACKAGES:
        for path in sorted((base / package).rglob("*.py")):
            try:
                tree = ast.parse(path.read_text(encoding="utf-8"))
            except (OSError, SyntaxError, UnicodeDecodeError):
                continue
            for node in ast.walk(tree):
                if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QT_TR_NOOP" and node.args
                        and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                    templates.add(node.args[0].value)
    return templates


def _known_patterns():
    """The stored-text templates with values, the most specific (longest literal text) first."""
    global _patterns
    if _patterns is None:
        known = stored_templates()
        with_fields = [t for t in known if placeholders_or_none(t) and _FIELD.sub("", t).strip()]
        with_fields.sort(key=lambda t: (-len(_FIELD.sub("", t)), t))
        _patterns = [(t, *_pattern(t)) for t in with_fields]
        _patterns.extend((t, None, None) for t in known - set(with_fields))
    return _patterns


def placeholders_or_none(template):
    try:
        return placeholders(template)
    except ValueError:
        return None


def _value(text, conversion, spec, depth, memo):
    """A field's English text back as (value, score): a number for a number's spec, a Message if one
    wrote it (score: the template text it recognised), the text itself otherwise."""
    if conversion == "r":
        return _Repr(text), 0
    if _NUMBER_SPEC.match(spec) or spec == "d":
        if not _ENGLISH_NUMBER.fullmatch(text):
            raise ValueError(f"{text!r} is not a number")  # this template did not write the text
        return (float(text.replace(",", "")) if spec != "d" else int(text.replace(",", ""))), 0
    if not spec and re.fullmatch(r"-?[0-9]+", text):
        return int(text), 0
    found, score = _parse(text, depth + 1, memo)
    return (found, score) if score else (text, 0)


class _Repr(str):
    """A ``!r`` field's stored text, shown as it was stored (its repr already applied)."""

    def __repr__(self):
        return str(self)


def stored_message(text) -> Message:
    """English ``text`` stored by an earlier run (a heap's volume note, a total's note) back as the Message
    that wrote it, matched against the core's templates, so that it can be shown translated. Of several
    readings (notes joined by ". ") the one recognising the most template text wins. Text that no template
    wrote (typed by the analyst, or from a newer version) comes back verbatim."""
    if isinstance(text, Message) and text.values:
        return text
    return _parse(str(text or ""), 0, {})[0]


def _seams(text):
    """Where ``text`` may be notes joined (``core.messages.JOINS``): at each ". " (the full stop kept by
    the first sentence when the join is a space) and each "; "."""
    for found in re.finditer(r"\. ", text):
        yield JOINED_NOTES, text[:found.start()], text[found.end():]
        yield SPACED, text[:found.start() + 1], text[found.end():]
    for found in re.finditer(r"; ", text):
        yield LISTED, text[:found.start()], text[found.end():]


def _in_order(literals, text) -> bool:
    at = 0
    for literal in literals:
        at = text.find(literal, at)
        if at < 0:
            return False
        at += len(literal)
    return True


def _parse(text, depth, memo):
    if text in memo:
        return memo[text]
    best = (Message(text), 0)
    if not text:
        return best
    for join, first_text, then_text in _seams(text):
        first, then = _parse(first_text, depth + 1, memo), _parse(then_text, depth + 1, memo)
        score = first[1] + then[1]
        if score > best[1]:
            best = (Message(join, first=first[0] if first[1] else first_text,
                            then=then[0] if then[1] else then_text), score)
    for template, pattern, fields in _known_patterns():
        if template in JOINS:
            continue
        if pattern is None:
            if template == text and len(text) > best[1]:
                best = (Message(template), len(text))
            continue
        fields, literals = fields
        if not _in_order(literals, text):
            continue  # cheap: the template's words are not all there, in order
        found = pattern.match(text)
        if found is None:
            continue
        try:
            values, score = {}, len(_FIELD.sub("", template))
            for group, (name, conversion, spec) in fields.items():
                values[name], child = _value(found.group(group), conversion, spec, depth, memo)
                score += child
            values.update(_nested_specs(found, fields, values))
            message = Message(template, **values)
        except (ValueError, KeyError, IndexError, TypeError):
            continue
        if str(message) == text and score > best[1]:
            best = (message, score)
    memo[text] = best
    return best


_FIELD = re.compile(r"{[^{}]*(?:{[^{}]*}[^{}]*)*}")


def _nested_specs(found, fields, values):
    """The decimals of a ``{x:.{digits}f}`` field, read from the stored number."""
    extra = {}
    for group, (name, _conversion, spec) in fields.items():
        inner = re.fullmatch(r"\.{(\w+)}f", spec)
        if inner:
            written = found.group(group)
            if not _ENGLISH_NUMBER.fullmatch(written):
                raise ValueError(f"{written!r} is not a number")
            extra[inner.group(1)] = len(written.split(".")[1]) if "." in written else 0
            values[name] = float(written.replace(",", ""))
    return extra


def note_text(text) -> str:
    """A stored English note (or a Message) in the installed language: see ``stored_message``."""
    if isinstance(text, Message) and text.values:
        return message_text(text)
    return message_text(stored_message(text))


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
