"""What the chart, the CSV, the time-series algorithm and the report read from a port file.

The sums, the scenes behind them and the heaps lacking numbers all come from the store's own query
(``PortFile.totals_by_date``), so every consumer shows the store's numbers by the store's rules: a date
counts when it holds heaps or an image of it was marked examined (0 t without heaps), and a pile seen on
several images of one day counts once.
"""
from contextlib import contextmanager
from typing import Dict, List

from ..core import timeseries
from ..store.portfile import PortFile

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
    """The port's time series (``timeseries.SeriesPoint`` per date, or per date and pier), sorted.

    An examined image without heaps is a point of 0 t; an image nobody marked examined and without heaps
    adds no point (a gap), so a heap deleted from an image never leaves a false "void of coal" behind.
    """
    points = []
    ships = port_file.vessel_counts_by_date()
    for row in port_file.totals_by_date(by_pier=by_pier):
        values = {_STORE_KEYS.get(k, k): v for k, v in row.items()}
        raw_pier = values.pop("pier", None)
        pier = ((raw_pier or "").strip() or timeseries.NO_PIER) if by_pier else timeseries.ALL_PIERS
        points.append(timeseries.SeriesPoint(
            observed_date=values["observed_date"], pier=pier, heaps=int(values["heaps"]),
            scene_ids=tuple(values["scene_ids"]), unmeasured=int(values["unmeasured"]), note=values["note"],
            examined=bool(values["examined"]), partial=bool(values["partial"]),
            vessels=ships.get(values["observed_date"], 0),
            **{name: float(values[name] or 0.0) for name in timeseries.SUMMED},
        ))
    # Heaps without a pier and heaps whose pier is blank fall in one "no pier" group.
    if by_pier:
        points = _merge_same_keys(points)
    return sorted(points, key=lambda p: (p.observed_date, p.pier))


def flows(port_file: PortFile) -> list:
    """The port's flows (``core.flows.Flow`` per interval between observation dates): the total series'
    stock change against the ships seen loading (``PortFile.loadings``)."""
    from ..core.flows import port_flows

    observations = [{"date": p.observed_date, "tonnage_t": p.tonnage_t, "tonnage_lo_t": p.tonnage_lo_t,
                     "tonnage_hi_t": p.tonnage_hi_t, "partial": p.partial} for p in series(port_file)]
    return port_flows(observations, port_file.loadings())


def _merge_same_keys(points):
    merged: Dict[tuple, timeseries.SeriesPoint] = {}
    for point in points:
        key = (point.observed_date, point.pier)
        if key not in merged:
            merged[key] = point
        else:
            timeseries.add_into(merged[key], point)
    return list(merged.values())
