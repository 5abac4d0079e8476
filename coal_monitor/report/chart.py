"""The trend chart: tonnage per observation date with its low-high band, and heaps per date.

Drawn on a plain matplotlib ``Figure`` so that the dock (Qt canvas) and the PDF report (SVG/PNG file)
show the very same picture. matplotlib is imported by the caller's first use, never at plugin load:
a QGIS without it still runs everything else (see ``MISSING_MESSAGE``).
"""
from datetime import date, timedelta

from ..core import timeseries
from ..number_text import number
from ..translation import QT_TR_NOOP

MISSING_MESSAGE = QT_TR_NOOP(
    "The trend chart needs matplotlib, which this QGIS's Python lacks. Install it: Debian/Ubuntu "
    "'sudo apt install python3-matplotlib'; Windows OSGeo4W Setup: package 'python3-matplotlib'; "
    "elsewhere 'python3 -m pip install matplotlib' for QGIS's Python. Then restart QGIS."
)
# Colour-blind-safe (Okabe-Ito) colours, one per pier in a per-pier chart.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
TOTAL_COLOUR = "#333333"


def matplotlib_available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _thousands(value, _position=None) -> str:
    return number(value)


SHIP_COLOUR = "#0072B2"


def draw(figure, points, by_pier: bool, title: str = "", loading_days=(), text=str):
    """Draw ``points`` (``timeseries.SeriesPoint``) on ``figure``; returns the plotted markers.

    ``loading_days``: ISO dates of ships seen loading, drawn as triangles on the date axis (the flows).
    ``text``: how a label is written (``translation.tr`` when matplotlib has a font for the language:
    ``report.fonts``; English otherwise).

    The return value is a list of ``(line, [points])``: each matplotlib line of markers with the series
    points it shows, index for index, so a caller can say which point the mouse is over.
    """
    import matplotlib.dates as mdates
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    figure.clear()
    grid = figure.add_gridspec(2, 1, height_ratios=(3, 1), hspace=0.08)
    tonnage_axes = figure.add_subplot(grid[0])
    count_axes = figure.add_subplot(grid[1], sharex=tonnage_axes)
    if title:
        tonnage_axes.set_title(title, fontsize=10, loc="left")
    points = list(points)
    if not points:
        tonnage_axes.text(0.5, 0.5, text(QT_TR_NOOP("No heaps logged yet")), ha="center", va="center",
                          transform=tonnage_axes.transAxes, color="#666666")
        for axes in (tonnage_axes, count_axes):
            axes.set_xticks([])
            axes.set_yticks([])
        return []

    groups = _groups(points, by_pier)
    markers = []
    all_days = sorted({_day(p.observed_date) for p in points})
    bottoms = {day: 0 for day in all_days}
    bar_width = _bar_width_days(all_days)  # per-pier counts are stacked in one bar per date
    for index, (name, group) in enumerate(groups):
        colour = TOTAL_COLOUR if not by_pier else COLOURS[index % len(COLOURS)]
        days = [_day(p.observed_date) for p in group]
        tonnage = [p.tonnage_t for p in group]
        low = [p.tonnage_lo_t for p in group]
        high = [p.tonnage_hi_t for p in group]
        tonnage_axes.fill_between(days, low, high, color=colour, alpha=0.18, linewidth=0)
        ranged = [(d, lo, hi) for d, lo, hi in zip(days, low, high) if hi > lo]  # zero-length ticks break PDFs
        if ranged:
            tonnage_axes.vlines(*zip(*ranged), color=colour, alpha=0.6, linewidth=1.2)
        (line,) = tonnage_axes.plot(days, tonnage, marker="o", markersize=5, color=colour, linewidth=1.6,
                                    label=text(name) if by_pier else text(QT_TR_NOOP("tonnage (low-high band shaded)")))
        markers.append((line, group))
        counts = [p.heaps for p in group]
        count_axes.bar(days, counts, width=bar_width, bottom=[bottoms[d] for d in days], color=colour,
                       alpha=0.75, label=text(name))
        for day, count in zip(days, counts):
            bottoms[day] += count

    ships = sorted(_day(d) for d in set(loading_days))
    if ships:
        tonnage_axes.plot(ships, [0] * len(ships), linestyle="none", marker="^", markersize=8, color=SHIP_COLOUR,
                          clip_on=False, zorder=5, label=text(QT_TR_NOOP("ship seen loading")))
    for axes in (tonnage_axes, count_axes):
        axes.tick_params(labelsize=8)
    tonnage_axes.set_ylabel(text(QT_TR_NOOP("coal (t)")), fontsize=9)
    tonnage_axes.yaxis.set_major_formatter(FuncFormatter(_thousands))
    tonnage_axes.set_ylim(bottom=0)
    tonnage_axes.grid(True, color="#dddddd", linewidth=0.6)
    tonnage_axes.legend(loc="upper left", fontsize=8, frameon=False)
    tonnage_axes.tick_params(labelbottom=False)
    count_axes.set_ylabel(text(QT_TR_NOOP("heaps")), fontsize=9)
    count_axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=3))
    count_axes.grid(True, axis="y", color="#dddddd", linewidth=0.6)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    count_axes.xaxis.set_major_locator(locator)
    count_axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    if len(all_days) == 1:  # one date: give it some room rather than a zero-width axis
        count_axes.set_xlim(all_days[0] - timedelta(days=15), all_days[0] + timedelta(days=15))
    return markers


def _groups(points, by_pier):
    if not by_pier:
        already_total = all(p.pier == timeseries.ALL_PIERS for p in points)
        return [(timeseries.ALL_PIERS, points if already_total else timeseries.totals(points))]
    return [(pier, [p for p in points if p.pier == pier]) for pier in timeseries.piers(points)]


def _bar_width_days(days) -> float:
    """Bars a little narrower than the closest pair of dates (at most 20 days, at least half a day)."""
    if len(days) < 2:
        return 6.0
    gap = min((b - a).days for a, b in zip(days, days[1:]))
    return max(0.5, min(20.0, gap * 0.6))


def save(points, by_pier: bool, path: str, title: str = "", size_in=(8.0, 4.5), dpi: int = 150,
         loading_days=(), text=str) -> str:
    """Draw the chart to an image file; the format follows the extension (.png, .svg, .pdf)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=size_in, dpi=dpi)
    FigureCanvasAgg(figure)
    draw(figure, points, by_pier, title, loading_days, text)
    figure.subplots_adjust(left=0.15, right=0.98, top=0.92 if title else 0.97, bottom=0.1)
    figure.savefig(path, dpi=dpi)
    return path
