"""The one-page port report as a QGIS print layout, exported to PDF.

A4 landscape: title and headline numbers; the latest scene's image with that date's styled heaps and a
scale bar; the trend chart (matplotlib, as SVG); a table of dates with total tonnage and range; the
method and defaults; imagery attribution. The PDF is written beside its target under a temporary name
and moved into place only when complete, so a failed export never leaves a half-written report.
"""
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Optional

from qgis.core import (
    Qgis, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsExpression, QgsFeature, QgsGeometry,
    QgsLayoutExporter, QgsLayoutFrame,
    QgsLayoutItemLabel, QgsLayoutItemManualTable, QgsLayoutItemMap, QgsLayoutItemPage, QgsLayoutItemPicture,
    QgsLayoutItemScaleBar, QgsLayoutPoint, QgsLayoutSize, QgsLayoutTableColumn, QgsMessageLog,
    QgsPointXY, QgsPrintLayout, QgsProject, QgsRasterLayer, QgsRectangle, QgsTableCell, QgsTextFormat,
    QgsUnitTypes, QgsVectorLayer,
)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF, QImage

from ..definitions import LOG_TAG
from ..number_text import number, short
from ..resources import resource_path
from ..store import schema
from ..store.style_builder import memory_layer
from ..store.errors import StoreError
from ..translation import QT_TR_NOOP
from . import chart
from .content import ReportContent
from .language import ReportLanguage, report_language, tell_once

PAGE_W_MM, PAGE_H_MM = 297.0, 210.0
MARGIN_MM = 10.0
MAP_RECT = (MARGIN_MM, 30.0, 142.0, 112.0)  # x, y, width, height in mm
RIGHT_X = MARGIN_MM + MAP_RECT[2] + 6.0
RIGHT_W = PAGE_W_MM - MARGIN_MM - RIGHT_X
CHART_RECT = (RIGHT_X, 28.0, RIGHT_W, 72.0)
TABLE_Y = 103.0
TABLE_MAX_H_MM = 62.0
TABLE_FONT_PT = 7.5
TABLE_CELL_MARGIN_MM = 0.9
FONT_FAMILY = "Sans Serif"
GREY = QColor("#444444")


class ReportError(StoreError):
    """The report could not be made; the message says why and what to do."""


def _font(size_pt: float, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    return font


def _text_format(size_pt: float, bold: bool = False, colour: QColor = None) -> QgsTextFormat:
    text_format = QgsTextFormat()
    text_format.setFont(_font(size_pt, bold))
    text_format.setSize(size_pt)
    text_format.setSizeUnit(QgsUnitTypes.RenderUnit.RenderPoints)
    text_format.setColor(colour or QColor("black"))
    return text_format


def _label(layout, text, rect, size_pt, bold=False, colour=None, align=Qt.AlignmentFlag.AlignLeft):
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    if hasattr(label, "setTextFormat"):  # QGIS 3.24+: setFont is deprecated there
        label.setTextFormat(_text_format(size_pt, bold, colour))
    else:
        label.setFont(_font(size_pt, bold))
        label.setFontColor(colour or QColor("black"))
    label.setHAlign(align)
    label.setVAlign(Qt.AlignmentFlag.AlignTop)
    label.setMarginX(0.0)
    label.setMarginY(0.0)
    layout.addLayoutItem(label)
    _place(label, rect)
    return label


def _place(item, rect):
    x, y, width, height = rect
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutUnit.LayoutMillimeters))


def _layers(project, content: ReportContent):
    """The latest scene's raster (when found) and the heaps layer showing that date's heaps only."""
    layers = []
    heaps = (_log_heaps_layer(content) if content.latest_heaps is not None
             else QgsVectorLayer(f"{content.port_path}|layername={schema.HEAPS}", "Heaps", "ogr"))
    if not heaps.isValid():
        raise ReportError(f"Cannot read the heaps of {content.port_path} for the report map.")
    scene = content.latest_scene
    if scene is not None:
        heaps.setSubsetString(f"{QgsExpression.quotedColumnRef('scene_id')} = "
                              f"{QgsExpression.quotedValue(scene['scene_id'])}")
    # The Temporal Controller settings in the file would hide heaps when the layout's time is unset.
    heaps.temporalProperties().setIsActive(False)
    layers.append(heaps)
    if content.latest_raster is not None:
        raster = QgsRasterLayer(str(content.latest_raster), scene["scene_id"], "gdal")
        if raster.isValid():
            layers.append(raster)
        else:
            content.latest_raster_note = f"Image {content.latest_raster} could not be read; heaps drawn without it."
    for layer in layers:
        project.addMapLayer(layer, False)
    return layers


