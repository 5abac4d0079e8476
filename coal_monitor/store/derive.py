"""The store's side of the one rule for a heap's numbers (``core.heap_numbers``): the schema's fields.

Everything that writes heap numbers (the store, the layer-edit hook, recomputations, imports) calls
``derived_numbers`` so that the numbers written are the engine's for the stored footprint, the heap's
inputs and its port's defaults, and nothing else.
"""
from typing import Dict

from ..core.heap_numbers import MeasuredFootprint
from . import schema


def derived_numbers(port, footprint, inputs: Dict) -> Dict:
    """The engine's numbers (schema.DERIVED_FIELDS) for ``footprint`` at ``port``.

    ``footprint``: a ``MeasuredFootprint`` in the port's CRS (prepared once, e.g. by the dock's
    preview) or a shapely polygon in the port's CRS. ``inputs``: height_m and optionally
    height_sigma_m, model, repose_deg, density_t_m3 (the port's defaults fill the gaps). Raises the
    engine's InputError, whose message is for the analyst.
    """
    if not isinstance(footprint, MeasuredFootprint):
        footprint = MeasuredFootprint(footprint, port.crs_epsg)
    fields = footprint.estimate(port, inputs).as_fields()
    return {name: fields.get(name) for name in schema.DERIVED_FIELDS}
