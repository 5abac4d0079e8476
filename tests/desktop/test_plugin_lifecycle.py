"""The packaged plugin in the real QGIS desktop: install from zip, load, unload, reload."""
import pytest

from tests.helpers.desktop import build_plugin_zip, run_probe

ONE_OF_EACH = {"loaded": True, "active": True, "docks": 1, "docks_visible": 1, "menus": 1,
               "toolbar_buttons": 1, "toggle_actions": 1, "providers": 1}
NONE_LEFT = {"loaded": False, "active": False, "docks": 0, "docks_visible": 0, "menus": 0,
             "toolbar_buttons": 0, "toggle_actions": 0, "providers": 0}


def _counts(census):
    return {key: census[key] for key in ONE_OF_EACH}


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A fresh profile into which QGIS's own "Install from ZIP" installed the packaged plugin."""
    work = tmp_path_factory.mktemp("desktop")
    plugin_zip = build_plugin_zip(work)
    profiles = work / "profiles"
    result = run_probe("lifecycle_probe.py", profiles,
                       env={"CM_ZIP": str(plugin_zip), "CM_MODE": "install",
                            "CM_SCREENSHOT": "desktop/after_install.png"})
    return profiles, result


def test_install_from_zip_loads_plugin_and_shows_dock(installed):
    _, result = installed
    assert "error" not in result, result["error"]
    census = result["after_start"]
    assert _counts(census) == ONE_OF_EACH, result["_qgis_output"]
    assert census["dock_titles"] == ["Coal Monitor"]


def test_unload_and_reload_three_times_leaves_nothing_behind(installed):
    _, result = installed
    assert "error" not in result, result["error"]
    assert len(result["cycles"]) == 3
    for cycle in result["cycles"]:
        assert _counts(cycle["unloaded"]) == NONE_LEFT
        assert _counts(cycle["reloaded"]) == ONE_OF_EACH
        assert cycle["reloaded"]["algorithms"] == result["after_start"]["algorithms"]


def test_plugin_starts_enabled_from_the_profile_on_next_launch(installed):
    profiles, _ = installed
    result = run_probe("lifecycle_probe.py", profiles,
                       env={"CM_MODE": "restart", "CM_CYCLES": "1", "CM_SCREENSHOT": "desktop/restart.png"})
    assert "error" not in result, result["error"]
    assert _counts(result["after_start"]) == ONE_OF_EACH, result["_qgis_output"]
