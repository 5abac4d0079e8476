#!/usr/bin/env python3
"""Developer check: run the metadata readers over a folder of real vendor files and compare each
result with what the file says, read by eye and written down below (EXPECTED), not with the readers'
own output. Prints one line per file and a summary; exits 1 when a file is wrong or crashes.

    python3 tools/check_vendor_metadata.py [folder]      (default ../shared/corpora/vendor_metadata)
"""
import argparse
import math
import sys
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from coal_monitor.core.errors import InputError  # noqa: E402
from coal_monitor.core.metadata import read_metadata  # noqa: E402

ANGLE_TOLERANCE_DEG = 0.01
GSD_TOLERANCE_M = 0.001


def utc(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)


def read(time, sensor, sun, view=None, gsd=None, warns=()):
    """A file that must be read: its time, sensor, sun (el, az), view (off-nadir, incidence, azimuth; None
    where the file gives none and the reader must not invent one: incidence derived from the off-nadir is
    not compared), gsd and words its warnings must contain."""
    return {"time": utc(time), "sensor": sensor, "sun": sun, "view": view, "gsd": gsd, "warns": warns}


def refused(*words):
    """A file that must be refused with a message containing these words."""
    return {"refused": words}


DERIVED = "derived"  # incidence computed from the off-nadir angle and the orbit: not in the file

