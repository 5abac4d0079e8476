"""A constructed port log with the whole story: examined dates, a gap, a ship loading, a refill.

Four observation dates of Rason: a full yard (3 heaps), the yard drawn down to one heap while a
Supramax-sized ship loaded (190 x 32.26 m), an image examined with no coal (a day between them nobody
examined), and the yard refilled (4 heaps, higher). Each heap of a date keeps its pile from the date before.
"""
from shapely.geometry import box

from coal_monitor.core.ports import Port
from coal_monitor.store.portfile import PortFile

X0, Y0 = 606_000, 4_675_000
DATES = ("2024-04-02", "2024-04-09", "2024-04-20", "2024-05-04")
UNEXAMINED = "2024-04-15"


def make_story_port(folder):
    rason = Port(name="Rason", slug="rason", lat_deg=42.2271, lon_deg=130.2826, crs_epsg=32652,
                 piers=("Pier 3",))
    path = folder / "rason.gpkg"
    with PortFile.create(path, rason) as port_file:
        for day in DATES + (UNEXAMINED,):
            port_file.add_scene({"scene_id": day, "acquired_utc": f"{day}T02:00:00Z", "gsd_m": 0.5})

        def heaps(day, widths, height_m):
            for index, width in enumerate(widths):
                port_file.add_heap(box(X0 + 150 * index, Y0, X0 + 150 * index + width, Y0 + 60), 32652,
                                   {"scene_id": day, "observed_utc": f"{day}T02:00:00Z", "height_m": height_m,
                                    "pile_uid": f"pile-{index + 1}", "label": f"P{index + 1}"})
            port_file.mark_examined(day)

        heaps("2024-04-02", (120, 120, 120), 10.0)
        heaps("2024-04-09", (120,), 10.0)
        port_file.add_vessel(box(X0, Y0 - 120, X0 + 190, Y0 - 120 + 32.26), 32652, {
            "scene_id": "2024-04-09", "observed_utc": "2024-04-09T02:00:00Z", "pier": "Pier 3", "state": "loading"})
        port_file.mark_examined("2024-04-20", note="examined: no coal")
        heaps("2024-05-04", (120, 120, 120, 120), 12.0)
    return path
