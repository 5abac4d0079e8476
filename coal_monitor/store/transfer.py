"""Moving a port log between a GeoPackage and the team database, keeping every heap's identity.

``publish`` copies a port GeoPackage into the team database (its schema created when missing);
``take_snapshot`` copies a team port into a GeoPackage. Both go through the store's own writes
(``add_scene``/``add_heap``/``add_vessel``), so every number in the target is the engine's, derived again
from the footprint and inputs; a heap whose re-derived tonnage differs from the source's is reported.
Both are idempotent: scenes, heaps and ships already in the target (same scene_id, heap_uid,
vessel_uid) are counted, not copied again.

Command line (the password from PGPASSWORD or ~/.pgpass, as for psql)::

    python3 -m coal_monitor.store.transfer publish rason.gpkg --host db --dbname ports --user ana
    python3 -m coal_monitor.store.transfer snapshot rason copy.gpkg --host db --dbname ports --user ana
"""
import math
from pathlib import Path
from typing import Dict, Optional

from ..core.messages import QT_TR_NOOP
from . import schema
from .errors import StoreError
from .port_log_base import HEAP_INPUT_FIELDS, NUMBER_REL_TOL
from .vessel_log import VESSEL_INPUTS

SCENE_INPUTS = schema.field_names(schema.SCENES)


def copy_log(source, target) -> Dict:
    """Copy what ``target`` lacks of ``source`` (any two port logs of the same port); returns the counts."""
    if source.port.slug != target.port.slug:
        raise StoreError(QT_TR_NOOP("{source} logs port {source_port!r} but {target} logs {target_port!r}; "
                                    "nothing was copied."), source=source.path, source_port=source.port.name,
                         target=target.path, target_port=target.port.name)
    report = {"scenes": {"copied": 0, "already": 0}, "heaps": {"copied": 0, "already": 0},
              "vessels": {"copied": 0, "already": 0}, "refused": [], "differ": []}
    crs = source.port.crs_epsg
    present = {s["scene_id"] for s in target.scenes()}
    for scene in source.scenes():
        if scene["scene_id"] in present:
            report["scenes"]["already"] += 1
            continue
        target.add_scene({k: scene[k] for k in SCENE_INPUTS if scene.get(k) is not None})
        if scene.get(schema.COVERAGE_COLUMN) is not None:
            target.set_scene_coverage(scene["scene_id"], scene[schema.COVERAGE_COLUMN], crs)
        report["scenes"]["copied"] += 1
    present = {h["heap_uid"] for h in target.heaps(with_geometry=False)}
    for heap in source.heaps():
        if heap["heap_uid"] in present:
            report["heaps"]["already"] += 1
            continue
        try:
            target.add_heap(heap["geometry"], crs, {k: heap[k] for k in HEAP_INPUT_FIELDS})
        except StoreError as exc:
            report["refused"].append({"heap_uid": heap["heap_uid"], "reason": str(exc)})
            continue
        report["heaps"]["copied"] += 1
        copied = target.heap(heap["heap_uid"])
        if not _same_number(copied["tonnage_t"], heap["tonnage_t"]):
            report["differ"].append({"heap_uid": heap["heap_uid"], "source_t": heap["tonnage_t"],
                                     "target_t": copied["tonnage_t"]})
    present = {v["vessel_uid"] for v in target.vessels()}
    for vessel in source.vessels():
        if vessel["vessel_uid"] in present:
            report["vessels"]["already"] += 1
            continue
        try:
            target.add_vessel(vessel["geometry"], crs, {k: vessel[k] for k in VESSEL_INPUTS
                                                        if vessel.get(k) is not None})
        except StoreError as exc:
            report["refused"].append({"vessel_uid": vessel["vessel_uid"], "reason": str(exc)})
            continue
        report["vessels"]["copied"] += 1
    return report


def _same_number(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=NUMBER_REL_TOL, abs_tol=1e-9)


def publish(gpkg_path, connect_kwargs: Dict, schema_name: Optional[str] = None) -> Dict:
    """Copy the port GeoPackage ``gpkg_path`` into the team database (schema: the port's slug by default)."""
    from .portfile import PortFile
    from .postgis import LogExistsError, PostgisPortLog
    from .postgis_schema import check_schema_name, schema_name_for

    with PortFile.open(gpkg_path) as source:
        name = check_schema_name(schema_name) if schema_name else schema_name_for(source.port.slug)
        try:
            target, created = PostgisPortLog.create(connect_kwargs, name, source.port), True
        except LogExistsError:
            target, created = PostgisPortLog.open(connect_kwargs, name), False
        with target:
            report = copy_log(source, target)
            report.update(source=str(Path(gpkg_path)), target=target.location, created=created)
    return report


def take_snapshot(connect_kwargs: Dict, schema_name: str, gpkg_path) -> Dict:
    """Copy the team port log ``schema_name`` into the GeoPackage ``gpkg_path`` (created when missing)."""
    from .portfile import PortFile
    from .postgis import PostgisPortLog

    gpkg_path = Path(gpkg_path)
    with PostgisPortLog.open(connect_kwargs, schema_name) as source:
        created = not gpkg_path.exists()
        target = PortFile.create(gpkg_path, source.port) if created else PortFile.open(gpkg_path)
        with target:
            report = copy_log(source, target)
            report.update(source=source.location, target=str(gpkg_path), created=created)
    return report


def main(argv=None) -> int:
    import argparse
    import json

    parser = argparse.ArgumentParser(prog="python3 -m coal_monitor.store.transfer",
                                     description="Publish a port GeoPackage to the team database, or snapshot "
                                                 "a team port to a GeoPackage.")
    commands = parser.add_subparsers(dest="command", required=True)
    to_db = commands.add_parser("publish", help="GeoPackage -> team database")
    to_db.add_argument("gpkg")
    to_db.add_argument("--schema", default=None, help="default: the port's slug with _ for -")
    to_file = commands.add_parser("snapshot", help="team database -> GeoPackage")
    to_file.add_argument("schema")
    to_file.add_argument("gpkg")
    for command in (to_db, to_file):
        for option in ("host", "port", "dbname", "user", "service", "sslmode"):
            command.add_argument(f"--{option}")
    args = parser.parse_args(argv)
    kwargs = {k: getattr(args, k) for k in ("host", "port", "dbname", "user", "service", "sslmode")
              if getattr(args, k)}
    try:
        if args.command == "publish":
            report = publish(args.gpkg, kwargs, args.schema)
        else:
            report = take_snapshot(kwargs, args.schema, args.gpkg)
    except StoreError as exc:
        print(exc)
        return 1
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