# Per file, from reading it: DIMAP centre (LOCATION_TYPE Center) values, Maxar IMAGE_1 / <IMAGE> values,
# Planet / STAC properties. GSD of DIMAP = mean of GSD_ACROSS_TRACK and GSD_ALONG_TRACK.
EXPECTED = {
    "01_DIM_PNEO3_202111071029126_PAN_trimmed.XML": read(
        "2021-11-07T10:29:12.670835Z", "PNEO3", (29.07728083374117, 165.43108816342217),
        (19.738645825028545, 21.78124738411253, 63.05245768834828), (0.34061811696824684 + 0.3241140002177955) / 2),
    "02_DIM_PNEO3_202111071029456_PAN_trimmed.XML": read(
        "2021-11-07T10:29:45.691586Z", "PNEO3", (29.10189780724032, 165.57958592671721),
        (17.259939300763, 19.025920992002145, 128.01410862279099), (0.326869348139385 + 0.31978647251047904) / 2),
    # Its own sun is 0.9 deg from the sun of its IMAGING_DATE and matches two days earlier.
    "03_DIM_SPOT6_SEN_20180915.XML": read(
        "2018-09-15T18:19:29.592Z", "SPOT6", (52.28967552, 143.054831282),
        (10.5786555304, 11.7805020069, 264.456148989), (2.18825075703 + 2.24575858929) / 2,
        warns=("differs by", "date is off by 2 days")),
    "04_DIM_MS-FS_PNEO4_vhr2020.XML": read(
        "2017-04-12T11:06:02.094Z", "PNEO4", (52.3271354095661, 165.76238124344286),
        (10.12318337396411, 11.124561131602404, 179.96867893793004), (1.2301113860864856 + 1.2026091934076724) / 2),
    "05_DIM_md_ple.XML": refused("no Solar_Incidences"),
    "06_DIM_md_pneo.XML": refused("no Solar_Incidences"),
    "07_DIM_foo_single_component.XML": refused("CENTER_GSD_ACROSS_TRACK", "not a number"),
    "08_RPC_PNEO3_202111071029126_PAN_trimmed.XML": refused("RPC model", "not supported"),
    "09_RPC_PHR1B_P_201709281038393_SEN_PRG_FC_178609-001.XML": refused("RPC model", "not supported"),
    "10_RPC_PHR1A_P_202503191043438_SEN_7342362101-1.XML": refused("RPC model", "not supported"),
    "11_METADATA_SPOT4_dimap_v1.DIM": refused("DIMAP v1", "not supported", "enter the acquisition time"),
    "12_md_dg.IMD": refused("no sun angles", "no corner coordinates"),
    "13_md_dg_2.XML": refused("Maxar XML", "no sun angles", "no corner coordinates"),
    "14_10300100D0772D00.r100.xml": read(
        "2022-04-19T23:22:03.016375Z", "WV02", (29.6, 196.0), (32.7, 90 - 52.7, 253.0), 0.641),
    "15_10300100D12D7400.r100.xml": read(
        "2022-04-19T23:20:34.923175Z", "WV02", (29.6, 195.6), (23.7, 90 - 63.3, 338.2), 0.547),
    # view:incidence_angle 58.9 beside view:off_nadir 27.5 is the satellite elevation.
    "16_maxar_ard_103001010A705C00.json": read(
        "2024-12-14T18:53:50Z", "WV02", (31.1, 165.1), (27.5, 90 - 58.9, 233.2), 0.58,
        warns=("satellite elevation",)),
    "17_digitalglobe-sample.json": read(
        "2015-11-09T18:04:46Z", "WV02", (33.4, 168.7), (18.4, DERIVED, 34.5), 2.047),
    "18_data_item_20220125_075509_67_1061.json": read(
        "2022-01-25T07:55:09.676173Z", "PS2.SD 1061", (57.8, 148.0), (1.1, DERIVED, 273.8), 3.6),
    "19_data_item_20220125_075511_17_1061.json": read(
        "2022-01-25T07:55:11.176161Z", "PS2.SD 1061", (57.8, 147.9), (1.1, DERIVED, 274.8), 3.6),
    "20_data_item_20220125_075650_17_1061.json": read(
        "2022-01-25T07:56:50.17694Z", "PS2.SD 1061", (62.5, 140.2), (1.1, DERIVED, 276.4), 3.6),
    "21_search_result_20200130_093253_ssc6_u0001.json": read(
        "2020-01-30T09:32:53.187Z", "SkySatCollect SSC6", (42.6, 202.2), (15.8, DERIVED, 95.9), 0.72),
    "22_20170831_172754_101c.json": read(
        "2017-08-31T17:27:54.960530Z", "101c PS2", (65.1, 145.4), (0.2, DERIVED, None), 2.6),
    "23_20170831_162740_ssc1d1.json": read(
        "2017-08-31T16:27:42.176605Z", "SSC1", (56.3, 122.0), (27.2, DERIVED, 121.3), 0.9),
    # view:azimuth 202.8 against Planet's own pl:satellite_azimuth 329.8: the azimuth is unknown.
    "24_20170831_195425_SS02.json": read(
        "2017-08-31T19:54:26.532800Z", "SS02", (58.4, 231.9), (27.3, DERIVED, None), 1.1,
        warns=("pl:satellite_azimuth",)),
    "25_2017831_195552_SS02.json": read(
        "2017-08-31T19:55:53.513448Z", "SS02", (59.4, 230.3), (25.0, DERIVED, 202.8), 1.1),
    "26_planet-sample.json": read(
        "2017-11-10T12:10:30.535417Z", "1013 PS2", (58.8, 101.8), (1.0, DERIVED, None), 3.7),
    "27_20170831_172754_101c_3B_AnalyticMS_metadata.xml": refused("Planet product XML", "not supported"),
    # Its datetime is the datatake start (datatake id ..T042701); the sun is the tile's, 15 min later.
    "28_example-sentinel2.json": read(
        "2021-09-08T04:27:01.024Z", "SENTINEL-2A msi", (63.5068357330561, 142.987598836457), None, None,
        warns=("start of a longer recording", "15 min later")),
    "29_CBERS_4_MUX_20190510_027_069_L2.json": read(
        "2019-05-10T04:29:23Z", "CBERS-4 MUX", (66.3097, 110.943), (0.00239349, DERIVED, None), 20.0),
    "30_LT05_L2SP_010067_19860424_20200918_02_T2_SR_stac.json": read(
        "1986-04-24T14:54:18.179094Z", "LANDSAT_5 TM", (46.93006922, 58.47866092), (0.0, DERIVED, None), None),
    "31_LC08_L2SP_047027_20201204_02_T1.json": read(
        "2020-12-04T19:02:11.194486Z", "LANDSAT_8 oli/tirs", (18.80722985, 164.91405951), (0.0, DERIVED, None),
        30.0),
    "32_LC08_L2SP_047027_20201204_20210313_02_T1_MTL.txt": refused("Landsat MTL", "not supported"),
    "33_md_kompsat.txt": refused("KOMPSAT", "not supported"),
    "34_md_eros.pass": refused("EROS", "not supported"),
    "35_md_ov.pvl": refused("OrbView", "not supported"),
    "36_md_rdk1.xml": refused("Resurs-DK1", "not supported"),
    "37_md_re_metadata.xml": refused("RapidEye", "not supported"),
    "38_md_ge_metadata.txt": refused("IKONOS", "not supported"),
    "39_md_ls_MTL.txt": refused("Landsat MTL", "not supported"),
    "40_09DEC06145803-P1BS-052869858050_01_P002.IMD": read(
        "2009-12-06T14:58:03.358375Z", "WV02", (66.4, 69.2), (14.4, 90 - 73.7, 312.9), 0.499),
    "41_09DEC06145817-P1BS-052869840050_01_P002.IMD": read(
        "2009-12-06T14:58:17.839376Z", "WV02", (66.4, 69.1), (12.6, 90 - 75.8, 284.3), 0.492),
    "42_09DEC06145817-P1BS-500060999100_01_P002.IMD": read(
        "2009-12-06T14:58:17.442576Z", "WV02", (66.4, 69.2), (12.5, 90 - 75.9, 284.0), 0.492),
}


