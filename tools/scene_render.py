"""SYNTHETIC scenes, part 2: sunlight, cast shadows, textures and the satellite's view.

The image is albedo x light: Lambertian direct sun (zero where a ray towards the sun meets the surface
model) plus sky light, seen from the satellite's direction on an image orthorectified on the deck.
Sun azimuths here are clockwise from the UTM GRID's north (the rows and columns), not true north:
make_scenes.py turns the sun's true azimuth by the meridian convergence before calling.
"""
import math

import numpy as np

from scene_ships import SHIP_ALBEDO, SHIP_COAL
from scene_surface import GSD_M

EARTH_RADIUS_M = 6378137.0
ORBIT_HEIGHT_M = {"dimap": 694000.0, "planet": 450000.0}  # Pleiades; SkySat
SKY_LIGHT = 0.25  # diffuse light relative to a horizontal surface under the full sun
ALBEDO = {"concrete": (0.56, 0.55, 0.52), "coal": (0.10, 0.10, 0.105), "water": (0.07, 0.11, 0.13),
          "rail": (0.25, 0.22, 0.20)}


def bilinear(a, rows, cols):
    """Sample a 2-D array at fractional (row, col) positions; clamped at the edges."""
    r = np.clip(rows, 0, a.shape[0] - 1)
    c = np.clip(cols, 0, a.shape[1] - 1)
    r0 = np.minimum(np.floor(r).astype(np.int64), a.shape[0] - 2)
    c0 = np.minimum(np.floor(c).astype(np.int64), a.shape[1] - 2)
    fr, fc = r - r0, c - c0
    return ((a[r0, c0] * (1 - fc) + a[r0, c0 + 1] * fc) * (1 - fr)
            + (a[r0 + 1, c0] * (1 - fc) + a[r0 + 1, c0 + 1] * fc) * fr)


def cast_shadows(dsm, elevation_deg, azimuth_deg):
    """True where the sun is hidden: march from each pixel towards the sun across the surface model."""
    rows, cols = np.indices(dsm.shape, dtype=np.float64)
    z0 = dsm.astype(np.float64)
    tan_e = math.tan(math.radians(elevation_deg))
    d_col = math.sin(math.radians(azimuth_deg)) / GSD_M  # pixels per metre towards the sun
    d_row = -math.cos(math.radians(azimuth_deg)) / GSD_M
    step_m = GSD_M / 2
    reach_m = (float(dsm.max()) - float(dsm.min())) / tan_e
    shadow = np.zeros(dsm.shape, bool)
    for k in range(1, int(math.ceil(reach_m / step_m)) + 1):
        t = k * step_m
        shadow |= bilinear(z0, rows + d_row * t, cols + d_col * t) > z0 + t * tan_e + 1e-3
    return shadow


def slope_within(z, surfaces, axis):
    """dz per metre along an axis from neighbours of the same surface only (central, else one-sided).

    A plain gradient would tilt the deck pixel at a heap's foot or a coal pixel beside a bin wall and
    paint a bright or dark rim that no real surface has.
    """
    def shifted(a, step):
        out = np.roll(a, step, axis)
        edge = [slice(None)] * a.ndim
        edge[axis] = 0 if step > 0 else -1
        out[tuple(edge)] = a[tuple(edge)]
        return out
    before, after = shifted(z, 1), shifted(z, -1)
    same_before = shifted(surfaces, 1) == surfaces
    same_after = shifted(surfaces, -1) == surfaces
    central = (after - before) / (2 * GSD_M)
    one_sided = np.where(same_after, (after - z) / GSD_M, np.where(same_before, (z - before) / GSD_M, 0.0))
    return np.where(same_before & same_after, central, one_sided)


def illumination(dsm, surfaces, shadow, elevation_deg, azimuth_deg):
    """Lambertian direct light (0 in shadow) plus sky light, relative to flat ground in full sun."""
    z = dsm.astype(np.float64)
    dz_drow, dz_dcol = slope_within(z, surfaces, 0), slope_within(z, surfaces, 1)
    east, north = dz_dcol, -dz_drow
    e, a = math.radians(elevation_deg), math.radians(azimuth_deg)
    sun = (math.sin(a) * math.cos(e), math.cos(a) * math.cos(e), math.sin(e))
    cos_i = (-east * sun[0] - north * sun[1] + sun[2]) / np.sqrt(east ** 2 + north ** 2 + 1)
    direct = np.where(shadow, 0.0, np.maximum(cos_i, 0.0))
    return (direct + SKY_LIGHT) / (math.sin(e) + SKY_LIGHT)


