#!/usr/bin/env python3
"""Regenerate i18n/coal_monitor_<lang>.ts from the plugin's code (``make translations``).

pylupdate5 (Debian: pyqt5-dev-tools) finds every ``tr(...)``/``QT_TR_NOOP(...)`` call, but files each
under the class it sits in (or ``@default``); the plugin translates everything in one context
(coal_monitor.translation.CONTEXT), so the messages are gathered into that context here. Translations already
made are kept by source text; messages no longer in the code are dropped; new ones are "unfinished".

Usage: tools/i18n_update.py [LANG ...]   (default: every i18n/coal_monitor_*.ts there is)
"""
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET  # nosec B405: parses the .ts files of this repository and pylupdate5's output
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
I18N = REPO / "i18n"
PREFIX = "coal_monitor_"
CONTEXT = "CoalMonitor"  # coal_monitor.translation.CONTEXT (that module imports Qt; this tool must not)


def extracted_messages():
    """[(source, [(file, line), ...])] in order of first appearance in the code."""
    tool = shutil.which("pylupdate5")
    if tool is None:
        sys.exit("pylupdate5 is missing: apt-get install pyqt5-dev-tools (make deps installs it)")
    sources = sorted(str(p.relative_to(REPO)) for p in (REPO / "coal_monitor").rglob("*.py")
                     if "__pycache__" not in p.parts)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "all.ts"
        # pylupdate5's own DeprecationWarning (locale.getdefaultlocale) is not ours to show
        subprocess.run([tool, "-noobsolete", *sources, "-ts", str(out)], cwd=REPO, check=True,
                       env={**os.environ, "PYTHONWARNINGS": "ignore::DeprecationWarning"})
        root = ET.parse(out).getroot()  # nosec B314: our own pylupdate5 output
    messages = {}
    for message in root.iter("message"):
        source = message.findtext("source")
        # pylupdate5 writes locations relative to the .ts file (here a temporary one)
        locations = [(os.path.relpath((out.parent / loc.get("filename")).resolve(), REPO), int(loc.get("line")))
                     for loc in message.findall("location")]
        messages.setdefault(source, []).extend(locations)
    return sorted(messages.items(), key=lambda item: min(item[1]) if item[1] else ("", 0))


def existing_translations(path):
    if not path.exists():
        return {}
    root = ET.parse(path).getroot()  # nosec B314: a file of this repository
    done = {}
    for message in root.iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.text and translation.get("type") not in ("unfinished", "vanished",
                                                                                                "obsolete"):
            done[message.findtext("source")] = translation.text
    return done


def write_ts(path, lang, messages, translations):
    root = ET.Element("TS", version="2.1", language=lang)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source, locations in messages:
        message = ET.SubElement(context, "message")
        for filename, line in sorted(set(locations)):
            ET.SubElement(message, "location", filename=f"../{filename}", line=str(line))
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if source in translations:
            translation.text = translations[source]
        else:
            translation.set("type", "unfinished")
    ET.indent(root)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                    + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    missing = sum(1 for source, _ in messages if source not in translations)
    print(f"{path.relative_to(REPO)}: {len(messages)} messages, {missing} without a translation")


def main(argv):
    langs = argv or sorted(p.stem[len(PREFIX):] for p in I18N.glob(f"{PREFIX}*.ts"))
    if not langs:
        sys.exit("no language: name one, e.g. tools/i18n_update.py ko")
    messages = extracted_messages()
    I18N.mkdir(exist_ok=True)
    for lang in langs:
        path = I18N / f"{PREFIX}{lang}.ts"
        write_ts(path, lang, messages, existing_translations(path))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
