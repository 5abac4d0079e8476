#!/usr/bin/env python3
"""`make demo`: Coal Monitor on the synthetic sample scenes, in the real QGIS desktop.

    /usr/bin/python3 tools/demo.py                  # with a display: QGIS opens, ready to draw
    /usr/bin/python3 tools/demo.py --headless       # replay an analyst's session under Xvfb, print a table

Both: package the plugin, install it into a fresh demo profile (OUTPUT/profile), copy the sample scenes
to OUTPUT/samples and build OUTPUT/coal_monitor_demo.qgz (all sample images, grouped by port; the dock
opens on Rason and its latest scene). Heaps are logged to OUTPUT/coal_monitor_data/<port>.gpkg.

Headless (no DISPLAY, or --headless): QGIS runs under xvfb-run with tools/demo_replay.py, which traces
every truth heap of every scene through the dock with real clicks. Afterwards this script reads the port
GeoPackages itself (outside QGIS), writes a CSV per port and OUTPUT/demo_table.csv, prints the table
(true versus estimated volumes) and exits non-zero when anything failed. The scenes are SYNTHETIC:
their heaps and volumes are invented and known exactly (resources/samples/scenes.json).
"""
import argparse
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

import deploy  # noqa: E402
import package  # noqa: E402

PROFILE = "coal_monitor_demo"
PROJECT_NAME = "coal_monitor_demo.qgz"
SCREEN = "-screen 0 1600x1000x24"
REPLAY_TIMEOUT_S = 280
TABLE_COLUMNS = ("scene", "heap", "shape", "model", "model_exact", "height_source", "true_height_m",
                 "measured_height_m", "height_sigma_m", "true_volume_m3", "volume_m3", "volume_lo_m3",
                 "volume_hi_m3", "error_pct", "range_holds_truth")


def prepare(output: Path):
    """Fresh profile with the packaged plugin, sample scenes and the demo project; returns the scenes."""
    if output.exists():
        for name in ("profile", "samples", "coal_monitor_data", "screenshots", PROJECT_NAME, "demo_table.csv",
                     "replay.json", "qgis.log", "replay_stacks.txt"):
            target = output / name
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    output.mkdir(parents=True, exist_ok=True)
    plugin_zip = package.build(output / "coal_monitor.zip")
    deploy.install(plugin_zip, output / "profile" / "profiles", PROFILE)  # `qgis --profiles-path` adds "profiles"
    shutil.copytree(REPO / "resources" / "samples", output / "samples")
    scenes = json.loads((output / "samples" / "scenes.json").read_text())["scenes"]
    build_project(output, scenes)
    return scenes


