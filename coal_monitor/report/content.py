"""What the one-page port report says, gathered from the port file before any layout is drawn.

Kept apart from the print layout so that the words and numbers (title, totals, method, attribution)
are plain data: the layout only places them, and tests can compare them with the file.
"""
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Dict, List, Optional

from ..core import timeseries
from ..core.pile_models import pile_model
from ..number_text import number, short, signed
from ..store.portfile import PortFile
from ..translation import QT_TR_NOOP
from . import data

# The table lists at most this many dates (the latest ones) to stay on one page.
TABLE_MAX_ROWS = 12
# The highlights say the latest this many intervals' flows.
FLOW_LINES = 3


@dataclass
class ReportContent:
    port_name: str
    port_path: Path
    crs_epsg: int
    port_lat_deg: float
    port_lon_deg: float
    made_utc: str
    totals: List[timeseries.SeriesPoint]
    by_pier: List[timeseries.SeriesPoint]
    scenes: List[Dict]
    latest_scene: Optional[Dict]
    latest_raster: Optional[Path]
    latest_raster_note: str
    method_lines: List[str]
    attribution: List[str]
    heap_count: int
    table_rows: List[timeseries.SeriesPoint] = field(default_factory=list)
    table_note: str = ""
    flows: list = field(default_factory=list)  # core.flows.Flow per interval between observation dates
    loading_days: List[str] = field(default_factory=list)  # dates of ships seen loading
    # A team port log has no file: the map draws the latest scene's heaps (with geometry) from the log itself.
    latest_heaps: Optional[List[Dict]] = None
    # How a heading or sentence is written: English as is, or ``tr`` (report.language decides, by the fonts).
    text: Callable[[str], str] = str

    @property
    def title(self) -> str:
        return self.text(QT_TR_NOOP("Coal at {port}")).format(port=self.port_name)

    def subtitle(self) -> str:
        if not self.totals:
            return self.text(QT_TR_NOOP("No heaps logged yet. Report made {made}.")).format(made=self.made_utc)
        latest = self.totals[-1]
        return self.text(QT_TR_NOOP("Latest observation {date}: {tonnage} t of coal (range {low} - {high} t) in "
                                    "{heaps} heap(s). {count} heaps on {dates} date(s) logged. Report made {made}.")
                         ).format(date=latest.observed_date, tonnage=number(latest.tonnage_t),
                                  low=number(latest.tonnage_lo_t), high=number(latest.tonnage_hi_t),
                                  heaps=latest.heaps, count=self.heap_count, dates=len(self.totals),
                                  made=self.made_utc)

    def highlights(self) -> List[str]:
        """The change since the previous date and the highest date, as an analyst would quote them."""
        if not self.totals:
            return []
        latest = self.totals[-1]
        lines = []
        if len(self.totals) > 1:
            previous = self.totals[-2]
            change = latest.tonnage_t - previous.tonnage_t
            lines.append(self.text(QT_TR_NOOP(
                "Change since the previous observation ({date}): {change} t (from {before} t to {after} t; compare "
                "the ranges before calling it a change).")).format(
                date=previous.observed_date, change=signed(change), before=number(previous.tonnage_t),
                after=number(latest.tonnage_t)))
        highest = max(self.totals, key=lambda p: p.tonnage_t)
        lines.append(self.text(QT_TR_NOOP("Highest of the {dates} logged dates: {tonnage} t on {date}.")).format(
            dates=len(self.totals), tonnage=number(highest.tonnage_t), date=highest.observed_date))
        return lines + self.flow_lines()

    def flow_lines(self) -> List[str]:
        """The latest intervals' stock change against the ships seen loading, in words (at most FLOW_LINES)."""
        lines = []
        for flow in self.flows[-FLOW_LINES:]:
            ships = (f"{flow.ships_loading} ship(s) seen loading, cargo {number(flow.shipped_lo_t)}-"
                     f"{number(flow.shipped_hi_t) if flow.shipped_hi_t is not None else '?'} t"
                     if flow.ships_loading else "no ship seen loading")
            lines.append(f"{flow.start_date} to {flow.end_date}: stock {signed(flow.stock_change_t)} t "
                         f"({signed(flow.stock_change_lo_t)} to {signed(flow.stock_change_hi_t)} t), {ships}: "
                         f"{flow.verdict.replace('_', ' ')}.")
        return lines


