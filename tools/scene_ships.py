"""SYNTHETIC scenes, part 4: ships in the water beside the pier, with their true size.

A ship is drawn in plan on the local grid (x east, y north, metres) from its stern point, heading
(clockwise from grid north, stern to bow), length over all (LOA) and beam. Its outline: a transom stern
with rounded quarters, a parallel midbody at the full beam, and an elliptic bow ending in a point, so
that LOA is the stern-to-bow-tip distance and the beam the midbody's width, as an analyst measures them.
On its main deck (``freeboard_m`` above the water) stand the accommodation block at the stern, the hatch
covers (closed) or the hatch coamings around open holds (coal at ``coal_below_deck_m`` when the cargo is
visible, the empty hold's floor otherwise) and the crane houses between the hatches; all are flat
blocks, so they cast hard shadows on the deck and on the water.

Pure data and numpy; read by scene_surface.build_surface (heights, surface classes) and scene_render
(colours), and by make_scenes.py (truth).
"""
import math

import numpy as np

from scene_surface import inside_polygon

# Surface classes of ship parts (below scene_surface's WALL and WATER); shading never mixes two of them.
SHIP_DECK, SHIP_HATCH, SHIP_COAL, SHIP_HOLD, SHIP_HOUSE = -3, -4, -5, -6, -7
SHIP_CLASSES = (SHIP_DECK, SHIP_HATCH, SHIP_COAL, SHIP_HOLD, SHIP_HOUSE)
# Reflectance (RGB): red-brown deck paint, green hatch covers, coal, rusty empty hold, white house.
SHIP_ALBEDO = {SHIP_DECK: (0.34, 0.17, 0.13), SHIP_HATCH: (0.20, 0.30, 0.22), SHIP_COAL: (0.10, 0.10, 0.105),
               SHIP_HOLD: (0.22, 0.14, 0.10), SHIP_HOUSE: (0.80, 0.80, 0.76)}

# Plan shape as fractions of LOA (s, from the stern) and of the half-beam.
STERN_HALF_WIDTH = 0.86      # the transom's half-width over the half-beam
STERN_QUARTER_LOA = 0.05     # where the rounded quarters reach the full beam
BOW_START_LOA = 0.82         # where the bow's taper begins
HOUSE_LOA = (0.025, 0.115)   # accommodation block, aft
HOUSE_HALF_BEAM = 0.80
CARGO_LOA = (0.16, 0.89)     # the hatches are spread over this part of the length
HATCH_PITCH_SHARE = 0.72     # hatch length over the hatch pitch
HATCH_HALF_BEAM = 0.58       # hatch half-width over the half-beam
COAMING_M = 0.6              # width of an open hatch's coaming, around the opening
COAMING_HEIGHT_M = 1.6       # coaming (or closed cover) above the main deck
CRANE_SIDE_M = 3.5
HOLD_FLOOR_M = 1.0           # an empty hold's floor above the water line


def frame(ship):
    """Stern point and the along (bow-wards) and across (starboard) unit vectors on the local grid."""
    h = math.radians(ship["heading_deg"])
    return tuple(ship["stern"]), (math.sin(h), math.cos(h)), (math.cos(h), -math.sin(h))


def to_local(ship, s, t):
    (sx, sy), (ux, uy), (vx, vy) = frame(ship)
    return sx + s * ux + t * vx, sy + s * uy + t * vy


def half_width(ship, s):
    """The hull's half-width at distance ``s`` from the stern (0 <= s <= LOA)."""
    loa, half = ship["loa_m"], ship["beam_m"] / 2
    quarter, bow = STERN_QUARTER_LOA * loa, BOW_START_LOA * loa
    if s < quarter:
        k = s / quarter
        return half * (STERN_HALF_WIDTH + (1 - STERN_HALF_WIDTH) * math.sqrt(max(0.0, 1 - (1 - k) ** 2)))
    if s <= bow:
        return half
    k = (s - bow) / (loa - bow)
    return half * math.sqrt(max(0.0, 1 - k * k))


def outline(ship, steps=48):
    """The hull's outline on the local grid, counter-clockwise from the stern's port corner."""
    loa = ship["loa_m"]
    stations = sorted({loa * k / steps for k in range(steps + 1)} | {STERN_QUARTER_LOA * loa, BOW_START_LOA * loa})
    starboard = [to_local(ship, s, half_width(ship, s)) for s in stations]
    port = [to_local(ship, s, -half_width(ship, s)) for s in reversed(stations[:-1])]
    ring = starboard + port
    area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))
    return ring if area > 0 else ring[::-1]


