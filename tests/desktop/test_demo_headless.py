"""`make demo` without a display: the replay in the real QGIS desktop logs every truth heap of every scene.

The demo is run as a newcomer runs it (tools/demo.py --headless into a temporary folder). The truth comes
from resources/samples (scenes.json and the truth GeoJSON files), read here independently of the demo.
"""
import csv
import json
import sqlite3
import subprocess
import time

import pytest

from tests.helpers.desktop import REPO_ROOT
from tests.helpers.gpkg_checks import assert_sound_gpkg

SAMPLES = REPO_ROOT / "resources" / "samples"
DEMO_BUDGET_S = 300  # issue 6: under 5 minutes on a 2-core machine
SHADOW_TOLERANCE_M = 0.3 + 0.05  # issue 7's 0.3 m, plus the height box's rounding to 0.1 m


def _truth():
    """{(scene id, heap): truth properties} and {port slug: heap count}."""
    heaps, per_port = {}, {}
    for scene in json.loads((SAMPLES / "scenes.json").read_text())["scenes"]:
        for feature in json.loads((SAMPLES / scene["truth"]).read_text())["features"]:
            heaps[(scene["id"], feature["properties"]["heap"])] = feature["properties"]
            per_port[scene["port"]] = per_port.get(scene["port"], 0) + 1
    return heaps, per_port


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    output = tmp_path_factory.mktemp("demo") / "demo-output"
    started = time.monotonic()
    completed = subprocess.run(["/usr/bin/python3", str(REPO_ROOT / "tools" / "demo.py"), "--headless",
                                "--output", str(output)], capture_output=True, text=True, timeout=DEMO_BUDGET_S + 60)
    elapsed = time.monotonic() - started
    with open(output / "demo_table.csv", newline="") as handle:
        table = {(row["scene"], row["heap"]): row for row in csv.DictReader(handle)}
    return output, completed, elapsed, table


def test_demo_succeeds_within_budget_and_says_where_outputs_are(demo):
    output, completed, elapsed, _ = demo
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    assert elapsed < DEMO_BUDGET_S
    assert completed.stdout.rstrip().splitlines()[-1].startswith("Demo finished")
    assert str(output / "coal_monitor_data") in completed.stdout
    assert (output / "coal_monitor_demo.qgz").exists()
    shots = sorted((output / "screenshots").glob("*.png"))
    assert len(shots) >= len(json.loads((SAMPLES / "scenes.json").read_text())["scenes"])
    assert all(path.stat().st_size > 10_000 for path in shots)


def test_every_heap_of_every_scene_is_logged_printed_and_stored(demo):
    output, completed, _, table = demo
    truth, per_port = _truth()
    assert set(table) == set(truth)
    for (scene, heap), row in table.items():
        assert row["volume_m3"], f"{scene} {heap} has no estimate"
        assert any(line.startswith(f"{scene:<16}{heap:<5}") for line in completed.stdout.splitlines()), (scene, heap)
    for port, count in per_port.items():
        if count == 0:
            continue
        gpkg = output / "coal_monitor_data" / f"{port}.gpkg"
        assert_sound_gpkg(gpkg)
        connection = sqlite3.connect(str(gpkg))
        try:
            labels = sorted(r[0] for r in connection.execute("SELECT label FROM heaps"))
        finally:
            connection.close()
        assert labels == sorted(h for (s, h), p in truth.items() if s.startswith(port))
        with open(output / f"heaps_{port}.csv", newline="") as handle:
            assert len(list(csv.DictReader(handle))) == count


def test_ranges_hold_the_true_volume_where_the_model_describes_the_heap(demo):
    _, _, _, table = demo
    truth, _ = _truth()
    misses = []
    for key, props in truth.items():
        row = table[key]
        assert row["model"] == props["model"]
        holds = float(row["volume_lo_m3"]) <= props["volume_m3"] <= float(row["volume_hi_m3"])
        assert (row["range_holds_truth"] == "True") == holds  # the printed verdict is the real one
        if props["model_exact"] and not holds:
            misses.append((key, props["volume_m3"], row["volume_lo_m3"], row["volume_hi_m3"]))
    assert misses == []


def test_shadow_heights_are_within_a_third_of_a_metre(demo):
    _, _, _, table = demo
    truth, _ = _truth()
    shadow = {key: row for key, row in table.items() if row["height_source"] == "shadow"}
    on_ground = {key for key, props in truth.items() if props["shadow_tip_on_ground"]}
    assert set(shadow) == on_ground and on_ground  # every measurable heap went through the shadow tool
    for key, row in shadow.items():
        assert abs(float(row["measured_height_m"]) - truth[key]["height_m"]) <= SHADOW_TOLERANCE_M, key
