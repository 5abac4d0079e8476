"""Inside QGIS desktop: the analyst's workflow with the packaged plugin, driven like a user drives it.

Modes (CM_MODE):
  ``draw``     install the zip with QGIS's own installer, save an empty project (CM_PROJECT), load the
               raster (CM_RASTER), pick Rason and the raster in the dock, trace the heap (CM_VERTICES,
               scene coordinates) with real mouse clicks on the canvas, type 6 m, press "Log heap",
               take screenshots, save the project.
  ``reopen``   QGIS was started with ``--project``: report layers, the heaps layer's style and the dock.
  ``plain``    the same report from a profile without the plugin (a colleague's QGIS).
Every mode also reports the heaps layer's Temporal Controller settings and which heaps its time filter
keeps for the UTC day CM_DAY (the image's day) and for the same day a year earlier.
Every question the dock would ask in a modal dialog is answered "no" and recorded, so nothing blocks.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.environ["CM_REPO"], "tests", "desktop", "scripts"))
import probe_common  # noqa: E402

import qgis.utils  # noqa: E402
from qgis.core import (  # noqa: E402
    QgsDateTimeRange, QgsFeatureRequest, QgsPointXY, QgsProject, QgsRectangle, QgsRenderContext, QgsVectorLayer,
    QgsVectorLayerTemporalContext,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QPoint, Qt, QTime  # noqa: E402
from qgis.PyQt.QtTest import QTest  # noqa: E402

PLUGIN = "coal_monitor"
HEAPS_ROLE = ("coal_monitor/role", "heaps")
DOCK_WIDTH_PX = 440  # an analyst widens the side panel to read the results in full


def render(canvas):
    canvas.refresh()
    probe_common.settle(200)
    canvas.waitWhileRendering()
    probe_common.settle(200)


click = probe_common.click


def type_into(spin, value):
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, f"{value:g}")
    QTest.keyClick(spin, Qt.Key.Key_Tab)
    probe_common.settle(100)


def heaps_layers():
    return [layer for layer in QgsProject.instance().mapLayers().values()
            if layer.customProperty(HEAPS_ROLE[0]) == HEAPS_ROLE[1]]


def style_of(layer):
    """What an analyst sees of the heaps layer's style: renderer, its symbol's colours, the labels."""
    renderer = layer.renderer()
    style = {"renderer": renderer.type() if renderer else None, "labels": layer.labelsEnabled()}
    symbols = renderer.symbols(QgsRenderContext()) if renderer else []
    if symbols:
        symbol_layer = symbols[0].symbolLayer(0)  # colours as r,g,b,a (3.40 appends rgb:... to its strings)
        style.update({"symbol_layer": symbol_layer.layerType(),
                      "fill": ",".join(str(v) for v in symbol_layer.color().getRgb()),
                      "outline": ",".join(str(v) for v in symbol_layer.strokeColor().getRgb()),
                      "outline_width": symbol_layer.strokeWidth()})
    if layer.labelsEnabled() and layer.labeling() is not None:
        style["label_expression"] = layer.labeling().settings().fieldName
    return style


def day_range(day_text, years_earlier=0):
    """One UTC day ("yyyy-MM-dd"), as the Temporal Controller's one-day step gives it."""
    day = QDate.fromString(day_text, "yyyy-MM-dd").addYears(-years_earlier)
    start = QDateTime(day, QTime(0, 0), Qt.TimeSpec.UTC)
    return QgsDateTimeRange(start, start.addDays(1), True, False)


def temporal_report(layer):
    """The layer's time settings and the heaps its time filter keeps on CM_DAY and a year before it."""
    temporal = layer.temporalProperties()
    report = {"active": temporal.isActive(), "start_field": temporal.startField(),
              "visible_on_day": temporal.isVisibleInTemporalRange(day_range(os.environ["CM_DAY"]))}
    context = QgsVectorLayerTemporalContext()
    context.setLayer(layer)
    for key, years in (("heaps_on_day", 0), ("heaps_year_earlier", 1)):
        expression = temporal.createFilterString(context, day_range(os.environ["CM_DAY"], years))
        request = QgsFeatureRequest().setFilterExpression(expression)
        report[key] = [f["heap_uid"] for f in layer.getFeatures(request)] if expression else None
    return report


def layers_report():
    report = []
    for layer in QgsProject.instance().mapLayers().values():
        entry = {"name": layer.name(), "valid": layer.isValid(), "source": layer.source(),
                 "role": layer.customProperty(HEAPS_ROLE[0])}
        if isinstance(layer, QgsVectorLayer):
            entry["features"] = layer.featureCount()
        report.append(entry)
    return report


def show_window():
    window = qgis.utils.iface.mainWindow()
    window.showNormal()
    window.resize(1600, 1000)
    probe_common.settle(500)
    return window


def zoom_to(canvas, xs, ys, margin_m):
    canvas.setExtent(QgsRectangle(min(xs) - margin_m, min(ys) - margin_m, max(xs) + margin_m, max(ys) + margin_m))
    render(canvas)