def build_project(output: Path, scenes):
    """The demo project, written by QGIS itself (offscreen) in a child process: one group per port."""
    script = f"""
import json, sys
from qgis.core import QgsApplication, QgsProject, QgsRasterLayer, QgsReferencedRectangle
app = QgsApplication([], False); app.initQgis()
project = QgsProject.instance()
scenes = json.loads(sys.argv[1])
root = project.layerTreeRoot()
latest = {{}}
ports = list(dict.fromkeys(s["port"] for s in scenes))  # in the index's order: Rason first
for scene in sorted(scenes, key=lambda s: (ports.index(s["port"]), s["date"])):
    layer = QgsRasterLayer(sys.argv[2] + "/samples/" + scene["raster"], scene["id"], "gdal")
    assert layer.isValid(), scene["raster"]
    group = root.findGroup(scene["port"].capitalize()) or root.addGroup(scene["port"].capitalize())
    project.addMapLayer(layer, False)
    group.insertLayer(0, layer).setExpanded(False)  # latest scene on top, band legend folded
    latest[scene["port"]] = layer
rason = latest["rason"]
project.setCrs(rason.crs())
project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(rason.extent(), rason.crs()))
project.writeEntry("coal_monitor", "port", "Rason")
project.writeEntry("coal_monitor", "imagery_layer_id", rason.id())
for node in root.findLayers():
    node.setItemVisibilityChecked(node.layerId() == rason.id())
assert project.write(sys.argv[2] + "/{PROJECT_NAME}")
app.exitQgis()
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.setdefault("XDG_RUNTIME_DIR", str(output))
    subprocess.run([sys.executable, "-c", script, json.dumps(scenes), str(output)], check=True, env=env,
                   stdout=subprocess.DEVNULL)


def qgis_command(output: Path, mode: str):
    """The QGIS desktop command line and the environment the replay script reads."""
    qgis = shutil.which("qgis")
    if qgis is None:
        sys.exit("The QGIS desktop (`qgis`) is not installed: run `make deps` first.")
    command = [qgis, "--profiles-path", str(output / "profile"), "--profile", PROFILE, "--nologo",
               "--noversioncheck", "--project", str(output / PROJECT_NAME),
               "--code", str(REPO / "tools" / "demo_replay.py")]
    env = {"CM_DEMO_MODE": mode, "CM_DEMO_OUTPUT": str(output),
           "CM_DEMO_SCENES": str(output / "samples" / "scenes.json"), "CM_DEMO_RESULT": str(output / "replay.json")}
    return command, env


def desktop_env(output: Path, extra):
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # `make` exports offscreen for the tests; the desktop needs a screen
    env.setdefault("XDG_RUNTIME_DIR", str(output))
    env.update(extra)
    return env


def interactive(output: Path) -> int:
    command, extra = qgis_command(output, "ready")
    print(f"Opening QGIS with {output / PROJECT_NAME} (profile {output / 'profile'}).")
    return subprocess.run(command, env=desktop_env(output, extra)).returncode


def headless(output: Path, scenes) -> int:
    command, extra = qgis_command(output, "replay")
    if shutil.which("xvfb-run") is None:
        sys.exit("xvfb-run is missing: run `make deps` first.")
    started = time.monotonic()
    with open(output / "qgis.log", "w") as log:
        # its own process group, so that a stuck QGIS is ended together with xvfb-run and Xvfb
        process = subprocess.Popen(["xvfb-run", "-a", "-s", SCREEN] + command, env=desktop_env(output, extra),
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            returncode = process.wait(timeout=REPLAY_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            returncode = f"killed after {REPLAY_TIMEOUT_S} s; Python stacks in {output / 'replay_stacks.txt'}"
    qgis_s = time.monotonic() - started
    problems = []
    result_path = output / "replay.json"
    if not result_path.exists():
        problems.append(f"QGIS ended ({returncode}) without the replay's log; see {output / 'qgis.log'}")
        replay = {}
    else:
        replay = json.loads(result_path.read_text())
    replay = dict({"errors": [], "heaps": [], "screenshots": []}, **replay)
    problems += replay["errors"]
    rows, missing = table_rows(output, scenes, replay)
    problems += missing
    print_table(rows)
    print_summary(rows, scenes)
    print_traces(replay.get("traces", []))
    problems += print_story(output, scenes, replay)
    write_table(output / "demo_table.csv", rows)
    csvs = export_csvs(output)
    print(f"\nQGIS replay: {qgis_s:.0f} s for {len(rows)} heaps on {len(scenes)} scenes (QGIS exit {returncode}).")
    print_closing(output, csvs, replay["screenshots"])
    if problems:
        print(f"\nFAILED: {len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    return 0


def table_rows(output: Path, scenes, replay):
    """One row per truth heap: the truth against what the port GeoPackage holds (read here, not in QGIS)."""
    from coal_monitor.store.portfile import PortFile

    stored = {}
    for path in sorted((output / "coal_monitor_data").glob("*.gpkg")):
        port_file = PortFile.open(path)
        try:
            stored.update({h["heap_uid"]: h for h in port_file.heaps(with_geometry=False)})
        finally:
            port_file.close()
    logged = {(h["scene"], h["heap"]): h for h in replay["heaps"]}
    rows, missing = [], []
    for scene in scenes:
        truth = json.loads((output / "samples" / scene["truth"]).read_text())
        for feature in truth["features"]:
            props = feature["properties"]
            record = logged.get((scene["id"], props["heap"]), {})
            heap = stored.get(record.get("heap_uid"))
            row = {"scene": scene["id"], "heap": props["heap"], "shape": props["shape"], "model": props["model"],
                   "model_exact": props["model_exact"], "height_source": record.get("height_source", "-"),
                   "true_height_m": props["height_m"], "true_volume_m3": props["volume_m3"]}
            if heap is None:
                missing.append(f"{scene['id']} {props['heap']}: not in the port GeoPackage")
                rows.append(row)
                continue
            row.update({"measured_height_m": heap["height_m"], "height_sigma_m": heap["height_sigma_m"],
                        "volume_m3": heap["volume_m3"], "volume_lo_m3": heap["volume_lo_m3"],
                        "volume_hi_m3": heap["volume_hi_m3"],
                        "error_pct": 100.0 * (heap["volume_m3"] - props["volume_m3"]) / props["volume_m3"],
                        "range_holds_truth": heap["volume_lo_m3"] <= props["volume_m3"] <= heap["volume_hi_m3"]})
            if heap["model"] != props["model"] or heap["scene_id"] is None:
                missing.append(f"{scene['id']} {props['heap']}: logged with model {heap['model']}")
            rows.append(row)
    return rows, missing


def _fmt(row, key, spec):
    value = row.get(key)
    return "-" if value is None else format(value, spec)


def print_table(rows):
    header = (f"{'scene':<16}{'heap':<5}{'shape':<18}{'model':<7}{'height src':<12}{'true H':>7}{'meas H':>12}"
              f"{'true V m3':>11}{'est V m3':>10}{'range m3':>17}{'err %':>8}  holds")
    print("\nCoal Monitor demo: every truth heap of the SYNTHETIC sample scenes, traced in QGIS through the dock")
    print(header)
    print("-" * len(header))
    for row in rows:
        measured = "-" if row.get("measured_height_m") is None else \
            f"{row['measured_height_m']:.1f}±{row['height_sigma_m']:.1f}"
        spread = "-" if row.get("volume_lo_m3") is None else f"{row['volume_lo_m3']:,.0f}–{row['volume_hi_m3']:,.0f}"
        holds = {True: "yes", False: "NO", None: "-"}[row.get("range_holds_truth")]
        exact = "" if row["model_exact"] else " (model not exact)"
        print(f"{row['scene']:<16}{row['heap']:<5}{row['shape']:<18}{row['model']:<7}{row['height_source']:<12}"
              f"{row['true_height_m']:>7.2f}{measured:>12}{row['true_volume_m3']:>11,.0f}"
              f"{_fmt(row, 'volume_m3', ',.0f'):>10}{spread:>17}{_fmt(row, 'error_pct', '+.1f'):>8}  {holds}{exact}")
    print("\nheight src: shadow = the dock's shadow tool, clicks on the apex as imaged and on the truth's shadow tip "
          "(each rounded to the screen pixel); truth+error = the truth height plus a seeded error uniform within "
          "±5 % (seed 2025), typed to 0.1 m with sigma max(0.5 m, 5 % of H + 0.05 m). Round footprints were "
          "clicked at <= 24 evenly spaced corners of the truth outline. Range = the estimate at H-σ and 35-3° to "
          "H+σ and 35+3°.")


def print_summary(rows, scenes):
    """Heap-less scenes, and how often the ranges hold the truth, split by whether the model fits."""
    print()
    for scene in scenes:
        if not any(row["scene"] == scene["id"] for row in rows):
            print(f"{scene['id']}: no heaps ({scene.get('note', 'none in the truth')}).")
    for exact, words in ((True, "whose shape the model describes"), (False, "the model does not describe")):
        group = [row for row in rows if bool(row["model_exact"]) == exact]
        if not group:
            continue
        held = sum(1 for row in group if row.get("range_holds_truth"))
        shapes = sorted({row["shape"] for row in group})
        print(f"Range holds the true volume for {held} of {len(group)} heaps {words} ({', '.join(shapes)}).")


def print_traces(traces):
    """The one-click traces of one scene's heaps against their truth outlines (demo_replay.trace_heap)."""
    if not traces:
        return
    print("\nOne click inside each heap of rason_20250418 (Trace...), outline against the truth:")
    print(f"{'heap':<6}{'shape':<20}{'IoU':>6}")
    for trace in traces:
        iou = f"{trace['iou']:.3f}" if trace.get("iou") is not None else "none"
        print(f"{trace['heap']:<6}{trace['shape']:<20}{iou:>6}" + (f"  ({trace['problem']})" if trace.get("problem") else ""))
    good = sum(1 for t in traces if (t.get("iou") or 0) >= 0.9)
    print(f"IoU >= 0.9 for {good} of {len(traces)} heaps (touching piles are traced as one region: draw them).")


