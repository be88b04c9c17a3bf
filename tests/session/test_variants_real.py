"""An easier or harder version plays and reads differently from the standard one.

After sharp pain the game promises easier moves; an easier version that is
the same animation, the same dose and unseen words keeps no promise. Every
version either plays another exercise, or changes the dose, the range or the
keyframes, and shows its own words on screen.
"""

from __future__ import annotations

from functools import cache

import pytest

from game.content import load_content
from game.content.model import Content, Level, Step, Variant
from game.session.phases import PhaseKind, Timeline
from game.session.settings import SessionSettings
from game.session.timeline import compile_level


@cache
def _content() -> Content:
    return load_content()


def _versions() -> list[tuple[str, Variant]]:
    out = []
    for ex in sorted(_content().exercises.values(), key=lambda e: e.id):
        for variant, spec in ((Variant.EASIER, ex.easier), (Variant.HARDER, ex.harder)):
            if spec is not None and spec.exercise is None:
                out.append((ex.id, variant))
    return out


def _play(ex_id: str, variant: Variant) -> Timeline:
    lv = Level(
        id="probe", stage="stabilize", name="Probe", goal="", warmup=(),
        main=(Step(ex_id, variant=variant),), cooldown=(),
    )  # fmt: skip
    return compile_level(lv, _content())


def _signature(tl: Timeline) -> tuple[object, ...]:
    """What a player sees and times: each phase's kind, length and guide path, and the moves."""
    played = tl.played[0]
    frames = played.animation.keyframes if played.animation is not None else ()
    phases = tuple((p.kind, round(p.duration, 3), p.u0, p.u1) for p in tl.phases)
    return phases, frames


@pytest.mark.parametrize(("ex_id", "variant"), _versions())
def test_a_version_of_the_same_move_is_not_a_replay(ex_id: str, variant: Variant) -> None:
    standard, version = _play(ex_id, Variant.STANDARD), _play(ex_id, variant)
    assert _signature(version) != _signature(standard), f"{ex_id} {variant.value} replays"
    spec = getattr(_content().exercises[ex_id], variant.value)
    shown = version.played[0]
    assert spec.name in shown.name and shown.cues == (spec.description,)


def _level_signature(level_id: str, easier: bool) -> tuple[object, ...]:
    tl = compile_level(
        _content().levels[level_id], _content(), SessionSettings(prefer_easier=easier)
    )
    work = tuple((p.kind, round(p.duration, 3), p.u1) for p in tl.phases if p.is_work)
    # What is on screen for each step: the played version, or (before versions had
    # their own moves) the exercise itself.
    shown = getattr(tl, "played", ()) or tuple(_content().exercises[i] for i in tl.exercise_ids())
    return work, tuple(ex.animation for ex in shown), tuple(ex.cues for ex in shown)


@pytest.mark.parametrize(
    "level_id",
    [
        "stabilize_01", "stabilize_02", "stabilize_03", "stabilize_04",
        "gentle_mat_01", "gentle_mat_02", "movement_03",
    ],
)  # fmt: skip
def test_after_sharp_pain_the_level_really_plays_easier(level_id: str) -> None:
    assert _level_signature(level_id, easier=True) != _level_signature(level_id, easier=False)


def test_the_knee_plank_version_rests_on_the_knees_and_one_limb_bird_dog_keeps_a_knee_down() -> (
    None
):
    plank = _play("plank_arm_lift", Variant.EASIER).played[0].animation
    assert plank is not None
    assert {"knee_l", "knee_r"} <= set(plank.keyframes[0].contacts)
    assert "toe_l" not in plank.keyframes[0].contacts
    bird = _play("bird_dog", Variant.EASIER).played[0].animation
    assert bird is not None
    assert {"knee_l", "knee_r"} <= set(bird.keyframes[-1].contacts)  # only the arm reaches


def test_the_harder_bird_dog_holds_longer() -> None:
    hold = {
        v: sum(p.duration for p in _play("bird_dog", v).phases if p.kind is PhaseKind.TOP_HOLD)
        for v in (Variant.STANDARD, Variant.HARDER)
    }
    assert hold[Variant.HARDER] > hold[Variant.STANDARD]


def test_every_version_with_its_own_moves_is_held_to_the_rig_checks() -> None:
    from game.rig.checks import problems
    from game.rig.library import subject_of

    checked = 0
    for ex in _content().exercises.values():
        subject = subject_of(ex)
        for label, anim in subject.variants if subject is not None else ():
            assert problems(anim) == [], f"{ex.id} {label}"
            checked += 1
    assert checked >= 4  # bird dog, plank, pelvic tilt, knee drop
