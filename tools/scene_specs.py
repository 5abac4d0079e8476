"""What the SYNTHETIC sample scenes contain: layouts of the two ports and the heaps on each date.

Pure data, read by tools/make_scenes.py. Coordinates are local metres from the scene's south-west
corner (x east, y north); the generator places that corner near the port's reference point in the
port's UTM CRS (resources/ports.json). Cone centres and ridge crests sit on pixel centres
(x.25 / x.75 at 0.5 m) so that an apex is a sample of the surface model and its shadow tip is exact.
Bin interiors sit on whole metres so that a bin's footprint never splits a pixel.

Acquisition times are about 10:30 local mean solar time (UTC + longitude / 15), as for a
sun-synchronous satellite; the sun angles are computed from them, never written here.

Heap kinds (``shape``) and the volume model that describes each:
  cone               circular footprint at repose                  cone   (exact)
  ridge              rectangle at repose, hip roof                 repose (exact)
  flat_top           polygon capped below its repose height        repose (exact)
  irregular_concave  concave polygon, repose-capped                repose (exact)
  touching_pair      two cones overlapping; each pile's footprint  cone   (not exact: the partner
                     ends where the partner's surface is higher           hides part of the cone)
  bin                walled bin filled flat                        prism  (exact)
  bin_overfilled     walled bin heaped above its walls at repose   prism  (not exact)

Ships (``ships``, drawn by scene_ships.py) lie in the water beside the quay, 1.5 m off it, parallel to
it: a Supramax-like bulk carrier loading at Rason on 2025-04-18 (LOA 190 m, beam 32.26 m, five open
hatches with coal), a Handysize loading there on 2024-12-14, and two small general cargo ships at
Nampho on 2025-04-28 (98 m x 16 m), one loading and one moored with its hatches closed. Their sizes
are the classes of domain.md section 9; the truth files carry them under ``vessels``.
"""


def rect(x0, y0, x1, y1):
    """Axis-aligned rectangle as a closed-free vertex list, counter-clockwise."""
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def bins_row(x_starts, width_m, y0, y1):
    """Interiors of adjacent bins sharing 1 m walls: [x0, y0, x1, y1] each."""
    return [[x, y0, x + width_m, y1] for x in x_starts]


RASON_LAYOUT = {
    "port": "rason",
    "place": "RasonConTrans Pier 3, Rajin",
    "cols": 600, "rows": 400,
    "deck_z_m": 3.5,
    "water": [[0, 160, 300, 200], [282, 0, 300, 160]],
    # A concrete wind wall along the south edge of the stockyard: it casts shadows in every season.
    "walls": [{"rect": [15, 20, 265, 21], "height_m": 3.0}],
    "rails_y": [8.5, 10.0, 13.0, 14.5],
    "bins": [],
}

NAMPHO_BINS = bins_row([21, 46, 71, 96, 121], 24, 31, 59)

NAMPHO_LAYOUT = {
    "port": "nampho",
    "place": "Nampho coal terminal, coal bins",
    "cols": 600, "rows": 400,
    "deck_z_m": 4.0,
    "water": [[0, 170, 300, 200], [0, 0, 12, 170]],
    "walls": [],
    "rails_y": [65.0, 66.5],
    "bins": NAMPHO_BINS,
    "bin_wall": {"thickness_m": 1.0, "height_m": 6.0},
}


def _ship(ship_id, vessel_class, state, stern, heading_deg, loa_m, beam_m, hatches, cranes, freeboard_m,
          house_height_m, note, hatches_open=None, cargo_visible=None):
    """A ship spec (scene_ships.py). Loading: hatches open with coal in view, unless said otherwise."""
    loading = state == "loading"
    return {"id": ship_id, "vessel_class": vessel_class, "state": state, "stern": list(stern),
            "heading_deg": heading_deg, "loa_m": loa_m, "beam_m": beam_m, "hatches": hatches, "cranes": cranes,
            "freeboard_m": freeboard_m, "house_height_m": house_height_m, "coal_below_deck_m": 2.5,
            "hatches_open": loading if hatches_open is None else hatches_open,
            "cargo_visible": loading if cargo_visible is None else cargo_visible, "note": note}


