"""Shared fixtures for every tier.

The QGIS application is started at most once per process, offscreen when there is no display, with
its own settings folder so that a developer's QGIS profile is never touched.
"""
import os
import sys
import tempfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

# GDAL must not write *.aux.xml statistics beside the committed sample rasters.
os.environ.setdefault("GDAL_PAM_ENABLED", "NO")
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="cm-xdg-"))

QGIS_PLUGINS_DIR = "/usr/share/qgis/python/plugins"

try:  # property-based tests: no example database in the tree, no timing deadline on a busy 2-core machine
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("coal_monitor", database=None, deadline=None)
    _hypothesis_settings.load_profile("coal_monitor")
except ImportError:
    pass


def _versions():
    import platform

    versions = {"Python": platform.python_version()}
    try:
        from qgis.core import Qgis
        from qgis.PyQt.QtCore import QT_VERSION_STR

        versions["QGIS"] = Qgis.QGIS_VERSION
        versions["Qt"] = QT_VERSION_STR
    except ImportError:
        versions["QGIS"] = "not importable by this interpreter"
    try:
        from osgeo import gdal

        versions["GDAL"] = gdal.__version__
    except ImportError:
        versions["GDAL"] = "missing"
    for name in ("shapely", "pyproj", "numpy"):
        try:
            versions[name] = __import__(name).__version__
        except ImportError:
            versions[name] = "missing"
    return versions


def pytest_report_header(config):
    return "Coal Monitor test run on " + ", ".join(f"{k} {v}" for k, v in _versions().items())


_APP = None
# Python must keep the provider it registered alive: if it is collected while the registry still holds
# it, its algorithms lose their names and it can no longer be removed.
_KEEP_ALIVE = []


def start_qgis():
    """Start (once) and return the QgsApplication."""
    global _APP
    if _APP is None:
        from qgis.core import QgsApplication
        from qgis.PyQt.QtCore import QSettings

        config_dir = tempfile.mkdtemp(prefix="cm-qgis-config-")
        # A script's QgsSettings otherwise land in ~/.config, shared by every run: what one test (or the
        # plugin under test) stores there would change the next run.
        # QGIS 3.40 also takes its profile folder from QGIS_CUSTOM_CONFIG_PATH (else ~/.local/share/...).
        os.environ["QGIS_CUSTOM_CONFIG_PATH"] = config_dir
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, config_dir)
        _APP = QgsApplication([], True, config_dir)
        _APP.initQgis()
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, config_dir)  # as initQgis may reset it
    return _APP


@pytest.fixture(scope="session")
def qgis_app():
    """The running QgsApplication (offscreen without a display)."""
    return start_qgis()


@pytest.fixture(scope="session")
def processing(qgis_app):
    """Processing initialized with the coal_monitor provider registered."""
    if QGIS_PLUGINS_DIR not in sys.path:
        sys.path.append(QGIS_PLUGINS_DIR)
    from processing.core.Processing import Processing
    from qgis.core import QgsApplication

    from coal_monitor.processing.provider import CoalMonitorProvider

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("coal_monitor")
    if provider is None:
        provider = CoalMonitorProvider()
        registry.addProvider(provider)
        _KEEP_ALIVE.append(provider)
    import processing as processing_module

    return processing_module


@pytest.fixture()
def provider_slot(qgis_app):
    """Frees the coal_monitor provider id for a test that registers its own (the plugin shell does),
    and puts the session's provider back afterwards."""
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("coal_monitor")
    if existing is not None:
        registry.removeProvider(existing)
    yield registry
    if existing is not None and registry.providerById("coal_monitor") is None:
        from coal_monitor.processing.provider import CoalMonitorProvider

        fresh = CoalMonitorProvider()
        registry.addProvider(fresh)
        _KEEP_ALIVE.append(fresh)


@pytest.fixture()
def clean_project(qgis_app):
    """An empty QgsProject instance, cleared again after the test."""
    from qgis.core import QgsProject

    project = QgsProject.instance()
    project.clear()
    yield project
    project.clear()


@pytest.fixture(autouse=True)
def _no_swallowed_bug(request):
    """A bug that a guard turned into "Unexpected problem" (or a question a test did not script, which
    ScriptedPrompts raises) fails the test that caused it, even though the analyst only saw a message.

    A test about that very mechanism takes this fixture by name: its value is the list of swallowed
    tracebacks, which the test may inspect and clear."""
    if "/tests/unit/" in str(request.node.fspath).replace("\\", "/"):
        yield []
        return
    from coal_monitor.session import guard

    swallowed = []
    observer = lambda exc, details: swallowed.append(details)  # noqa: E731
    guard.add_unexpected_observer(observer)
    try:
        yield swallowed
    finally:
        guard.remove_unexpected_observer(observer)
    if swallowed:
        pytest.fail("An exception was swallowed by a guard and shown as a message:\n" + swallowed[0], pytrace=False)


TIERS = ("unit", "qgis", "gui", "desktop")


def pytest_collection_modifyitems(session, config, items):
    """A tier that was asked for and collected nothing is an error, never a silent pass."""
    tests_dir = Path(__file__).resolve().parent
    asked = [Path(arg.split("::")[0]).resolve() for arg in config.args]
    for tier in TIERS:
        tier_dir = tests_dir / tier
        if not any(tier_dir == path or tier_dir in path.parents or path in tier_dir.parents for path in asked):
            continue
        if not any(tier_dir in Path(str(item.fspath)).parents for item in items) and not config.option.keyword:
            raise pytest.UsageError(f"tests/{tier} collected no tests: a tier that runs nothing must not pass.")
