"""What every port log does, whatever keeps it: a GeoPackage (``PortFile``) or a PostGIS schema.

Input checks, the engine's numbers, the day rule of the totals, the stale-heap checks, the CSV export
and the ships are written once here. A backend supplies the connection: ``_transaction`` (one short
transaction, yielding an object whose ``execute(sql, params)`` takes ``?`` markers and returns a
cursor with ``fetchone``/``fetchall`` of rows readable by name and position), ``_select``, the
geometry encoding (``_encode_geom``/``_decode_geom``), ``_change_token`` (for ``others_changed``) and
the attributes ``path`` (display: ``str(path)``, ``path.name``), ``port``, ``read_only`` and
``read_only_reason``.
"""
import csv
import json
import math
import uuid
from pathlib import Path
from typing import Dict, List, Optional

from ..core import day_scenes
from ..core.errors import InputError
from ..core.heap_numbers import MeasuredFootprint
from ..core.messages import LISTED, QT_TR_NOOP, SPACED, Message, as_message, join_notes
from ..core.ports import Port
from . import schema
from .creation import STALE_TABLE
from .derive import derived_numbers
from .errors import HeapInputError, StoreError
from .footprint import measure_footprint
from .sql import ident, placeholders, statement
from .sqltime import to_utc_text, utc_now_text
from .values import plain
from .vessel_log import VesselRecords

# Tolerance when checking stored numbers against a fresh engine run (same inputs give the same floats;
# this only absorbs text round-trips through other programs).
NUMBER_REL_TOL = 1e-9
# A date's note when its examined images show no coal and the analyst wrote nothing (stored in English).
EXAMINED_NO_COAL = QT_TR_NOOP("examined: no coal")
TOTAL_COLUMNS = ("area_m2", "volume_m3", "volume_lo_m3", "volume_hi_m3", "tonnage_t", "tonnage_lo_t",
                 "tonnage_hi_t")
HEAP_COLUMNS = schema.field_names(schema.HEAPS)
HEAP_INPUT_FIELDS = tuple(f.name for f in schema.HEAP_FIELDS
                          if not f.derived and f.name not in schema.STORE_MANAGED)
_KNOWN_FIELDS = {table: frozenset(schema.field_names(table)) for table in schema.TABLES}
_NOT_FROM_CALLER = frozenset(schema.DERIVED_FIELDS) | frozenset(schema.STORE_MANAGED)


