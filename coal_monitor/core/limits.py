"""Coal defaults and the limits of believable input, in one place.

Numbers from ../shared/reference/domain.md sections 3-4 (angle of repose, bulk density of stockpiled
coal). The store's range constraints, the forms and the engine's validation all read these.
"""
REPOSE_DEFAULT_DEG = 35.0
REPOSE_TOLERANCE_DEG = 3.0
DENSITY_DEFAULT_T_M3 = 0.85
DENSITY_LOW_T_M3 = 0.75
DENSITY_HIGH_T_M3 = 1.05

HEIGHT_MAX_M = 60.0
REPOSE_MIN_DEG = 20.0
REPOSE_MAX_DEG = 60.0
DENSITY_MIN_T_M3 = 0.4
DENSITY_MAX_T_M3 = 1.6
FOOTPRINT_MAX_M2 = 1_000_000.0
# Water depth alongside a pier (the deepest coal berths are about 25 m).
BERTH_DEPTH_MAX_M = 40.0

MODELS = ("repose", "prism", "cone")
# A heap's inputs to the engine, besides its footprint (core.heap_numbers; the store's fields of these names).
VOLUME_INPUTS = ("height_m", "height_sigma_m", "model", "repose_deg", "density_t_m3")
DEFAULT_MODEL = "repose"
REPOSE_TOLERANCE_MAX_DEG = 15.0
FOOTPRINT_MIN_M2 = 1.0
HOLE_MIN_M2 = 1.0

# Ships measured on imagery (core.vessels; domain.md section 9 and issue 14 item 7). Shorter than a small
# coaster or longer than the largest ships afloat, or wider than a third of the length: a misplaced click.
VESSEL_LOA_MIN_M = 20.0
VESSEL_LOA_MAX_M = 400.0
VESSEL_BEAM_MAX_FRACTION_OF_LOA = 1.0 / 3.0
