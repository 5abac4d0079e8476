"""What Coal Monitor adds to QGIS's start-up (target: at most 50 ms), measured in the real desktop.

The QGIS desktop runs under Xvfb, each start with a fresh profile, in three set-ups taken in turn:
  without  no plugin installed (the reference)
  closed   the plugin installed and enabled, its panel closed when QGIS last closed
  open     the plugin just installed and enabled: its panel opens once QGIS has started
Inside QGIS, a start-up file (PYQGIS_STARTUP) times ``qgis.utils.loadPlugin`` and ``startPlugin`` for
coal_monitor: the import of the package and the plugin's creation and ``initGui``, which is what QGIS
pays before its window is ready. The whole start runs from the exec of ``qgis`` to the first turn of
its event loop. With the panel closed, the plugin's action is then triggered and the panel's first
show timed (built, shown, painted). The plugin's bytecode is compiled beforehand, as it is on every
start but the first after an install. Prints medians and ranges; asserts nothing.

Run (it starts QGIS; on the shared machines under the lock):
    flock /tmp/coal-monitor-qgis.lock /usr/bin/python3 bench/bench_startup.py [--starts 5]
"""
import argparse
import compileall
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCRIPTS = Path(__file__).resolve().parent / "startup_scripts"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

import deploy  # noqa: E402
import package  # noqa: E402

from coal_monitor.definitions import DOCK_VISIBLE_KEY  # noqa: E402

TARGET_MS = 50.0
SET_UPS = ("without", "closed", "open")
PROFILE = "bench"
SCREEN = "-screen 0 1600x1000x24"
START_TIMEOUT_S = 180


def prepare_profile(profiles_path: Path, set_up: str, plugin_zip: Path):
    profiles_dir = profiles_path / "profiles"  # where `qgis --profiles-path` looks for its profiles
    profile_dir = profiles_dir / PROFILE
    profile_dir.mkdir(parents=True)
    if set_up != "without":
        target = deploy.install(plugin_zip, profiles_dir, PROFILE)
        # QGIS writes the bytecode on the first start after an install; every later start reads it.
        compileall.compile_dir(str(target), quiet=1)
    if set_up == "closed":
        deploy.set_profile_setting(profile_dir, DOCK_VISIBLE_KEY, "false")


def start_qgis(work: Path, set_up: str, index: int, plugin_zip: Path) -> dict:
    """One start of the QGIS desktop; the figures report.py wrote, with the exec time added."""
    run_dir = work / f"{set_up}-{index}"
    profiles_path = run_dir / "profiles"
    prepare_profile(profiles_path, set_up, plugin_zip)
    result_path = run_dir / "result.json"
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # the desktop gets a real (virtual) X display
    runtime_dir = run_dir / "xdg"
    runtime_dir.mkdir(mode=0o700)
    env.update({"XDG_RUNTIME_DIR": str(runtime_dir), "PYQGIS_STARTUP": str(SCRIPTS / "hook.py"),
                "CM_BENCH_SCRIPTS": str(SCRIPTS), "CM_RESULT": str(result_path)})
    qgis = [shutil.which("qgis"), "--profiles-path", str(profiles_path), "--profile", PROFILE, "--nologo",
            "--noversioncheck", "--code", str(SCRIPTS / "report.py")]
    # The clock starts as the shell replaces itself by QGIS, after Xvfb is up: Xvfb is not QGIS's cost.
    launcher = 'CM_EXEC_S=$(date +%s.%N); export CM_EXEC_S; echo "$CM_EXEC_S" > "$0"; exec "$@"'
    command = ["xvfb-run", "-a", "-s", SCREEN, "sh", "-c", launcher, str(run_dir / "exec_time")] + qgis
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               errors="replace", start_new_session=True)
    try:
        output, _ = process.communicate(timeout=START_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # QGIS and its Xvfb, not only xvfb-run
        output, _ = process.communicate()
        raise SystemExit(f"QGIS ({set_up}) did not finish within {START_TIMEOUT_S} s:\n{output[-3000:]}")
    if not result_path.exists():
        raise SystemExit(f"QGIS ({set_up}) exited with {process.returncode} and no result:\n{output[-3000:]}")
    result = json.loads(result_path.read_text())
    if "error" in result:
        raise SystemExit(f"QGIS ({set_up}): the report script failed:\n{result['error']}")
    result["exec_s"] = float((run_dir / "exec_time").read_text())
    shutil.rmtree(run_dir, ignore_errors=True)
    return result


def plugin_load_ms(result) -> float:
    return 1000 * sum(step["elapsed_s"] for step in result["steps"])


def start_ms(result) -> float:
    return 1000 * (result["event_loop_s"] - result["exec_s"])


def summary(values):
    if not values:
        return "n/a"
    return f"{statistics.median(values):8.0f}   ({min(values):.0f}-{max(values):.0f})"


def qgis_version() -> str:
    from qgis.core import Qgis

    return f"QGIS {Qgis.QGIS_VERSION}"


def print_report(runs: dict, starts: int):
    print(f"{qgis_version()} desktop under Xvfb; {starts} starts per set-up, a fresh profile each; "
          "milliseconds, median (min-max)")
    rows = []
    for set_up in ("closed", "open"):
        rows.append((f"coal_monitor import + initGui, panel {set_up}",
                     [plugin_load_ms(r) for r in runs[set_up]], f"target <= {TARGET_MS:.0f} ms"))
    reference = statistics.median(start_ms(r) for r in runs["without"])
    rows.append(("QGIS start without the plugin", [start_ms(r) for r in runs["without"]], "reference"))
    for set_up in ("closed", "open"):
        values = [start_ms(r) for r in runs[set_up]]
        rows.append((f"QGIS start with it, panel {set_up}", values,
                     f"{statistics.median(values) - reference:+.0f} ms vs without (start-up noise included)"))
    rows.append(("first show of the panel (action triggered)",
                 [1000 * r["first_show_s"] for r in runs["closed"] if "first_show_s" in r], ""))
    for label, values, note in rows:
        print(f"  {label:<46}{summary(values):<26}{note}")
    for set_up in ("without", "closed", "open"):
        last = runs[set_up][-1]
        line = f"  {set_up}: loaded before plugins {last['watched_before_plugins'] or 'none'}; at ready " \
               f"{last['watched_at_ready'] or 'none'}"
        if set_up != "without":
            imported = sorted({m for r in runs[set_up] for s in r["steps"] for m in s["watched_imported"]})
            line += f"; imported by coal_monitor's import + initGui: {imported or 'none'}"
            if "first_show_imported" in last:
                line += f"; by the first show: {last['first_show_imported'] or 'none'}"
            if last.get("dock_at_start"):
                line += "; panel existed at start"
        print(line)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--starts", type=int, default=5, help="QGIS starts per set-up (default 5)")
    args = parser.parse_args(argv)
    for tool in ("qgis", "xvfb-run"):
        if shutil.which(tool) is None:
            raise SystemExit(f"`{tool}` is not installed: run `make deps` first.")
    with tempfile.TemporaryDirectory(prefix="cm-bench-startup-") as tmp:
        work = Path(tmp)
        plugin_zip = package.build(work / "coal_monitor.zip")
        start_qgis(work, "open", -1, plugin_zip)  # untimed: the first start reads everything from disk
        runs = {set_up: [] for set_up in SET_UPS}
        for index in range(args.starts):  # set-ups in turn, so a busy moment of the machine hits all three
            for set_up in SET_UPS:
                runs[set_up].append(start_qgis(work, set_up, index, plugin_zip))
    print_report(runs, args.starts)


if __name__ == "__main__":
    main()
