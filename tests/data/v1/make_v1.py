"""Write rason-v1.gpkg and rason-v1.totals.json with Coal Monitor's schema version 1.

Run from a checkout of commit 6e1a7bc (the last version 1 release):
    PYTHONPATH=<checkout> QT_QPA_PLATFORM=offscreen /usr/bin/python3 make_v1.py <this folder>
Three scenes (two images of 2024-05-10, the finer one at 0.3 m), eight heaps (one without a scene), and
the totals by date that version 1 computed, for tests/qgis/store/test_migration_to_v2.py.
"""
import json
import sys
from pathlib import Path

from shapely.geometry import Polygon, box

from coal_monitor.core.ports import builtin_ports
from coal_monitor.store.portfile import PortFile

folder = Path(sys.argv[1])
rason = [p for p in builtin_ports() if p.slug == "rason"][0]
S1, S2, S3 = ("S1-2024-04-02", "2024-04-02T02:31:00Z"), ("S2-2024-05-10", "2024-05-10T02:20:00Z"), \
    ("S3-2024-05-10", "2024-05-10T05:00:00Z")
with PortFile.create(folder / "rason-v1.gpkg", rason) as pf:
    pf.add_scene({"scene_id": S1[0], "acquired_utc": S1[1], "gsd_m": 0.5, "sensor": "SYNTH"})
    pf.add_scene({"scene_id": S2[0], "acquired_utc": S2[1], "gsd_m": 0.3})
    pf.add_scene({"scene_id": S3[0], "acquired_utc": S3[1], "gsd_m": 0.5})
    x0, y0 = 606_000, 4_675_000
    for i, ((scene, when), k) in enumerate([(S1, 0), (S1, 1), (S1, 2), (S2, 0), (S2, 1), (S3, 0), (S3, 1)]):
        pf.add_heap(box(x0 + 120 * k, y0, x0 + 120 * k + 70 + 5 * i, y0 + 30), 32652,
                    {"scene_id": scene, "observed_utc": when, "height_m": 6 + i, "pier": "RasonConTrans Pier 3",
                     "label": f"H{i}", "confidence": "moderate", "analyst": "v1", "notes": f"v1 heap {i}"})
    pf.add_heap(Polygon([(x0, y0 + 100), (x0 + 60, y0 + 100), (x0 + 30, y0 + 150)]), 32652,
                {"observed_utc": "2024-06-01T02:00:00Z", "height_m": 5, "model": "cone"})
    totals = pf.totals_by_date()
(folder / "rason-v1.totals.json").write_text(json.dumps(totals, indent=1) + "\n")