def value_noise(rng, shape, cell_px):
    """Smooth noise in [0, 1): random values on a coarse lattice, bilinearly interpolated."""
    coarse = rng.random((shape[0] // cell_px + 2, shape[1] // cell_px + 2))
    rows, cols = np.indices(shape, dtype=np.float64)
    return bilinear(coarse, rows / cell_px, cols / cell_px)


def albedo_map(scene, grid, labels, water, surfaces, rng):
    """Per-pixel RGB reflectance: concrete bright with joints, coal dark and grainy, water textured;
    ships' parts (``surfaces``, scene_ships) in their paint, coal in open holds as grainy as on the pier.
    Ships draw no random numbers of their own, so a ship changes no other pixel's texture."""
    layout = scene["layout"]
    shape = labels.shape
    grain = 0.85 + 0.3 * rng.random(shape)
    patches = 0.94 + 0.12 * value_noise(rng, shape, 40)
    waves = 0.75 + 0.5 * (0.5 + 0.5 * np.sin(grid.x * 1.9 + grid.y * 0.7 + 6 * value_noise(rng, shape, 12)))
    albedo = np.empty(shape + (3,))
    for band in range(3):
        concrete = ALBEDO["concrete"][band] * patches * (0.96 + 0.08 * rng.random(shape))
        joints = (np.abs(grid.x % 10 - 0.25) < 0.01) | (np.abs(grid.y % 10 - 0.25) < 0.01)
        concrete = np.where(joints, concrete * 0.85, concrete)
        for y_rail in layout["rails_y"]:
            concrete = np.where(np.abs(grid.y - y_rail) < 0.3, ALBEDO["rail"][band], concrete)
        for cx, cy, ax, ay in scene["stains"]:
            dust = np.clip(1.2 - np.hypot((grid.x - cx) / ax, (grid.y - cy) / ay), 0, 1) * 0.7
            concrete = concrete * (1 - dust) + ALBEDO["coal"][band] * dust * grain
        coal = ALBEDO["coal"][band] * grain * patches
        band_albedo = np.where(labels > 0, coal, concrete)
        albedo[..., band] = np.where(water, ALBEDO["water"][band] * waves, band_albedo)
        for part, colour in SHIP_ALBEDO.items():
            texture = grain * patches if part == SHIP_COAL else patches
            albedo[..., band] = np.where(surfaces == part, colour[band] * texture, albedo[..., band])
    return albedo


def view_offsets(dsm, reference_z, incidence_deg, satellite_azimuth_deg):
    """Horizontal offset (m, towards the satellite) of the surface point seen at each image pixel.

    The image is orthorectified on the deck plane, as vendors do on a terrain model: a point h above
    the deck appears h * tan(incidence) away from the satellite. Searched from the satellite down.
    """
    tan_i = math.tan(math.radians(incidence_deg))
    d_col = math.sin(math.radians(satellite_azimuth_deg)) / GSD_M
    d_row = -math.cos(math.radians(satellite_azimuth_deg)) / GSD_M
    rows, cols = np.indices(dsm.shape, dtype=np.float64)
    z = dsm.astype(np.float64)
    step_m = 0.02
    k_high = int(math.ceil((float(dsm.max()) - reference_z) * tan_i / step_m))
    k_low = int(math.floor((float(dsm.min()) - reference_z) * tan_i / step_m))
    seen = np.full(dsm.shape, k_low * step_m)
    found = np.zeros(dsm.shape, bool)
    for k in range(k_high, k_low - 1, -1):
        t = k * step_m
        ray_z = reference_z + (t / tan_i if tan_i else 0.0)
        hit = ~found & (bilinear(z, rows + d_row * t, cols + d_col * t) >= ray_z - 1e-6)
        seen[hit] = t
        found |= hit
    return rows + d_row * seen, cols + d_col * seen


def render(scene, grid, dsm, labels, water, surfaces, sun, view, rng):
    """8-bit RGB image: albedo x light, seen from the satellite; the gain puts lit deck near 200."""
    shadow = cast_shadows(dsm, sun.elevation_deg, sun.azimuth_deg)
    light = illumination(dsm, surfaces, shadow, sun.elevation_deg, sun.azimuth_deg)
    radiance = albedo_map(scene, grid, labels, water, surfaces, rng) * light[..., None]
    gain = 200.0 / (255.0 * float(np.mean(ALBEDO["concrete"])))
    seen_rows, seen_cols = view_offsets(dsm, scene["layout"]["deck_z_m"], view["incidence_deg"],
                                        view["satellite_azimuth_deg"])
    image = np.empty(radiance.shape, np.uint8)
    for band in range(3):
        seen = bilinear(radiance[..., band], seen_rows, seen_cols)
        image[..., band] = np.clip(np.round(255.0 * gain * seen), 0, 255).astype(np.uint8)
    return image, shadow


def view_geometry(scene):
    """Incidence from off-nadir on a spherical Earth (domain.md 6); satellite elevation from it."""
    off = scene["off_nadir_deg"]
    h = ORBIT_HEIGHT_M[scene["vendor"]]
    incidence = math.degrees(math.asin((EARTH_RADIUS_M + h) / EARTH_RADIUS_M * math.sin(math.radians(off))))
    return {"off_nadir_deg": off, "incidence_deg": incidence, "satellite_elevation_deg": 90.0 - incidence,
            "satellite_azimuth_deg": scene["satellite_azimuth_deg"]}