def hatches(ship):
    """(s0, s1, half-width) of each hatch opening, stern to bow."""
    loa, count = ship["loa_m"], ship["hatches"]
    start, end = CARGO_LOA[0] * loa, CARGO_LOA[1] * loa
    pitch = (end - start) / count
    length = HATCH_PITCH_SHARE * pitch
    return [(start + k * pitch + (pitch - length) / 2, start + k * pitch + (pitch + length) / 2,
             HATCH_HALF_BEAM * ship["beam_m"] / 2) for k in range(count)]


def cranes(ship):
    """Centre s of each crane house: between hatches, from the stern (as many as the ship has)."""
    openings = hatches(ship)
    gaps = [(a[1] + b[0]) / 2 for a, b in zip(openings, openings[1:])]
    return gaps[:ship.get("cranes", 0)]


def ship_surface(ship, grid):
    """(inside, height above water, surface class) arrays of one ship on the grid."""
    (sx, sy), (ux, uy), (vx, vy) = frame(ship)
    s = (grid.x - sx) * ux + (grid.y - sy) * uy
    t = (grid.x - sx) * vx + (grid.y - sy) * vy
    inside = inside_polygon(outline(ship), grid.x, grid.y)
    deck = ship["freeboard_m"]
    z = np.full(grid.x.shape, deck)
    part = np.full(grid.x.shape, SHIP_DECK)
    open_holds = ship["hatches_open"]
    for s0, s1, half in hatches(ship):
        cover = (s > s0 - COAMING_M) & (s < s1 + COAMING_M) & (np.abs(t) < half + COAMING_M)
        z[cover] = deck + COAMING_HEIGHT_M
        part[cover] = SHIP_HATCH
        if open_holds:
            opening = (s > s0) & (s < s1) & (np.abs(t) < half)
            coal = ship["cargo_visible"]
            z[opening] = deck - ship["coal_below_deck_m"] if coal else HOLD_FLOOR_M
            part[opening] = SHIP_COAL if coal else SHIP_HOLD
    house = (s > HOUSE_LOA[0] * ship["loa_m"]) & (s < HOUSE_LOA[1] * ship["loa_m"])
    house &= np.abs(t) < HOUSE_HALF_BEAM * ship["beam_m"] / 2
    for centre in cranes(ship):
        house |= (np.abs(s - centre) < CRANE_SIDE_M / 2) & (np.abs(t) < CRANE_SIDE_M / 2)
    z[house] = deck + ship["house_height_m"]
    part[house] = SHIP_HOUSE
    return inside, z, part


def truth(ship, scene_id, place):
    """The ship's truth feature: its outline in the port's CRS and what an analyst would record."""
    loa = ship["loa_m"]
    ring = [place.utm_xy(x, y) for x, y in outline(ship)]
    centre = to_local(ship, loa / 2, 0.0)
    return {
        "type": "Feature", "id": f"{scene_id}/{ship['id']}",
        "geometry": {"type": "Polygon", "coordinates": [ring + ring[:1]]},
        "properties": {
            "scene": scene_id, "vessel": ship["id"], "loa_m": loa, "beam_m": ship["beam_m"],
            "heading_deg": ship["heading_deg"], "heading_note": "clockwise from the UTM grid's north, stern to bow",
            "state": ship["state"], "vessel_class": ship["vessel_class"],
            "hatches": ship["hatches"], "hatches_open": ship["hatches_open"],
            "cargo_visible": ship["cargo_visible"], "freeboard_m": ship["freeboard_m"],
            "centre": place.utm_xy(*centre), "bow": place.utm_xy(*to_local(ship, loa, 0.0)),
            "stern": place.utm_xy(*to_local(ship, 0.0, 0.0)),
            "side": place.utm_xy(*to_local(ship, loa / 2, ship["beam_m"] / 2)),
            "note": ship["note"],
        },
    }


def add_ships(scene, grid, dsm, water, surfaces):
    """Put the scene's ships into its surface model, water mask and surface classes (in place).

    A ship floats in open water: any part of it over the pier, a wall or a heap is an error in the
    scene's spec, not something to draw."""
    for ship in scene.get("ships", ()):
        inside, z, part = ship_surface(ship, grid)
        if not inside.any() or np.any(inside & ~water):
            raise ValueError(f"{scene['id']} ship {ship['id']} is not wholly in the water; move it.")
        dsm[inside] = np.round(z[inside], 3)
        water &= ~inside
        surfaces[inside] = part[inside]