class PortLogBase(VesselRecords):
    """The backend-independent part of a port log (see the module docstring for what a backend adds)."""

    # Appended to the select of the heap a transaction changes: a backend with row locks takes it here.
    ROW_LOCK = ""

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    # ---- scenes ---------------------------------------------------------------------------------------

    def add_scene(self, scene: Dict) -> str:
        """Log one image's metadata; returns its scene_id. A scene_id already logged is refused."""
        row = self._checked_row(schema.SCENES, scene)
        if row.get("raster_path"):
            row["raster_path"] = self._relative_raster_path(row["raster_path"])
        with self._transaction(QT_TR_NOOP("log scene")) as connection:
            if connection.execute(statement("SELECT 1 FROM {t} WHERE scene_id = ?", t=schema.SCENES),
                                  (row["scene_id"],)).fetchone():
                raise StoreError(QT_TR_NOOP("Scene {scene_id!r} is already logged in {path}; "
                                            "use its scene_id for the heaps instead of logging it again."),
                                 scene_id=row['scene_id'], path=self.path)
            _insert(connection, schema.SCENES, row)
            self._touch(connection, schema.SCENES)
        return row["scene_id"]

    def update_scene(self, scene_id: str, changes: Dict) -> Dict:
        """Correct a logged scene (time, sensor, source, GSD, notes); returns the new row.

        A new acquisition time re-dates every heap of the scene in the same transaction, so the series
        follows at once and a failure changes nothing. The scene's id never changes: it is the heaps' key.
        """
        unknown = sorted(set(changes) - set(SCENE_CORRECTIONS))
        if unknown:
            raise HeapInputError(QT_TR_NOOP("A scene's {unknown} cannot be corrected here; the fields that can "
                                            "are: {fields}."),
                                 unknown=', '.join(unknown), fields=', '.join(SCENE_CORRECTIONS))
        current = self.scene(scene_id)
        if current is None:
            raise StoreError(QT_TR_NOOP("No scene {scene_id!r} in {path}; it may have been deleted meanwhile."),
                             scene_id=scene_id, path=self.path)
        current.pop(schema.COVERAGE_COLUMN, None)
        row = self._checked_row(schema.SCENES, dict(current, **changes))
        values = {name: row.get(name) for name in changes}
        with self._transaction(QT_TR_NOOP("correct the scene")) as connection:
            assignments = ", ".join(ident(name) + " = ?" for name in values)
            connection.execute(statement("UPDATE {t} SET ", t=schema.SCENES) + assignments + " WHERE scene_id = ?",
                               (*values.values(), scene_id))
            self._touch(connection, schema.SCENES)
            if "acquired_utc" in values and values["acquired_utc"] != current.get("acquired_utc"):
                now = utc_now_text()
                connection.execute(_REDATE_SQL, (values["acquired_utc"], now, scene_id))
                connection.execute(_UNFLAG_SCENE_SQL, (scene_id,))  # re-dated by us: nothing to verify
                connection.execute(_REDATE_VESSELS_SQL, (values["acquired_utc"], now, scene_id))
                self._touch(connection, schema.HEAPS, now)
            if "gsd_m" in values and values["gsd_m"] != current.get("gsd_m"):
                self._reclassify_vessels(connection, scene_id)
        return self.scene(scene_id)

    def mark_examined(self, scene_id: str, examined: bool = True, note: Optional[str] = None) -> Dict:
        """Mark an image examined (every heap it shows is logged; none: it shows no coal), with a note."""
        changes = {"examined": bool(examined)}
        if note is not None:
            changes["examined_note"] = note.strip() or None
        return self.update_scene(scene_id, changes)

    def set_scene_coverage(self, scene_id: str, geometry, crs) -> Dict:
        """Record the part of the port an image shows clearly (polygon in ``crs``; None clears it)."""
        if self.scene(scene_id) is None:
            raise StoreError(QT_TR_NOOP("No scene {scene_id!r} in {path}; log the image before its coverage."),
                             scene_id=scene_id, path=self.path)
        blob = None
        if geometry is not None:
            blob = self._encode_geom(self._footprints.to_port(geometry, crs))
        with self._transaction("record the image's coverage") as connection:
            connection.execute(statement("UPDATE {t} SET {c} = ? WHERE scene_id = ?", t=schema.SCENES,
                                         c=schema.COVERAGE_COLUMN), (blob, scene_id))
            self._touch(connection, schema.SCENES)
        return self.scene(scene_id)

    def scene(self, scene_id: str) -> Optional[Dict]:
        rows = self._select(statement("SELECT * FROM {t} WHERE scene_id = ?", t=schema.SCENES), (scene_id,))
        return self._scene_dict(rows[0]) if rows else None

    def scenes(self) -> List[Dict]:
        rows = self._select(statement("SELECT * FROM {t} ORDER BY acquired_utc IS NOT NULL, acquired_utc, fid",
                                      t=schema.SCENES))
        return [self._scene_dict(r) for r in rows]

    def latest_scene_with_prefix(self, prefix: str) -> Optional[Dict]:
        """The latest scene whose id starts with ``prefix`` (one web basemap's captures), or None."""
        rows = self._select(_LATEST_WITH_PREFIX_SQL, (len(prefix), prefix))
        return self._scene_dict(rows[0]) if rows else None

    def latest_scene(self) -> Optional[Dict]:
        """The scene acquired last (scenes without a time count as oldest); None when none is logged."""
        rows = self._select(statement("SELECT * FROM {t} ORDER BY acquired_utc IS NULL, acquired_utc DESC, "
                                      "fid DESC LIMIT 1", t=schema.SCENES))
        return self._scene_dict(rows[0]) if rows else None

    # ---- heaps ----------------------------------------------------------------------------------------

    def add_heap(self, geometry, crs, attrs: Dict) -> str:
        """Log one heap in one transaction; returns its heap_uid.

        ``geometry``: a polygon (shapely, QgsGeometry, WKT or WKB) in ``crs`` (EPSG code, "EPSG:4326",
        WKT, pyproj or QgsCoordinateReferenceSystem); it is stored in the port's CRS. Or the
        ``MeasuredFootprint`` the caller previewed (``measure``; ``crs`` unused): the engine's work on it
        is reused, so logging a previewed heap runs no engine at all. ``attrs``: the
        heap's input fields (``observed_utc`` and ``height_m`` required; model, repose and density
        default to the port's). The numbers are derived by the engine; passing them is an error.
        ``heap_uid`` may be given to keep a heap's identity when copying it from another file.
        """
        # Everything but the two statements is done before BEGIN, so the write lock is held briefly.
        footprint = self.measure(geometry, crs)
        row = self._heap_inputs(dict(attrs), creating=True)
        row.update(self._estimate(footprint, row))
        now = utc_now_text()
        row["created_utc"] = row["modified_utc"] = now
        row[schema.GEOMETRY_COLUMN] = self._encode_geom(footprint.polygon, footprint.wkb)
        insert_sql, values = _insert_statement(schema.HEAPS, row), tuple(row.values())
        with self._transaction(QT_TR_NOOP("log heap")) as connection:
            self.check_pile_free(connection, row.get("pile_uid"), row.get("scene_id"))
            connection.execute(insert_sql, values)
            connection.execute(_UNFLAG_UID_SQL, (row["heap_uid"],))
            self._touch(connection, schema.HEAPS, now)
        return row["heap_uid"]

    def measure(self, geometry, crs) -> MeasuredFootprint:
        """The footprint as this file stores it (one polygon in the port's CRS), prepared for the engine.

        A ``MeasuredFootprint`` passes through (it must be in this port's CRS). Raises HeapInputError
        for an outline that is no heap, with the engine's reason.
        """
        if isinstance(geometry, MeasuredFootprint):
            if geometry.crs_epsg != self.port.crs_epsg:
                raise HeapInputError(QT_TR_NOOP("The footprint was measured in EPSG:{measured_epsg}, but {file} "
                                                "keeps heaps in EPSG:{port_epsg}; measure it again for this port."),
                                     measured_epsg=geometry.crs_epsg, file=self.path.name,
                                     port_epsg=self.port.crs_epsg)
            return geometry
        return measure_footprint(geometry, crs, self.port.crs_epsg, self._footprints)

    def preview(self, geometry, crs, attrs: Dict) -> Dict:
        """The numbers ``add_heap`` would store for this footprint and inputs, without writing anything.

        Raises HeapInputError exactly as ``add_heap`` would. Pass a ``MeasuredFootprint`` (``measure``)
        to reuse the engine's work when logging the same heap next.
        """
        return self._estimate(self.measure(geometry, crs), self._heap_inputs(dict(attrs), creating=True))

    def update_heap(self, heap_uid: str, geometry=None, crs=None, expected_version: Optional[int] = None,
                    **attrs) -> Dict:
        """Change a heap's footprint and/or inputs; its numbers are recomputed. Returns the new heap.

        ``expected_version``: the ``row_version`` the caller read (``heap()``); when someone changed the
        heap since, StoreError names who and when, and nothing is written (backends with row versions).
        """
        with self._transaction(QT_TR_NOOP("update heap")) as connection:
            current = self._heap_row(connection, heap_uid)
            self._check_version(current, expected_version)
            if geometry is not None:
                footprint = self.measure(geometry, crs)
            else:
                footprint = self._decode_geom(current[schema.GEOMETRY_COLUMN])
            if "heap_uid" in attrs and attrs["heap_uid"] != heap_uid:
                raise HeapInputError(QT_TR_NOOP("heap_uid of heap {heap_uid} cannot change; it identifies the heap "
                                                "for good."), heap_uid=heap_uid)
            merged = {k: current[k] for k in HEAP_INPUT_FIELDS}
            merged.update(attrs)
            row = self._heap_inputs(merged, creating=False)
            self.check_pile_free(connection, row.get("pile_uid"), row.get("scene_id"), heap_uid)
            row.update(self._estimate(footprint, row))
            row["modified_utc"] = utc_now_text()
            polygon = footprint.polygon if isinstance(footprint, MeasuredFootprint) else footprint
            row[schema.GEOMETRY_COLUMN] = self._encode_geom(polygon)
            self._write_heap(connection, current["fid"], row)
        return self.heap(heap_uid)

    def delete_heap(self, heap_uid: str, expected_version: Optional[int] = None) -> None:
        with self._transaction(QT_TR_NOOP("delete heap")) as connection:
            current = self._heap_row(connection, heap_uid)
            self._check_version(current, expected_version)
            connection.execute(statement("DELETE FROM {t} WHERE fid = ?", t=schema.HEAPS), (current["fid"],))
            self._touch(connection, schema.HEAPS)

    def heap(self, heap_uid: str) -> Optional[Dict]:
        """The heap's fields by name plus ``geometry`` (shapely, port CRS); None when there is no such heap."""
        rows = self._select(statement("SELECT * FROM {t} WHERE heap_uid = ?", t=schema.HEAPS), (heap_uid,))
        return self._heap_dict(rows[0]) if rows else None

    def heaps(self, scene_id: Optional[str] = None, with_geometry: bool = True) -> List[Dict]:
        """All heaps (or one scene's), ordered by observation time."""
        template, params = (("SELECT * FROM {t} WHERE scene_id = ? ORDER BY observed_utc, fid", (scene_id,))
                            if scene_id is not None else ("SELECT * FROM {t} ORDER BY observed_utc, fid", ()))
        rows = self._select(statement(template, t=schema.HEAPS), params)
        return [self._heap_dict(r, with_geometry) for r in rows]

    def others_changed(self) -> bool:
        """True when another connection (program, process) committed a change since the last call."""
        version = self._change_token()
        changed, self._data_version = version != self._data_version, version
        return changed

    def heap_count(self) -> int:
        return self._select(statement("SELECT count(*) AS n FROM {t}", t=schema.HEAPS))[0]["n"]

    # ---- heaps edited elsewhere -----------------------------------------------------------------------

    def stale_heaps(self) -> List[Dict]:
        """Heaps whose stored numbers no longer match the engine's for their footprint and inputs.

        Only heaps flagged by the file's triggers (inserted or changed by any program since the store
        last verified them) are checked, so this costs nothing on an untouched file. Flagged heaps whose
        numbers do match are unflagged (when the file is writable). Each entry: heap_uid, fid, reason.
        """
        flagged = self._select(statement("SELECT * FROM {t} WHERE fid IN (SELECT fid FROM {stale})",
                                         t=schema.HEAPS, stale=STALE_TABLE))
        stale, verified = [], []
        for row in flagged:
            reason = self._mismatch(row)
            if reason:
                stale.append({"heap_uid": row["heap_uid"], "fid": row["fid"], "reason": reason})
            else:
                verified.append(row["fid"])
        if verified and not self.read_only:
            with self._transaction(QT_TR_NOOP("verify heaps")) as connection:
                connection.executemany(_UNFLAG_SQL, [(f,) for f in verified])
        return stale

    def recompute_stale(self) -> List[str]:
        """Recompute the numbers of every stale heap (one transaction each); returns one message per heap.

        A heap the engine cannot compute (e.g. its height was cleared elsewhere) keeps its flag and its
        message says why.
        """
        messages = []
        for entry in self.stale_heaps():
            label = entry["heap_uid"] or f"fid {entry['fid']}"
            try:
                with self._transaction(QT_TR_NOOP("recompute heap")) as connection:
                    row = connection.execute(statement("SELECT * FROM {t} WHERE fid = ?", t=schema.HEAPS),
                                             (entry["fid"],)).fetchone()
                    inputs = self._heap_inputs({k: row[k] for k in HEAP_INPUT_FIELDS}, creating=not row["heap_uid"])
                    numbers = self._estimate(self._decode_geom(row[schema.GEOMETRY_COLUMN]), inputs)
                    inputs.update(numbers)
                    inputs["modified_utc"] = utc_now_text()
                    self._write_heap(connection, entry["fid"], inputs)
                messages.append(Message(QT_TR_NOOP("Heap {label} was changed outside Coal Monitor ({reason}); its "
                                                   "numbers were recomputed."), label=label, reason=entry["reason"]))
            except HeapInputError as exc:
                messages.append(Message(QT_TR_NOOP("Heap {label} was changed outside Coal Monitor and cannot be "
                                                   "recomputed: {problem}"), label=label, problem=as_message(exc)))
        return messages

    # ---- queries and export ---------------------------------------------------------------------------

    def totals_by_date(self, by_pier: bool = False) -> List[Dict]:
        """Per UTC observation date (and pier): heaps counted, area, volume and tonnage summed with lo/hi.

        A date is an observation when one of its images holds heaps or was marked examined: an examined
        image without heaps is an observation of 0 t (``count`` 0); a date nobody looked at, or whose
        heaps were all deleted from an unexamined image, is a gap, never a false zero. When images of
        one day show the same pile (shared ``pile_uid`` or overlapping outlines), each pile counts once
        (``core.day_scenes``). Each row also has ``scene_ids`` (the scenes summed or examined),
        ``unmeasured`` (heaps without numbers, counted but not summed), ``note`` (what was set aside and
        why, what the analyst noted on an empty image), ``examined`` (every image of the date examined)
        and ``partial`` (an image of the date shows only part of the port: its coverage).
        """
        parts = self._select(_PARTS_BY_DATE_SQL)
        crowded = self._crowded_days(parts)
        rows: Dict = {}
        for part in parts:
            if part["date"] not in crowded:
                self._add_part(rows, part, by_pier, "")
        for day, (heaps, choice) in crowded.items():
            for heap in heaps:
                if heap["heap_uid"] not in choice.heaps_set_aside:
                    self._add_part(rows, dict(heap, date=day, count=1, unmeasured=int(heap["tonnage_t"] is None)),
                                   by_pier, choice.note)
        self._add_examined_scenes(rows, by_pier)
        return [rows[key] for key in sorted(rows, key=lambda k: k if by_pier else (k,))]

    def _add_part(self, rows: Dict, part: Dict, by_pier: bool, note) -> None:
        key = (part["date"], part["pier"] or "") if by_pier else part["date"]
        row = rows.get(key)
        if row is None:
            row = rows[key] = dict({"date": part["date"]}, **({"pier": part["pier"]} if by_pier else {}))
            row.update({"count": 0, "unmeasured": 0, "scene_ids": (), "note": str(note), "examined": False,
                        "partial": False})
            row.update({c: 0.0 for c in TOTAL_COLUMNS})
        row["count"] += part["count"]
        row["unmeasured"] += int(part["unmeasured"] or 0)
        if part["scene_id"] and part["scene_id"] not in row["scene_ids"]:
            row["scene_ids"] += (part["scene_id"],)
        for column in TOTAL_COLUMNS:
            row[column] += part[column] or 0.0

    def _add_examined_scenes(self, rows: Dict, by_pier: bool) -> None:
        """Examined images: a 0 t observation when their date has no heaps; coverage and notes on the rows."""
        scenes = self._select(_OBSERVATION_SCENES_SQL)
        examined_by_day: Dict[str, list] = {}
        for scene in scenes:
            examined_by_day.setdefault(scene["date"], []).append(scene)
        for day, day_scenes_ in examined_by_day.items():
            day_rows = [row for key, row in rows.items() if (key[0] if by_pier else key) == day]
            if not day_rows and any(s["examined"] for s in day_scenes_):
                empty = [s for s in day_scenes_ if s["examined"]]
                noted = str(join_notes([Message(QT_TR_NOOP("{scene}: {note}"), scene=s["scene_id"],
                                                note=s["examined_note"]) for s in empty if s["examined_note"]], LISTED))
                row = dict({"date": day}, **({"pier": None} if by_pier else {}))
                row.update({"count": 0, "unmeasured": 0, "scene_ids": tuple(s["scene_id"] for s in empty),
                            "note": noted or EXAMINED_NO_COAL, "examined": True, "partial": False})
                row.update({c: 0.0 for c in TOTAL_COLUMNS})
                rows[(day, "") if by_pier else day] = row
                day_rows = [row]
            examined = {s["scene_id"] for s in day_scenes_ if s["examined"]}
            for row in day_rows:
                row["examined"] = bool(row["scene_ids"]) and all(s in examined for s in row["scene_ids"])
                partial = [s["scene_id"] for s in day_scenes_
                           if s["scene_id"] in row["scene_ids"] and s["coverage"] is not None]
                row["partial"] = bool(partial)
                if partial:
                    text = str(Message(QT_TR_NOOP("coverage partial on {scenes}."), scenes=", ".join(partial)))
                    if text not in row["note"]:
                        row["note"] = str(join_notes([row["note"], text], SPACED))

    def _crowded_days(self, parts: List[Dict]) -> Dict[str, tuple]:
        """{date: (its heaps, which count)} for the dates holding heaps of more than one scene."""
        scene_ids: Dict[str, set] = {}
        for part in parts:
            if part["scene_id"]:
                scene_ids.setdefault(part["date"], set()).add(part["scene_id"])
        crowded = sorted(day for day, ids in scene_ids.items() if len(ids) > 1)
        if not crowded:
            return {}
        known = {s["scene_id"]: s for s in self._select(_SCENE_CHOICE_SQL)}
        choices = {}
        for day in crowded:
            heaps = self._select(_DAY_HEAPS_SQL, (day,))
            day_heaps = [day_scenes.DayHeap(h["heap_uid"], h["scene_id"], h["pile_uid"],
                                            self._decode_geom(h["blob"]))
                         for h in heaps if h["scene_id"]]
            scenes = [day_scenes.DayScene(scene_id, (known.get(scene_id) or {}).get("gsd_m"),
                                          (known.get(scene_id) or {}).get("acquired_utc") or "")
                      for scene_id in sorted(scene_ids[day])]
            choices[day] = (heaps, day_scenes.choose_heaps(scenes, day_heaps))
        return choices

    def export_csv(self, dest) -> Path:
        """The heaps as CSV: the schema's field names, then the footprint as WKT in column ``geom``."""
        dest = Path(dest)
        columns = HEAP_COLUMNS + (schema.GEOMETRY_COLUMN,)
        try:
            with open(dest, "x", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(columns)
                for heap in self.heaps():
                    geometry = heap.pop("geometry")
                    writer.writerow([heap[c] for c in HEAP_COLUMNS] + [geometry.wkt if geometry is not None else ""])
        except FileExistsError:
            raise StoreError(QT_TR_NOOP("CSV target {dest} already exists; choose a new file name."),
                             dest=dest) from None
        except OSError as exc:
            raise StoreError(QT_TR_NOOP("Cannot write CSV {dest}: {exc}."), dest=dest, exc=exc) from exc
        return dest

    # ---- internals ------------------------------------------------------------------------------------

    def _read_port(self) -> Port:
        row = self._select(statement("SELECT * FROM {t}", t=schema.PORT))[0]
        values = {k: row[k] for k in Port.__dataclass_fields__ if k in row and k not in ("piers", "pier_depths_m")}
        values["piers"] = tuple(json.loads(row["piers"] or "[]"))
        values["pier_depths_m"] = tuple((pier, low, high) for pier, (low, high)
                                        in json.loads(row.get("pier_depths_m") or "{}").items())
        values["notes"] = row.get("notes") or ""
        return Port(**values)

    def _checked_row(self, table: str, values: Dict) -> Dict:
        known = _KNOWN_FIELDS[table]
        unknown = sorted(set(values) - known)
        if unknown:
            raise HeapInputError(QT_TR_NOOP("{table} has no field {unknown}; "
                                            "fields are: {fields}."),
                                 table=table, unknown=', '.join(map(repr, unknown)),
                                 fields=', '.join(schema.field_names(table)))
        row = {}
        for declared in schema.TABLES[table]:
            if declared.name not in values:  # absent: only a required field has something to say
                if declared.required:
                    raise HeapInputError(QT_TR_NOOP("{problem}."), problem=declared.check(None))
                continue
            value = plain(values[declared.name])
            if value is not None and declared.type == "TEXT":
                value = str(value)
            elif value is not None and declared.type == "DATETIME":
                try:
                    value = to_utc_text(value, declared.name)
                except ValueError as exc:
                    raise HeapInputError(QT_TR_NOOP("{exc}."), exc=exc) from None
            elif isinstance(value, bool) and declared.type == "BOOLEAN":
                value = int(value)
            elif value is not None and declared.type == "REAL":
                try:
                    value = float(value)
                except (TypeError, ValueError):
                    raise HeapInputError(QT_TR_NOOP("'{name}' is {value!r}, not a number."),
                                         name=declared.name, value=value) from None
            problem = declared.check(value)
            if problem:
                raise HeapInputError(QT_TR_NOOP("{problem}."), problem=problem)
            row[declared.name] = value
        return row

    def _heap_inputs(self, attrs: Dict, creating: bool) -> Dict:
        derived = sorted(_NOT_FROM_CALLER.intersection(attrs))
        if derived:
            raise HeapInputError(QT_TR_NOOP("{derived} cannot be set: Coal Monitor derives them from the "
                                            "footprint and the inputs (height, model, angle, density)."),
                                 derived=', '.join(derived))
        if creating and not attrs.get("heap_uid"):
            attrs["heap_uid"] = str(uuid.uuid4())
        if creating and not attrs.get("pile_uid"):
            attrs["pile_uid"] = str(uuid.uuid4())  # a pile of its own until linked to one seen before
        port = self.port
        for name, default in (("model", port.default_model), ("repose_deg", port.repose_deg),
                              ("density_t_m3", port.density_t_m3)):
            if attrs.get(name) is None:
                attrs[name] = default
        if attrs.get("observed_utc") is None:
            raise HeapInputError(QT_TR_NOOP("A heap needs 'observed_utc', the date and time (UTC) of the image it "
                                            "was measured on; give it before logging the heap."))
        if attrs.get("height_m") is None:
            raise HeapInputError(QT_TR_NOOP("A heap needs 'height_m', its height in metres; measure or enter it "
                                            "first."))
        row = self._checked_row(schema.HEAPS, attrs)
        for name in HEAP_INPUT_FIELDS:
            row.setdefault(name, None)
        return row

    def _estimate(self, footprint, row: Dict) -> Dict:
        """The engine's numbers for a footprint (MeasuredFootprint or shapely polygon in the port's CRS)."""
        try:
            return derived_numbers(self.port, footprint, row)
        except InputError as exc:
            raise HeapInputError(QT_TR_NOOP("Heap not logged to {file}: {exc}"),
                                 file=self.path.name, exc=exc) from None

    def _mismatch(self, row: Dict) -> str:
        """Why a stored heap's numbers differ from the engine's ('' when they agree)."""
        try:
            inputs = self._heap_inputs({k: row[k] for k in HEAP_INPUT_FIELDS}, creating=not row["heap_uid"])
            fresh = self._estimate(self._decode_geom(row[schema.GEOMETRY_COLUMN]), inputs)
        except (HeapInputError, ValueError) as exc:
            return f"its inputs are not usable: {exc}"
        for name, value in fresh.items():
            stored = row[name]
            if isinstance(value, float) and isinstance(stored, (int, float)):
                if not math.isclose(value, stored, rel_tol=NUMBER_REL_TOL, abs_tol=1e-9):
                    return f"{name} is {stored!r} but its footprint and inputs give {value!r}"
            elif (value or None) != (stored or None):
                return f"{name} is {stored!r} but its footprint and inputs give {value!r}"
        return ""

    def _heap_row(self, connection, heap_uid: str):
        row = connection.execute(statement("SELECT * FROM {t} WHERE heap_uid = ?", t=schema.HEAPS) + self.ROW_LOCK,
                                 (heap_uid,)).fetchone()
        if row is None:
            raise StoreError(QT_TR_NOOP("No heap {heap_uid!r} in {path}; it may have been deleted meanwhile."),
                             heap_uid=heap_uid, path=self.path)
        return row

    def _write_heap(self, connection, fid: int, row: Dict) -> None:
        assignments = ", ".join(ident(k) + " = ?" for k in row)
        connection.execute(statement("UPDATE {t} SET ", t=schema.HEAPS) + assignments + " WHERE fid = ?",
                           (*row.values(), fid))
        connection.execute(_UNFLAG_SQL, (fid,))
        self._touch(connection, schema.HEAPS, row.get("modified_utc"))

    def _touch(self, connection, table: str, when: Optional[str] = None) -> None:
        """Note that ``table`` changed; gpkg_contents.last_change is written once, when the file closes
        or is snapshotted (as GDAL does), keeping it out of every heap's transaction."""
        self._changed_tables[table] = when or utc_now_text()

    def _relative_raster_path(self, raster_path: str) -> str:
        """How a scene's raster path is stored (a file-based backend makes it relative to its folder)."""
        return raster_path

    def _check_version(self, current, expected_version: Optional[int]) -> None:
        """Refuse a change made from a stale copy of the heap: ``expected_version`` is the ``row_version``
        the caller read. A backend without row versions (a GeoPackage: one writer at a time) accepts it."""
        if expected_version is None or "row_version" not in current.keys():
            return
        if current["row_version"] != expected_version:
            raise StoreError(QT_TR_NOOP("Heap {heap} in {path} was changed by {who} at {when} (version {version}, "
                                        "you edited version {expected}); nothing was written. Reload the heap "
                                        "and make your change again."),
                             heap=current["label"] or current["heap_uid"], path=self.path,
                             who=current["modified_by"] or "?", when=current["modified_utc"],
                             version=current["row_version"], expected=expected_version)

    def _scene_dict(self, row: Dict) -> Dict:
        """A scene's fields by name; ``coverage`` is its shapely polygon (port CRS) or None."""
        row = _without_fid(row)
        row[schema.COVERAGE_COLUMN] = self._decode_geom(row.get(schema.COVERAGE_COLUMN))
        return row

    def _heap_dict(self, row: Dict, with_geometry: bool = True) -> Dict:
        blob = row.pop(schema.GEOMETRY_COLUMN, None)
        row = _without_fid(row)
        if with_geometry:
            row["geometry"] = self._decode_geom(blob)
        return row

    def _vessel_dict(self, row: Dict) -> Dict:
        blob = row.pop(schema.GEOMETRY_COLUMN, None)
        row = _without_fid(row)
        row["geometry"] = self._decode_geom(blob)
        return row


# ---- module helpers -----------------------------------------------------------------------------------

_UNFLAG_SQL = statement("DELETE FROM {t} WHERE fid = ?", t=STALE_TABLE)
_UNFLAG_UID_SQL = statement("DELETE FROM {stale} WHERE fid IN (SELECT fid FROM {t} WHERE heap_uid = ?)",
                            stale=STALE_TABLE, t=schema.HEAPS)
_LATEST_WITH_PREFIX_SQL = statement("SELECT * FROM {t} WHERE substr(scene_id, 1, ?) = ? "
                                    "ORDER BY acquired_utc IS NULL, acquired_utc DESC, fid DESC LIMIT 1",
                                    t=schema.SCENES)
_REDATE_SQL = statement("UPDATE {t} SET observed_utc = ?, modified_utc = ? WHERE scene_id = ?", t=schema.HEAPS)
_REDATE_VESSELS_SQL = statement("UPDATE {t} SET observed_utc = ?, modified_utc = ? WHERE scene_id = ?",
                                t=schema.VESSELS)
_UNFLAG_SCENE_SQL = statement("DELETE FROM {stale} WHERE fid IN (SELECT fid FROM {t} WHERE scene_id = ?)",
                              stale=STALE_TABLE, t=schema.HEAPS)
_PARTS_BY_DATE_SQL = (
    "SELECT substr(observed_utc, 1, 10) AS date, pier, scene_id, count(*) AS count, "
    "sum(CASE WHEN tonnage_t IS NULL THEN 1 ELSE 0 END) AS unmeasured, "
    + ", ".join(f"coalesce(sum({ident(c)}), 0.0) AS {ident(c)}" for c in TOTAL_COLUMNS)
    + statement(" FROM {t} GROUP BY date, pier, scene_id ORDER BY date, pier, scene_id", t=schema.HEAPS))
_SCENE_CHOICE_SQL = statement("SELECT scene_id, gsd_m, acquired_utc FROM {t}", t=schema.SCENES)
_DAY_HEAPS_SQL = statement("SELECT heap_uid, pile_uid, scene_id, pier, {g} AS blob, {totals} FROM {t} "
                           "WHERE substr(observed_utc, 1, 10) = ? ORDER BY pier, scene_id, fid",
                           g=schema.GEOMETRY_COLUMN, totals=TOTAL_COLUMNS, t=schema.HEAPS)
# Images that are observations or may be: examined ones, and the coverage of every dated image.
_OBSERVATION_SCENES_SQL = statement(
    "SELECT substr(acquired_utc, 1, 10) AS date, scene_id, examined, examined_note, {c} AS coverage FROM {t} "
    "WHERE acquired_utc IS NOT NULL AND (examined = 1 OR {c} IS NOT NULL) ORDER BY acquired_utc, fid",
    c=schema.COVERAGE_COLUMN, t=schema.SCENES)
# What the analyst may correct in a logged scene (its id is the heaps' key and never changes).
SCENE_CORRECTIONS = ("acquired_utc", "sensor", "source", "gsd_m", "notes", "examined", "examined_note")


def _insert_statement(table: str, row: Dict) -> str:
    return statement("INSERT INTO {t} ({columns}) VALUES (", t=table, columns=row) + placeholders(len(row)) + ")"


def _insert(connection, table: str, row: Dict) -> None:
    connection.execute(_insert_statement(table, row), tuple(row.values()))


def _without_fid(row: Dict) -> Dict:
    row.pop(schema.FID_COLUMN, None)
    return row
