"""Every message the plugin's errors carry is a marked template that ships translated.

A new ``raise InputError(f"...")`` (not translatable), a template missing from i18n/*.ts (run ``make
translations``), one left untranslated, a template naming a value its raise does not pass, or a
translation that drops or misspells a placeholder fails here.
"""
import ast
import xml.etree.ElementTree as ET  # nosec B405: the repository's own .ts files
from pathlib import Path

import pytest

from coal_monitor.core.messages import placeholders

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "coal_monitor"
MESSAGE_ERRORS = {"InputError", "PortError", "SlugError", "StoreError", "HeapInputError", "DataFolderError",
                  "RecomputeCancelled"}
TS_FILES = sorted((REPO / "i18n").glob("coal_monitor_*.ts"))


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        if "__pycache__" not in path.parts:
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _name(node):
    return node.id if isinstance(node, ast.Name) else getattr(node, "attr", None)


def _templates():
    """{template: "file:line"} of every QT_TR_NOOP("...") in the plugin."""
    found = {}
    for path, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) == "QT_TR_NOOP":
                (arg,) = node.args
                assert isinstance(arg, ast.Constant), f"{path}:{node.lineno}: QT_TR_NOOP takes one literal"
                found.setdefault(arg.value, f"{path.relative_to(REPO)}:{node.lineno}")
    return found


def _catalog(ts_file):
    root = ET.parse(ts_file).getroot()  # nosec B314
    return {m.findtext("source"): m.find("translation") for m in root.iter("message")}


def test_errors_are_raised_with_marked_templates_never_with_built_text():
    built = []
    for path, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) \
                    and _name(node.exc.func) in MESSAGE_ERRORS and node.exc.args:
                arg = node.exc.args[0]
                if not _marked(arg):
                    built.append(f"{path.relative_to(REPO)}:{node.lineno}: {ast.unparse(arg)[:70]}")
    assert built == []


def _marked(arg):
    """A template (QT_TR_NOOP, Message, tr(...) or tr(...).format(...)), one of two by a condition, or a
    Name (an error or Message passed on)."""
    if isinstance(arg, ast.IfExp):
        return _marked(arg.body) and _marked(arg.orelse)
    if isinstance(arg, ast.Call) and _name(arg.func) == "format":  # tr("... {x}").format(x=...)
        arg = arg.func.value
    return isinstance(arg, ast.Name) or (isinstance(arg, ast.Call)
                                         and _name(arg.func) in ("QT_TR_NOOP", "Message", "tr"))


def _template_calls():
    """(where, template, names passed) of every Error(QT_TR_NOOP("..."), k=v) and Message(QT_TR_NOOP(...), k=v),
    the template chosen by a conditional expression included."""
    for path, tree in _modules():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args and _name(node.func) in MESSAGE_ERRORS | {"Message"}):
                continue
            marks = [n for n in ast.walk(node.args[0]) if isinstance(n, ast.Call) and _name(n.func) == "QT_TR_NOOP"]
            if any(k.arg is None for k in node.keywords):  # **values: not checkable here
                continue
            if marks:
                yield (f"{path.relative_to(REPO)}:{node.lineno}", [mark.args[0].value for mark in marks],
                       {k.arg for k in node.keywords})


def test_every_template_gets_exactly_the_values_it_names():
    """A template naming a value the raise does not pass would turn the refusal into a KeyError; of two
    templates chosen by a condition, each names only values passed and together they name all."""
    wrong = []
    for where, texts, names in _template_calls():
        named = [{name for name, _c, _s in placeholders(text)} for text in texts]
        if names and (any(not n <= names for n in named) or set().union(*named) != names):
            wrong.append(f"{where}: {sorted(names)} for {texts[0][:60]}")
    assert wrong == []


def test_the_engine_and_the_store_mark_their_messages():
    engine_and_store = [where for where in _templates().values()
                        if where.startswith(("coal_monitor/core/", "coal_monitor/store/"))]
    assert len(engine_and_store) > 250


@pytest.mark.parametrize("ts_file", TS_FILES, ids=lambda p: p.stem)
def test_every_template_is_in_the_catalog_and_translated(ts_file):
    catalog = _catalog(ts_file)
    missing = [f"{where}: {text[:60]}" for text, where in _templates().items() if text not in catalog]
    untranslated = [f"{where}: {text[:60]}" for text, where in _templates().items()
                    if text in catalog and (not catalog[text].text or catalog[text].get("type"))]
    assert missing == [], "run `make translations`"
    assert untranslated == []


@pytest.mark.parametrize("ts_file", TS_FILES, ids=lambda p: p.stem)
def test_every_translation_keeps_the_placeholders_of_its_source(ts_file):
    wrong = []
    for source, translation in _catalog(ts_file).items():
        if translation.text and "{" in source:
            try:
                if placeholders(translation.text) != placeholders(source):
                    wrong.append(source[:60])
            except ValueError:
                wrong.append(source[:60])
    assert wrong == []