# Rason's north quay edge is at y = 160 m, Nampho's at y = 170 m (the layouts' water above).
RASON_SUPRAMAX = _ship("V1", "Handymax / Supramax", "loading", (250.0, 177.63), 270.0, 190.0, 32.26, 5, 4,
                       7.0, 13.0, "Supramax-like bulk carrier loading coal at Pier 3, bow west (190 m seen in 2024)")
RASON_HANDYSIZE = _ship("V1", "Handysize", "loading", (40.0, 175.0), 90.0, 169.0, 27.0, 5, 4, 6.0, 12.0,
                        "Handysize (Baltic standard 28 kt) loading coal at Pier 3, bow east")
NAMPHO_LOADING = _ship("V1", "Small general cargo", "loading", (20.0, 179.5), 90.0, 98.0, 16.0, 2, 1, 4.0, 8.0,
                       "small general cargo ship loading coal at the coal terminal, bow east")
NAMPHO_MOORED = _ship("V2", "Small general cargo", "moored", (280.0, 179.5), 270.0, 98.0, 16.0, 2, 1, 5.0, 8.0,
                      "small general cargo ship moored at the coal terminal, hatches closed, bow west")


def _bins(fills, overfill=None):
    """Heaps for the Nampho bins: fill heights in bin order, 0 = empty; overfill = (index, peak_m)."""
    heaps = []
    for index, (interior, fill_m) in enumerate(zip(NAMPHO_BINS, fills)):
        if not fill_m:
            continue
        heap = {"id": f"B{index + 1}", "shape": "bin", "interior": interior, "fill_m": fill_m}
        if overfill and overfill[0] == index:
            heap.update(shape="bin_overfilled", peak_m=overfill[1])
        heaps.append(heap)
    return heaps


