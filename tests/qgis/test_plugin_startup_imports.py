"""QGIS's start pays only for the plugin shell: initGui imports neither the dock nor the engine.

Each case runs in a fresh interpreter (tests/helpers/plugin_startup_probe.py) so that modules other
tests imported cannot hide an import, and plays the start as QGIS does it: the main window hidden
while plugins load, then ``initializationCompleted``.
"""
import json
import subprocess
import sys

import pytest

from tests.helpers.plugin_startup_probe import WATCHED_MODULES
from tests.helpers.desktop import REPO_ROOT

ALGORITHM_IDS = ["coal_monitor:copyportlog", "coal_monitor:heapvolumes", "coal_monitor:importheaps", "coal_monitor:portflows",
                 "coal_monitor:portreport", "coal_monitor:porttimeseries", "coal_monitor:recomputevolumes"]


def _probe(mode):
    completed = subprocess.run([sys.executable, "-m", "tests.helpers.plugin_startup_probe", mode], cwd=REPO_ROOT,
                               capture_output=True, text=True, timeout=240)
    assert completed.returncode == 0, completed.stderr[-4000:]
    return json.loads(completed.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def first_install():
    return _probe("first-install")


@pytest.fixture(scope="module")
def closed_last_time():
    return _probe("closed-last-time")


@pytest.mark.parametrize("case", ["first_install", "closed_last_time"])
def test_init_gui_imports_no_heavy_module(case, request):
    result = request.getfixturevalue(case)
    # Meaningful only for modules the bare start had not loaded already: the probe says which those were.
    assert set(result["loaded_before"]) < set(WATCHED_MODULES)
    assert result["imported_by_init_gui"] == []
    census = result["after_init_gui"]
    assert (census["docks"], census["actions"], census["provider"]) == (0, 1, True)


def test_algorithms_are_complete_without_the_engine(first_install):
    algorithms = first_install["after_init_gui"]["algorithms"]
    assert [a[0] for a in algorithms] == ALGORITHM_IDS
    for algorithm_id, display_name, group, has_help, parameter_count in algorithms:
        assert display_name and group and has_help and parameter_count > 0, algorithm_id


def test_dock_opens_once_start_up_completes_on_first_install(first_install):
    census = first_install["after_start"]
    assert (census["docks"], census["docks_open"], census["action_checked"]) == (1, 1, True)
    assert "coal_monitor.gui.dock" in first_install["imported_by_start"]
    assert first_install["dock_open_setting"] is True  # unloading is not the analyst closing it


def test_dock_closed_last_time_waits_for_the_action(closed_last_time):
    assert closed_last_time["imported_by_start"] == []
    assert closed_last_time["after_start"]["docks"] == 0
    census = closed_last_time["after_trigger"]
    assert (census["docks"], census["docks_open"], census["action_checked"]) == (1, 1, True)
    assert closed_last_time["dock_open_setting"] is True


@pytest.fixture(scope="module")
def unload_during_start():
    return _probe("unload-during-start")


@pytest.mark.parametrize("case", ["first_install", "closed_last_time", "unload_during_start"])
def test_unload_removes_everything(case, request):
    census = request.getfixturevalue(case)["after_unload"]
    assert (census["docks"], census["actions"], census["provider"]) == (0, 0, False)


@pytest.mark.parametrize("case", ["first_install", "closed_last_time"])
def test_save_as_keeps_the_data_folder_before_the_dock_exists(case, request):
    before, after = request.getfixturevalue(case)["data_folder_after_save_as"]
    assert before.endswith("first/coal_monitor_data") and after == before


def test_what_the_plugin_stores_stays_in_the_probes_own_settings(first_install):
    # tests/conftest.py's start_qgis gives every test process its own folder, never ~/.config.
    assert "cm-qgis-config-" in first_install["settings_file"], first_install["settings_file"]


def test_unloaded_during_start_builds_no_dock_when_start_completes(unload_during_start):
    assert unload_during_start["after_start"]["docks"] == 0
    assert unload_during_start["imported_by_start"] == []