def draw(result):
    import pyplugin_installer

    project = QgsProject.instance()
    project.setFileName(os.environ["CM_PROJECT"])  # an empty project saved first: the data folder goes beside it
    result["saved_empty"] = project.write()
    pyplugin_installer.instance().installFromZipFile(os.environ["CM_ZIP"])
    probe_common.settle()
    dock = qgis.utils.plugins[PLUGIN].dock
    prompts = probe_common.RecordingPrompts()
    dock.prompts = prompts
    window = show_window()
    window.resizeDocks([dock], [DOCK_WIDTH_PX], Qt.Orientation.Horizontal)
    iface = qgis.utils.iface
    canvas = iface.mapCanvas()

    raster_path = os.environ["CM_RASTER"]
    raster = iface.addRasterLayer(raster_path, os.path.splitext(os.path.basename(raster_path))[0])
    result["raster_valid"] = bool(raster and raster.isValid())
    probe_common.settle(500)  # the first layer of a project zooms the canvas to it, after a moment
    vertices = json.loads(os.environ["CM_VERTICES"])  # the truth footprint's corners, scene CRS
    xs, ys = [v[0] for v in vertices], [v[1] for v in vertices]
    zoom_to(canvas, xs, ys, 25.0)
    result["canvas_m_per_px"] = canvas.mapUnitsPerPixel()
    result["canvas_crs"] = canvas.mapSettings().destinationCrs().authid()

    dock.portCombo.setCurrentIndex(dock.portCombo.findText("Rason"))
    dock.imageryLayerCombo.setLayer(raster)
    probe_common.settle()
    QTest.mouseClick(dock.drawHeapButton, Qt.MouseButton.LeftButton)
    probe_common.settle()
    result["map_tool_is_capture"] = canvas.mapTool() is dock.capture_tool
    to_pixel = canvas.getCoordinateTransform()
    clicked = []
    for x, y in vertices:
        p = to_pixel.transform(QgsPointXY(x, y))
        pixel = QPoint(round(p.x()), round(p.y()))
        click(canvas, pixel)
        point = to_pixel.toMapCoordinates(pixel.x(), pixel.y())
        clicked.append([point.x(), point.y()])
    result["clicked_map_points"] = clicked
    result["label_while_drawing"] = dock.resultLabel.text()
    click(canvas, QPoint(5, 5), Qt.MouseButton.RightButton)
    type_into(dock.heightSpin, 6.0)
    result["height_in_form"] = dock.heightSpin.value()
    result["form"] = dock.form.volume_inputs()
    estimate = dock.current_estimate
    result["dock_estimate"] = estimate.as_fields() if estimate is not None else None
    result["result_label"] = dock.resultLabel.text()
    render(canvas)
    result["dock_screenshot"] = probe_common.screenshot(dock, "desktop/dock_result.png")

    QTest.mouseClick(dock.saveHeapButton, Qt.MouseButton.LeftButton)
    probe_common.settle(500)
    result["heap_uids"] = dock.heap_uids()
    result["port_file"] = str(dock.log.file.path) if dock.log.file is not None else None
    result["messages"] = [f"{i.title()} {i.text()}" for i in iface.messageBar().items()]
    result["prompts_asked"] = prompts.asked
    result["label_after_save"] = dock.resultLabel.text()
    extent = raster.extent()  # the heap in its setting: the whole image of the pier
    zoom_to(canvas, [extent.xMinimum(), extent.xMaximum()], [extent.yMinimum(), extent.yMaximum()], 0.0)
    result["dock_logged_screenshot"] = probe_common.screenshot(dock, "desktop/dock_logged.png")
    result["map_screenshot"] = probe_common.screenshot(window, "desktop/map_heap.png")
    result["layers"] = layers_report()
    result["heaps_style"] = [style_of(layer) for layer in heaps_layers()]
    result["heaps_temporal"] = [temporal_report(layer) for layer in heaps_layers()]
    result["saved_project"] = project.write()
    result["project_file"] = project.fileName()


def reopen(result):
    project = QgsProject.instance()
    result["project_file"] = project.fileName()
    result["plugin_loaded"] = PLUGIN in qgis.utils.plugins
    window = show_window()
    if result["plugin_loaded"]:
        window.resizeDocks([qgis.utils.plugins[PLUGIN].dock], [DOCK_WIDTH_PX], Qt.Orientation.Horizontal)
    canvas = qgis.utils.iface.mapCanvas()
    heaps = heaps_layers()
    if heaps:
        extent = heaps[0].extent()
        zoom_to(canvas, [extent.xMinimum(), extent.xMaximum()], [extent.yMinimum(), extent.yMaximum()], 60.0)
    render(canvas)
    result["layers"] = layers_report()
    result["heaps_style"] = [style_of(layer) for layer in heaps]
    result["heaps_temporal"] = [temporal_report(layer) for layer in heaps]
    # the style a plain QGIS gives the GeoPackage's heaps when it is added by hand (its default style)
    if heaps:
        fresh = QgsVectorLayer(heaps[0].source(), "fresh", "ogr")
        result["fresh_layer_style"] = style_of(fresh)
        result["heap_values"] = [{k: f[k] for k in ("height_m", "volume_m3", "scene_id")}
                                 for f in heaps[0].getFeatures()]
    if result["plugin_loaded"]:
        dock = qgis.utils.plugins[PLUGIN].dock
        image = dock.imagery_layer()
        result["dock"] = {
            "port": dock.port.name if dock.port is not None else None,
            "imagery_layer": image.source() if image is not None else None,
            "scene_id": dock.log.scene["scene_id"] if dock.log.scene is not None else None,
            "heap_uids": dock.heap_uids(),
            "port_file": str(dock.log.file.path) if dock.log.file is not None else None,
            "scene_label": dock.sceneLabel.text(),
        }
        result["dock_screenshot"] = probe_common.screenshot(dock, "desktop/dock_reopened.png")
    name = "map_reopened.png" if result["plugin_loaded"] else "map_without_plugin.png"
    result["map_screenshot"] = probe_common.screenshot(window, f"desktop/{name}")


MODES = {"draw": draw, "reopen": reopen, "plain": reopen}
probe_common.run_later(MODES[os.environ["CM_MODE"]], delay_ms=int(os.environ.get("CM_DELAY_MS", "2500")))
