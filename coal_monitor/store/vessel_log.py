"""Ships in a port file (layer `vessels`) and what the port's story reads from them and from the scenes.

A vessel row is one ship seen on one image. Its hull outline is the measurement: LOA and beam are the
outline's oriented minimum bounding box (``core.vessels.hull_from_outline``), and the class, deadweight
and cargo ranges follow from the ship class table with a one-pixel margin at the image's GSD and the
cargo cap of the berth's depth (``core.vessels.classify``). None of these is taken from a caller.
This is a part of every port log (a mixin of ``PortLogBase``: it uses its connection, transactions and
checks).
"""
import math
import uuid
from typing import Dict, List, Optional

from ..core import vessels as ship_rules
from ..core.errors import InputError
from ..core.messages import QT_TR_NOOP
from . import schema
from .errors import HeapInputError, StoreError
from .sql import ident, placeholders, statement
from .sqltime import utc_now_text

VESSEL_DERIVED = tuple(f.name for f in schema.VESSEL_FIELDS if f.derived)
VESSEL_INPUTS = tuple(f.name for f in schema.VESSEL_FIELDS if not f.derived and f.name not in
                      ("created_utc", "modified_utc"))


class VesselRecords:
    """Vessel methods of PortFile."""

    def add_vessel(self, geometry, crs, attrs: Dict) -> str:
        """Log one ship seen on one image; returns its vessel_uid.

        ``geometry``: the hull outline (polygon; shapely, QgsGeometry, WKT or WKB) in ``crs``. ``attrs``:
        observed_utc (required), scene_id, pier, state (default unknown), hatches_open, cargo_visible,
        name, imo, identification, confidence, analyst, notes. Raises HeapInputError for a hull no ship has
        (LOA outside 20-400 m, beam over a third of the length) with nothing written.
        """
        derived = sorted(set(VESSEL_DERIVED).intersection(attrs))
        if derived:
            raise HeapInputError(QT_TR_NOOP("{derived} cannot be set: Coal Monitor measures them on the hull "
                                            "outline and the ship class table."), derived=', '.join(derived))
        row = dict(attrs)
        row.setdefault("vessel_uid", str(uuid.uuid4()))
        row.setdefault("state", "unknown")
        if row.get("observed_utc") is None:
            raise HeapInputError(QT_TR_NOOP("A ship needs 'observed_utc', the date and time (UTC) of the image it "
                                            "was seen on."))
        row = self._checked_row(schema.VESSELS, row)
        outline = self._footprints.to_port(geometry, crs)
        row.update(self.vessel_numbers(outline, row.get("scene_id"), row.get("pier")))
        now = utc_now_text()
        row["created_utc"] = row["modified_utc"] = now
        row[schema.GEOMETRY_COLUMN] = self._encode_geom(outline)
        with self._transaction(QT_TR_NOOP("log ship")) as connection:
            if connection.execute(_VESSEL_BY_UID_SQL, (row["vessel_uid"],)).fetchone():
                raise StoreError(QT_TR_NOOP("Vessel {vessel_uid} is already logged in {file}."),
                                 vessel_uid=row['vessel_uid'], file=self.path.name)
            connection.execute(statement("INSERT INTO {t} ({columns}) VALUES (", t=schema.VESSELS, columns=row)
                               + placeholders(len(row)) + ")", tuple(row.values()))
            self._touch(connection, schema.VESSELS, now)
        return row["vessel_uid"]

    def vessel_numbers(self, outline, scene_id: Optional[str], pier: Optional[str]) -> Dict:
        """LOA, beam, class and ranges of a hull outline (shapely polygon, port CRS) on ``scene_id``."""
        try:
            hull = ship_rules.hull_from_outline(list(outline.exterior.coords)[:-1])
        except InputError as exc:
            raise HeapInputError(exc) from None
        numbers = {"loa_m": hull.loa_m, "beam_m": hull.beam_m}
        scene = self.scene(scene_id) if scene_id else None
        gsd_m = (scene or {}).get("gsd_m")
        if not gsd_m:
            # No GSD, no length uncertainty: no class is given rather than one from a guessed margin.
            return dict(numbers, vessel_class=None, dwt_lo_t=None, dwt_hi_t=None, cargo_lo_t=None, cargo_hi_t=None)
        estimate = ship_rules.classify(hull.loa_m, hull.beam_m, gsd_m, self.port.berth_depth_m(pier))
        return dict(numbers, vessel_class=estimate.vessel_class, dwt_lo_t=estimate.dwt_lo_t,
                    dwt_hi_t=estimate.dwt_hi_t, cargo_lo_t=estimate.cargo_lo_t, cargo_hi_t=estimate.cargo_hi_t)

    def update_vessel(self, vessel_uid: str, geometry=None, crs=None, **attrs) -> Dict:
        """Change a ship's outline and/or fields; LOA, beam, class and ranges are measured again."""
        current = self.vessel(vessel_uid)
        if current is None:
            raise StoreError(QT_TR_NOOP("No vessel {vessel_uid} in {file}; it may have been deleted meanwhile."),
                             vessel_uid=vessel_uid, file=self.path.name)
        derived = sorted(set(VESSEL_DERIVED).intersection(attrs))
        if derived or attrs.get("vessel_uid", vessel_uid) != vessel_uid:
            raise HeapInputError(QT_TR_NOOP("{fields} cannot be changed here."),
                                 fields=", ".join(derived) or "vessel_uid")
        outline = current.pop("geometry") if geometry is None else self._footprints.to_port(geometry, crs)
        merged = {k: current[k] for k in VESSEL_INPUTS}
        merged.update(attrs)
        row = self._checked_row(schema.VESSELS, merged)
        row.update(self.vessel_numbers(outline, row.get("scene_id"), row.get("pier")))
        row["modified_utc"] = utc_now_text()
        row[schema.GEOMETRY_COLUMN] = self._encode_geom(outline)
        with self._transaction(QT_TR_NOOP("update ship")) as connection:
            assignments = ", ".join(ident(name) + " = ?" for name in row)
            connection.execute(statement("UPDATE {t} SET ", t=schema.VESSELS) + assignments + " WHERE vessel_uid = ?",
                               (*row.values(), vessel_uid))
            self._touch(connection, schema.VESSELS, row["modified_utc"])
        return self.vessel(vessel_uid)

    def _reclassify_vessels(self, connection, scene_id: str) -> None:
        """Inside the caller's transaction: measure the image's ships again (its GSD changed)."""
        for vessel in self.vessels(scene_id):
            numbers = self.vessel_numbers(vessel["geometry"], scene_id, vessel["pier"])
            assignments = ", ".join(ident(name) + " = ?" for name in numbers)
            connection.execute(statement("UPDATE {t} SET ", t=schema.VESSELS) + assignments + " WHERE vessel_uid = ?",
                               (*numbers.values(), vessel["vessel_uid"]))

    def verify_vessels(self) -> List[str]:
        """Measure every ship again from its stored outline; rows that another program changed (a hull
        reshaped in QGIS, a GSD or depth edited by hand) get their numbers back. Returns the uids fixed."""
        fixed = []
        for vessel in self.vessels():
            if vessel["geometry"] is None:
                continue
            try:
                numbers = self.vessel_numbers(vessel["geometry"], vessel["scene_id"], vessel["pier"])
            except InputError:
                continue  # a hull no ship has: kept as drawn; the layer's form shows it
            if any(not _same(vessel.get(name), value) for name, value in numbers.items()):
                fixed.append(vessel["vessel_uid"])
                with self._transaction(QT_TR_NOOP("measure the ship again")) as connection:
                    assignments = ", ".join(ident(name) + " = ?" for name in numbers)
                    connection.execute(statement("UPDATE {t} SET ", t=schema.VESSELS) + assignments
                                       + " WHERE vessel_uid = ?", (*numbers.values(), vessel["vessel_uid"]))
                    self._touch(connection, schema.VESSELS)
        return fixed

    def delete_vessel(self, vessel_uid: str) -> None:
        with self._transaction(QT_TR_NOOP("delete ship")) as connection:
            if connection.execute(_VESSEL_BY_UID_SQL, (vessel_uid,)).fetchone() is None:
                raise StoreError(QT_TR_NOOP("No vessel {vessel_uid} in {file}; it may have been deleted meanwhile."),
                                 vessel_uid=vessel_uid, file=self.path.name)
            connection.execute(statement("DELETE FROM {t} WHERE vessel_uid = ?", t=schema.VESSELS), (vessel_uid,))
            self._touch(connection, schema.VESSELS)

    def vessel(self, vessel_uid: str) -> Optional[Dict]:
        rows = self._select(statement("SELECT * FROM {t} WHERE vessel_uid = ?", t=schema.VESSELS), (vessel_uid,))
        return self._vessel_dict(rows[0]) if rows else None

    def vessels(self, scene_id: Optional[str] = None) -> List[Dict]:
        """All ships (or one image's), by observation time; ``geometry`` is the hull (shapely, port CRS)."""
        if scene_id is None:
            rows = self._select(statement("SELECT * FROM {t} ORDER BY observed_utc, fid", t=schema.VESSELS))
        else:
            rows = self._select(statement("SELECT * FROM {t} WHERE scene_id = ? ORDER BY observed_utc, fid",
                                          t=schema.VESSELS), (scene_id,))
        return [self._vessel_dict(r) for r in rows]

    def loadings(self) -> List[Dict]:
        """Loading events (``core.vessels.is_loading_event``): {date, vessel_uid, cargo_lo_t, cargo_hi_t,
        vessel_class, pier}, by date."""
        return [{"date": v["observed_utc"][:10], "vessel_uid": v["vessel_uid"], "cargo_lo_t": v["cargo_lo_t"],
                 "cargo_hi_t": v["cargo_hi_t"], "vessel_class": v["vessel_class"], "pier": v["pier"]}
                for v in self.vessels() if ship_rules.is_loading_event(v["state"], v["cargo_visible"])]

    def vessel_counts_by_date(self) -> Dict[str, int]:
        """{UTC date: ships seen} (every state)."""
        return {r["date"]: r["n"] for r in self._select(_VESSELS_PER_DAY_SQL)}

    # ---- piles ----------------------------------------------------------------------------------------

    def check_pile_free(self, connection, pile_uid: Optional[str], scene_id: Optional[str],
                        heap_uid: Optional[str] = None) -> None:
        """Refuse a pile_uid that another heap of the same image already has (a pile is seen once per image)."""
        if not pile_uid or not scene_id:
            return
        taken = connection.execute(_PILE_ON_SCENE_SQL, (pile_uid, scene_id, heap_uid or "")).fetchone()
        if taken:
            raise HeapInputError(QT_TR_NOOP("Pile {pile_uid} is already heap {heap} on image {scene_id}; a pile is "
                                            "measured once per image. Give this heap a new pile, or adjust that "
                                            "heap."),
                                 pile_uid=pile_uid, heap=taken[1] or taken[0], scene_id=scene_id)

    def previous_examined_scene(self, scene_id: str) -> Optional[Dict]:
        """The latest examined image acquired before ``scene_id`` on an earlier date, or None."""
        scene = self.scene(scene_id)
        if scene is None or not scene.get("acquired_utc"):
            return None
        rows = self._select(_PREVIOUS_EXAMINED_SQL, (scene["acquired_utc"][:10],))
        return self.scene(rows[0]["scene_id"]) if rows else None

    def pile_series(self, pile_uid: str) -> List[Dict]:
        """One pile's heaps over time: {date, scene_id, heap_uid, label, tonnage_t, tonnage_lo_t, tonnage_hi_t}."""
        return self._select(_PILE_SERIES_SQL, (pile_uid,))


