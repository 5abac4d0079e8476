"""Write tests/data/sun_reference.csv: sun positions from pvlib's NREL SPA for random times and places.

The plugin never imports pvlib; this script runs once in a throw-away venv and its CSV is committed, so
that tests/unit/core/test_sun_against_spa.py checks coal_monitor.core.sun against an independent
implementation. Seeded: running it again gives the same file.

    /usr/bin/python3 -m venv /tmp/pvlib-venv && /tmp/pvlib-venv/bin/pip install pvlib
    /tmp/pvlib-venv/bin/python tools/make_sun_reference.py

Cases: years 1950-2050, latitudes -70..70, any longitude, times uniform in the period, kept only when
the sun is more than 5 deg up (the accuracy requirement's domain). Delta T is pvlib's polynomial
(delta_t=None), sea level, standard atmosphere; "elevation" is geometric (no refraction).
"""
import csv
import pathlib
import sys

import numpy as np
import pandas as pd
import pvlib

SEED = 20261128
CASES = 2500
ELEVATION_MIN_DEG = 5.0
OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "data" / "sun_reference.csv"


def main() -> int:
    rng = np.random.default_rng(SEED)
    start = pd.Timestamp("1950-01-01", tz="UTC").value // 10**9
    end = pd.Timestamp("2051-01-01", tz="UTC").value // 10**9
    rows = []
    while len(rows) < CASES:
        n = 4 * CASES
        seconds = rng.integers(start, end, n)
        lat = np.round(rng.uniform(-70.0, 70.0, n), 4)
        lon = np.round(rng.uniform(-180.0, 180.0, n), 4)
        times = pd.DatetimeIndex(pd.to_datetime(seconds, unit="s", utc=True))
        for i in range(n):
            sp = pvlib.solarposition.spa_python(times[i:i + 1], lat[i], lon[i], delta_t=None)
            if sp["elevation"].iloc[0] > ELEVATION_MIN_DEG:
                rows.append((times[i].strftime("%Y-%m-%dT%H:%M:%SZ"), lat[i], lon[i],
                             round(float(sp["elevation"].iloc[0]), 6),
                             round(float(sp["azimuth"].iloc[0]), 6)))
            if len(rows) == CASES:
                break
    with open(OUT, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["utc", "lat_deg", "lon_deg", "elevation_deg", "azimuth_deg"])
        w.writerow(["# pvlib " + pvlib.__version__ + " spa_python delta_t=None seed " + str(SEED),
                    "", "", "", ""])
        w.writerows(rows)
    print(f"wrote {len(rows)} cases to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
