"""One way to find the plugin's files, in the repository and in an installed plugin.

In the repository, ``resources/`` and ``metadata.txt`` sit beside the ``coal_monitor`` package; in the
packaged plugin (``make package``) they are copied inside the plugin folder. Everything that needs a
file asks here rather than spelling a path.
"""
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _first_existing(name):
    for base in (PACKAGE_DIR, PACKAGE_DIR.parent):
        candidate = base / name
        if candidate.exists():
            return candidate
    raise FileNotFoundError(
        f"Coal Monitor cannot find '{name}' inside {PACKAGE_DIR} or beside it; "
        "reinstall the plugin from its zip (make package)."
    )


def resources_dir() -> Path:
    """The folder holding icons, styles and sample data."""
    return _first_existing("resources")


def resource_path(relative: str) -> str:
    """Absolute path of a file under resources/, e.g. ``resource_path("icons/coal_monitor.svg")``."""
    path = resources_dir() / relative
    if not path.exists():
        raise FileNotFoundError(f"Coal Monitor resource '{relative}' is missing from {resources_dir()}.")
    return str(path)


def metadata_path() -> str:
    """The plugin's metadata.txt (the top-level one in the repository)."""
    return str(_first_existing("metadata.txt"))