def _same(stored, computed) -> bool:
    if isinstance(computed, float) and stored is not None:
        return math.isclose(float(stored), computed, rel_tol=1e-9, abs_tol=1e-9)
    return stored == computed


_VESSEL_BY_UID_SQL = statement("SELECT 1 FROM {t} WHERE vessel_uid = ?", t=schema.VESSELS)
_VESSELS_PER_DAY_SQL = statement("SELECT substr(observed_utc, 1, 10) AS date, count(*) AS n FROM {t} "
                                 "GROUP BY date ORDER BY date", t=schema.VESSELS)
_PILE_ON_SCENE_SQL = statement("SELECT heap_uid, label FROM {t} WHERE pile_uid = ? AND scene_id = ? AND heap_uid <> ?",
                               t=schema.HEAPS)
_PREVIOUS_EXAMINED_SQL = statement("SELECT scene_id FROM {t} WHERE examined = 1 AND acquired_utc IS NOT NULL "
                                   "AND substr(acquired_utc, 1, 10) < ? ORDER BY acquired_utc DESC, fid DESC LIMIT 1",
                                   t=schema.SCENES)
_PILE_SERIES_SQL = statement("SELECT substr(observed_utc, 1, 10) AS date, scene_id, heap_uid, label, tonnage_t, "
                             "tonnage_lo_t, tonnage_hi_t FROM {t} WHERE pile_uid = ? ORDER BY observed_utc, fid",
                             t=schema.HEAPS)
