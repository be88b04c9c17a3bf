"""The schema of an exercise's animation: props, keyframes and the camera.

Kept apart from the rest of the schema because it is checked against the
rig's tables (joints, body points, easing curves) rather than the content
vocabularies.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import yaml

from game.content.kinds import Choice, Ctx, EnumChoice, Flag, Number, Text
from game.content.model_animation import Animation, AnimationMode, Focus, Keyframe, Prop
from game.content.records import ListOf, MapOf, Nullable, Record, Vec3, child
from game.content.vocabulary import BODY_POINTS, CAMERAS, EASING_NAMES, FOCUS_POINTS, JOINTS, PROPS

PROP = Record(
    Prop,
    {
        "kind": Choice(PROPS, "prop"),
        "pos": Vec3(),
        "attach": Nullable(Choice(BODY_POINTS, "body point")),
        "size": Number(),
    },
)

KEYFRAME = Record(
    Keyframe,
    {
        "at": Number(minimum=0.0, above=False, maximum=1.0),
        "pose": MapOf(Choice(JOINTS, "joint"), Vec3()),
        "root_pos": Vec3(),
        "root_rot": Vec3(),
        "contacts": ListOf(Choice(BODY_POINTS, "body point"), unique=True),
        "name": Text(nonempty=False),
    },
    defaults={"pose": MappingProxyType({})},
    what="a keyframe mapping",
)


def _check_keyframes(values: dict[str, Any], node: yaml.MappingNode, ctx: Ctx) -> bool:
    frames: tuple[Keyframe, ...] = values["keyframes"]
    nodes = child(node, "keyframes").value
    ok = True
    for i in range(1, len(frames)):
        if frames[i].at <= frames[i - 1].at:
            ctx.report(
                child(nodes[i], "at"),
                f"keyframe at {frames[i].at:g} does not come after the one at {frames[i - 1].at:g}",
                "'at' must grow strictly from one keyframe to the next",
            )
            ok = False
    if values.get("reverse_even_sets") and values.get("mode") is not AnimationMode.LOOP:
        ctx.report(
            child(node, "reverse_even_sets"),
            "only a loop animation can be walked backward",
            "use mode: loop, or remove reverse_even_sets",
        )
        ok = False
    return ok


FOCUS = Record(
    Focus,
    {
        "point": Choice(FOCUS_POINTS, "focus point"),
        "zoom": Number(minimum=1.0, above=False, maximum=4.0),
        "inset": Number(minimum=0.0, above=False, maximum=16.0),
    },
    what="a focus mapping (point: ..., zoom: ...)",
)

#: The sides a sided move's keyframes may show.
ANIMATED_SIDES: tuple[str, ...] = ("left", "right")

ANIMATION = Record(
    Animation,
    {
        "camera": Choice(CAMERAS, "camera"),
        "keyframes": ListOf(KEYFRAME, nonempty=True),
        "mode": EnumChoice(AnimationMode, "animation mode"),
        "props": ListOf(PROP),
        "easing": Choice(EASING_NAMES, "easing"),
        "side": Nullable(Choice(ANIMATED_SIDES, "side")),
        "focus": Nullable(FOCUS),
        "reverse_even_sets": Flag(),
        "set_shift": Vec3(),
    },
    post=_check_keyframes,
    what="an animation mapping",
)
