"""The volume models the analyst chooses from, and every name they go by, in one place.

``label`` is the choice in forms and Processing, ``name`` the phrase in method lines ("repose-capped
pile, 35 deg"), ``formula`` the report's description, ``help`` the form's tooltip line. The engine's
keys (``limits.MODELS``) are the stored values of ``heaps.model``; they never change.
"""
from dataclasses import dataclass

from . import limits


@dataclass(frozen=True)
class PileModel:
    key: str
    label: str
    name: str
    formula: str
    help: str


PILE_MODELS = (
    PileModel("repose", "Repose-capped pile", "repose-capped pile",
              "repose-capped pile (surface min(H, tan(repose) x distance to the footprint edge))",
              "Repose-capped pile: free-standing heap, slopes at the angle of repose, flat top where the "
              "outline is wide (any outline)."),
    PileModel("prism", "Prism (walled bin)", "prism (vertical walls)",
              "prism (area x height: walled bins and bunkers)",
              "Prism: coal held by walls (bins, bunkers): area x height."),
    PileModel("cone", "Cone", "cone (shape factor 1/3)", "cone (shape factor 1/3)", "Cone: a single conical pile."),
)
_BY_KEY = {model.key: model for model in PILE_MODELS}
assert tuple(_BY_KEY) == limits.MODELS, "every engine model needs its names here"


def pile_model(key) -> PileModel:
    """The model of engine key ``key``; an unknown key (a file written elsewhere) is shown as it is."""
    return _BY_KEY.get(key) or PileModel(str(key), str(key), str(key), str(key), "")


def models_help() -> str:
    """The tooltip text listing every model."""
    return "\n".join(model.help for model in PILE_MODELS)
