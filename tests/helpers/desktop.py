"""Run the real QGIS desktop under Xvfb with a fresh profile and a probe script.

A probe script runs inside QGIS (``qgis --code``). It reads its parameters from environment variables,
writes its findings as JSON to ``CM_RESULT`` and quits QGIS. The test then asserts on the JSON from
outside, so a crash inside QGIS shows up as a missing or partial result rather than a hang.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPTS_DIR = REPO_ROOT / "tests" / "desktop" / "scripts"
OUTPUT_DIR = REPO_ROOT / "tests" / "output"
SCREEN = "-screen 0 1600x1000x24"


def build_plugin_zip(dest_dir: Path) -> Path:
    """Build the plugin zip exactly as `make package` does."""
    sys.path.insert(0, str(REPO_ROOT / "tools"))
    try:
        import package
    finally:
        sys.path.pop(0)
    return package.build(Path(dest_dir) / "coal_monitor.zip")


def qgis_executable() -> str:
    path = shutil.which("qgis")
    if path is None:
        raise RuntimeError("The QGIS desktop (`qgis`) is not installed: run `make deps`.")
    return path


def run_probe(script: str, profiles_path: Path, *, env: dict = None, profile: str = "coal_monitor_test",
              project: Path = None, timeout_s: int = 240) -> dict:
    """Start QGIS desktop under Xvfb with ``script`` (a file under tests/desktop/scripts) and return
    the JSON the script wrote. Raises AssertionError with QGIS's output when no result appears."""
    profiles_path.mkdir(parents=True, exist_ok=True)
    result_path = profiles_path / f"result-{Path(script).stem}.json"
    if result_path.exists():
        result_path.unlink()
    run_env = dict(os.environ)
    run_env.pop("QT_QPA_PLATFORM", None)  # the desktop gets a real (virtual) X display
    run_env.setdefault("XDG_RUNTIME_DIR", str(profiles_path))
    run_env.update({"CM_RESULT": str(result_path), "CM_OUTPUT_DIR": str(OUTPUT_DIR), "CM_REPO": str(REPO_ROOT)})
    run_env.update(env or {})
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    command = ["xvfb-run", "-a", "-s", SCREEN, qgis_executable(), "--profiles-path", str(profiles_path),
               "--profile", profile, "--nologo", "--noversioncheck", "--code", str(SCRIPTS_DIR / script)]
    if project is not None:
        command += ["--project", str(project)]
    process = subprocess.Popen(command, env=run_env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, errors="replace", start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # QGIS and its Xvfb, not only xvfb-run
        output, _ = process.communicate()
        raise AssertionError(f"QGIS did not finish {script} within {timeout_s} s:\n" + output[-4000:])
    completed = subprocess.CompletedProcess(command, process.returncode, output)
    if not result_path.exists():
        raise AssertionError(f"QGIS exited with {completed.returncode} and no result from {script}:\n"
                             + completed.stdout[-4000:])
    result = json.loads(result_path.read_text())
    result["_qgis_output"] = completed.stdout[-4000:]
    return result
