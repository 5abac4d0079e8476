"""Runs inside QGIS desktop (``qgis --code tools/demo_replay.py``), started by tools/demo.py.

``CM_DEMO_MODE=replay`` replays an analyst's session on the demo project through the plugin's own GUI
path, for every sample scene and every truth heap: pick the port and the image in the dock, zoom to
the heap, press "Draw heap", click the footprint's corners on the canvas, right-click, choose the
model, get the height, press "Log heap". The height comes from the shadow tool (a click on the apex as
the image shows it, a click on the truth's shadow tip, both rounded to the screen pixel as a mouse
click is) when the truth says the shadow's tip lies on the ground; otherwise it is the truth height
plus a seeded measurement error (see ``typed_height``). Truth footprints with more than
MAX_CLICKED_CORNERS corners (cones are 128-gons, touching pairs 256-gons) are clicked at evenly spaced
corners of the truth outline, as an analyst clicks a round pile's edge.

``CM_DEMO_MODE=ready`` (interactive demo) only zooms to the dock's image and leaves QGIS open.

The replay writes its log as JSON (CM_DEMO_RESULT) and screenshots, then quits QGIS. Every failure is
recorded in the log's ``errors``; tools/demo.py turns them into a non-zero exit.
"""
import faulthandler
import json
import math
import os
import random
import time
import traceback
from pathlib import Path

import qgis.utils
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY,
                       QgsProject, QgsRectangle)
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QPoint, Qt, QTimer
from qgis.PyQt.QtGui import QMouseEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication

PLUGIN = "coal_monitor"
MAX_CLICKED_CORNERS = 24
ERROR_SEED = 2025
ERROR_FRACTION = 0.05  # typed heights: truth +- up to 5 %
TRACED_SCENE = "rason_20250418"  # its heaps are also traced with one click each, beside their truth
SIGMA_FLOOR_M = 0.5
SPIN_STEP_M = 0.1  # the height box shows one decimal
VIEW_MARGIN_M = 8.0
STUCK_AFTER_S = 30  # a heap taking longer than this gets the Python stacks dumped to replay_stacks.txt
WINDOW_SIZE = (1600, 1000)
DOCK_WIDTH_PX = 440


def settle(ms=100):
    end = time.monotonic() + ms / 1000
    while True:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
        if time.monotonic() >= end:
            return
        time.sleep(0.005)


EXAMINED_EMPTY_TITLE = "Examined: no coal"  # the one question the replay expects (an image without heaps)


class NoPrompts:
    """The replay must never block on a modal question: each is answered "no" and logged as an error,
    but for marking an image without heaps examined, which the analyst confirms (``expected``)."""

    def __init__(self, errors):
        self.errors = errors
        self.expected = []

    def _asked(self, kind, *question):
        self.errors.append(f"the dock asked {kind}: {question}")

    def confirm(self, title, text):
        if title == EXAMINED_EMPTY_TITLE:
            self.expected.append(text)
            return True
        self._asked("confirm", title, text)
        return False

    def ask_folder(self, title, start_dir=""):
        self._asked("ask_folder", title)

    def ask_datetime(self, title, text):
        self._asked("ask_datetime", title, text)

    def ask_new_port(self, map_centre_lat_lon=None):
        self._asked("ask_new_port")


def typed_height(true_height_m, rng):
    """(height, sigma) an analyst types without a shadow: truth plus an error drawn uniformly within
    +-ERROR_FRACTION, shown to 0.1 m; sigma covers that error and the rounding, at least SIGMA_FLOOR_M."""
    height = true_height_m * (1.0 + rng.uniform(-ERROR_FRACTION, ERROR_FRACTION))
    steps = math.ceil((ERROR_FRACTION * true_height_m + SPIN_STEP_M / 2) / SPIN_STEP_M)
    sigma = max(SIGMA_FLOOR_M, steps * SPIN_STEP_M)
    return round(height, 1), round(sigma, 1)


def clicked_corners(ring):
    """The truth ring's corners (without the closing one), at most MAX_CLICKED_CORNERS evenly spaced."""
    corners = [tuple(xy[:2]) for xy in ring[:-1]]
    if len(corners) <= MAX_CLICKED_CORNERS:
        return corners
    step = math.ceil(len(corners) / MAX_CLICKED_CORNERS)
    return corners[::step]


