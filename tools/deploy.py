#!/usr/bin/env python3
"""Install the packaged plugin into a QGIS profile (what "Install from ZIP" does), and enable it.

Default: the user's default profile under ~/.local/share/QGIS/QGIS3/profiles/default.
"""
import argparse
import configparser
import shutil
import sys
import zipfile
from pathlib import Path

DEFAULT_PROFILES = Path.home() / ".local" / "share" / "QGIS" / "QGIS3" / "profiles"


def install(zip_path: Path, profiles_path: Path, profile: str) -> Path:
    profile_dir = profiles_path / profile
    plugins_dir = profile_dir / "python" / "plugins"
    target = plugins_dir / "coal_monitor"
    if target.exists():
        shutil.rmtree(target)
    plugins_dir.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(plugins_dir)
    set_profile_setting(profile_dir, "PythonPlugins/coal_monitor", "true")
    return target


def set_profile_setting(profile_dir: Path, key: str, value: str):
    """Write a QgsSettings value ("group/name") into the profile's QGIS3.ini as QSettings stores it."""
    ini_path = profile_dir / "QGIS" / "QGIS3.ini"
    ini_path.parent.mkdir(parents=True, exist_ok=True)
    ini = configparser.RawConfigParser()
    ini.optionxform = str
    if ini_path.exists():
        ini.read(ini_path)
    section, _, name = key.partition("/")
    if not ini.has_section(section):
        ini.add_section(section)
    ini.set(section, name.replace("/", "\\"), value)
    with open(ini_path, "w") as handle:
        ini.write(handle, space_around_delimiters=False)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("zip", type=Path)
    parser.add_argument("--profiles-path", type=Path, default=DEFAULT_PROFILES)
    parser.add_argument("--profile", default="default")
    args = parser.parse_args(argv)
    if not args.zip.exists():
        sys.exit(f"{args.zip} does not exist: run `make package` first.")
    target = install(args.zip, args.profiles_path, args.profile)
    print(f"installed Coal Monitor into {target} (enabled in profile '{args.profile}')")


if __name__ == "__main__":
    main()
