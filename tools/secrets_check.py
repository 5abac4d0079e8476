#!/usr/bin/env python3
"""Fail when detect-secrets finds anything in the given files or folders (plugins.qgis.org blocks an
upload on any detect-secrets finding, so there is no baseline of accepted ones).

Run with the lint venv's python: ``.venv-lint/bin/python tools/secrets_check.py coal_monitor ...``.
"""
import sys
from pathlib import Path

from detect_secrets import SecretsCollection
from detect_secrets.settings import default_settings


def files(paths):
    for path in map(Path, paths):
        yield from (sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
                    if path.is_dir() else [path])


def main(argv):
    collection = SecretsCollection()
    with default_settings():
        for path in files(argv or ["."]):
            collection.scan_file(str(path))
    found = [(name, secret) for name, secrets in collection.data.items() for secret in secrets]
    for name, secret in found:
        print(f"{name}:{secret.line_number}: {secret.type} (detect-secrets)")
    print(f"detect-secrets: {len(found)} finding(s) in {sum(1 for _ in files(argv or ['.']))} files")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