def gather(port_file: PortFile, made: Optional[datetime] = None) -> ReportContent:
    """Read everything the report shows from an open port file."""
    made = made or datetime.now(timezone.utc)
    port = port_file.port
    totals = data.series(port_file, by_pier=False)
    by_pier = data.series(port_file, by_pier=True)
    scenes = port_file.scenes()
    latest = port_file.latest_scene()
    is_file = isinstance(port_file, PortFile)
    raster, raster_note = _raster_of(Path(port_file.path) if is_file else None, latest)
    heaps = port_file.heaps(with_geometry=False)
    table_rows = totals[-TABLE_MAX_ROWS:]
    note = (f"Latest {TABLE_MAX_ROWS} of {len(totals)} dates; the time-series CSV has them all."
            if len(totals) > TABLE_MAX_ROWS else "")
    return ReportContent(
        port_name=port.name, port_path=Path(port_file.path) if is_file else port_file.path, crs_epsg=port.crs_epsg,
        port_lat_deg=port.lat_deg, port_lon_deg=port.lon_deg,
        made_utc=made.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        totals=totals, by_pier=by_pier, scenes=scenes, latest_scene=latest, latest_raster=raster,
        latest_raster_note=raster_note, method_lines=method_lines(port, heaps),
        attribution=attribution(scenes), heap_count=len(heaps), table_rows=table_rows, table_note=note,
        flows=data.flows(port_file), loading_days=[row["date"] for row in port_file.loadings()],
        latest_heaps=None if is_file or latest is None else port_file.heaps(scene_id=latest["scene_id"]),
    )


def _raster_of(port_path, scene):
    """(absolute raster path or None, a note for the map caption when the image cannot be shown).

    ``port_path``: the port GeoPackage a relative image path is resolved beside; None for a team port log."""
    if scene is None:
        return None, "No scene logged yet."
    raster = scene.get("raster_path")
    if not raster:
        return None, f"Scene {scene['scene_id']} has no image file recorded; heaps drawn without imagery."
    path = Path(raster)
    if not path.is_absolute():
        if port_path is None:
            return None, (f"Image of scene {scene['scene_id']} is recorded relative to a port file ({raster}); "
                          "heaps drawn without imagery.")
        path = Path(port_path).resolve().parent / path
    if not path.exists():
        return None, f"Image of scene {scene['scene_id']} not found at {path}; heaps drawn without imagery."
    return path, ""


def method_lines(port, heaps) -> List[str]:
    """How the numbers were made: models and height methods actually used, and the port's defaults."""
    models = Counter(h.get("model") or "?" for h in heaps)
    methods = Counter(h.get("height_method") or "not recorded" for h in heaps)
    densities = sorted({h["density_t_m3"] for h in heaps if h.get("density_t_m3") is not None})
    repose = sorted({h["repose_deg"] for h in heaps if h.get("repose_deg") is not None})
    lines = [
        "Volume models: " + "; ".join(f"{pile_model(m).formula}: {n} heaps" for m, n in models.most_common())
        if heaps else "Volume models: no heaps yet.",
        "Height methods: " + "; ".join(f"{m}: {n} heaps" for m, n in methods.most_common()) if heaps
        else "Height methods: no heaps yet.",
        "Analyst's calls: identification " + _counts(heaps, "identification") + "; confidence "
        + _counts(heaps, "confidence") + ".",
        f"Port defaults: angle of repose {short(port.repose_deg)} +- {short(port.repose_tol_deg)} deg; bulk "
        f"density {short(port.density_t_m3)} t/m3 (band {short(port.density_lo_t_m3)}-{short(port.density_hi_t_m3)} "
        "t/m3).",
    ]
    if heaps and (len(densities) > 1 or len(repose) > 1 or (densities and densities[0] != port.density_t_m3)
                  or (repose and repose[0] != port.repose_deg)):
        lines.append("Heaps use repose " + "; ".join(short(r) for r in repose) + " deg and density "
                     + "; ".join(short(d) for d in densities) + " t/m3.")
    lines.append(
        "Tonnage = volume x bulk density (ASTM D6542). Each heap's range combines its height uncertainty, "
        "the repose tolerance and the density band; a date's range is the sum of its heaps' ranges. "
        f"Areas on the ellipsoid; map in EPSG:{port.crs_epsg}."
    )
    return lines


def _counts(heaps, name: str) -> str:
    counts = Counter(h.get(name) or "not recorded" for h in heaps)
    return ", ".join(f"{value} {n}" for value, n in counts.most_common()) or "-"


def attribution(scenes) -> List[str]:
    """Each distinct imagery source of the logged scenes, in order of first acquisition."""
    sources = []
    for scene in scenes:
        source = (scene.get("source") or "").strip() or f"{scene['scene_id']}: source not recorded"
        if source not in sources:
            sources.append(source)
    return sources
