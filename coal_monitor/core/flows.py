"""The port's flows: between two observation dates, the stock's change against the ships seen loading.

Pure computation. An observation is one date of the port's series (issue 14 item 2: a date an analyst
examined, or that holds heaps) with its tonnage and range; a loading is one ship seen loading at a pier
(``core.vessels.is_loading_event``) with its cargo range. For each interval between consecutive
observation dates, the stock change (with its range) is set against the cargo the ships seen in that
interval can carry (with its range), and a verdict says in words what the two together mean.

Conventions:
- a loading belongs to the interval (start_date, end_date]: after the start image, up to and including
  the end date. A ship on the end date's image is (part-)loaded from the pile that image shows
  lower; a ship seen on the start date already counted in the interval ending there;
- the same ``vessel_uid`` seen loading twice in one interval (images on consecutive days) is one ship:
  counted once, with its widest cargo range;
- a loading without a cargo range (a ship that fits no class) is counted as a ship that can carry
  anything from 0 t up: the shipped range has no upper bound (``shipped_hi_t`` is None);
- the stock change's range is the difference of the two dates' ranges, taken at its widest
  (end low - start high, end high - start low); a drop is a negative change;
- ranges touching at a bound overlap.
"""
import datetime
import math
from dataclasses import dataclass

from .errors import InputError
from .pile_models import QT_TR_NOOP
from .vessels import is_loading_event


@dataclass(frozen=True)
class Verdict:
    key: str
    text: str


# The stored/exported keys never change; the texts are shown through translation.tr.
VERDICTS = (
    Verdict("consistent", QT_TR_NOOP(
        "Consistent: the pile's drop agrees, within the ranges, with the cargo of the ships seen loading.")),
    Verdict("fell_more_than_ships", QT_TR_NOOP(
        "The pile fell by more than the ships seen can carry: loadings were not seen (imagery is not "
        "daily), or coal left by rail or truck.")),
    Verdict("ships_more_than_fell", QT_TR_NOOP(
        "The ships seen loading carried more than the pile lost: coal was delivered in between (rail or "
        "truck), or the ships left part-loaded or topped up elsewhere.")),
    Verdict("grew", QT_TR_NOOP(
        "The pile grew: coal was delivered by rail or truck, more than any ships seen took.")),
    Verdict("steady", QT_TR_NOOP(
        "No change beyond the measurement range, and no ship seen loading.")),
    Verdict("partial", QT_TR_NOOP(
        "Partial comparison: the image of one of the dates covers only part of the port, so its tonnage "
        "is not the port's whole stock.")),
)
VERDICT_TEXT = {verdict.key: verdict.text for verdict in VERDICTS}


@dataclass(frozen=True)
class Flow:
    """One interval between consecutive observation dates.

    ``verdict`` is a key of ``VERDICTS`` and ``verdict_text`` its English text; when either date's
    coverage is partial the verdict is ``partial`` and ``comparison`` keeps what the numbers alone say
    (otherwise the two are equal). ``shipped_hi_t`` is None when a ship without a cargo range loaded.
    """

    start_date: str
    end_date: str
    stock_change_t: float
    stock_change_lo_t: float
    stock_change_hi_t: float
    ships_loading: int
    shipped_lo_t: float
    shipped_hi_t: object
    verdict: str
    verdict_text: str
    comparison: str
    partial: bool
    ships_unsized: int = 0
    vessel_uids: tuple = ()
    vessel_classes: tuple = ()


def _date(value, what):
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    try:
        return datetime.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise InputError(QT_TR_NOOP("{what}: date {value!r} is not an ISO date (yyyy-mm-dd); give it as 2025-04-18."),
                         what=what, value=value) from None


def _tonnes(record, key, what, required=True):
    value = record.get(key)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InputError(QT_TR_NOOP("{what}: {key} {value!r} is not a number of tonnes; give a finite number."),
                         what=what, key=key, value=value)
    if value < 0:
        raise InputError(QT_TR_NOOP("{what}: {key} is {value:g} t; tonnages cannot be negative. Check the estimate."),
                         what=what, key=key, value=value)
    return float(value)


def _range(record, point_key, lo_key, hi_key, what, required=True):
    lo = _tonnes(record, lo_key, what, required)
    hi = _tonnes(record, hi_key, what, required)
    if (lo is None) != (hi is None):
        raise InputError(QT_TR_NOOP("{what}: give both {lo_key} and {hi_key}, or neither."),
                         what=what, lo_key=lo_key, hi_key=hi_key)
    point = _tonnes(record, point_key, what) if point_key else None
    if lo is not None and not lo <= (point if point is not None else lo) <= hi <= math.inf:
        raise InputError(
            QT_TR_NOOP("{what}: the range {lo:g}-{hi:g} t must hold its low end first and the estimate {point:g} t; "
                       "check the numbers.") if point is not None else
            QT_TR_NOOP("{what}: the range {lo:g}-{hi:g} t must hold its low end first; check the numbers."),
            what=what, lo=lo, hi=hi, point=point
        )
    return point, lo, hi