def _log_name(content: ReportContent) -> str:
    """The port log as the footer names it: its file's name, or a team log's location (never a password)."""
    return content.port_path.name if isinstance(content.port_path, Path) else str(content.port_path)


def _log_heaps_layer(content: ReportContent):
    """The latest scene's heaps of a port log that is no file (a team database), in a memory layer styled as
    the port's heaps layer is (the same QML), so the map looks the same from either backend."""
    layer = memory_layer(schema.HEAPS, content.crs_epsg)
    layer.loadNamedStyle(resource_path(f"styles/{schema.HEAPS}.qml"))
    fields = layer.fields()
    features = []
    for heap in content.latest_heaps:
        feature = QgsFeature(fields)
        for index, declared in enumerate(fields):
            value = heap.get(declared.name())
            if value is not None:
                feature.setAttribute(index, value)
        feature.setGeometry(QgsGeometry.fromWkt(heap["geometry"].wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def _map_extent(content: ReportContent, layers, crs) -> QgsRectangle:
    """The latest heaps with a margin; else the image; else a kilometre around the port's reference point."""
    heaps = layers[0]
    extent = QgsRectangle()
    if heaps.featureCount() > 0:
        extent = heaps.extent()
    elif len(layers) > 1:
        extent = layers[1].extent()
    if extent.isEmpty():
        to_port = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs, QgsProject.instance())
        centre = to_port.transform(QgsPointXY(content.port_lon_deg, content.port_lat_deg))
        return QgsRectangle(centre.x() - 500, centre.y() - 500, centre.x() + 500, centre.y() + 500)
    extent.grow(max(extent.width(), extent.height()) * 0.15 + 20.0)
    return extent


def _add_map(layout, project, content: ReportContent):
    crs = QgsCoordinateReferenceSystem(f"EPSG:{content.crs_epsg}")
    layers = _layers(project, content)
    item = QgsLayoutItemMap(layout)
    item.setCrs(crs)
    layout.addLayoutItem(item)
    item.setLayers(layers)
    item.setFrameEnabled(True)
    item.setBackgroundColor(QColor("#e9eef2"))
    extent = _map_extent(content, layers, crs)
    # A new map item has no extent to zoom from, and setExtent reshapes the item to the extent: size it,
    # give it the extent, size it again, then zoom (which keeps the size and the map's true proportions).
    _place(item, MAP_RECT)
    item.setExtent(extent)
    _place(item, MAP_RECT)
    item.zoomToExtent(extent)

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setLinkedMap(item)
    scalebar.applyDefaultSettings()
    scalebar.setStyle("Single Box")
    scalebar.setUnits(QgsUnitTypes.DistanceUnit.DistanceMeters)
    scalebar.setUnitLabel("m")
    scalebar.setNumberOfSegments(3)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setUnitsPerSegment(_nice_segment(item.extent().width() / 9.0))
    scalebar.setTextFormat(_text_format(7))
    scalebar.setHeight(1.5)
    scalebar.setLabelBarSpace(1.0)
    scalebar.setBoxContentSpace(1.2)
    scalebar.setBackgroundEnabled(True)
    scalebar.setBackgroundColor(QColor(255, 255, 255, 220))
    layout.addLayoutItem(scalebar)
    minimum = scalebar.minimumSize()
    scalebar.attemptResize(QgsLayoutSize(minimum.width(), minimum.height(), minimum.units()))
    height = scalebar.sizeWithUnits().height()
    scalebar.attemptMove(QgsLayoutPoint(MAP_RECT[0] + 2, MAP_RECT[1] + MAP_RECT[3] - height - 2,
                                        QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    north = _label(layout, "N\n\u2191", (MAP_RECT[0] + MAP_RECT[2] - 9, MAP_RECT[1] + 2, 7, 10), 10, True,
                   align=Qt.AlignmentFlag.AlignHCenter)
    north.setBackgroundEnabled(True)
    north.setBackgroundColor(QColor(255, 255, 255, 220))
    return item


def _nice_segment(length_m: float) -> float:
    """A round scale-bar segment (1, 2 or 5 x 10^n m) near ``length_m``."""
    import math

    exponent = math.floor(math.log10(max(length_m, 1.0)))
    for step in (5, 2, 1):
        if step * 10 ** exponent <= length_m:
            return float(step * 10 ** exponent)
    return float(10 ** exponent)


def _map_caption(content: ReportContent) -> str:
    scene, say = content.latest_scene, content.text
    if scene is None:
        return say(QT_TR_NOOP("No scene logged yet."))
    acquired = (scene.get("acquired_utc") or say(QT_TR_NOOP("time not recorded")))[:16].replace("T", " ")
    details = [say(QT_TR_NOOP("Latest image {scene}")).format(scene=scene["scene_id"]), scene.get("sensor") or "",
               f"{acquired} UTC"]
    if scene.get("gsd_m"):
        details.append(f"GSD {short(scene['gsd_m'])} m")
    text = ", ".join(d for d in details if d) + ". " + say(QT_TR_NOOP("Heaps of that image, labelled with tonnage."))
    if content.latest_raster_note:
        text += " " + content.latest_raster_note
    return text


def _add_chart(layout, content: ReportContent, workdir: Path):
    by_pier = len({p.pier for p in content.by_pier}) > 1
    points = content.by_pier if by_pier else content.totals
    x, y, width, height = CHART_RECT
    if not chart.matplotlib_available():
        _label(layout, content.text(QT_TR_NOOP("Trend chart not drawn: {reason}")).format(
            reason=content.text(chart.MISSING_MESSAGE)), CHART_RECT, 8, colour=GREY)
        return
    svg = str(workdir / "trend.svg")
    title = content.text(QT_TR_NOOP("Coal tonnage per observation date by pier") if by_pier
                         else QT_TR_NOOP("Coal tonnage per observation date"))
    chart.save(points, by_pier, svg, title=title, size_in=(width / 25.4, height / 25.4), dpi=100,
               loading_days=content.loading_days, text=content.text)
    picture = QgsLayoutItemPicture(layout)
    picture.setPicturePath(svg, QgsLayoutItemPicture.Format.FormatSVG)
    picture.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    layout.addLayoutItem(picture)
    _place(picture, CHART_RECT)


def _add_table(layout, content: ReportContent):
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    headers = (QT_TR_NOOP("Date (UTC)"), QT_TR_NOOP("Scenes"), QT_TR_NOOP("Heaps"), QT_TR_NOOP("Tonnage (t)"),
               QT_TR_NOOP("Range (t)"))
    widths_mm = (22.0, 36.0, 11.0, 20.0, 32.0)
    columns = []
    for index, header in enumerate(headers):
        column = QgsLayoutTableColumn(content.text(header))
        left = index < 2
        column.setHAlignment(Qt.AlignmentFlag.AlignLeft if left else Qt.AlignmentFlag.AlignRight)
        columns.append(column)
    table.setHeaders(columns)
    table.setIncludeTableHeader(True)
    rows, lines_per_row = [], [1]  # the header's one line
    for point in reversed(content.table_rows):  # newest first, as analysts read a log
        scenes = "\n".join(line for scene_id in point.scene_ids
                           for line in fit_lines(scene_id, widths_mm[1] - 2 * TABLE_CELL_MARGIN_MM, TABLE_FONT_PT))
        cells = [point.observed_date, scenes or "-", str(point.heaps),
                 number(point.tonnage_t), f"{number(point.tonnage_lo_t)} - {number(point.tonnage_hi_t)}"]
        lines_per_row.append(max(1, scenes.count("\n") + 1))
        row = []
        for index, text in enumerate(cells):
            cell = QgsTableCell(text)
            cell.setHorizontalAlignment(Qt.AlignmentFlag.AlignLeft if index < 2 else Qt.AlignmentFlag.AlignRight)
            cell.setVerticalAlignment(Qt.AlignmentFlag.AlignTop)  # a wrapped scene id keeps its row on one line
            row.append(cell)
        rows.append(row)
    if not rows:
        empty = content.text(QT_TR_NOOP("no heaps logged yet"))
        rows = [[QgsTableCell(empty)] + [QgsTableCell("") for _ in headers[1:]]]
    table.setTableContents(rows)
    table.setColumnWidths(list(widths_mm))
    table.setHeaderTextFormat(_text_format(TABLE_FONT_PT, bold=True))
    table.setContentTextFormat(_text_format(TABLE_FONT_PT))
    table.setCellMargin(TABLE_CELL_MARGIN_MM)
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor("#999999"))
    frame = QgsLayoutFrame(layout, table)
    frame.attemptSetSceneRect(QRectF(RIGHT_X, TABLE_Y, RIGHT_W, TABLE_MAX_H_MM))
    table.addFrame(frame)
    table.refreshAttributes()
    # Long scene ids take several lines (fit_lines). QGIS's totalHeight() gives the frame's height here, not
    # the rows', so the rows are measured: lines x the font's line spacing, plus the cell margins and grid.
    if len(lines_per_row) == 1:
        lines_per_row.append(1)
    line_mm = _line_spacing_mm(TABLE_FONT_PT)
    rows_mm = sum(n * line_mm + 2 * TABLE_CELL_MARGIN_MM + 0.15 for n in lines_per_row)
    height = min(rows_mm + 1.0, TABLE_MAX_H_MM)
    frame.attemptSetSceneRect(QRectF(RIGHT_X, TABLE_Y, RIGHT_W, height))
    table.recalculateFrameSizes()
    bottom = TABLE_Y + height + 1.5
    if content.table_note:
        _label(layout, content.table_note, (RIGHT_X, bottom, RIGHT_W, 4.0), 7, colour=GREY)
        bottom += 5.0
    return bottom


def fit_lines(text: str, width_mm: float, size_pt: float) -> list:
    """``text`` cut into lines no wider than ``width_mm`` at ``size_pt`` (after "_", "-" or "." where it can):
    a scene id is wrapped in its cell, never truncated."""
    if _text_width_mm(text, size_pt) <= width_mm:
        return [text]
    lines, line = [], ""
    for char in text:
        if line and _text_width_mm(line + char, size_pt) > width_mm:
            cut = max(line.rfind(mark) for mark in "_-.") + 1
            if cut <= 0 or cut < len(line) // 2:
                cut = len(line)
            lines.append(line[:cut])
            line = line[cut:]
        line += char
    return lines + [line]


def wrap_words(text: str, width_mm: float, size_pt: float) -> list:
    """Prose cut into lines no wider than ``width_mm`` at ``size_pt``, between words."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and _text_width_mm(candidate, size_pt) > width_mm:
            lines.append(line)
            candidate = word
        line = candidate
    return lines + ([line] if line else [])


def _line_spacing_mm(size_pt: float) -> float:
    device = QImage(1, 1, QImage.Format.Format_RGB32)
    device.setDotsPerMeterX(round(72 / 0.0254))
    device.setDotsPerMeterY(round(72 / 0.0254))
    return QFontMetricsF(_font(size_pt), device).lineSpacing() * 25.4 / 72


def _text_width_mm(text: str, size_pt: float) -> float:
    # measured on an image of 72 dpi, where a pixel is a point; 5 % spare for the renderer's own metrics
    device = QImage(1, 1, QImage.Format.Format_RGB32)
    device.setDotsPerMeterX(round(72 / 0.0254))
    device.setDotsPerMeterY(round(72 / 0.0254))
    advance = QFontMetricsF(_font(size_pt), device).horizontalAdvance(text)
    return advance * 25.4 / 72 * 1.05


def build_layout(project: QgsProject, content: ReportContent, workdir: Path) -> QgsPrintLayout:
    """The report's print layout (one A4 landscape page) in ``project``."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(f"Coal Monitor report: {content.port_name}")
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", QgsLayoutItemPage.Orientation.Landscape)

    _label(layout, content.title, (MARGIN_MM, 8.0, PAGE_W_MM - 2 * MARGIN_MM, 10.0), 20, bold=True)
    _label(layout, content.subtitle(), (MARGIN_MM, 18.5, PAGE_W_MM - 2 * MARGIN_MM, 9.0), 9.5, colour=GREY)
    _add_map(layout, project, content)
    _label(layout, _map_caption(content), (MAP_RECT[0], MAP_RECT[1] + MAP_RECT[3] + 1.5, MAP_RECT[2], 9.0), 7.5,
           colour=GREY)
    _add_chart(layout, content, workdir)
    table_bottom = _add_table(layout, content)

    text_y = MAP_RECT[1] + MAP_RECT[3] + 11.0
    _label(layout, content.text(QT_TR_NOOP("Method")), (MARGIN_MM, text_y, MAP_RECT[2], 5.0), 9, bold=True)
    _label(layout, "\n".join(content.method_lines), (MARGIN_MM, text_y + 5.0, MAP_RECT[2], 30.0), 7)
    footer_y = PAGE_H_MM - MARGIN_MM - 9.0
    y = table_bottom + 2.0
    highlights = [line for text in content.highlights() for line in wrap_words(text, RIGHT_W, 7.5)]
    if highlights:
        _label(layout, "\n".join(highlights), (RIGHT_X, y, RIGHT_W, 3.4 * len(highlights) + 3.0), 7.5)
        y += 3.4 * len(highlights) + 5.0
    sources = ("; ".join(content.attribution) if content.attribution
               else content.text(QT_TR_NOOP("no scene recorded")))
    imagery = content.text(QT_TR_NOOP("Imagery: {sources}")).format(sources=sources)
    _label(layout, imagery, (RIGHT_X, y, RIGHT_W, max(footer_y - y, 8.0)), 7)
    _label(layout, content.text(QT_TR_NOOP(
        "Made with Coal Monitor from {file} on {made}. Estimates from imagery, not survey measurements: read the "
        "ranges, not only the central values.")).format(file=_log_name(content), made=content.made_utc),
           (MARGIN_MM, footer_y + 4.0, PAGE_W_MM - 2 * MARGIN_MM, 5.0), 6.5, colour=GREY)
    return layout


def export_pdf(content: ReportContent, pdf_path, notice: Optional[Callable[[str], None]] = None,
               chosen: Optional[ReportLanguage] = None) -> Path:
    """Build the layout for ``content`` and write it to ``pdf_path`` (replaced only when complete).

    The report is in QGIS's language when the fonts can write it (``report.language``); otherwise in
    English, and ``notice`` (a Processing feedback line) is told why, or QGIS's message log once a session.
    ``chosen``: the language decided elsewhere (default: from this machine's fonts)."""
    chosen = chosen or report_language()
    content.text = chosen.text
    if chosen.notice:
        if notice is not None:
            notice(chosen.notice)
        else:
            tell_once(chosen, lambda text: QgsMessageLog.logMessage(text, LOG_TAG, Qgis.MessageLevel.Info))
    pdf_path = Path(pdf_path)
    if not pdf_path.parent.is_dir():
        raise ReportError(f"Cannot write the report to {pdf_path}: the folder {pdf_path.parent} does not exist.")
    project = QgsProject()
    with tempfile.TemporaryDirectory(prefix="cm-report-") as workdir:
        with _chart_font(chosen.chart_family):
            layout = build_layout(project, content, Path(workdir))
        partial = pdf_path.with_name(f".{pdf_path.name}.partial-{os.getpid()}.pdf")
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.rasterizeWholeImage = False
        settings.forceVectorOutput = False
        settings.appendGeoreference = True
        settings.exportMetadata = True
        # Real text, not outlines: the report stays searchable and its numbers can be copied.
        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
        try:
            result = QgsLayoutExporter(layout).exportToPdf(str(partial), settings)
            if result != QgsLayoutExporter.ExportResult.Success:
                raise ReportError(f"QGIS could not write the report PDF {pdf_path} (export error {result}); "
                                  "check the folder is writable and has space.")
            os.replace(partial, pdf_path)
        finally:
            if partial.exists():
                partial.unlink()
    return pdf_path


@contextmanager
def _chart_font(family):
    """matplotlib's sans-serif list with ``family`` (covering the report's language) first, meanwhile."""
    if not family:
        yield
        return
    import matplotlib

    with matplotlib.rc_context({"font.sans-serif": [family] + list(matplotlib.rcParams["font.sans-serif"])}):
        yield


def write_report(port_file, pdf_path, made=None) -> Path:
    """The one-page PDF report of a port (a path or an open PortFile) at ``pdf_path``.

    This is what the dock's report button and ``coal_monitor:portreport`` call.
    """
    from . import data
    from .content import gather

    with data.opened(port_file) as opened:
        content = gather(opened, made)
    return export_pdf(content, pdf_path)
