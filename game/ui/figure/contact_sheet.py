"""Contact sheets: evenly spaced frames of one exercise's guide in one PNG.

This is how an animation is reviewed: every frame labelled with its path
value and phase, and both sides when the exercise is done on each side. It runs
headless (SDL's dummy video driver), so it works in CI and over SSH.
"""

from __future__ import annotations

import os
from pathlib import Path

import pygame

from game.content.model import Exercise
from game.content.model_animation import Animation, AnimationMode
from game.rig.library import Subject, all_subject_ids, find_subject, subject_of
from game.ui.figure.draw import GuideColors, draw_guide

_BG = (22, 30, 44)
_TEXT = (226, 232, 240)
_DIM = (150, 164, 184)


def phase_label(animation: Animation, u: float) -> str:
    """Which part of a rep the path value ``u`` shows, plus the keyframe passed."""
    name = ""
    for kf in animation.keyframes:
        if kf.at <= u + 1e-9 and kf.name:
            name = kf.name
    if animation.mode == AnimationMode.LOOP:
        phase = "first half" if u <= 0.5 else "second half"
    else:
        phase = "start" if u <= 0.0 else "hold" if u >= 1.0 else "lift / lower"
    return f"u={u:.2f}  {phase}" + (f"  [{name}]" if name else "")


def _subject(exercise: str | Exercise | Subject) -> Subject:
    if isinstance(exercise, Subject):
        return exercise
    found = find_subject(exercise) if isinstance(exercise, str) else subject_of(exercise)
    if found is None:
        raise ValueError(
            f"no animation for {exercise if isinstance(exercise, str) else exercise.id}"
        )
    return found


def render_contact_sheet(
    exercise: str | Exercise | Subject,
    out_path: str | Path,
    frames: int = 8,
    size: tuple[int, int] = (320, 240),
    columns: int = 4,
    glow: bool = True,
    camera: str | None = None,
) -> Path:
    """Write a PNG of ``frames`` evenly spaced frames (both sides if sided)."""
    subject = _subject(exercise)
    anim = subject.animation
    if not pygame.display.get_init():
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")  # headless unless a window is open
    pygame.font.init()
    font = pygame.font.Font(None, max(14, size[1] // 13))
    title_font = pygame.font.Font(None, 26)
    # One block of rows per side shown, then one per version with its own moves.
    blocks: list[tuple[Animation, bool, str]] = [(anim, False, "")]
    if subject.sided:
        blocks.append((anim, True, "  (other side)"))
    blocks += [(a, False, f"  ({label})") for label, a in subject.variants]
    rows_per_side = (frames + columns - 1) // columns
    w, h = size
    title_h = 34
    sheet = pygame.Surface((w * columns, title_h + h * rows_per_side * len(blocks)))
    sheet.fill(_BG)
    cam = camera or anim.camera
    side = f", shows the {anim.side} side" if anim.side else ""
    title = f"{subject.name} ({subject.id}) - camera {cam}, {anim.mode.value}{side}"
    sheet.blit(title_font.render(title, True, _TEXT), (8, 8))
    colors = GuideColors()
    muscles = subject.muscles if glow else ()
    for s, (shown, mirrored, note) in enumerate(blocks):
        for i in range(frames):
            u = i / (frames - 1) if frames > 1 else 0.0
            row, col = divmod(i, columns)
            x, y = col * w, title_h + (s * rows_per_side + row) * h
            cell = pygame.Rect(x + 1, y + 1, w - 2, h - 2)
            sheet.fill((30, 40, 58), cell)
            draw_guide(
                sheet, cell, shown, u, mirrored=mirrored, camera=cam,
                glow_muscles=muscles, colors=colors, breath=0.5,
                mirror_camera=not subject.alternate,
            )  # fmt: skip
            label = phase_label(shown, u) + note
            sheet.blit(font.render(label, True, _DIM), (x + 6, y + 5))
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(sheet, str(out))
    return out


def render_all(
    out_dir: str | Path, frames: int = 8, size: tuple[int, int] = (280, 210)
) -> list[Path]:
    """A contact sheet for every exercise that has an animation."""
    written = []
    for ex_id in all_subject_ids():
        subject = find_subject(ex_id)
        if subject is not None:
            written.append(
                render_contact_sheet(subject, Path(out_dir) / f"{ex_id}.png", frames, size)
            )
    return written
