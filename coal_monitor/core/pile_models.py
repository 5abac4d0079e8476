"""The volume models the analyst chooses from, and every name they go by, in one place.

``label`` is the choice in forms and Processing, ``name`` the phrase in method lines ("repose-capped
pile, 35 deg"), ``formula`` the report's description, ``help`` the form's tooltip line. The engine's
keys (``limits.MODELS``) are the stored values of ``heaps.model``; they never change.
"""
from dataclasses import dataclass

from . import limits


def QT_TR_NOOP(text):  # noqa: N802 (the name the translation tools look for; core imports no Qt)
    """Marks a name for translation here; the GUI shows it through ``translation.tr``."""
    return text


@dataclass(frozen=True)
class PileModel:
    key: str
    label: str
    name: str
    formula: str
    help: str


PILE_MODELS = (
    PileModel("repose", QT_TR_NOOP("Repose-capped pile"), QT_TR_NOOP("repose-capped pile"),
              QT_TR_NOOP("repose-capped pile (surface min(H, tan(repose) x distance to the footprint edge))"),
              QT_TR_NOOP("Repose-capped pile: free-standing heap, slopes at the angle of repose, flat top where "
                         "the outline is wide (any outline).")),
    PileModel("prism", QT_TR_NOOP("Prism (walled bin)"), QT_TR_NOOP("prism (vertical walls)"),
              QT_TR_NOOP("prism (area x height: walled bins and bunkers)"),
              QT_TR_NOOP("Prism: coal held by walls (bins, bunkers): area x height.")),
    PileModel("cone", QT_TR_NOOP("Cone"), QT_TR_NOOP("cone (shape factor 1/3)"), QT_TR_NOOP("cone (shape factor 1/3)"),
              QT_TR_NOOP("Cone: a single conical pile.")),
)
_BY_KEY = {model.key: model for model in PILE_MODELS}
assert tuple(_BY_KEY) == limits.MODELS, "every engine model needs its names here"


def pile_model(key) -> PileModel:
    """The model of engine key ``key``; an unknown key (a file written elsewhere) is shown as it is."""
    return _BY_KEY.get(key) or PileModel(str(key), str(key), str(key), str(key), "")


def models_help(translate=str) -> str:
    """The tooltip text listing every model (each line through ``translate``)."""
    return "\n".join(translate(model.help) for model in PILE_MODELS)
