"""Checks every GeoPackage a test creates must pass: GDAL's validator and SQLite's integrity check."""
import sqlite3
import subprocess
import sys
from pathlib import Path

SYSTEM_PYTHON = "/usr/bin/python3"
BROKEN_PREFIX = "broken-"  # files a test damages on purpose are named so, and skipped by the sweep


def table_rows(path, table) -> list:
    """Every row of ``table`` as a dict, in fid order, read with plain sqlite3 (as any other program would)."""
    connection = sqlite3.connect(str(path))
    connection.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in connection.execute(f'SELECT * FROM "{table}" ORDER BY fid')]
    finally:
        connection.close()


def integrity_errors(path) -> list:
    """PRAGMA integrity_check messages (empty when the file is sound).

    Opened read-write like any program would: a hot journal left by a killed writer is rolled back first.
    """
    connection = sqlite3.connect(str(path))
    try:
        rows = [r[0] for r in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()
    return [] if rows == ["ok"] else rows


def validator_errors(path) -> list:
    """Messages of GDAL's GeoPackage validator, warnings counted as errors (empty when it passes)."""
    from osgeo_utils.samples import validate_gpkg

    try:
        return [str(e) for e in validate_gpkg.check(str(path), abort_at_first_error=True, warning_as_error=True,
                                                    warning_msg=False)]
    except validate_gpkg.GPKGCheckException as exc:
        return [str(exc)]
    except Exception as exc:  # the validator itself trips over some damage: that is a failure too
        return [f"validator crashed: {exc!r}"]


def validator_cli_errors(path) -> list:
    """The validator as documented (`python3 -m osgeo_utils.samples.validate_gpkg FILE`)."""
    result = subprocess.run([SYSTEM_PYTHON, "-m", "osgeo_utils.samples.validate_gpkg", str(path)],
                            capture_output=True, text=True, timeout=120)
    return [] if result.returncode == 0 else [result.stdout + result.stderr]


def assert_sound_gpkg(path) -> None:
    path = Path(path)
    problems = integrity_errors(path) + validator_errors(path)
    assert not problems, f"{path} fails the GeoPackage checks: {problems}"


def sweep(folder) -> list:
    """Check every .gpkg under ``folder`` except those named broken-*; returns the files checked."""
    checked = []
    for path in sorted(Path(folder).rglob("*.gpkg")):
        if not path.name.startswith(BROKEN_PREFIX):
            assert_sound_gpkg(path)
            checked.append(path)
    return checked


if __name__ == "__main__":
    for name in sys.argv[1:]:
        assert_sound_gpkg(name)
        print(f"{name}: ok")
