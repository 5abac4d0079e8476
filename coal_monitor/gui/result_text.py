"""How an estimate reads in the dock: tonnage first, ranges beside each number, the engine's note whole.

Analysts quote these lines in reports, so numbers carry units and thousands separators (of the user's
locale: ``number_text``), ranges are written low-high with the unit once, and the engine's feasibility
note is never shortened.
"""
from html import escape

from ..core.pile_models import pile_model
from ..number_text import number, quantity, value_range  # noqa: F401 (quantity: the dock's heap list)

WARNING_COLOUR = "#a33b00"
MUTED_COLOUR = "#555555"


def estimate_html(estimate, height_sigma_m=0.0):
    """The full result block shown after a footprint is finished (rich text for a QLabel)."""
    height = f"{number(estimate.height_m, 1)} m"
    if height_sigma_m:
        height = f"{number(estimate.height_m, 1)} ± {number(height_sigma_m, 1)} m"
    lines = [
        f"<span style='font-size:large'><b>{quantity(estimate.tonnage_t)} t</b></span>"
        f" &nbsp;(range {value_range(estimate.tonnage_lo_t, estimate.tonnage_hi_t, 't')})",
        f"<b>Volume {quantity(estimate.volume_m3)} m³</b>"
        f" &nbsp;(range {value_range(estimate.volume_lo_m3, estimate.volume_hi_m3, 'm³')})",
        f"Area {quantity(estimate.area_m2)} m² · height {height}"
        + (f" · tallest pile this outline holds {number(estimate.height_max_m, 1)} m"
           if estimate.height_max_m is not None and estimate.model == "repose" else ""),
    ]
    if estimate.note:
        lines.append(f"<span style='color:{WARNING_COLOUR}'>⚠ {escape(estimate.note)}</span>")
    model = pile_model(estimate.model).name
    lines.append(f"<span style='color:{MUTED_COLOUR}'>Method: {escape(estimate.method or model)}</span>")
    return "<br>".join(lines)


def drawing_html(area_m2, estimate=None, problem=""):
    """The running line while corners are being clicked (kept short: it changes on every mouse move)."""
    parts = [f"<b>Drawing</b> · area {quantity(area_m2)} m²"]
    if estimate is not None:
        parts.append(
            f"at {number(estimate.height_m, 1)} m: {quantity(estimate.volume_m3)} m³, "
            f"<b>{quantity(estimate.tonnage_t)} t</b>"
        )
    text = " · ".join(parts)
    if problem:
        text += f"<br><span style='color:{WARNING_COLOUR}'>{escape(problem)}</span>"
    hint = "Click corners; right click or Enter finishes, Backspace removes a corner, Esc cancels."
    return text + f"<br><span style='color:{MUTED_COLOUR}'>{hint}</span>"


def message_html(text, warning=False):
    colour = WARNING_COLOUR if warning else MUTED_COLOUR
    return f"<span style='color:{colour}'>{escape(text)}</span>"
