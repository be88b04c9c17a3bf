"""The guide's rig: skeleton, keyframes, easing, mirroring and cameras; pure math.

Nothing here imports pygame, reads a clock or touches the screen, so every
animation can be checked in tests. Conventions (axes, joint angles) are
documented in :mod:`game.rig.skeleton`; the animator's guide is
``docs/guide/README.md``.
"""

from __future__ import annotations

from game.rig.camera import CAMERAS, Camera, Projected, Viewport, fit_viewport, project
from game.rig.easing import EASINGS, ease
from game.rig.pose import (
    Pose,
    mirror_name,
    mirror_points,
    mirror_pose,
    phase_u,
    pose_at,
    pose_of,
    solve,
    track_time_to_u,
)
from game.rig.skeleton import DEFAULT_SKELETON, POINT_NAMES, Skeleton

__all__ = [
    "CAMERAS",
    "DEFAULT_SKELETON",
    "EASINGS",
    "POINT_NAMES",
    "Camera",
    "Pose",
    "Projected",
    "Skeleton",
    "Viewport",
    "ease",
    "fit_viewport",
    "mirror_name",
    "mirror_points",
    "mirror_pose",
    "phase_u",
    "pose_at",
    "pose_of",
    "project",
    "solve",
    "track_time_to_u",
]