def _close(got, want, tolerance):
    if want is None or got is None:
        return got is None and want is None
    return math.isclose(got, want, abs_tol=tolerance)


def problems_of(meta, want):
    """What in ``meta`` disagrees with the expectation (empty when all agrees)."""
    found = []
    if meta.acquired_utc != want["time"]:
        found.append(f"time {meta.acquired_utc.isoformat()} != {want['time'].isoformat()}")
    if meta.sensor != want["sensor"]:
        found.append(f"sensor {meta.sensor!r} != {want['sensor']!r}")
    if not (_close(meta.sun_elevation_deg, want["sun"][0], ANGLE_TOLERANCE_DEG)
            and _close(meta.sun_azimuth_deg, want["sun"][1], ANGLE_TOLERANCE_DEG)):
        found.append(f"sun {meta.sun_elevation_deg}/{meta.sun_azimuth_deg} != {want['sun']}")
    off_nadir, incidence, view_az = want["view"] or (None, None, None)
    checks = [("off-nadir", meta.off_nadir_deg, off_nadir), ("view azimuth", meta.view_azimuth_deg, view_az)]
    if incidence != DERIVED:
        checks.append(("incidence", meta.incidence_deg, incidence))
    elif meta.incidence_deg is None or meta.incidence_deg < (off_nadir or 0.0):
        found.append(f"incidence {meta.incidence_deg} not derived from off-nadir {off_nadir}")
    for name, got, expected in checks:
        if not _close(got, expected, ANGLE_TOLERANCE_DEG):
            found.append(f"{name} {got} != {expected}")
    if not _close(meta.gsd_m, want["gsd"], GSD_TOLERANCE_M):
        found.append(f"gsd {meta.gsd_m} != {want['gsd']}")
    for words in want["warns"]:
        if not any(words in w for w in meta.warnings):
            found.append(f"no warning saying {words!r}")
    return found


def _fmt(value, digits=2):
    return "-" if value is None else f"{value:.{digits}f}"


def check(path):
    """(line, verdict) for one file; verdict is read, refused, wrong or crash."""
    want = EXPECTED.get(path.name)
    try:
        meta = read_metadata(path)
    except InputError as exc:
        if want is not None and "refused" in want and all(w in str(exc) for w in want["refused"]):
            return f"{path.name} | refused | {exc}", "refused"
        return f"{path.name} | WRONG: refused ({exc}), expected {want}", "wrong"
    except Exception as exc:  # the check exists to find these
        return f"{path.name} | CRASH {type(exc).__name__}: {exc}", "crash"
    reader = meta.source.split(" ")[0] + (" XML" if meta.source.startswith("Maxar XML") else "")
    line = (f"{path.name} | {reader} | {meta.sensor} | {meta.acquired_utc:%Y-%m-%dT%H:%M:%S.%fZ} | sun "
            f"{_fmt(meta.sun_elevation_deg)}/{_fmt(meta.sun_azimuth_deg)} | view {_fmt(meta.off_nadir_deg)}/"
            f"{_fmt(meta.incidence_deg)}/{_fmt(meta.view_azimuth_deg)} | GSD {_fmt(meta.gsd_m, 3)}")
    if want is None or "refused" in want:
        return f"{line} | WRONG: expected {want or 'an expectation in EXPECTED'}", "wrong"
    found = problems_of(meta, want)
    if found:
        return f"{line} | WRONG: {'; '.join(found)}", "wrong"
    notes = f" ({len(meta.warnings)} note{'s' if len(meta.warnings) != 1 else ''})" if meta.warnings else ""
    return f"{line} | read{notes}", "read"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(REPO.parent / "shared" / "corpora" / "vendor_metadata"))
    parser.add_argument("-v", "--verbose", action="store_true", help="print every warning too")
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"{folder}: no such folder; give the corpus folder as the argument.", file=sys.stderr)
        return 2
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.name != "MANIFEST.tsv")
    counts = {"read": 0, "refused": 0, "wrong": 0, "crash": 0}
    maxar_xml = 0
    for path in files:
        line, verdict = check(path)
        counts[verdict] += 1
        maxar_xml += verdict == "read" and " | Maxar XML | " in line
        print(line)
        if args.verbose and verdict == "read":
            for warning in read_metadata(path).warnings:
                print(f"    note: {warning}")
    missing = sorted(set(EXPECTED) - {p.name for p in files})
    if missing:
        print(f"expected but not in {folder}: {', '.join(missing)}")
    print(f"{len(files)} files: {counts['read']} read, {counts['refused']} refused with a reason, "
          f"{counts['wrong']} wrong, {counts['crash']} crashes, Maxar XML read: {maxar_xml}")
    return 1 if counts["wrong"] or counts["crash"] else 0


if __name__ == "__main__":
    sys.exit(main())
