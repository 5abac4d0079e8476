"""The one place the store turns a footprint and a heap's inputs into its numbers, through the engine.

Everything that writes heap numbers (the store, the layer-edit hook, recomputations) calls
``derived_numbers`` so that a heap's numbers depend only on its stored footprint, its inputs and its
port's defaults, and a recomputation anywhere reproduces them exactly.
"""
from typing import Dict

from . import schema


def derived_numbers(port, footprint, inputs: Dict) -> Dict:
    """The engine's numbers (schema.DERIVED_FIELDS) for ``footprint`` (shapely, in the port's CRS).

    ``inputs`` must hold height_m, model, repose_deg and density_t_m3 (height_sigma_m optional). The
    port's repose tolerance applies; its density band is scaled to the heap's own density, keeping the
    band's relative width. Raises the engine's InputError, whose message is for the analyst.
    """
    from ..core.estimate import estimate_heap

    density = float(inputs["density_t_m3"])
    scale = density / port.density_t_m3
    result = estimate_heap(
        footprint, f"EPSG:{port.crs_epsg}", float(inputs["height_m"]),
        height_sigma_m=float(inputs.get("height_sigma_m") or 0.0), model=inputs["model"],
        repose_deg=float(inputs["repose_deg"]), repose_tol_deg=port.repose_tol_deg, density_t_m3=density,
        density_lo_t_m3=port.density_lo_t_m3 * scale, density_hi_t_m3=port.density_hi_t_m3 * scale,
    )
    fields = result.as_fields()
    return {name: fields.get(name) for name in schema.DERIVED_FIELDS}