def _records(records, noun, fields):
    """(what, date, record) for each record, with the label its messages use and its ISO date."""
    for index, record in enumerate(records or ()):
        what = f"{noun} {index + 1}"
        if not isinstance(record, dict):
            raise InputError(QT_TR_NOOP("{what} {record!r} is not a record with date and {fields}."),
                             what=what, record=record, fields=fields)
        yield what, _date(record.get("date"), what), record


def _observations(observations):
    out = []
    for what, date, record in _records(observations, "Observation", "tonnage_t"):
        tonnage, lo, hi = _range(record, "tonnage_t", "tonnage_lo_t", "tonnage_hi_t", f"{what} ({date})")
        if out and date <= out[-1][0]:
            raise InputError(
                QT_TR_NOOP("{what}: date {date} does not follow {previous}; give one observation per date, "
                           "oldest first."), what=what, date=date, previous=out[-1][0]
            )
        out.append((date, tonnage, lo, hi, bool(record.get("partial"))))
    return out


def _loadings(loadings):
    out = []
    for what, date, record in _records(loadings, "Loading", "cargo_lo_t/cargo_hi_t"):
        _, lo, hi = _range(record, None, "cargo_lo_t", "cargo_hi_t", f"{what} ({date})", required=False)
        out.append((date, record.get("vessel_uid"), lo, hi, record.get("vessel_class")))
    return out


def _ships(loadings):
    """One entry per ship (vessel_uid), the widest of its cargo ranges; a missing uid is its own ship."""
    ships = {}
    for index, (_date_text, uid, lo, hi, vessel_class) in enumerate(loadings):
        key = uid if uid is not None else ("unnamed", index)
        if key in ships:
            _, old_lo, old_hi, old_class = ships[key]
            unsized = lo is None or old_lo is None
            lo = None if unsized else min(lo, old_lo)
            hi = None if unsized else max(hi, old_hi)
            vessel_class = old_class or vessel_class
        ships[key] = (uid, lo, hi, vessel_class)
    return list(ships.values())


def _comparison(change_lo, change_hi, ships, shipped_lo, shipped_hi):
    drop_lo, drop_hi = -change_hi, -change_lo
    if not ships and change_lo <= 0.0 <= change_hi:
        return "steady"
    if drop_hi >= shipped_lo and (shipped_hi is None or drop_lo <= shipped_hi):
        return "consistent"
    if change_lo > 0.0:
        return "grew"
    if shipped_hi is not None and drop_lo > shipped_hi:
        return "fell_more_than_ships"
    return "ships_more_than_fell"


def port_flows(observations, loadings) -> list:
    """One ``Flow`` per interval between consecutive observation dates (see the module's conventions).

    ``observations``: ordered dicts {date (yyyy-mm-dd), tonnage_t, tonnage_lo_t, tonnage_hi_t, partial};
    ``loadings``: dicts {date, vessel_uid, cargo_lo_t, cargo_hi_t (None when the ship has no class),
    vessel_class}. Loadings before the first or after the last observation fall in no interval.
    """
    dated = _observations(observations)
    shipments = _loadings(loadings)
    flows = []
    for (start, start_t, start_lo, start_hi, start_partial), (end, end_t, end_lo, end_hi, end_partial) in zip(
            dated, dated[1:]):
        ships = _ships([row for row in shipments if start < row[0] <= end])
        unsized = sum(1 for ship in ships if ship[1] is None)
        shipped_lo = sum(ship[1] for ship in ships if ship[1] is not None)
        shipped_hi = None if unsized else sum(ship[2] for ship in ships)
        change_lo, change_hi = end_lo - start_hi, end_hi - start_lo
        comparison = _comparison(change_lo, change_hi, ships, shipped_lo, shipped_hi)
        partial = start_partial or end_partial
        verdict = "partial" if partial else comparison
        flows.append(Flow(
            start, end, end_t - start_t, change_lo, change_hi, len(ships), shipped_lo, shipped_hi,
            verdict, VERDICT_TEXT[verdict], comparison, partial, unsized,
            tuple(ship[0] for ship in ships), tuple(ship[3] for ship in ships),
        ))
    return flows


def loading_events(vessels) -> list:
    """The loadings ``port_flows`` takes, from vessel records (rows of the ``vessels`` layer as dicts:
    observed_utc (ISO date or date-time, UTC) or date, vessel_uid, state, cargo_visible, cargo_lo_t,
    cargo_hi_t, vessel_class): those that are loading events (``core.vessels.is_loading_event``), oldest
    first. The date of a loading is the UTC date of its image."""
    out = []
    for index, record in enumerate(vessels or ()):
        if not isinstance(record, dict):
            raise InputError(QT_TR_NOOP("Vessel {number} {record!r} is not a record with state and observed_utc."),
                             number=index + 1, record=record)
        if not is_loading_event(record.get("state"), record.get("cargo_visible")):
            continue
        when = record.get("date") or record.get("observed_utc")
        date = _date(str(when)[:10] if when is not None else None, f"Vessel {record.get('vessel_uid') or index + 1}")
        out.append({"date": date, "vessel_uid": record.get("vessel_uid"), "cargo_lo_t": record.get("cargo_lo_t"),
                    "cargo_hi_t": record.get("cargo_hi_t"), "vessel_class": record.get("vessel_class")})
    return sorted(out, key=lambda loading: loading["date"])
