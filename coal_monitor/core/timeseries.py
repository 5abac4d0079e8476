"""A port's time series: heaps summed per observation date (UTC), in total or per pier.

One definition of the series serves the dock's chart, its CSV, the `porttimeseries` algorithm and the
PDF report, so that all four always agree. Pure Python: the store's per-date totals fill it
(``report.data.series``); here are the columns, the folding of piers into totals and the texts.
"""
import csv
import io
from dataclasses import dataclass, field
from typing import Callable, Iterable, List, Tuple

from .messages import QT_TR_NOOP, SPACED, Message, join_notes

# Output columns, in order: the contract of `coal_monitor:porttimeseries` and of the CSV export.
SUMMED = ("area_m2", "volume_m3", "volume_lo_m3", "volume_hi_m3", "tonnage_t", "tonnage_lo_t", "tonnage_hi_t")
COLUMNS = ("observed_date", "pier", "heaps") + SUMMED
# After COLUMNS in the CSV and the algorithm's table: the scenes summed (semicolon-separated), which
# overlapping images of the day were set aside (PortFile.totals_by_date), whether every image of the date
# was marked examined (1/0), whether one shows only part of the port (1/0), and the ships seen that day.
SOURCE_COLUMNS = ("scene_ids", "note", "examined", "partial_coverage", "vessels")
# The pier column of a total row, and of heaps logged without a pier in a per-pier series.
ALL_PIERS = QT_TR_NOOP("all piers")
NO_PIER = QT_TR_NOOP("no pier")


@dataclass
class SeriesPoint:
    """The heaps of one date (and one pier, in a per-pier series), summed; low/high are summed too.

    Summing the low and high ends treats the heaps' errors as fully correlated, which is right for the
    shared causes (density band, angle of repose, shape model) and cautious for the rest.
    """

    observed_date: str
    pier: str
    heaps: int = 0
    area_m2: float = 0.0
    volume_m3: float = 0.0
    volume_lo_m3: float = 0.0
    volume_hi_m3: float = 0.0
    tonnage_t: float = 0.0
    tonnage_lo_t: float = 0.0
    tonnage_hi_t: float = 0.0
    scene_ids: Tuple[str, ...] = field(default_factory=tuple)
    # Heaps of this date whose numbers are missing (engine refused them); counted, not summed.
    unmeasured: int = 0
    # Images of this date left out of the sums because another image of the same footprint counts.
    note: str = ""
    # Every image of the date marked examined (an examined date without heaps is a point of 0 t).
    examined: bool = False
    # An image of the date shows only part of the port (its coverage): the total is not the whole stock.
    partial: bool = False
    # Ships seen on the date (any state).
    vessels: int = 0

    def row(self) -> tuple:
        """The values in ``COLUMNS`` order."""
        return tuple(getattr(self, name) for name in COLUMNS)

    def source_row(self) -> tuple:
        """The values in ``SOURCE_COLUMNS`` order."""
        return (";".join(self.scene_ids), self.note, int(self.examined), int(self.partial), self.vessels)


def add_into(total: SeriesPoint, point: SeriesPoint) -> None:
    """Add ``point``'s heaps, sums, scenes and note to ``total`` (same date)."""
    first = not total.scene_ids and not total.heaps
    total.examined = point.examined if first else total.examined and point.examined
    total.partial = total.partial or point.partial
    total.vessels = max(total.vessels, point.vessels)  # a date's ships, repeated on each pier's point
    total.heaps += point.heaps
    total.unmeasured += point.unmeasured
    total.scene_ids += tuple(s for s in point.scene_ids if s not in total.scene_ids)
    if point.note and point.note not in total.note:
        total.note = str(join_notes([total.note, point.note], SPACED))
    for name in SUMMED:
        setattr(total, name, getattr(total, name) + getattr(point, name))


def piers(points: Iterable[SeriesPoint]) -> List[str]:
    """The piers present in a series, in first-seen order of the sorted points."""
    seen = []
    for point in points:
        if point.pier not in seen:
            seen.append(point.pier)
    return seen


def dates(points: Iterable[SeriesPoint]) -> List[str]:
    return sorted({point.observed_date for point in points})


def totals(points: Iterable[SeriesPoint]) -> List[SeriesPoint]:
    """Per-pier points folded into one total point per date (a total series is returned unchanged)."""
    folded = {}
    for point in points:
        total = folded.get(point.observed_date)
        if total is None:
            total = folded[point.observed_date] = SeriesPoint(point.observed_date, ALL_PIERS)
        add_into(total, point)
    return [folded[day] for day in sorted(folded)]


def to_csv_text(points: Iterable[SeriesPoint]) -> str:
    """The series as CSV for machines: ``COLUMNS`` then ``SOURCE_COLUMNS``; ISO dates, numbers unrounded
    with "." decimals and unquoted, whatever the analyst's locale."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS + SOURCE_COLUMNS)
    for point in points:
        writer.writerow(point.row() + point.source_row())
    return buffer.getvalue()


def _english(value) -> str:
    return f"{value:,.0f}"


def describe(point: SeriesPoint, whole: Callable[[float], str] = _english,
             text: Callable[[Message], str] = str) -> str:
    """A few lines for a chart's hover box: date, pier, tonnage with range, heaps, scenes.

    ``whole`` writes a whole number (the caller passes the user's locale: ``number_text.number``);
    ``text`` writes a Message (the GUI passes ``translation.message_text``; the note, stored in English,
    goes through ``note`` when given, else ``text``).
    """
    scenes = (Message(", ".join(point.scene_ids)) if point.scene_ids else Message(QT_TR_NOOP("no scene recorded")))
    heaps = (QT_TR_NOOP("{volume} m3 in {heaps} heap") if point.heaps == 1
             else QT_TR_NOOP("{volume} m3 in {heaps} heaps"))
    lines = [
        f"{point.observed_date}  {text(Message(point.pier))}",
        text(Message(QT_TR_NOOP("{tonnage} t  (range {low} - {high} t)"), tonnage=whole(point.tonnage_t),
                     low=whole(point.tonnage_lo_t), high=whole(point.tonnage_hi_t))),
        text(Message(heaps, volume=whole(point.volume_m3), heaps=point.heaps)),
        text(Message(QT_TR_NOOP("scene: {scenes}"), scenes=scenes)),
    ]
    if point.unmeasured:
        lines.append(text(Message(QT_TR_NOOP("{count} heap(s) without a volume (see their notes)"),
                                  count=point.unmeasured)))
    if point.note:
        lines.append(text(point.note))
    return "\n".join(lines)
