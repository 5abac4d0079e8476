"""The one rule for a heap's numbers: its footprint, its inputs and its port's defaults, through the engine.

Every path that shows or writes a heap's area, volume and tonnage comes through here: the dock's live
preview, the session's log, the store's writes, the layer-edit hook, ``recomputevolumes`` and
``importheaps``. A heap's numbers therefore depend only on its stored footprint, its five inputs
(``VOLUME_INPUTS``) and the port's tolerance and density band, and a recomputation anywhere reproduces
them to the bit.

    measured = MeasuredFootprint(polygon_in_port_crs, port.crs_epsg)   # the engine prepares it once
    estimate = measured.estimate(port, {"height_m": 8.0})               # any inputs, microseconds each

The expensive part of the engine (checking the outline and building its repose curve) happens once per
outline, in ``MeasuredFootprint``; previewing heights and logging the heap reuse it.
"""
from .estimate import HeapEstimate, prepare_footprint
from .limits import VOLUME_INPUTS


def with_port_defaults(port, inputs) -> dict:
    """The heap's volume inputs, with the port's model, angle and density where the heap gives none."""
    values = {name: inputs.get(name) for name in VOLUME_INPUTS}
    for name, default in (("model", port.default_model), ("repose_deg", port.repose_deg),
                          ("density_t_m3", port.density_t_m3)):
        if values[name] is None:
            values[name] = default
    return values


def engine_keywords(port, inputs) -> dict:
    """Keyword arguments of ``Footprint.estimate`` for these inputs at this port.

    The port's repose tolerance applies; its density band is scaled to the heap's own density, keeping
    the band's relative width (a heap logged at 1.0 t/m3 at a 0.85 port gets 0.88-1.24).
    """
    values = with_port_defaults(port, inputs)
    density = _number(values["density_t_m3"])
    scale = density / port.density_t_m3
    return {
        "height_m": _number(values["height_m"]),
        "height_sigma_m": _number(values["height_sigma_m"] or 0.0),
        "model": values["model"],
        "repose_deg": _number(values["repose_deg"]),
        "repose_tol_deg": port.repose_tol_deg,
        "density_t_m3": density,
        "density_lo_t_m3": port.density_lo_t_m3 * scale,
        "density_hi_t_m3": port.density_hi_t_m3 * scale,
    }


def _number(value):
    """Floats for the engine, leaving anything else (None, text) to its own checks and messages."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return value


class MeasuredFootprint:
    """A heap's outline in its port's metric CRS, prepared once for the engine.

    ``polygon``: shapely polygon in EPSG ``crs_epsg`` (the very coordinates the store keeps); ``wkb`` its
    serialisation, computed once. Raises the engine's InputError (the analyst's message) when the
    outline describes no heap. The last estimate is remembered, so logging a heap right after its
    preview costs no engine run at all.
    """

    def __init__(self, polygon, crs_epsg: int):
        self.polygon = polygon
        self.crs_epsg = int(crs_epsg)
        self.wkb = polygon.wkb
        self.engine = prepare_footprint(polygon, f"EPSG:{self.crs_epsg}")
        self._last = None  # (engine keywords as a tuple, HeapEstimate)

    @property
    def area_m2(self) -> float:
        return self.engine.area_m2

    def estimate(self, port, inputs) -> HeapEstimate:
        """The heap's numbers for ``inputs`` at ``port`` (raises InputError for unusable inputs)."""
        keywords = engine_keywords(port, inputs)
        key = tuple(sorted(keywords.items()))
        if self._last is None or self._last[0] != key:
            self._last = (key, self.engine.estimate(**keywords))
        return self._last[1]


def heap_estimate(polygon, crs_epsg: int, port, inputs) -> HeapEstimate:
    """``MeasuredFootprint(polygon, crs_epsg).estimate(port, inputs)``, for one-off computations."""
    return MeasuredFootprint(polygon, crs_epsg).estimate(port, inputs)
