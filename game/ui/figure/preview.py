"""``python -m game preview EXERCISE``: a window that loops one exercise's guide.

For animators and curious players. Left/Right scrub (and pause), C cycles the
camera, M shows the other side, Space pauses, Esc quits. Time comes from the
game's clock, so the loop runs at the exercise's own tempo.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.clock import Clock, MonotonicClock
from game.content.model import Content, Exercise
from game.rig.camera import CAMERAS
from game.rig.library import Subject, find_subject, subject_of
from game.rig.pose import track_time_to_u
from game.ui.figure.contact_sheet import phase_label
from game.ui.figure.draw import draw_guide


def _subject(exercise: str | Exercise, content: Content | None) -> Subject:
    if isinstance(exercise, Exercise):
        found = subject_of(exercise)
    elif content is not None and exercise in content.exercises:
        found = subject_of(content.exercises[exercise])
    else:
        found = find_subject(exercise)
    if found is None:
        raise SystemExit(f"no animation for {exercise}")
    return found


def run_preview(
    exercise: str | Exercise,
    content: Content | None = None,
    *,
    clock: Clock | None = None,
    size: tuple[int, int] = (1280, 720),
    max_frames: int | None = None,
    on_frame: Callable[[pygame.Surface], None] | None = None,
) -> int:
    """Open a window and loop the guide until Esc (or ``max_frames``, for tests)."""
    subject = _subject(exercise, content)
    tempo = (2.0, 1.0, 3.0, 0.5)
    if content is not None and subject.id in content.exercises:
        t = content.exercises[subject.id].dose.tempo
        tempo = (t.lift, t.hold, t.lower, max(t.pause, 0.5))
    clk = clock or MonotonicClock()
    pygame.init()
    screen = pygame.display.set_mode(size)
    pygame.display.set_caption(f"Guide preview: {subject.name}")
    font = pygame.font.Font(None, 24)
    cams = list(CAMERAS)
    cam = subject.animation.camera
    paused, mirrored, frame = False, False, 0
    offset = 0.0  # seconds into the rep, advanced by the clock unless paused
    last = clk.monotonic()
    rep = sum(tempo)
    while max_frames is None or frame < max_frames:
        now = clk.monotonic()
        if not paused:
            offset = (offset + now - last) % rep
        last = now
        for ev in pygame.event.get():
            if ev.type == pygame.QUIT or (ev.type == pygame.KEYDOWN and ev.key == pygame.K_ESCAPE):
                pygame.quit()
                return 0
            if ev.type == pygame.KEYDOWN:
                if ev.key == pygame.K_SPACE:
                    paused = not paused
                elif ev.key in (pygame.K_LEFT, pygame.K_RIGHT):
                    paused = True
                    step = rep / 40.0
                    offset = (offset + (step if ev.key == pygame.K_RIGHT else -step)) % rep
                elif ev.key == pygame.K_c:
                    cam = cams[(cams.index(cam) + 1) % len(cams)]
                elif ev.key == pygame.K_m:
                    mirrored = not mirrored
        phase, u = track_time_to_u(subject.animation.mode, offset, *tempo)
        screen.fill((18, 26, 40))
        draw_guide(
            screen, screen.get_rect(), subject.animation, u, mirrored=mirrored,
            camera=cam, glow_muscles=subject.muscles, breath=0.5,
        )  # fmt: skip
        text = f"{subject.name}  |  {phase}  {phase_label(subject.animation, u)}  |  camera {cam}"
        keys = "Left/Right scrub  C camera  M other side  Space pause  Esc quit"
        screen.blit(font.render(text, True, (230, 236, 244)), (16, 12))
        screen.blit(font.render(keys, True, (150, 164, 184)), (16, size[1] - 30))
        if on_frame is not None:
            on_frame(screen)
        pygame.display.flip()
        pygame.time.wait(15)
        frame += 1
    pygame.quit()
    return 0
