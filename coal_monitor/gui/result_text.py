"""How an estimate reads in the dock: tonnage first, ranges beside each number, the engine's note whole.

Analysts quote these lines in reports, so numbers carry units and thousands separators, ranges are
written low-high with the unit once, and the engine's feasibility note is never shortened.
"""
from html import escape

from ..translation import QT_TR_NOOP, tr

MODEL_NAMES = {
    "repose": QT_TR_NOOP("repose-capped pile"),
    "prism": QT_TR_NOOP("prism (walled bin)"),
    "cone": QT_TR_NOOP("cone"),
}
WARNING_COLOUR = "#a33b00"
MUTED_COLOUR = "#555555"


def quantity(value):
    """'13,520' for large values, '7.4' below 100, so small heaps keep a meaningful digit."""
    if value is None:
        return "?"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.1f}"


def value_range(low, high, unit):
    return f"{quantity(low)}–{quantity(high)} {unit}"


def estimate_html(estimate, height_sigma_m=0.0):
    """The full result block shown after a footprint is finished (rich text for a QLabel)."""
    height = f"{estimate.height_m:.1f} m"
    if height_sigma_m:
        height = f"{estimate.height_m:.1f} ± {height_sigma_m:.1f} m"
    lines = [
        f"<span style='font-size:large'><b>{quantity(estimate.tonnage_t)} t</b></span> &nbsp;"
        + tr("(range {range})").format(range=value_range(estimate.tonnage_lo_t, estimate.tonnage_hi_t, "t")),
        "<b>" + tr("Volume {volume} m³").format(volume=quantity(estimate.volume_m3)) + "</b> &nbsp;"
        + tr("(range {range})").format(range=value_range(estimate.volume_lo_m3, estimate.volume_hi_m3, "m³")),
        tr("Area {area} m² · height {height}").format(area=quantity(estimate.area_m2), height=height)
        + (tr(" · tallest pile this outline holds {height:.1f} m").format(height=estimate.height_max_m)
           if estimate.height_max_m is not None and estimate.model == "repose" else ""),
    ]
    if estimate.note:
        lines.append(f"<span style='color:{WARNING_COLOUR}'>⚠ {escape(estimate.note)}</span>")
    model = tr(MODEL_NAMES.get(estimate.model, estimate.model))
    method = escape(tr("Method: {method}").format(method=estimate.method or model))
    lines.append(f"<span style='color:{MUTED_COLOUR}'>{method}</span>")
    return "<br>".join(lines)


def drawing_html(area_m2, estimate=None, problem=""):
    """The running line while corners are being clicked (kept short: it changes on every mouse move)."""
    parts = ["<b>" + tr("Drawing") + "</b> · " + tr("area {area} m²").format(area=quantity(area_m2))]
    if estimate is not None:
        parts.append(
            tr("at {height:.1f} m: {volume} m³,").format(height=estimate.height_m, volume=quantity(estimate.volume_m3))
            + f" <b>{quantity(estimate.tonnage_t)} t</b>"
        )
    text = " · ".join(parts)
    if problem:
        text += f"<br><span style='color:{WARNING_COLOUR}'>{escape(problem)}</span>"
    hint = tr("Click corners; right click or Enter finishes, Backspace removes a corner, Esc cancels.")
    return text + f"<br><span style='color:{MUTED_COLOUR}'>{hint}</span>"


def message_html(text, warning=False):
    colour = WARNING_COLOUR if warning else MUTED_COLOUR
    return f"<span style='color:{colour}'>{escape(text)}</span>"