class Replay:
    def __init__(self, samples_dir, output_dir):
        self.samples = Path(samples_dir)
        self.output = Path(output_dir)
        (self.output / "screenshots").mkdir(parents=True, exist_ok=True)
        self.iface = qgis.utils.iface
        self.canvas = self.iface.mapCanvas()
        self.window = self.iface.mainWindow()
        self.errors = []
        self.heaps = []
        self.traces = []  # one-click traces of TRACED_SCENE's heaps beside their truth (nothing logged)
        self.vessels = []  # one record per truth ship: the clicks and what the dock measured
        self.story = []  # per scene: piles carried forward, taken up by the new outlines, dropped; examined
        self.examined_ports = set()
        self.screenshots = []
        self.rng = random.Random(ERROR_SEED)
        self.stacks = open(self.output / "replay_stacks.txt", "w")
        self.dock = qgis.utils.plugins[PLUGIN].dock
        self.dock.prompts = NoPrompts(self.errors)

    # --- the analyst's hands ---------------------------------------------------------------------
    def click_map(self, xy, crs, button=Qt.MouseButton.LeftButton):
        """Click the canvas at a point given in ``crs``; returns the pixel clicked."""
        to_canvas = QgsCoordinateTransform(crs, self.canvas.mapSettings().destinationCrs(), QgsProject.instance())
        p = self.canvas.getCoordinateTransform().transform(to_canvas.transform(QgsPointXY(*xy)))
        pixel = QPoint(round(p.x()), round(p.y()))
        self.click(pixel, button)
        return pixel

    def click(self, pixel, button=Qt.MouseButton.LeftButton):
        move = QMouseEvent(QEvent.Type.MouseMove, pixel, Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                           Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(self.canvas.viewport(), move)
        QTest.mouseClick(self.canvas.viewport(), button, Qt.KeyboardModifier.NoModifier, pixel)
        settle(20)

    def press(self, button):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        settle(50)

    def type_into(self, widget, text):
        widget.setFocus()
        widget.selectAll()
        QTest.keyClicks(widget, text)
        QTest.keyClick(widget, Qt.Key.Key_Tab)
        settle(20)

    def view(self, xs, ys, crs, margin_m=VIEW_MARGIN_M):
        to_canvas = QgsCoordinateTransform(crs, self.canvas.mapSettings().destinationCrs(), QgsProject.instance())
        box = QgsRectangle(min(xs) - margin_m, min(ys) - margin_m, max(xs) + margin_m, max(ys) + margin_m)
        self.canvas.setExtent(to_canvas.transformBoundingBox(box))
        self.canvas.refresh()
        self.canvas.waitWhileRendering()
        settle(30)

    def screenshot(self, widget, name):
        self.canvas.waitWhileRendering()
        settle(100)
        path = self.output / "screenshots" / name
        widget.grab().save(str(path))
        self.screenshots.append(str(path))

    # --- the session -----------------------------------------------------------------------------
    def prepare_window(self):
        self.window.showNormal()
        self.window.setGeometry(0, 0, *WINDOW_SIZE)  # the same canvas size, hence the same clicks, every run
        self.window.resizeDocks([self.dock], [DOCK_WIDTH_PX], Qt.Orientation.Horizontal)
        settle(300)

    def show_only(self, layer):
        """Tick this image and the heaps layers; untick the other images (they cover each other)."""
        root = QgsProject.instance().layerTreeRoot()
        for node in root.findLayers():
            role = node.layer().customProperty("coal_monitor/role") if node.layer() is not None else None
            node.setItemVisibilityChecked(role in ("heaps", "vessels") or node.layerId() == layer.id())
        for group in root.findGroups():
            group.setItemVisibilityChecked(True)

    def choose_port(self, slug):
        combo = self.dock.portCombo
        index = next((i for i in range(combo.count()) if combo.itemText(i).lower() == slug), -1)
        if index < 0:
            raise RuntimeError(f"port {slug!r} is not in the dock's port list")
        combo.setCurrentIndex(index)
        settle(50)

    def run(self, scenes):
        self.prepare_window()
        for scene in scenes:
            started = time.monotonic()
            try:
                self.replay_scene(scene)
            except Exception:
                self.errors.append(f"{scene['id']}: {traceback.format_exc()}")
            scene["replay_s"] = round(time.monotonic() - started, 1)

    def replay_scene(self, scene):
        layers = QgsProject.instance().mapLayersByName(scene["id"])
        if not layers:
            raise RuntimeError(f"the demo project has no layer {scene['id']}")
        layer = layers[0]
        QgsProject.instance().setCrs(layer.crs())  # the analyst works in the image's own UTM zone
        self.show_only(layer)
        self.choose_port(scene["port"])
        self.dock.imageryLayerCombo.setLayer(layer)
        settle(50)
        truth = json.loads((self.samples / scene["truth"]).read_text())
        crs = QgsCoordinateReferenceSystem(f"EPSG:{scene['crs_epsg']}")
        story = {"scene": scene["id"], "carried": 0, "dropped": 0}
        self.story.append(story)
        if scene["port"] in self.examined_ports:  # an earlier image of this port was examined
            self.press(self.dock.carryForwardButton)
            story["carried"] = self.dock.draftList.count()
        first_shadow = True
        for feature in truth["features"]:
            record = {"scene": scene["id"], "port": scene["port"], "heap": feature["properties"]["heap"]}
            self.heaps.append(record)
            self.stacks.write(f"--- {scene['id']} {record['heap']} started\n")
            self.stacks.flush()
            faulthandler.dump_traceback_later(STUCK_AFTER_S, repeat=True, file=self.stacks)
            try:
                shot = feature["properties"]["shadow_tip_on_ground"] and first_shadow
                self.replay_heap(feature, crs, record, shadow_screenshot=shot)
                first_shadow = first_shadow and not shot
            except Exception:
                record["error"] = traceback.format_exc()
                self.errors.append(f"{scene['id']} {record['heap']}: {record['error']}")
                self.canvas.unsetMapTool(self.canvas.mapTool())
            finally:
                faulthandler.cancel_dump_traceback_later()
        while self.dock.draftList.count():  # piles the new image no longer shows
            self.dock.draftList.setCurrentRow(0)
            self.press(self.dock.dropDraftButton)
            story["dropped"] += 1
        for ship in truth.get("vessels", []):
            try:
                self.measure_ship(ship, crs)
            except Exception:
                self.errors.append(f"{scene['id']} ship {ship['properties']['vessel']}: {traceback.format_exc()}")
                self.canvas.unsetMapTool(self.canvas.mapTool())
        self.press(self.dock.markExaminedButton)
        story["examined"] = bool((self.dock.log.scene or {}).get("examined"))
        story["examined_note"] = (self.dock.log.scene or {}).get("examined_note")
        story["scene_id"] = (self.dock.log.scene or {}).get("scene_id")
        if not story["examined"]:
            self.errors.append(f"{scene['id']}: not marked examined: {self.last_message()}")
        self.examined_ports.add(scene["port"])
        if scene["id"] == TRACED_SCENE:
            for feature in truth["features"]:
                try:
                    self.trace_heap(feature, crs)
                except Exception:
                    self.errors.append(f"{scene['id']} trace {feature['properties']['heap']}: {traceback.format_exc()}")
                    self.canvas.unsetMapTool(self.canvas.mapTool())
        extent = layer.extent()
        self.view([extent.xMinimum(), extent.xMaximum()], [extent.yMinimum(), extent.yMaximum()], layer.crs(), 0.0)
        self.screenshot_scene(scene["id"])

    def measure_ship(self, ship, crs):
        """Measure a truth ship as an analyst does: Measure ship, click bow, stern and side, state, log."""
        props = ship["properties"]
        dock = self.dock
        points = [props["bow"], props["stern"], props["side"]]
        self.view([p[0] for p in points], [p[1] for p in points], crs, margin_m=20.0)
        before = len(dock.log.file.vessels()) if dock.log.file is not None else 0
        self.press(dock.measureVesselButton)
        for point in points:
            self.click_map(point[:2], crs)
        settle(50)
        dock.vesselStateCombo.setCurrentIndex(dock.vesselStateCombo.findData(props["state"]))
        dock.cargoVisibleCheck.setChecked(bool(props.get("cargo_visible")))
        dock.hatchesOpenCheck.setChecked(bool(props.get("hatches_open")))
        self.press(dock.logVesselButton)
        ships = dock.log.file.vessels() if dock.log.file is not None else []
        if len(ships) != before + 1:
            raise RuntimeError(f"'Log ship' did not log one ship: {dock.vesselResultLabel.text()} "
                               f"{self.last_message()}")
        self.vessels.append({"scene": props["scene"], "vessel": props["vessel"], "vessel_uid": ships[-1]["vessel_uid"]})
        self.canvas.unsetMapTool(self.canvas.mapTool())

    def trace_heap(self, feature, crs):
        """Trace a truth heap with one click inside it (Trace..., click, Enter) and compare the outline
        the dock accepted with the truth (intersection over union); the trace is not logged."""
        from shapely import wkb
        from shapely.geometry import shape

        truth = shape(feature["geometry"])
        xs, ys = zip(*feature["geometry"]["coordinates"][0])
        self.view(list(xs), list(ys), crs)
        self.press(self.dock.traceHeapButton)
        inside = truth.representative_point()
        self.click_map((inside.x, inside.y), crs)
        QTest.keyClick(self.canvas, Qt.Key.Key_Return)
        settle(50)
        record = {"heap": feature["properties"]["heap"], "shape": feature["properties"].get("shape", "")}
        outline = self.dock.session.footprint_geometry
        if outline is None:
            record["iou"] = None
            record["problem"] = self.dock.resultLabel.text()
        else:
            traced = wkb.loads(bytes(outline.asWkb()))  # the port's CRS: the sample scenes' own UTM zone
            record["iou"] = truth.intersection(traced).area / truth.union(traced).area
        self.traces.append(record)
        self.dock.session.clear_footprint()

    def screenshot_scene(self, name):
        """The whole image with this scene's heaps and ships only: the port's layers hold every date's, so
        they are filtered to the dock's scene for the picture (as an analyst filters them), then unfiltered."""
        scene = self.dock.log.scene
        layers = [layer for layer in (self.dock.log.layer("heaps"), self.dock.log.layer("vessels"))
                  if layer is not None]
        if not layers or scene is None:
            self.screenshot(self.window, f"{name}.png")
            return
        previous = [layer.subsetString() for layer in layers]
        for layer in layers:
            layer.setSubsetString("scene_id = '{}'".format(scene["scene_id"].replace("'", "''")))
        try:
            self.canvas.refresh()
            self.screenshot(self.window, f"{name}.png")
        finally:
            for layer, subset in zip(layers, previous):
                layer.setSubsetString(subset)

    def replay_heap(self, feature, crs, record, shadow_screenshot=False):
        props = feature["properties"]
        dock = self.dock
        corners = clicked_corners(feature["geometry"]["coordinates"][0])
        record["corners_clicked"] = len(corners)
        record["corners_truth"] = len(feature["geometry"]["coordinates"][0]) - 1
        use_shadow = bool(props.get("shadow_tip_on_ground")) and props.get("shadow_tip") is not None
        extra = [props["apparent_apex"][:2], props["shadow_tip"][:2]] if use_shadow else []
        xs = [c[0] for c in corners + extra]
        ys = [c[1] for c in corners + extra]
        self.view(xs, ys, crs)
        before = set(dock.heap_uids())

        self.press(dock.drawHeapButton)
        if self.canvas.mapTool() is not dock.capture_tool:
            raise RuntimeError(f"'Draw heap' did not arm the capture tool: {dock.resultLabel.text()}")
        clicked = [self.click_map(corner, crs) for corner in corners]
        record["clicked_canvas"] = [[p.x(), p.y()] for p in (self.canvas.getCoordinateTransform().toMapCoordinates(
            pixel.x(), pixel.y()) for pixel in clicked)]
        self.stacks.write(f"clicked ({self.canvas.mapSettings().destinationCrs().authid()}): "
                          f"{record['clicked_canvas']}\n")
        self.stacks.flush()
        self.click(QPoint(5, 5), Qt.MouseButton.RightButton)
        if dock.footprint is None:
            raise RuntimeError(f"the outline was not accepted: {dock.resultLabel.text()}")

        combo = dock.modelCombo
        combo.setCurrentIndex(combo.findData(props["model"]))
        self.type_into(dock.form.labelEdit, props["heap"])
        if use_shadow:
            self.press(dock.shadowToolButton)
            if not dock.shadow.is_active():
                raise RuntimeError(f"the shadow tool did not start: {self.last_message()}")
            self.click_map(props["apparent_apex"][:2], crs)
            self.click_map(props["shadow_tip"][:2], crs)
            if dock.form.height_method != "shadow":
                raise RuntimeError(f"the shadow tool gave no height: {self.last_message()}")
            record["height_source"] = "shadow"
            if shadow_screenshot:
                self.screenshot(self.window, f"{record['scene']}_{record['heap']}_shadow.png")
        else:
            height, sigma = typed_height(props["height_m"], self.rng)
            self.type_into(dock.heightSpin, f"{height:.1f}")
            self.type_into(dock.heightSigmaSpin, f"{sigma:.1f}")
            record["height_source"] = "truth+error"
        record["height_m"] = dock.heightSpin.value()
        record["height_sigma_m"] = dock.heightSigmaSpin.value()
        self.press(dock.saveHeapButton)
        new = [uid for uid in dock.heap_uids() if uid not in before]
        if len(new) != 1:
            raise RuntimeError(f"'Log heap' did not log one heap ({len(new)} new): {dock.resultLabel.text()}")
        record["heap_uid"] = new[0]

    def last_message(self):
        items = self.iface.messageBar().items()
        return items[0].text() if items else self.dock.resultLabel.text()

    def report(self):
        return {"errors": self.errors, "heaps": self.heaps, "traces": self.traces, "screenshots": self.screenshots,
                "vessels": self.vessels, "story": self.story, "examined_questions": self.dock.prompts.expected}


def replay_main():
    result_path = os.environ["CM_DEMO_RESULT"]
    result = {"errors": []}
    started = time.monotonic()
    try:
        if PLUGIN not in qgis.utils.plugins:
            raise RuntimeError("the Coal Monitor plugin is not loaded in the demo profile")
        scenes = json.loads(Path(os.environ["CM_DEMO_SCENES"]).read_text())["scenes"]
        only = [name for name in os.environ.get("CM_DEMO_ONLY", "").split(",") if name]
        scenes = [s for s in scenes if not only or s["id"] in only]
        replay = Replay(Path(os.environ["CM_DEMO_SCENES"]).parent, os.environ["CM_DEMO_OUTPUT"])
        replay.run(scenes)
        replay.screenshot(replay.dock, "dock.png")
        QgsProject.instance().write()
        result = replay.report()
        result["scenes"] = [{"id": s["id"], "replay_s": s.get("replay_s")} for s in scenes]
    except Exception:
        result["errors"].append(traceback.format_exc())
    result["replay_s"] = round(time.monotonic() - started, 1)
    with open(result_path, "w") as handle:
        json.dump(result, handle, indent=1)
    QgsApplication.exit(1 if result["errors"] else 0)


def ready_main():
    """Interactive demo: show the dock's image (the project chose Rason's latest scene) whole."""
    dock = qgis.utils.plugins[PLUGIN].dock if PLUGIN in qgis.utils.plugins else None
    layer = dock.imagery_layer() if dock is not None else None
    qgis.utils.iface.mainWindow().showMaximized()
    if layer is not None:
        qgis.utils.iface.setActiveLayer(layer)
        canvas = qgis.utils.iface.mapCanvas()
        canvas.setExtent(layer.extent())
        canvas.refresh()
        qgis.utils.iface.messageBar().pushInfo(
            "Coal Monitor demo", "Press “Draw heap on the map” in the Coal Monitor panel and click a heap's "
            "corners; right-click to finish, enter its height, then “Log heap”.")


MAIN = {"replay": replay_main, "ready": ready_main}[os.environ.get("CM_DEMO_MODE", "replay")]
QTimer.singleShot(int(os.environ.get("CM_DEMO_DELAY_MS", "2500")), MAIN)
