"""Which heaps of one day a day's total may add up, so that each pile is counted once.

Two heaps of one day are the same pile when they share a ``pile_uid`` (the analyst carried the pile
forward or linked it) or when their outlines overlap on different images (heaps logged before piles had
an identity, or not linked). Of each pile seen on several images of the day only the measurement on the
preferred image counts: the finer ground resolution, at equal or unknown resolution the later
acquisition. Piles seen on one image only all count, whatever else that image shows. Pure computation
(shapely only).
"""
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

from .messages import QT_TR_NOOP, SPACED, Message, join_notes

# Overlaps smaller than this (m2) are digitising slivers where two outlines meet, not one pile seen twice.
MIN_OVERLAP_M2 = 1.0


@dataclass(frozen=True)
class DayScene:
    """One image's heaps on one day: ``footprints`` are their polygons in one metric CRS."""

    scene_id: str
    gsd_m: Optional[float]
    acquired_utc: str
    footprints: Sequence = ()


@dataclass(frozen=True)
class DayHeap:
    """One heap of the day: its image, its pile (None: a pile of its own) and its outline (metric CRS)."""

    heap_uid: str
    scene_id: str
    pile_uid: Optional[str]
    footprint: object


@dataclass(frozen=True)
class Choice:
    """The day's scenes that count, the ones set aside (all their heaps), the heaps set aside, and why."""

    used: tuple
    set_aside: tuple
    note: str  # a Message; str() is what the log and the CSV keep
    heaps_set_aside: tuple = ()


def choose(scenes: List[DayScene]) -> Choice:
    """The rule on whole images: each footprint of ``scenes`` a heap of its own (no pile identities)."""
    heaps = [DayHeap(f"{scene.scene_id}#{index}", scene.scene_id, None, shape)
             for scene in scenes for index, shape in enumerate(scene.footprints)]
    return choose_heaps(scenes, heaps)


def choose_heaps(scenes: List[DayScene], heaps: List[DayHeap]) -> Choice:
    """Each pile once (see the module's rule). ``scenes``: the day's images (GSD, time)."""
    by_id = {scene.scene_id: scene for scene in scenes}
    if len({heap.scene_id for heap in heaps}) < 2:
        return Choice(tuple(sorted({h.scene_id for h in heaps})), (), "")
    group_of = list(range(len(heaps)))

    def root(index):
        while group_of[index] != index:
            group_of[index] = group_of[group_of[index]]
            index = group_of[index]
        return index

    outlines = [heap.footprint.buffer(0) if heap.footprint is not None else None for heap in heaps]  # a bow tie
    first_of_pile: Dict[str, int] = {}
    for index, heap in enumerate(heaps):
        if heap.pile_uid:
            group_of[root(index)] = root(first_of_pile.setdefault(heap.pile_uid, index))
    for a in range(len(heaps)):
        for b in range(a + 1, len(heaps)):
            if heaps[a].scene_id != heaps[b].scene_id and outlines[a] is not None and outlines[b] is not None \
                    and outlines[a].intersection(outlines[b]).area >= MIN_OVERLAP_M2:
                group_of[root(a)] = root(b)
    groups: Dict[int, List[int]] = {}
    for index in range(len(heaps)):
        groups.setdefault(root(index), []).append(index)
    aside, reasons = [], {}
    for members in groups.values():
        seen_on = sorted({heaps[i].scene_id for i in members})
        if len(seen_on) < 2:
            continue
        best = _preferred([by_id.get(s) or DayScene(s, None, "") for s in seen_on])
        others = tuple(s for s in seen_on if s != best.scene_id)
        aside += [heaps[i].heap_uid for i in members if heaps[i].scene_id != best.scene_id]
        key = (best.scene_id, others)
        reasons[key] = reasons.get(key, 0) + 1
    aside_set = set(aside)
    counted = {h.scene_id for h in heaps if h.heap_uid not in aside_set}
    whole = tuple(sorted({h.scene_id for h in heaps} - counted))
    notes = []
    for (best_id, others), piles in sorted(reasons.items()):
        best = by_id.get(best_id) or DayScene(best_id, None, "")
        other_scenes = [by_id.get(o) or DayScene(o, None, "") for o in others]
        template = (QT_TR_NOOP("{others} set aside for {piles} pile also measured on {best} ({why}); each pile "
                               "counts once.") if piles == 1 else
                    QT_TR_NOOP("{others} set aside for {piles} piles also measured on {best} ({why}); each pile "
                               "counts once."))
        notes.append(Message(template, others=", ".join(others), piles=piles, best=best_id,
                             why=_why(best, other_scenes)))
    return Choice(tuple(sorted(counted)), whole, join_notes(notes, SPACED), tuple(sorted(aside_set)))


def _preferred(members: List[DayScene]) -> DayScene:
    """Finer GSD first (unknown GSD last), then the later acquisition, then the scene id (stable sorts)."""
    ranked = sorted(members, key=lambda s: s.scene_id)
    ranked.sort(key=lambda s: s.acquired_utc or "", reverse=True)
    ranked.sort(key=lambda s: s.gsd_m if s.gsd_m else float("inf"))
    return ranked[0]


def _why(best: DayScene, others: List[DayScene]) -> Message:
    if best.gsd_m and all(not o.gsd_m or o.gsd_m > best.gsd_m for o in others):
        return Message(QT_TR_NOOP("finer GSD {gsd_m:.2f} m"), gsd_m=best.gsd_m)
    return Message(QT_TR_NOOP("acquired later"))
