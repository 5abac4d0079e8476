"""How an estimate reads in the dock: tonnage first, ranges beside each number, the engine's note whole.

Analysts quote these lines in reports, so numbers carry units and thousands separators (of the user's
locale: ``number_text``), ranges are written low-high with the unit once, and the engine's feasibility
note is never shortened.
"""
from html import escape

from ..core.pile_models import pile_model
from ..number_text import number, quantity, value_range  # noqa: F401 (quantity: the dock's heap list)
from ..translation import note_text, tr

WARNING_COLOUR = "#a33b00"
MUTED_COLOUR = "#555555"


def estimate_html(estimate, height_sigma_m=0.0):
    """The full result block shown after a footprint is finished (rich text for a QLabel)."""
    height = f"{number(estimate.height_m, 1)} m"
    if height_sigma_m:
        height = f"{number(estimate.height_m, 1)} ± {number(height_sigma_m, 1)} m"
    lines = [
        f"<span style='font-size:large'><b>{quantity(estimate.tonnage_t)} t</b></span> &nbsp;"
        + tr("(range {range})").format(range=value_range(estimate.tonnage_lo_t, estimate.tonnage_hi_t, "t")),
        "<b>" + tr("Volume {volume} m³").format(volume=quantity(estimate.volume_m3)) + "</b> &nbsp;"
        + tr("(range {range})").format(range=value_range(estimate.volume_lo_m3, estimate.volume_hi_m3, "m³")),
        tr("Area {area} m² · height {height}").format(area=quantity(estimate.area_m2), height=height)
        + (tr(" · tallest pile this outline holds {height} m").format(height=number(estimate.height_max_m, 1))
           if estimate.height_max_m is not None and estimate.model == "repose" else ""),
    ]
    if estimate.note:
        lines.append(f"<span style='color:{WARNING_COLOUR}'>⚠ {escape(note_text(estimate.note))}</span>")
    model = tr(pile_model(estimate.model).name)
    method = escape(tr("Method: {method}").format(method=estimate.method or model))
    lines.append(f"<span style='color:{MUTED_COLOUR}'>{method}</span>")
    return "<br>".join(lines)


def drawing_html(area_m2, estimate=None, problem=""):
    """The running line while corners are being clicked (kept short: it changes on every mouse move)."""
    parts = ["<b>" + tr("Drawing") + "</b> · " + tr("area {area} m²").format(area=quantity(area_m2))]
    if estimate is not None:
        parts.append(
            tr("at {height} m: {volume} m³,").format(height=number(estimate.height_m, 1),
                                                     volume=quantity(estimate.volume_m3))
            + f" <b>{quantity(estimate.tonnage_t)} t</b>"
        )
    text = " · ".join(parts)
    if problem:
        text += f"<br><span style='color:{WARNING_COLOUR}'>{escape(problem)}</span>"
    hint = tr("Click corners; right click or Enter finishes, Backspace removes a corner, Esc cancels.")
    return text + f"<br><span style='color:{MUTED_COLOUR}'>{hint}</span>"


def heap_tooltip(row, line):
    """The heap list's tooltip: its line, the engine's note (stored in English, shown translated), its notes."""
    extra = [f"⚠ {note_text(row['volume_note'])}" if row.get("volume_note") else "", row.get("notes") or ""]
    return "\n".join([line] + [text for text in extra if text])


def message_html(text, warning=False):
    colour = WARNING_COLOUR if warning else MUTED_COLOUR
    return f"<span style='color:{colour}'>{escape(text)}</span>"