SCENES = [
    {
        "id": "rason_20231114", "layout": RASON_LAYOUT, "seed": 231114,
        "acquired_utc": "2023-11-14T01:49:12.418Z", "vendor": "planet",
        "off_nadir_deg": 1.4, "satellite_azimuth_deg": 101.0,
        "note": "void",
        "stains": [[70, 60, 30, 15], [150, 100, 40, 18], [225, 70, 22, 12]],
        "heaps": [],
    },
    {
        "id": "rason_20240409", "layout": RASON_LAYOUT, "seed": 240409,
        "acquired_utc": "2024-04-09T01:48:37.902Z", "vendor": "dimap",
        "off_nadir_deg": 0.8, "satellite_azimuth_deg": 262.0,
        "note": "coal reappears",
        "stains": [[150, 100, 40, 18]],
        "heaps": [
            {"id": "H1", "shape": "cone", "center": [70.25, 80.25], "radius_m": 8.0},
            {"id": "H2", "shape": "flat_top", "polygon": rect(120, 50, 150, 66), "cap_m": 3.0},
            {"id": "H3", "shape": "irregular_concave",
             "polygon": [(180, 40), (215, 38), (228, 52), (222, 70), (206, 62), (196, 50), (184, 56)]},
        ],
    },
    {
        "id": "rason_20241214", "layout": RASON_LAYOUT, "seed": 241214,
        "acquired_utc": "2024-12-14T01:49:05.231Z", "vendor": "dimap",
        "off_nadir_deg": 1.7, "satellite_azimuth_deg": 95.0,
        "note": "winter: repose piles cast ground shadows",
        "stains": [],
        "heaps": [
            {"id": "H1", "shape": "cone", "center": [60.25, 95.25], "radius_m": 12.0},
            {"id": "H2", "shape": "ridge", "polygon": rect(100.25, 35.25, 180.25, 57.25)},
            {"id": "H3", "shape": "touching_pair", "partner": "H4",
             "cones": [[[205.25, 110.25], 10.0], [[218.25, 105.25], 7.0]]},
            {"id": "H5", "shape": "flat_top", "polygon": rect(110, 85, 150, 109), "cap_m": 4.0},
            {"id": "H6", "shape": "irregular_concave",
             "polygon": [(20, 30), (80, 30), (80, 48), (45, 48), (45, 75), (20, 75)], "cap_m": 6.0},
        ],
        "ships": [RASON_HANDYSIZE],
    },
    {
        "id": "rason_20250418", "layout": RASON_LAYOUT, "seed": 250418,
        "acquired_utc": "2025-04-18T01:48:44.067Z", "vendor": "planet",
        "off_nadir_deg": 1.1, "satellite_azimuth_deg": 278.0,
        "note": "large amounts",
        "stains": [],
        "heaps": [
            {"id": "H1", "shape": "ridge", "polygon": rect(20.25, 30.25, 150.25, 60.25)},
            {"id": "H2", "shape": "ridge", "rotated_rect": {"center": [225, 55], "length_m": 90,
                                                             "width_m": 26, "angle_deg": 15}},
            {"id": "H3", "shape": "cone", "center": [45.25, 100.25], "radius_m": 16.0},
            {"id": "H4", "shape": "irregular_concave",
             "polygon": [(80, 75), (140, 72), (150, 95), (130, 100), (118, 88), (100, 92),
                         (104, 120), (78, 118)]},
            {"id": "H5", "shape": "flat_top", "polygon": rect(165, 95, 225, 131), "cap_m": 7.0},
            {"id": "H6", "shape": "touching_pair", "partner": "H7",
             "cones": [[[250.25, 120.25], 13.0], [[252.25, 140.25], 11.0]]},
        ],
        "ships": [RASON_SUPRAMAX],
    },
    {
        "id": "nampho_20230615", "layout": NAMPHO_LAYOUT, "seed": 230615,
        "acquired_utc": "2023-06-15T02:08:51.774Z", "vendor": "dimap",
        "off_nadir_deg": 1.2, "satellite_azimuth_deg": 276.0,
        "note": "bins partly filled",
        "stains": [[200, 120, 25, 12]],
        "heaps": _bins([2.5, 0, 4.0, 1.5, 0]) + [
            {"id": "H1", "shape": "cone", "center": [60.25, 110.25], "radius_m": 9.0},
            {"id": "H2", "shape": "ridge", "polygon": rect(180.25, 40.25, 250.25, 58.25)},
        ],
    },
    {
        "id": "nampho_20250120", "layout": NAMPHO_LAYOUT, "seed": 250120,
        "acquired_utc": "2025-01-20T02:08:22.560Z", "vendor": "dimap",
        "off_nadir_deg": 0.6, "satellite_azimuth_deg": 84.0,
        "note": "winter: repose piles cast ground shadows",
        "stains": [],
        "heaps": _bins([3.0, 5.0, 0, 2.0, 4.5]) + [
            {"id": "H1", "shape": "cone", "center": [200.25, 90.25], "radius_m": 10.0},
            {"id": "H2", "shape": "flat_top", "polygon": rect(60, 100, 110, 130), "cap_m": 3.5},
        ],
    },
    {
        "id": "nampho_20250428", "layout": NAMPHO_LAYOUT, "seed": 250428,
        "acquired_utc": "2025-04-28T02:09:03.385Z", "vendor": "planet",
        "off_nadir_deg": 1.9, "satellite_azimuth_deg": 99.0,
        "note": "high",
        "stains": [],
        "heaps": _bins([6.0, 6.0, 5.5, 6.0, 6.0], overfill=(3, 9.0)) + [
            {"id": "H1", "shape": "ridge", "polygon": rect(170.25, 30.25, 270.25, 56.25)},
            {"id": "H2", "shape": "touching_pair", "partner": "H3",
             "cones": [[[40.25, 110.25], 12.0], [[58.25, 116.25], 10.0]]},
            {"id": "H4", "shape": "irregular_concave",
             "polygon": [(100, 90), (150, 88), (158, 120), (140, 140), (126, 118), (108, 128),
                         (96, 110)], "cap_m": 7.0},
            {"id": "H5", "shape": "flat_top", "polygon": rect(190, 80, 250, 120), "cap_m": 6.0},
            {"id": "H6", "shape": "cone", "center": [275.25, 130.25], "radius_m": 12.0},
        ],
        "ships": [NAMPHO_LOADING, NAMPHO_MOORED],
    },
]
