"""What the guide figure is made of: its capsules, the lines that glow, its colours.

Radii are world metres; names are the rig's points (``game.rig``). One side's
limbs are written once, for the left, and mirrored by name.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from game.rig.vec import Vec3, dot, sub
from game.ui.figure.props import Color

#: Trunk capsules: (from, to, radius, breathes). The chest swells on the inhale.
TRUNK: tuple[tuple[str, str, float, bool], ...] = (
    ("hip_l", "hip_r", 0.085, False),
    ("pelvis", "lumbar_lo", 0.1, False),
    ("lumbar_lo", "lumbar_hi", 0.088, False),
    ("lumbar_hi", "thoracic_lo", 0.09, True),
    ("thoracic_lo", "thoracic_hi", 0.102, True),
    ("thoracic_hi", "chest", 0.1, True),
    ("thoracic_hi", "neck", 0.06, False),
    ("neck", "atlas", 0.045, False),
)

#: One side's limb capsules, written for the left side (``_l``).
LIMB: tuple[tuple[str, str, float], ...] = (
    ("clavicle_l", "shoulder_l", 0.05),
    ("shoulder_l", "elbow_l", 0.047),
    ("elbow_l", "wrist_l", 0.038),
    ("wrist_l", "hand_l", 0.03),
    ("hip_l", "knee_l", 0.072),
    ("knee_l", "ankle_l", 0.052),
    ("ankle_l", "foot_l", 0.036),
    ("heel_l", "toe_l", 0.03),
)

_BACK_LINE = ("vert_pelvis", "vert_lumbar_lo", "vert_lumbar_hi", "vert_thoracic_lo")
_UPPER_BACK = ("vert_thoracic_lo", "vert_thoracic_hi", "vert_neck")
_BELLY = ("belly_lo", "belly_mid", "belly_hi", "sternum")


def _chain(names: Sequence[str]) -> tuple[tuple[str, str], ...]:
    return tuple(itertools.pairwise(names))


def _right(name: str) -> str:
    """The right-side twin of a left-side name; names without a side stay as they are."""
    return name[:-2] + "_r" if name.endswith("_l") else name


def _both(pairs: Sequence[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    right = tuple((_right(a), _right(b)) for a, b in pairs)
    return tuple(pairs) + right


#: Muscle id (``game.content.vocabulary.MUSCLES``) -> the lines that glow for it.
MUSCLE_LINES: Mapping[str, tuple[tuple[str, str], ...]] = {
    "multifidus": _chain(_BACK_LINE + _UPPER_BACK[1:]),
    "rotatores": _chain(_BACK_LINE + _UPPER_BACK[1:]),
    "interspinales": _chain(_BACK_LINE + _UPPER_BACK[1:]),
    "erector_spinae": _chain(_BACK_LINE + _UPPER_BACK[1:]),
    "quadratus_lumborum": _chain(_BACK_LINE),
    "thoracic_extensors": _chain(_UPPER_BACK),
    "transversus_abdominis": _chain(_BELLY[:3]),
    "rectus_abdominis": _chain(_BELLY),
    "obliques": _chain(_BELLY[:3]),
    "glutes": (("vert_pelvis", "hip_l"), ("vert_pelvis", "hip_r")),
    "hamstrings": _both((("hip_l", "knee_l"),)),
    "hip_flexors": _both((("belly_lo", "hip_l"),)),
    "latissimus_dorsi": _both((("vert_thoracic_lo", "shoulder_l"),)),
    "rhomboids": _both((("vert_thoracic_hi", "shoulder_l"),)),
    "trapezius": _both((("vert_neck", "shoulder_l"),)),
    "shoulders": _both((("clavicle_l", "shoulder_l"), ("shoulder_l", "elbow_l"))),
    "neck_flexors": (("neck", "atlas"),),
}

VERTEBRAE = ("vert_lumbar_lo", "vert_lumbar_hi", "vert_thoracic_lo", "vert_thoracic_hi")
_SPINE_NODE = {
    "vert_lumbar_lo": "lumbar_lo",
    "vert_lumbar_hi": "lumbar_hi",
    "vert_thoracic_lo": "thoracic_lo",
    "vert_thoracic_hi": "thoracic_hi",
    "vert_pelvis": "pelvis",
    "vert_neck": "neck",
    "belly_lo": "pelvis",
    "belly_mid": "lumbar_hi",
    "belly_hi": "thoracic_lo",
    "sternum": "thoracic_hi",
}


def faces_viewer(pts: Mapping[str, Vec3], helper: str, away: Vec3) -> bool:
    """True when a back or belly line point is on the side facing the viewer."""
    node = _SPINE_NODE.get(helper)
    if node is None:
        return True
    return dot(sub(pts[helper], pts[node]), away) < 0.02


@dataclass(frozen=True)
class GuideColors:
    """The guide's colours; :meth:`from_palette` reads them off a UI theme palette."""

    figure: Color = (240, 226, 205)
    figure_far: Color = (168, 150, 132)
    outline: Color = (14, 20, 32)
    floor: Color = (40, 56, 78)
    mat: Color = (64, 120, 130)
    glow: Color = (255, 120, 80)
    prop: Color = (150, 122, 92)
    metal: Color = (170, 178, 190)
    pad: Color = (70, 74, 90)
    ball: Color = (200, 90, 70)

    @classmethod
    def from_palette(cls, palette: Any) -> GuideColors:
        """Take ``figure``, ``figure_far``, ``floor``, ``mat``, ``glow`` from a palette."""
        base = cls()
        return cls(
            figure=getattr(palette, "figure", base.figure),
            figure_far=getattr(palette, "figure_far", base.figure_far),
            outline=getattr(palette, "bg_bottom", base.outline),
            floor=getattr(palette, "floor", base.floor),
            mat=getattr(palette, "mat", base.mat),
            glow=getattr(palette, "glow", base.glow),
        )

    def tones(self) -> dict[str, Color]:
        return {
            "prop": self.prop,
            "mat": self.mat,
            "metal": self.metal,
            "pad": self.pad,
            "ball": self.ball,
            "roller": (90, 150, 200),
            "weight": (60, 64, 74),
        }