def print_story(output: Path, scenes, replay):
    """The port's story as the GeoPackages hold it (read here, outside QGIS): each date's total with the
    examined images, the piles followed from date to date, the ships against their truth, the flows.
    Returns the problems found (a ship more than 2 % off its true length, a void date not at 0 t)."""
    from coal_monitor.report import data
    from coal_monitor.store.portfile import PortFile

    problems = []
    carried = {s.get("scene_id"): s for s in replay.get("story", [])}
    truth_ships = {}
    for scene in scenes:
        truth = json.loads((output / "samples" / scene["truth"]).read_text())
        for ship in truth.get("vessels", []):
            truth_ships[(scene["id"], ship["properties"]["vessel"])] = ship["properties"]
    logged_ships = {(v["scene"], v["vessel"]): v["vessel_uid"] for v in replay.get("vessels", [])}
    for path in sorted((output / "coal_monitor_data").glob("*.gpkg")):
        with PortFile.open(path) as port_file:
            port = port_file.port.name
            series = data.series(port_file)
            heaps = port_file.heaps(with_geometry=False)
            scene_dates = {s["scene_id"]: (s.get("acquired_utc") or "")[:10] for s in port_file.scenes()}
            ships = {v["vessel_uid"]: v for v in port_file.vessels()}
            flows = data.flows(port_file)
        print(f"\n{port}: the port's series (every image marked examined; an examined image without heaps is 0 t)")
        print(f"{'date':<12}{'heaps':>6}{'tonnage t':>11}{'range t':>20}{'examined':>10}{'ships':>6}  carried forward")
        for point in series:
            story = [carried.get(scene_id) for scene_id in point.scene_ids if carried.get(scene_id)]
            moved = "; ".join(f"{s['carried']} carried, {s['dropped']} dropped" for s in story if s["carried"])
            print(f"{point.observed_date:<12}{point.heaps:>6}{point.tonnage_t:>11,.0f}"
                  f"{point.tonnage_lo_t:>10,.0f}-{point.tonnage_hi_t:<9,.0f}{'yes' if point.examined else 'no':>10}"
                  f"{point.vessels:>6}  {moved}" + (f"  ({point.note})" if point.heaps == 0 and point.note else ""))
            if point.heaps == 0 and point.tonnage_t != 0.0:
                problems.append(f"{port} {point.observed_date}: an empty examined date shows {point.tonnage_t} t")
        letters = {}
        print(f"\n{port}: piles followed from image to image (pile_uid shown as a letter; label = truth heap)")
        for day in sorted({scene_dates.get(h["scene_id"], h["observed_utc"][:10]) for h in heaps}):
            day_heaps = [h for h in heaps if h["observed_utc"][:10] == day]
            marks = []
            for heap in day_heaps:
                letter = letters.setdefault(heap["pile_uid"], chr(ord("A") + len(letters) % 26))
                marks.append(f"{heap['label']}={letter}")
            print(f"  {day}: {' '.join(marks)}")
        followed = sum(1 for uid in letters
                       if len({h["observed_utc"][:10] for h in heaps if h["pile_uid"] == uid}) > 1)
        print(f"  {len(letters)} piles, {followed} seen on more than one date.")
        port_ships = [(key, truth) for key, truth in truth_ships.items() if logged_ships.get(key) in ships]
        if port_ships:
            print(f"\n{port}: ships measured with three clicks (bow, stern, side) against the truth")
            print(f"{'scene':<16}{'ship':<5}{'true LOA':>9}{'LOA':>8}{'err %':>7}{'true beam':>10}{'beam':>7}"
                  f"  {'true class':<22}{'measured class':<40}{'cargo t':>16}  state")
            for (scene_id, name), truth in port_ships:
                ship = ships[logged_ships[(scene_id, name)]]
                error = 100.0 * (ship["loa_m"] - truth["loa_m"]) / truth["loa_m"]
                cargo = (f"{ship['cargo_lo_t']:,.0f}-{ship['cargo_hi_t']:,.0f}" if ship["cargo_hi_t"] is not None
                         else "-")
                print(f"{scene_id:<16}{name:<5}{truth['loa_m']:>9.1f}{ship['loa_m']:>8.1f}{error:>+7.2f}"
                      f"{truth['beam_m']:>10.2f}{ship['beam_m']:>7.2f}  {truth['vessel_class']:<22}"
                      f"{ship['vessel_class'] or 'none':<40}{cargo:>16}  {ship['state']}")
                if abs(error) > 2.0:
                    problems.append(f"{scene_id} {name}: LOA {ship['loa_m']:.1f} m is {error:+.1f} % off the truth")
        for key, truth in truth_ships.items():
            if key[0] in scene_dates and key not in logged_ships:
                problems.append(f"{key[0]} {key[1]}: the ship was not logged")
        if flows:
            print(f"\n{port}: flows between observation dates (stock change against the ships seen loading)")
            print(f"{'interval':<25}{'stock change t':>15}{'range t':>22}{'ships':>6}{'shipped t':>18}  verdict")
            for flow in flows:
                shipped = (f"{flow.shipped_lo_t:,.0f}-{flow.shipped_hi_t:,.0f}" if flow.shipped_hi_t is not None
                           else f"{flow.shipped_lo_t:,.0f}-?") if flow.ships_loading else "-"
                print(f"{flow.start_date + ' to ' + flow.end_date:<25}{flow.stock_change_t:>+15,.0f}"
                      f"{flow.stock_change_lo_t:>+11,.0f} to {flow.stock_change_hi_t:<+8,.0f}{flow.ships_loading:>6}"
                      f"{shipped:>18}  {flow.verdict}")
    return problems


