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


def series_by_pile(port_file: PortFile) -> List[timeseries.SeriesPoint]:
    """Each pile over time: one point per (date, pile), the pile's name in ``pier`` (its latest label, else
    the start of its pile_uid); only piles with two points or more.

    On a date with several images of the pile the day's rule applies (the finer GSD, else the later image).
    On an examined date where the pile is not logged, from its first sighting to the first examined date
    after its last one, it is gone: a point of 0 t (not on a date whose coverage is partial: it may be out of
    the image). Dates nobody examined add nothing.
    """
    gsd = {s["scene_id"]: (s.get("gsd_m") or float("inf"), s.get("acquired_utc") or "") for s in port_file.scenes()}
    chosen: Dict[tuple, dict] = {}
    for heap in port_file.heaps(with_geometry=False):
        if not heap.get("pile_uid"):
            continue
        key = (heap["observed_utc"][:10], heap["pile_uid"])
        rank = gsd.get(heap["scene_id"], (float("inf"), ""))
        best = chosen.get(key)
        if best is None or rank[0] < best["_rank"][0] or (rank[0] == best["_rank"][0] and rank[1] > best["_rank"][1]):
            chosen[key] = dict(heap, _rank=rank)
    dates_of: Dict[str, list] = {}
    names: Dict[str, str] = {}
    for (day, pile), heap in sorted(chosen.items()):
        dates_of.setdefault(pile, []).append(day)
        names[pile] = heap.get("label") or pile[:8]
    examined = [p.observed_date for p in series(port_file) if p.examined and not p.partial]
    points = []
    for pile, days in dates_of.items():
        pile_points = [_pile_point(day, names[pile], chosen[(day, pile)]) for day in days]
        after = [d for d in examined if d > days[-1]]
        gone = [d for d in examined if days[0] < d < days[-1] and d not in days] + after[:1]
        pile_points += [timeseries.SeriesPoint(observed_date=d, pier=names[pile], heaps=0, examined=True)
                        for d in gone]
        if len(pile_points) > 1:
            points += pile_points
    return sorted(points, key=lambda p: (p.observed_date, p.pier))


def _pile_point(day, name, heap) -> timeseries.SeriesPoint:
    return timeseries.SeriesPoint(observed_date=day, pier=name, heaps=1, scene_ids=(heap["scene_id"] or "",),
                                  unmeasured=int(heap.get("tonnage_t") is None),
                                  **{field: float(heap.get(field) or 0.0) for field in timeseries.SUMMED})


def _merge_same_keys(points):
    merged: Dict[tuple, timeseries.SeriesPoint] = {}
    for point in points:
        key = (point.observed_date, point.pier)
        if key not in merged:
            merged[key] = point
        else:
            timeseries.add_into(merged[key], point)
    return list(merged.values())
