#!/usr/bin/env python3
"""Build dist/coal_monitor.zip, installable with QGIS's "Install from ZIP".

The zip holds one folder, ``coal_monitor/``: the Python package, copies of the top-level metadata.txt,
README.md and LICENSE (plugins.qgis.org rejects a plugin folder without LICENSE), the resources/
folder and ``i18n/coal_monitor_<lang>.qm`` compiled by lrelease from i18n/*.ts. Tests, tools and
caches stay out.
"""
import argparse
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLUGIN = "coal_monitor"
SKIP_DIRS = {"__pycache__", ".pytest_cache", ".hypothesis"}
SKIP_SUFFIXES = {".pyc", ".pyo", ".orig", ".rej", ".swp"}


def plugin_files():
    """(source path, path inside the zip) pairs, sorted so the zip is reproducible."""
    pairs = [(REPO / name, f"{PLUGIN}/{name}") for name in ("metadata.txt", "README.md", "LICENSE")]
    for top, inside in ((REPO / PLUGIN, PLUGIN), (REPO / "resources", f"{PLUGIN}/resources")):
        for path in sorted(top.rglob("*")):
            rel = path.relative_to(top)
            if path.is_dir() or SKIP_DIRS.intersection(rel.parts) or path.suffix in SKIP_SUFFIXES:
                continue
            pairs.append((path, f"{inside}/{rel.as_posix()}"))
    return pairs


LRELEASE_CANDIDATES = ("lrelease", "lrelease-qt5", "/usr/lib/qt5/bin/lrelease", "/usr/lib/qt6/bin/lrelease")


def _lrelease():
    for candidate in LRELEASE_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    sys.exit("package: lrelease is missing, so the translations cannot be compiled: "
             "apt-get install qttools5-dev-tools (make deps installs it)")


def compiled_translations(folder: Path):
    """(compiled .qm path, path inside the zip) for each i18n/*.ts, compiled into ``folder``."""
    pairs = []
    for ts in sorted((REPO / "i18n").glob("*.ts")):
        qm = folder / f"{ts.stem}.qm"
        subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        pairs.append((qm, f"{PLUGIN}/i18n/{qm.name}"))
    return pairs


def build(dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive, tempfile.TemporaryDirectory() as qm_dir:
        for source, arcname in plugin_files() + compiled_translations(Path(qm_dir)):
            info = zipfile.ZipInfo(arcname, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, source.read_bytes())
    tmp.replace(dest)
    return dest


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", default=str(REPO / "dist" / f"{PLUGIN}.zip"))
    args = parser.parse_args(argv)
    path = build(Path(args.output))
    print(f"built {path} ({path.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    sys.exit(main())