def write_table(path: Path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=TABLE_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def export_csvs(output: Path):
    from coal_monitor.store.portfile import PortFile

    written = []
    for path in sorted((output / "coal_monitor_data").glob("*.gpkg")):
        dest = output / f"heaps_{path.stem}.csv"
        if dest.exists():
            dest.unlink()
        port_file = PortFile.open(path)
        try:
            written.append(port_file.export_csv(dest))
        finally:
            port_file.close()
    return written


def print_closing(output: Path, csvs, screenshots):
    print("\nOutputs:")
    print(f"  project          {output / PROJECT_NAME}  (open it in QGIS with the plugin, or without it)")
    print(f"  port files       {output / 'coal_monitor_data'}/*.gpkg")
    for path in csvs:
        print(f"  heaps CSV        {path}")
    print(f"  table            {output / 'demo_table.csv'}")
    print(f"  screenshots      {output / 'screenshots'}/ ({len(screenshots)} files)")
    print(f"  QGIS output      {output / 'qgis.log'}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--headless", action="store_true", help="replay under Xvfb even when a display exists")
    parser.add_argument("--scene", action="append", default=[], metavar="ID",
                        help="replay only this scene (repeatable; for troubleshooting)")
    parser.add_argument("--output", type=Path, default=REPO / "demo-output", help="output folder (default demo-output)")
    args = parser.parse_args(argv)
    output = args.output.resolve()
    started = time.monotonic()
    scenes = prepare(output)
    if args.scene:
        unknown = set(args.scene) - {s["id"] for s in scenes}
        if unknown:
            sys.exit(f"No sample scene {', '.join(sorted(unknown))}; see resources/samples/scenes.json.")
        scenes = [s for s in scenes if s["id"] in args.scene]
        os.environ["CM_DEMO_ONLY"] = ",".join(args.scene)
    print(f"Demo prepared in {output} ({time.monotonic() - started:.0f} s): plugin installed in profile "
          f"'{PROFILE}', {len(scenes)} SYNTHETIC sample scenes, project {PROJECT_NAME}.")
    if not args.headless and (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return interactive(output)
    code = headless(output, scenes)
    print(f"Demo finished in {time.monotonic() - started:.0f} s.")
    return code


if __name__ == "__main__":
    sys.exit(main())
