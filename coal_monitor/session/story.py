"""The port's story beside the measuring session: examined images, piles across images, ships.

No widget here (the dock's story panel and tests drive it). It works on the ``MeasuringSession``'s port
file, image and outline:

- ``mark_examined``: the current image has every heap it shows logged; with no heap it is an observation
  of 0 t ("examined: no coal"), which the series then counts;
- ``carry_forward``: the previous examined image's heaps become drafts on this image, each with its
  pile_uid, for the analyst to take (outline and inputs into the session, adjusted, logged) or drop;
  a new outline overlapping a pile of the previous examined image is offered that pile's identity;
- ``measure_vessel`` / ``log_vessel``: a hull outline from the vessel tool, its class and cargo range
  (``core.vessels`` through the store's rules) and its row in the `vessels` layer.
"""
from qgis.core import Qgis, QgsCoordinateTransform, QgsGeometry
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core import vessels as ship_rules
from ..core.day_scenes import MIN_OVERLAP_M2
from ..core.errors import InputError
from ..store import schema
from ..store.errors import StoreError
from ..store.footprint import to_shapely
from ..number_text import number
from ..translation import message_text, tr
from .guard import guarded

Success = Qgis.MessageLevel.Success
EXAMINED_EMPTY_NOTE = "examined: no coal"
# What a carried-forward draft keeps of the heap it copies (its outline and pile_uid besides).
DRAFT_INPUTS = ("pier", "label", "identification", "confidence", "height_m", "height_sigma_m", "height_method",
                "model", "repose_deg", "density_t_m3", "notes")


