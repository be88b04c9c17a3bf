"""Finding an exercise's animation for the tools (preview, render, author).

The tools prefer the real content loader, which validates every file. While a
checkout has no loader yet, they read just the fields the guide needs straight
from the exercise's YAML, so animators can keep working.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from game.content.model import Content, Exercise
from game.content.model_animation import Animation, AnimationMode, Keyframe, Prop

#: The checkout's exercise folder (the tools run from a source checkout).
EXERCISE_DIR = Path(__file__).resolve().parents[2] / "levels" / "exercises"


@dataclass(frozen=True)
class Subject:
    """What the guide tools need to know about one exercise."""

    id: str
    name: str
    animation: Animation
    muscles: tuple[str, ...] = ()
    sided: bool = False  # alternate or each side: show the mirrored side too
    alternate: bool = False  # sides swap rep by rep: the other side keeps the camera
    variants: tuple[tuple[str, Animation], ...] = ()  # versions with their own keyframes


def subject_of(exercise: Exercise) -> Subject | None:
    """The guide's view of a loaded exercise (None when it has no animation)."""
    if exercise.animation is None:
        return None
    anim = exercise.animation
    sided = exercise.dose.alternate or exercise.dose.each_side
    variants = tuple(
        (f"{label}: {spec.name}", dataclasses.replace(anim, keyframes=spec.keyframes))
        for label, spec in (("easier", exercise.easier), ("harder", exercise.harder))
        if spec is not None and spec.keyframes is not None
    )
    return Subject(
        exercise.id, exercise.name, anim, exercise.muscles, sided, exercise.dose.alternate, variants
    )


def _vec(v: Any, default: tuple[float, float, float]) -> tuple[float, float, float]:
    return default if v is None else (float(v[0]), float(v[1]), float(v[2]))


def animation_from_data(data: Mapping[str, Any]) -> Animation:
    """An Animation from an already-parsed ``animation:`` mapping (no validation)."""
    frames = tuple(
        Keyframe(
            at=float(k["at"]),
            pose={j: _vec(a, (0.0, 0.0, 0.0)) for j, a in (k.get("pose") or {}).items()},
            root_pos=_vec(k.get("root_pos"), (0.0, 0.0, 0.0)),
            root_rot=_vec(k.get("root_rot"), (0.0, 0.0, 0.0)),
            contacts=tuple(k.get("contacts") or ()),
            name=str(k.get("name", "")),
        )
        for k in data["keyframes"]
    )
    props = tuple(
        Prop(
            kind=p["kind"],
            pos=_vec(p.get("pos"), (0.0, 0.0, 0.0)),
            attach=p.get("attach"),
            size=float(p.get("size", 1.0)),
        )
        for p in data.get("props") or ()
    )
    return Animation(
        camera=str(data.get("camera", "side")),
        keyframes=frames,
        mode=AnimationMode(data.get("mode", "there_and_back")),
        props=props,
        easing=str(data.get("easing", "smooth")),
    )


def _from_file(path: Path) -> Subject | None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not data.get("animation"):
        return None
    dose = data.get("dose") or {}
    return Subject(
        id=str(data.get("id", path.stem)),
        name=str(data.get("name", path.stem)),
        animation=animation_from_data(data["animation"]),
        muscles=tuple(data.get("muscles") or ()),
        sided=bool(dose.get("alternate") or dose.get("each_side")),
        alternate=bool(dose.get("alternate")),
    )


def _content_loader() -> Callable[[], Content] | None:
    """``game.content.load_content`` once it exists, else None."""
    import importlib

    for module in ("game.content", "game.content.loader"):
        try:
            fn = getattr(importlib.import_module(module), "load_content", None)
        except ImportError:
            fn = None
        if callable(fn):
            return fn  # type: ignore[no-any-return]
    return None


def find_subject(exercise_id: str, folder: Path | None = None) -> Subject | None:
    """The exercise's guide data, or None when it has no animation yet."""
    load = _content_loader()
    if load is not None and folder is None:
        ex = load().exercises.get(exercise_id)
        return None if ex is None else subject_of(ex)
    path = (folder or EXERCISE_DIR) / f"{exercise_id}.yaml"
    return _from_file(path) if path.exists() else None


def all_subject_ids(folder: Path | None = None) -> list[str]:
    """Ids of every exercise file in the folder, sorted."""
    return sorted(p.stem for p in (folder or EXERCISE_DIR).glob("*.yaml"))
