"""The dock's trends panel: a port's tonnage per observation date, with its range, in total or by pier.

A self-contained widget the dock embeds: ``TrendsPanel(parent)``, then ``set_port_file(path or
PortFile)`` and ``refresh()`` after each logged heap. Hovering a point shows its numbers and scenes;
the chart exports as PNG or SVG and its data as CSV. Without matplotlib the panel shows what to
install instead of the chart and everything else in the dock keeps working.
"""
from pathlib import Path

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSizePolicy, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from ..core import timeseries
from ..number_text import number, signed
from ..report import chart, data, language
from ..store.errors import StoreError
from .prompts import Prompts
from ..translation import QT_TR_NOOP, message_text, note_text, tr

# Pixels within which the mouse is "over" a point.
HOVER_RADIUS_PX = 10
PILE_MODE = "pile"
FLOW_HEADERS = (QT_TR_NOOP("Interval"), QT_TR_NOOP("Stock change (t)"), QT_TR_NOOP("Ships loading: cargo (t)"),
                QT_TR_NOOP("Verdict"))


class TrendsPanel(QWidget):
    """Trend chart of one port file (objectName ``trendsPanel``; the chart is ``trendsChart``)."""

    # Emitted with a message for the analyst when a refresh or an export fails (also shown in the panel).
    problem = pyqtSignal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("trendsPanel")
        # Asks where to export (``ask_save_path``); the dock hands in its own so that tests can answer.
        self.prompts = Prompts(self)
        self._source = None
        self.points = []
        self.hover_text = ""
        self._markers = []
        self._annotation = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        controls = QHBoxLayout()
        self.modeCombo = QComboBox(self)
        self.modeCombo.setObjectName("trendsModeCombo")
        self.modeCombo.addItem(tr("Total"), False)
        self.modeCombo.addItem(tr("By pier"), True)
        self.modeCombo.addItem(tr("By pile"), PILE_MODE)
        self.modeCombo.setToolTip(tr("Sum all heaps per date, show each pier separately, or follow each pile "
                                     "seen on two dates or more"))
        self.modeCombo.currentIndexChanged.connect(self.refresh)
        controls.addWidget(self.modeCombo)
        controls.addStretch(1)
        self.exportButtons = {}
        for kind, tip in (("png", "Save the chart as a PNG image"), ("svg", "Save the chart as an SVG drawing"),
                          ("csv", "Save the numbers behind the chart as CSV")):
            button = QPushButton(kind.upper(), self)
            button.setObjectName(f"trendsExport{kind.capitalize()}Button")
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, k=kind: self._export_clicked(k))
            controls.addWidget(button)
            self.exportButtons[kind] = button
        layout.addLayout(controls)

        self.statusLabel = QLabel(tr("No port selected."), self)
        self.statusLabel.setObjectName("trendsStatusLabel")
        self.statusLabel.setWordWrap(True)
        self.chart = None
        self.figure = None
        self.missingLabel = None
        if chart.matplotlib_available():
            self._build_chart()
            layout.addWidget(self.chart, 1)
        else:
            self.missingLabel = QLabel(tr(chart.MISSING_MESSAGE), self)
            self.missingLabel.setObjectName("trendsMissingLabel")
            self.missingLabel.setWordWrap(True)
            layout.addWidget(self.missingLabel, 1)
            for kind in ("png", "svg"):
                self.exportButtons[kind].setEnabled(False)
                self.exportButtons[kind].setToolTip(tr(chart.MISSING_MESSAGE))
        self.flowsTable = QTableWidget(0, len(FLOW_HEADERS), self)
        self.flowsTable.setObjectName("flowsTable")
        self.flowsTable.setHorizontalHeaderLabels([tr(h) for h in FLOW_HEADERS])
        self.flowsTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.flowsTable.horizontalHeader().setStretchLastSection(True)
        self.flowsTable.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.flowsTable.setWordWrap(True)
        self.flowsTable.setMaximumHeight(180)
        self.flows = []
        layout.addWidget(self.flowsTable)
        layout.addWidget(self.statusLabel)

    def _build_chart(self):
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(5.0, 3.6), dpi=100)
        self.chart = FigureCanvasQTAgg(self.figure)
        self.chart.setParent(self)
        self.chart.setObjectName("trendsChart")
        self.chart.setMinimumHeight(220)
        self.chart.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.chart.mpl_connect("motion_notify_event", self._on_motion)

    # ---- data -----------------------------------------------------------------------------------------

    @property
    def by_pier(self) -> bool:
        return self.modeCombo.currentData() is True

    @property
    def by_pile(self) -> bool:
        return self.modeCombo.currentData() == PILE_MODE

    def set_by_pile(self) -> None:
        self.modeCombo.setCurrentIndex(self.modeCombo.findData(PILE_MODE))

    def set_by_pier(self, by_pier: bool) -> None:
        self.modeCombo.setCurrentIndex(1 if by_pier else 0)

    def set_port_file(self, port_file) -> None:
        """Show the port in ``port_file`` (a path or an open PortFile, which stays the caller's to close)."""
        self._source = port_file
        self.refresh()

    def refresh(self) -> None:
        """Re-read the port file and redraw (call after heaps were logged, edited or recomputed)."""
        self.points, self.flows, loading_days = [], [], []
        self.hover_text = ""
        title = ""
        if self._source is None:
            self.statusLabel.setText(tr("No port selected."))
        else:
            try:
                with data.opened(self._source) as port_file:
                    self.points = (data.series_by_pile(port_file) if self.by_pile
                                   else data.series(port_file, self.by_pier))
                    self.flows = data.flows(port_file)
                    loading_days = [row["date"] for row in port_file.loadings()]
                    title = port_file.port.name
            except StoreError as exc:
                self._report(message_text(exc))
            else:
                self.statusLabel.setText(self._summary(title))
        self._show_flows()
        if self.figure is not None:
            self._markers = chart.draw(self.figure, self.points, self.by_pier or self.by_pile, title, loading_days,
                                       self._chart_text())
            self._annotation = None
            self.figure.subplots_adjust(left=0.16, right=0.97, top=0.92, bottom=0.1)
            self.chart.draw_idle()

    def _show_flows(self) -> None:
        """One row per interval between observation dates: the stock change against the ships loading."""
        self.flowsTable.setRowCount(len(self.flows))
        for row, flow in enumerate(reversed(self.flows)):  # newest first, as analysts read a log
            shipped = (tr("{count} ship(s): {low}-{high}").format(
                count=flow.ships_loading, low=number(flow.shipped_lo_t),
                high=number(flow.shipped_hi_t) if flow.shipped_hi_t is not None else "?")
                if flow.ships_loading else tr("none seen"))
            change = tr("{change} ({low} to {high})").format(
                change=signed(flow.stock_change_t), low=signed(flow.stock_change_lo_t),
                high=signed(flow.stock_change_hi_t))
            cells = (f"{flow.start_date} – {flow.end_date}", change, shipped, tr(flow.verdict_text))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.flowsTable.setItem(row, column, item)
        self.flowsTable.setVisible(bool(self.flows))
        self.flowsTable.resizeRowsToContents()

    def _summary(self, port_name: str) -> str:
        if not self.points:
            return tr("{port}: no heaps logged yet.").format(port=port_name)
        days = timeseries.dates(self.points)
        latest = [p for p in timeseries.totals(self.points) if p.observed_date == days[-1]][0]
        return tr("{port}: {dates} date(s), latest {date}: {tonnage} t ({low} - {high} t) in {heaps} heap(s).").format(
            port=port_name, dates=len(days), date=latest.observed_date, tonnage=number(latest.tonnage_t),
            low=number(latest.tonnage_lo_t), high=number(latest.tonnage_hi_t), heaps=latest.heaps)

    @staticmethod
    def _chart_text():
        """The chart's labels translated when matplotlib has a font for the language (``report.language``)."""
        chosen = language.report_language()
        if chosen.chart_family:
            import matplotlib

            families = matplotlib.rcParams["font.sans-serif"]
            if chosen.chart_family not in families:
                matplotlib.rcParams["font.sans-serif"] = [chosen.chart_family] + list(families)
        return chosen.text

    def _report(self, message: str) -> None:
        self.statusLabel.setText(message)
        self.problem.emit(message)

    # ---- hover ----------------------------------------------------------------------------------------

    def point_at(self, x_px: float, y_px: float):
        """The series point drawn nearest to display pixel (x, y) within ``HOVER_RADIUS_PX``, or None."""
        best, best_distance = None, HOVER_RADIUS_PX
        for line, points in self._markers:
            transform = line.axes.transData
            for (x, y), point in zip(line.get_xydata(), points):
                px, py = transform.transform((x, y))
                distance = ((px - x_px) ** 2 + (py - y_px) ** 2) ** 0.5
                if distance <= best_distance:
                    best, best_distance = point, distance
        return best

    def marker_pixel(self, point):
        """Display pixel (x, y from the bottom, matplotlib's convention) of a drawn point, for tests."""
        for line, points in self._markers:
            for (x, y), candidate in zip(line.get_xydata(), points):
                if candidate is point:
                    return tuple(line.axes.transData.transform((x, y)))
        raise ValueError("that point is not drawn")

    def _on_motion(self, event):
        point = self.point_at(event.x, event.y) if event.x is not None else None
        text = timeseries.describe(point, number, note_text) if point is not None else ""
        if text == self.hover_text:
            return
        self.hover_text = text
        self.chart.setToolTip(text)
        if self._annotation is not None:
            self._annotation.remove()
            self._annotation = None
        if point is not None:
            axes = self._markers[0][0].axes
            # the box opens away from the nearer edges of the axes, so it stays inside them
            box = axes.bbox
            right = (event.x - box.x0) / max(1.0, box.width) > 0.5
            high = (event.y - box.y0) / max(1.0, box.height) > 0.5
            self._annotation = axes.annotate(
                text, xy=(event.x, event.y), xycoords="figure pixels",
                xytext=(-12 if right else 12, -12 if high else 12), textcoords="offset points",
                ha="right" if right else "left", va="top" if high else "bottom", multialignment="left",
                fontsize=8, bbox=dict(boxstyle="round", fc="#ffffe8", ec="#999999", alpha=0.95),
            )
        self.chart.draw_idle()

    # ---- export ---------------------------------------------------------------------------------------

    def export_png(self, path) -> str:
        return self._save_figure(path, "png")

    def export_svg(self, path) -> str:
        return self._save_figure(path, "svg")

    def export_csv(self, path) -> str:
        """The numbers behind the chart (``timeseries.COLUMNS`` plus scene ids) as CSV."""
        path = str(path)
        with open(path, "w", newline="", encoding="utf-8") as handle:
            handle.write(timeseries.to_csv_text(self.points))
        return path

    def _save_figure(self, path, kind: str) -> str:
        if self.figure is None:
            raise StoreError(tr(chart.MISSING_MESSAGE))
        path = str(path)
        # The hover box is a passing view, not part of the chart: leave it out of the saved picture.
        if self._annotation is not None:
            self._annotation.set_visible(False)
        try:
            self.figure.savefig(path, format=kind, dpi=150)
        finally:
            if self._annotation is not None:
                self._annotation.set_visible(True)
        return path

    def ask_save_path(self, kind: str) -> str:
        """The file to export to, asked through ``self.prompts`` ('' when cancelled)."""
        return self.prompts.ask_save_path(kind, f"trends.{kind}") or ""

    def _export_clicked(self, kind: str) -> None:
        path = self.ask_save_path(kind)
        if not path:
            return
        if Path(path).suffix.lower() != f".{kind}":
            path += f".{kind}"
        try:
            {"png": self.export_png, "svg": self.export_svg, "csv": self.export_csv}[kind](path)
        except (OSError, StoreError) as exc:
            problem = message_text(exc)
            self._report(tr("Cannot export the trends to {path}: {problem}").format(path=path, problem=problem))
            return
        self.statusLabel.setText(tr("Saved {path}").format(path=path))
