"""Authoring aid: ``python -m game.rig.author EXERCISE [--points]``.

Prints every problem the tests would report, and for each keyframe the gap of
each declared contact to its surface plus the root height that would set the
lowest contact down exactly. With ``--points`` it also prints where the main
body points are, to check alignment (hands under shoulders and the like).
"""

from __future__ import annotations

import sys

from game.rig.checks import contact_gaps, problems, suggested_root_height
from game.rig.library import find_subject
from game.rig.pose import pose_of, solve

_SHOWN = (
    "head", "shoulder_l", "shoulder_r", "hand_l", "hand_r", "pelvis",
    "hip_l", "hip_r", "knee_l", "knee_r", "heel_l", "heel_r", "toe_l", "toe_r",
)  # fmt: skip


def report(exercise_id: str, show_points: bool = False) -> list[str]:
    """The authoring report for one exercise, as lines of text."""
    subject = find_subject(exercise_id)
    if subject is None:
        return [f"{exercise_id}: no animation"]
    anim = subject.animation
    lines = [f"{exercise_id}: camera {anim.camera}, {len(anim.keyframes)} keyframes"]
    gaps = contact_gaps(anim)
    for i, kf in enumerate(anim.keyframes):
        label = kf.name or f"#{i} at {kf.at:g}"
        mine = ", ".join(f"{p} {g * 100:+.1f}cm" for lab, p, g in gaps if lab == label)
        root = suggested_root_height(anim, i)
        hint = "" if root is None else f"  (root y for the lowest contact: {root:.3f})"
        lines.append(f"  {label:<14} {mine}{hint}")
        if show_points:
            pts = solve(pose_of(kf))
            for name in _SHOWN:
                x, y, z = pts[name]
                lines.append(f"      {name:<11} x={x:+.3f} y={y:+.3f} z={z:+.3f}")
    found = problems(anim)
    lines += [f"  PROBLEM {p}" for p in found] or ["  ok"]
    return lines


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    show = "--points" in args
    ids = [a for a in args if not a.startswith("--")]
    for ex in ids:
        print("\n".join(report(ex, show)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
