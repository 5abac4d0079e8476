"""What the chart, the CSV, the time-series algorithm and the report read from a port file.

The sums come from the store's own query (``PortFile.totals_by_date``), so every consumer shows the
store's numbers. Which scenes each date's heaps were measured on (for the chart's hover box) and how
many heaps lack numbers are read in one extra grouped query on a read-only connection to the same file.
"""
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, List
from urllib.parse import quote

from ..core import timeseries
from ..store import schema
from ..store.errors import StoreError
from ..store.portfile import PortFile
from ..store.sql import statement

# Keys of PortFile.totals_by_date rows that are named differently in the series.
_STORE_KEYS = {"date": "observed_date", "count": "heaps"}


@contextmanager
def opened(port_file):
    """A PortFile from a path (opened here and closed afterwards) or an open PortFile (left open)."""
    if isinstance(port_file, PortFile):
        yield port_file
        return
    with PortFile.open(port_file) as opened_file:
        yield opened_file


def series(port_file: PortFile, by_pier: bool = False) -> List[timeseries.SeriesPoint]:
    """The port's time series (``timeseries.SeriesPoint`` per date, or per date and pier), sorted."""
    details = _details(port_file.path, by_pier)
    points = []
    for row in port_file.totals_by_date(by_pier=by_pier):
        values = {_STORE_KEYS.get(k, k): v for k, v in row.items()}
        raw_pier = values.pop("pier", None)
        pier = ((raw_pier or "").strip() or timeseries.NO_PIER) if by_pier else timeseries.ALL_PIERS
        key = (values["observed_date"], raw_pier if by_pier else None)
        scene_ids, unmeasured = details.get(key, ((), 0))
        points.append(timeseries.SeriesPoint(
            observed_date=values["observed_date"], pier=pier, heaps=int(values["heaps"]),
            scene_ids=scene_ids, unmeasured=unmeasured,
            **{name: float(values[name] or 0.0) for name in timeseries.SUMMED},
        ))
    # Heaps without a pier and heaps whose pier is blank fall in one "no pier" group.
    if by_pier:
        points = _merge_same_keys(points)
    points += _empty_scene_dates(port_file, points, by_pier)
    return sorted(points, key=lambda p: (p.observed_date, p.pier))


def _empty_scene_dates(port_file: PortFile, points, by_pier: bool) -> List[timeseries.SeriesPoint]:
    """Zero points for dates whose logged scenes show no heap: the port was seen, and seen empty.

    Analysts report exactly this ("void of coal since October"), so a scene without heaps is an
    observation of zero, not a gap. Per pier, every pier the port has or the log names gets its zero.
    """
    seen = {p.observed_date for p in points}
    empty = {}
    for scene in port_file.scenes():
        day = (scene.get("acquired_utc") or "")[:10]
        if day and day not in seen:
            empty.setdefault(day, []).append(scene["scene_id"])
    if not by_pier:
        piers = [timeseries.ALL_PIERS]
    else:
        piers = list(dict.fromkeys(list(port_file.port.piers) + timeseries.piers(points))) or [timeseries.NO_PIER]
    return [timeseries.SeriesPoint(day, pier, scene_ids=tuple(scenes))
            for day, scenes in empty.items() for pier in piers]


def _merge_same_keys(points):
    merged: Dict[tuple, timeseries.SeriesPoint] = {}
    for point in points:
        key = (point.observed_date, point.pier)
        if key not in merged:
            merged[key] = point
            continue
        into = merged[key]
        into.heaps += point.heaps
        into.unmeasured += point.unmeasured
        into.scene_ids += tuple(s for s in point.scene_ids if s not in into.scene_ids)
        for name in timeseries.SUMMED:
            setattr(into, name, getattr(into, name) + getattr(point, name))
    return list(merged.values())


def _details(path: Path, by_pier: bool) -> Dict[tuple, tuple]:
    """{(date, pier or None): (scene ids, heaps without numbers)} from one grouped read-only query."""
    sql = statement("SELECT substr(observed_utc, 1, 10) AS day, {pier} AS pier, scene_id, sum(tonnage_t IS NULL) "
                    "FROM {t} GROUP BY day, {pier}, scene_id ORDER BY day, scene_id"
                    if by_pier else
                    "SELECT substr(observed_utc, 1, 10) AS day, NULL AS pier, scene_id, sum(tonnage_t IS NULL) "
                    "FROM {t} GROUP BY day, scene_id ORDER BY day, scene_id", t=schema.HEAPS, pier="pier")
    try:
        connection = sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True, timeout=5.0)
        try:
            rows = connection.execute(sql).fetchall()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise StoreError(f"Cannot read the heaps of {path} for the time series: {exc}.") from None
    details = {}
    for day, pier_value, scene, unmeasured in rows:
        scenes, missing = details.get((day, pier_value), ((), 0))
        if scene:
            scenes += (scene,)
        details[(day, pier_value)] = (scenes, missing + int(unmeasured or 0))
    return details
