"""Small builders for content objects, so session tests need no level files."""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from game.content.model import (
    Content,
    Dose,
    DoseKind,
    Exercise,
    Level,
    Step,
    Superset,
    Tempo,
    VariantSpec,
)
from game.content.model_animation import Animation, AnimationMode, Keyframe

Block = Step | Superset


def exercise(
    ex_id: str,
    dose: Dose,
    *,
    breath: str = "steady",
    equipment: tuple[str, ...] = ("mat",),
    substitutes: dict[str, str] | None = None,
    mode: AnimationMode = AnimationMode.THERE_AND_BACK,
    easier: VariantSpec | None = None,
    harder: VariantSpec | None = None,
) -> Exercise:
    return Exercise(
        id=ex_id,
        name=ex_id.replace("_", " ").title(),
        position="supine",
        summary="",
        cues=(),
        feel="",
        mistakes=(),
        muscles=("multifidus",),
        equipment=equipment,
        dose=dose,
        breath=breath,
        easier=easier,
        harder=harder,
        substitutes=MappingProxyType(dict(substitutes or {})),
        animation=Animation(
            camera="side",
            keyframes=(Keyframe(at=0.0, pose={}), Keyframe(at=1.0, pose={})),
            mode=mode,
        ),
    )


def hold(seconds: float | None = 10.0, breaths: int | None = None, **kw: object) -> Dose:
    base: dict[str, object] = {"sets": 1, "setup_seconds": 3.0, "rest_seconds": 10.0}
    base.update(kw)
    return Dose(kind=DoseKind.HOLD, hold_seconds=seconds, hold_breaths=breaths, **base)  # type: ignore[arg-type]


def reps(n: int = 3, tempo: Tempo | None = None, **kw: object) -> Dose:
    base: dict[str, object] = {"sets": 1, "setup_seconds": 3.0, "rest_seconds": 10.0}
    base.update(kw)
    return Dose(kind=DoseKind.REPS, reps=n, tempo=tempo or Tempo(2, 1, 3, 0), **base)  # type: ignore[arg-type]


def flow(seconds: float = 30.0, **kw: object) -> Dose:
    base: dict[str, object] = {"sets": 1, "rest_seconds": 10.0}
    base.update(kw)
    return Dose(kind=DoseKind.FLOW, flow_seconds=seconds, **base)  # type: ignore[arg-type]


def content(exercises: Iterable[Exercise], levels: Iterable[Level] = ()) -> Content:
    return Content(
        stages=MappingProxyType({}),
        levels=MappingProxyType({lv.id: lv for lv in levels}),
        exercises=MappingProxyType({e.id: e for e in exercises}),
        badges=MappingProxyType({}),
    )


def level(
    main: Iterable[Block],
    warmup: Iterable[Step] = (),
    cooldown: Iterable[Step] = (),
    level_id: str = "test_level",
) -> Level:
    return Level(
        id=level_id,
        stage="stabilize",
        name="Test level",
        goal="",
        warmup=tuple(warmup),
        main=tuple(main),
        cooldown=tuple(cooldown),
    )


def step(ex_id: str, rest_after: float = 0.0, **kw: object) -> Step:
    return Step(exercise=ex_id, rest_after=rest_after, **kw)  # type: ignore[arg-type]
