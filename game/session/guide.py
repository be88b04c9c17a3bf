"""Where the animated guide is on its keyframe path during a phase.

The path position ``u`` runs 0..1 along an exercise's keyframes (see
``Animation`` in the content model). Moves within a phase are eased with a
smoothstep so each lift and lower starts and stops softly; flows follow the
breath, so the guide's chest rises with the breath-in cue, and a loop flow
(rocking, pedalling) takes one whole breath for each half of its loop.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.content.model import Dose
from game.content.model_animation import Animation
from game.session.breath import BreathPhase, BreathState
from game.session.phases import GuideMotion, Phase
from game.session.result import Side

__all__ = ["GuideSide", "animated_side", "guide_side", "guide_u", "set_offset", "smoothstep"]


def animated_side(animation: Animation | None) -> Side:
    """The side an exercise's keyframes show; the right when the data does not say."""
    if animation is None or animation.side is None:
        return Side.RIGHT
    return Side(animation.side)


@dataclass(frozen=True)
class GuideSide:
    """How to show one side of a move: mirror the pose, and also the camera?

    The pose is mirrored whenever the side worked is not the side animated,
    so the limb the voice names is the limb that moves. The camera follows
    only for a whole set on one side; on alternating reps it stays put, so
    the figure keeps facing one way instead of turning round every rep.
    """

    mirrored: bool
    mirror_camera: bool


def guide_side(animation: Animation | None, dose: Dose, side: Side) -> GuideSide:
    """The mirroring that shows ``side`` of a move whose keyframes show another."""
    mirrored = side is not Side.BOTH and side is not animated_side(animation)
    return GuideSide(mirrored, mirror_camera=not dose.alternate)


def smoothstep(x: float) -> float:
    x = min(1.0, max(0.0, x))
    return x * x * (3.0 - 2.0 * x)


def set_offset(animation: Animation | None, set_number: int) -> tuple[float, float, float]:
    """How far the body has moved along its props by set ``set_number`` (1 = not at all)."""
    if animation is None or set_number <= 1:
        return (0.0, 0.0, 0.0)
    n = set_number - 1
    dx, dy, dz = animation.set_shift
    return (dx * n, dy * n, dz * n)


def guide_u(
    phase: Phase,
    fraction: float,
    breath: BreathState,
    eased: bool = True,
    inhale_share: float = 1.0 / 3.0,
) -> float:
    """The path position for a phase ``fraction`` (0..1) of the way through.

    ``inhale_share`` is the breath in's share of a whole breath (the pacer's
    ``inhale / cycle``); a loop flow uses it to move at an even pace.
    """
    ease = smoothstep if eased else (lambda x: min(1.0, max(0.0, x)))
    motion = phase.motion
    if motion is GuideMotion.PATH:
        return phase.u0 + (phase.u1 - phase.u0) * ease(fraction)
    if motion is GuideMotion.DEMO_THERE_AND_BACK:
        return ease(1.0 - abs(2.0 * fraction - 1.0))
    if motion is GuideMotion.DEMO_LOOP:
        return ease(fraction)
    inhaling = breath.phase is BreathPhase.IN
    if motion in (GuideMotion.BREATH_LOOP, GuideMotion.BREATH_LOOP_BACKWARD):
        # Half the loop per whole breath, at an even pace: a rock goes right
        # on one breath and left on the next, each as long as the other, and
        # pedalling never eases to a stop at a turn of the breath.
        f = min(1.0, max(0.0, breath.fraction))
        within = f * inhale_share if inhaling else inhale_share + f * (1.0 - inhale_share)
        u = 0.5 * ((breath.index % 2) + within)
        return 1.0 - u if motion is GuideMotion.BREATH_LOOP_BACKWARD else u
    return ease(breath.fraction) if inhaling else 1.0 - ease(breath.fraction)
