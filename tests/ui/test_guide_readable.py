"""Every move reads at play size: its key point travels far enough on screen.

The target: in the 764x484 guide area of the player screen, the key point of
every exercise travels at least 40 px between the start and the top of the
move, or the exercise shows a magnified inset in which it does. The point must
stay inside the picture the whole way, so a zoom never frames the move away.
"""

from __future__ import annotations

import itertools
from functools import cache

import pygame
import pytest

from game.content import load_content
from game.content.model import Content
from game.rig.camera import CAMERAS, project_one
from game.ui.figure.draw import framing, plan_guide
from game.ui.figure.focus import inset_rect, inset_viewport, key_path, key_travel
from game.ui.scenes.player_layout import GUIDE_RECT

MIN_TRAVEL = 40.0


@cache
def _content() -> Content:
    return load_content()


def _animated() -> list[str]:
    return sorted(e.id for e in _content().exercises.values() if e.animation is not None)


def test_the_guide_area_is_the_size_the_target_is_written_for() -> None:
    assert GUIDE_RECT.size == (764, 484)


@pytest.mark.parametrize("ex_id", _animated())
def test_the_key_point_travels_at_least_40_px(ex_id: str) -> None:
    anim = _content().exercises[ex_id].animation
    assert anim is not None and anim.focus is not None, f"{ex_id}: name its key point"
    cam = CAMERAS[anim.camera]
    rect = pygame.Rect(GUIDE_RECT)
    vp = framing(anim, cam, False, (rect.x, rect.y, rect.w, rect.h)).viewport
    main = key_travel(anim, cam, vp)
    box = inset_rect(rect)
    ivp = inset_viewport(vp, anim, cam, False, box)
    inset = key_travel(anim, cam, ivp) if ivp is not None else 0.0
    assert max(main, inset) >= MIN_TRAVEL, f"{ex_id}: {main:.1f} px (inset {inset:.1f} px)"
    shown, view = (box, ivp) if main < MIN_TRAVEL and ivp is not None else (rect, vp)
    for p in key_path(anim):
        x, y, _ = project_one(p, cam, view)
        assert shown.inflate(2, 2).collidepoint(x, y), f"{ex_id}: the key point leaves the picture"


def test_a_tiny_move_gets_an_inset_and_a_ghost_of_where_it_started() -> None:
    ex = _content().exercises["pelvic_tilt"]
    plan = plan_guide(GUIDE_RECT, ex, 0.5)
    assert plan.inset is not None and plan.aid is not None and plan.inset.aid is not None
    start, now = plan.inset.aid
    assert now[1] > start[1]  # on the flatten the low back goes down, toward the mat
    assert plan.inset.area.colliderect(GUIDE_RECT) and not plan.inset.area.collidepoint(
        plan.scr["pelvis"][:2]
    )  # the box never hides the figure


def _alternating() -> list[str]:
    return sorted(
        e.id for e in _content().exercises.values() if e.animation is not None and e.dose.alternate
    )


@pytest.mark.parametrize("ex_id", _alternating())
def test_on_alternating_reps_the_figure_keeps_facing_one_way(ex_id: str) -> None:
    from game.session.guide import guide_side
    from game.session.result import Side

    ex = _content().exercises[ex_id]
    facing = set()
    for side in (Side.LEFT, Side.RIGHT):
        shown = guide_side(ex.animation, ex.dose, side)
        plan = plan_guide(
            GUIDE_RECT, ex, 0.0, mirrored=shown.mirrored, mirror_camera=shown.mirror_camera
        )
        head, pelvis = plan.scr["head"], plan.scr["pelvis"]
        # Which way the body points on screen, and which way the face looks.
        facing.add((head[0] > pelvis[0], plan.scr["face"][0] > head[0]))
    assert len(facing) == 1, f"{ex_id}: the picture turns round between reps"


def test_the_foam_roller_works_one_segment_higher_each_set() -> None:
    from game.content.model import Level, Step
    from game.session.guide import set_offset
    from game.session.phases import PhaseKind
    from game.session.timeline import compile_level

    ex = _content().exercises["foam_roller_mobilization"]
    lv = Level(
        id="probe", stage="stabilize", name="Probe", goal="", warmup=(),
        main=(Step(ex.id),), cooldown=(),
    )  # fmt: skip
    tl = compile_level(lv, _content())
    lifts = {p.set_number: p for p in tl.phases if p.kind is PhaseKind.LIFT}
    assert len(lifts) == ex.dose.sets >= 2
    plans = {n: plan_guide(GUIDE_RECT, ex, 0.0, shift=set_offset(ex.animation, n)) for n in lifts}
    pelvis = [plans[n].scr["pelvis"][0] for n in sorted(plans)]
    assert all(b - a > 5 for a, b in itertools.pairwise(pelvis))  # the body moves on

    def roller(n: int) -> list[object]:
        return [it[2] for it in plans[n].items if it[1] == 0 and it[2].tone == "roller"]

    assert roller(1) and roller(1) == roller(max(plans))  # while the roller stays where it lies


@pytest.mark.parametrize("ex_id", _animated())
def test_a_zoom_never_crops_a_moving_part(ex_id: str) -> None:
    """Framing closer may leave still feet out of a head lift, but every head,
    hand, knee or foot that moves stays in the picture the whole way."""
    from game.rig.pose import pose_at, solve

    anim = _content().exercises[ex_id].animation
    assert anim is not None
    cam = CAMERAS[anim.camera]
    rect = pygame.Rect(GUIDE_RECT)
    vp = framing(anim, cam, False, (rect.x, rect.y, rect.w, rect.h)).viewport
    ends = ("head", "hand_l", "hand_r", "knee_l", "knee_r", "foot_l", "foot_r")
    frames = [solve(pose_at(anim, i / 20)) for i in range(21)]
    for name in ends:
        path = [project_one(f[name], cam, vp)[:2] for f in frames]
        x0, y0 = path[0]
        if max(abs(x - x0) + abs(y - y0) for x, y in path) < 4.0:
            continue  # a still part may sit outside a close frame
        for u, (x, y) in enumerate(path):
            assert rect.collidepoint(x, y), f"{ex_id}: {name} leaves the picture at u={u / 20}"
