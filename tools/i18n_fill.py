#!/usr/bin/python3
"""Fill untranslated messages of an i18n .ts file from a JSON {source: translation} file (developer tool).

    /usr/bin/python3 tools/i18n_fill.py i18n/coal_monitor_ko.ts translations.json

Only messages marked unfinished whose source is in the JSON are filled; the rest is left as it is. Run
`make translations` afterwards: it writes the file back in pylupdate5's own layout.
Prints how many were filled and which unfinished sources remain.
"""
import json
import sys
import xml.etree.ElementTree as ET  # nosec B405: the project's own .ts file, not untrusted input


def main(ts_path, json_path):
    answers = json.loads(open(json_path, encoding="utf-8").read())
    tree = ET.parse(ts_path)  # nosec B314: the project's own file
    filled, left = 0, []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        if source in answers:
            translation.text = answers[source]
            del translation.attrib["type"]
            filled += 1
        else:
            left.append(source)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    print(f"{ts_path}: {filled} filled, {len(left)} still unfinished")
    for source in left:
        print(f"  {source}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