class PortStory(QObject):
    """Signals: ``drafts_changed(list of drafts)``; ``pile_offered(offer dict or None)`` for the outline
    being measured; ``vessel_changed(numbers dict or None, problem)``; ``examined_changed(examined, note)``
    for the current image; ``coverage_changed(QgsGeometry in the port CRS or None)``."""

    drafts_changed = pyqtSignal(list)
    pile_offered = pyqtSignal(object)
    vessel_changed = pyqtSignal(object, str)
    examined_changed = pyqtSignal(bool, str)
    coverage_changed = pyqtSignal(object)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.drafts = []  # {pile_uid, geometry (QgsGeometry, port CRS), inputs, from_scene, from_date, tonnage_t}
        self.offer = None  # {pile_uid, label, date, heap_uid} for the outline being measured
        self.vessel_outline = None  # QgsGeometry (port CRS) of the ship being measured
        self.vessel_numbers = None
        session.footprint_changed.connect(self._footprint_changed)
        session.scene_changed.connect(self._scene_changed)
        session.heaps_changed.connect(self._heaps_changed)

    def warn(self, text):
        self.session.warn(text)

    @property
    def file(self):
        return self.session.log.file

    # --- examined --------------------------------------------------------------------------------
    @guarded
    def mark_examined(self, note=None):
        """Mark the current image examined (its scene logged first if needed); returns the scene row."""
        session = self.session
        if (session.footprint is not None and session.editing_heap_uid is None) or session.outline_in_progress:
            raise InputError(tr("A heap is still being drawn or measured on this image: log it or press Esc "
                                "first, then mark the image examined."))
        scene = self._logged_scene(tr("The image was not marked examined: it needs its acquisition date and time "
                                      "(UTC)."))
        if scene is None:
            return None
        heaps = self.file.heaps(scene["scene_id"], with_geometry=False)
        day = (scene.get("acquired_utc") or "")[:10]
        if not heaps and not self.session.prompts.confirm(
                tr("Examined: no coal"),
                tr("No heap is logged on {scene}. Mark it examined with no coal? The port's series then shows "
                   "0 t on {date}; leave it unmarked if you have not looked at the whole image.").format(
                       scene=scene["scene_id"], date=day)):
            return None
        if note is None:
            note = "" if heaps else EXAMINED_EMPTY_NOTE
        row = self.file.mark_examined(scene["scene_id"], True, note)
        session.log.scene = row
        session.log.show_heaps_layer()
        self.examined_changed.emit(True, row.get("examined_note") or "")
        if heaps:
            text = tr("Image {scene} marked examined: its {count} heap(s) are all it shows.")
        else:
            text = tr("Image {scene} marked examined with no heap: the port shows no coal on {date} (0 t).")
        session.message.emit(text.format(scene=scene["scene_id"], count=len(heaps), date=day), Success)
        return row

    @guarded
    def set_coverage(self, geometry, crs):
        """Record the part of the port the current image shows clearly (QgsGeometry in ``crs``; None
        clears it): its date's total then says the coverage is partial. Returns the scene row."""
        scene = self._logged_scene(tr("The coverage was not recorded: the image needs its acquisition date and "
                                      "time (UTC)."))
        if scene is None:
            return None
        outline = None
        if geometry is not None:
            outline = QgsGeometry(geometry)
            outline.transform(QgsCoordinateTransform(crs, self.session.port_crs(), self.session.project))
        row = self.file.set_scene_coverage(scene["scene_id"], outline, self.session.port.crs_epsg)
        self.session.log.scene = row
        self.coverage_changed.emit(outline)
        text = (tr("Coverage of {scene} recorded: its date's total is marked partial.") if outline is not None
                else tr("Coverage of {scene} cleared: the image shows the whole port."))
        self.session.message.emit(text.format(scene=scene["scene_id"]), Success)
        return row

    def _logged_scene(self, undated):
        """The current image's scene, logged (and the port file created) if needed; None after a warning."""
        session = self.session
        problem = session.image_problem()
        if problem:
            self.warn(problem)
            return None
        session.log.ensure_file(session.prompts)
        scene = session._ensure_scene()
        if scene is None:
            self.warn(undated)
        return scene

    def _scene_changed(self, *_args):
        scene = self.session.log.scene
        self.examined_changed.emit(bool(scene and scene.get("examined")), (scene or {}).get("examined_note") or "")
        coverage = (scene or {}).get("coverage")
        self.coverage_changed.emit(QgsGeometry.fromWkt(coverage.wkt) if coverage is not None else None)
        if self.drafts and (scene is None or self.drafts[0]["to_scene"] != scene["scene_id"]):
            self.drafts = []
            self.drafts_changed.emit([])

    # --- piles -----------------------------------------------------------------------------------
    @guarded
    def carry_forward(self):
        """Copy the previous examined image's heaps onto this image as drafts; returns how many."""
        session = self.session
        if session.port is None or session.image_problem():
            self.warn(session.image_problem() or tr("Pick a port first."))
            return 0
        if self.file is None:
            raise StoreError(tr("{port} has no log yet: nothing was examined before this image.").format(
                port=session.port.name))
        scene = session._ensure_scene()
        if scene is None:
            self.warn(tr("Piles were not carried forward: the image needs its acquisition date and time (UTC)."))
            return 0
        previous = self.file.previous_examined_scene(scene["scene_id"])
        if previous is None:
            self.warn(tr("No image before {date} is marked examined, so there are no piles to carry forward; mark "
                         "the earlier image examined when all its heaps are logged.").format(
                             date=scene["acquired_utc"][:10]))
            return 0
        here = {h["pile_uid"] for h in self.file.heaps(scene["scene_id"], with_geometry=False)}
        self.drafts = []
        for heap in self.file.heaps(previous["scene_id"]):
            if heap["pile_uid"] in here or heap["geometry"] is None:
                continue
            self.drafts.append({
                "pile_uid": heap["pile_uid"], "geometry": QgsGeometry.fromWkt(heap["geometry"].wkt),
                "inputs": {k: heap.get(k) for k in DRAFT_INPUTS}, "from_scene": previous["scene_id"],
                "from_date": previous["acquired_utc"][:10], "tonnage_t": heap.get("tonnage_t"),
                "to_scene": scene["scene_id"]})
        self.drafts_changed.emit(list(self.drafts))
        session.message.emit(tr("{count} pile(s) carried forward from {scene} ({date}): take each, adjust its outline "
                                "and height to this image, and log it; drop the piles that are gone.").format(
                                    count=len(self.drafts), scene=previous["scene_id"],
                                    date=previous["acquired_utc"][:10]), Success)
        return len(self.drafts)

    @guarded
    def take_draft(self, index):
        """Measure draft ``index``: its outline and inputs become the session's, with its pile_uid."""
        draft = self.drafts[index]
        session = self.session
        session.set_inputs(dict(draft["inputs"]))
        session._measure(QgsGeometry(draft["geometry"]), None)
        session.pile_uid = draft["pile_uid"]
        self.offer = {"pile_uid": draft["pile_uid"], "label": draft["inputs"].get("label") or "",
                      "date": draft["from_date"], "heap_uid": None, "draft": True}
        self.pile_offered.emit(self.offer)
        return draft

    def drop_draft(self, index):
        del self.drafts[index]
        self.drafts_changed.emit(list(self.drafts))

    def accept_offer(self, accepted):
        """Log the outline being measured as the offered pile (True) or as a new pile (False)."""
        self.session.pile_uid = self.offer["pile_uid"] if accepted and self.offer else None

    def _footprint_changed(self, geometry_port_crs):
        session = self.session
        self.offer = None
        if geometry_port_crs is None or session.editing_heap_uid is not None or self.file is None:
            self.pile_offered.emit(None)
            return
        scene = session.log.scene
        previous = self.file.previous_examined_scene(scene["scene_id"]) if scene else self._previous_by_date()
        if previous is not None:
            outline = to_shapely(geometry_port_crs)
            best, best_area = None, MIN_OVERLAP_M2
            taken = {h["pile_uid"] for h in self.file.heaps(scene["scene_id"], with_geometry=False)} if scene else set()
            for heap in self.file.heaps(previous["scene_id"]):
                if heap["pile_uid"] in taken:  # already measured on this image: a pile is seen once per image
                    continue
                area = heap["geometry"].intersection(outline).area if heap["geometry"] is not None else 0.0
                if area >= best_area:
                    best, best_area = heap, area
            if best is not None:
                self.offer = {"pile_uid": best["pile_uid"], "label": best.get("label") or "",
                              "date": previous["acquired_utc"][:10], "heap_uid": best["heap_uid"], "draft": False}
                session.pile_uid = best["pile_uid"]
        self.pile_offered.emit(self.offer)

    def _previous_by_date(self):
        """For an image not logged yet: the latest examined scene before its acquisition date."""
        draft = self.session.scenes.draft(self.session.image) if self.session.image is not None else {}
        day = (draft.get("acquired_utc") or "")[:10]
        if not day:
            return None
        earlier = [s for s in self.file.scenes() if s.get("examined") and (s.get("acquired_utc") or "")[:10] < day]
        return earlier[-1] if earlier else None

    def _heaps_changed(self, rows):
        logged = {row.get("pile_uid") for row in rows}
        kept = [d for d in self.drafts if d["pile_uid"] not in logged]
        if len(kept) != len(self.drafts):
            self.drafts = kept
            self.drafts_changed.emit(list(kept))

    # --- ships -----------------------------------------------------------------------------------
    @guarded
    def measure_vessel(self, geometry, crs, pier=None):
        """The ship whose hull outline is ``geometry`` (QgsGeometry in ``crs``): LOA, beam, class, cargo."""
        session = self.session
        outline = QgsGeometry(geometry)
        outline.transform(QgsCoordinateTransform(crs, session.port_crs(), session.project))
        self.vessel_outline = outline
        self.vessel_numbers = None
        try:
            hull = ship_rules.hull_from_outline(list(to_shapely(outline).exterior.coords)[:-1])
            numbers = {"loa_m": hull.loa_m, "beam_m": hull.beam_m, "gsd_m": self._gsd_m()}
            if numbers["gsd_m"]:
                estimate = ship_rules.classify(hull.loa_m, hull.beam_m, numbers["gsd_m"],
                                               session.port.berth_depth_m(pier))
                numbers.update(vessel_class=estimate.vessel_class, dwt_lo_t=estimate.dwt_lo_t,
                               dwt_hi_t=estimate.dwt_hi_t, cargo_lo_t=estimate.cargo_lo_t,
                               cargo_hi_t=estimate.cargo_hi_t, draft_limited=estimate.draft_limited)
        except InputError as exc:
            self.vessel_outline = None
            self.vessel_changed.emit(None, message_text(exc))
            return None
        self.vessel_numbers = numbers
        self.vessel_changed.emit(numbers, "" if numbers["gsd_m"] else tr(
            "The image has no GSD: the ship is logged with its length and beam but no class; set the GSD with "
            "Edit scene to class it."))
        return numbers

    def _gsd_m(self):
        scene = self.session.log.scene
        return (scene or {}).get("gsd_m") or self.session.scene_gsd_m()

    @guarded
    def log_vessel(self, attrs):
        """Log the measured ship with the analyst's ``attrs`` (state, pier, cargo_visible, ...); its uid."""
        session = self.session
        if self.vessel_outline is None:
            self.warn(tr("There is no ship to log: press “Measure ship” and click its bow, stern and side."))
            return None
        scene = self._logged_scene(tr("The ship was not logged: it needs the image's acquisition date and time (UTC)."))
        if scene is None:
            return None
        values = {k: v for k, v in dict(attrs).items() if v not in (None, "")}
        values.update(scene_id=scene["scene_id"], observed_utc=scene["acquired_utc"])
        uid = self.file.add_vessel(self.vessel_outline, session.port.crs_epsg, values)
        stored = self.file.vessel(uid)
        session.log.show_layer(schema.VESSELS)
        session.log.reload_layer(schema.VESSELS)
        self.vessel_outline = self.vessel_numbers = None
        self.vessel_changed.emit(None, "")
        text = tr("Logged ship at {port}: {ship}.").format(port=session.port.name, ship=vessel_line(stored))
        session.message.emit(text, Success)
        return uid


def vessel_line(row) -> str:
    """One line for a ship, numbers in the analyst's locale: class, LOA x beam, cargo range, state."""
    size = tr("{loa} x {beam} m").format(loa=number(row["loa_m"], 0), beam=number(row["beam_m"], 1))
    if row.get("cargo_hi_t") is None:
        return tr("{size}, no class ({state})").format(size=size, state=row.get("state") or "unknown")
    return tr("{ship_class}, {size}, cargo {low}-{high} t ({state})").format(
        ship_class=row["vessel_class"], size=size, low=number(row["cargo_lo_t"]), high=number(row["cargo_hi_t"]),
        state=row.get("state") or "unknown")
