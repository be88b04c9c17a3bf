"""A small, valid content folder for the loader tests to break, and how they look at it.

Each test edits one file of a known-good folder, so a test fails only for the
mistake it plants, and the loader is never run on the shipped files here.
"""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from game.content import Content, Problem, check_paths, load_content

STAGES = """\
stages:
  - id: stabilize
    name: Master stabilization
    track: main
    trains: the deep stabilizers
    rule: still holds only
    description: Start here.
    requires: []
    allows_dynamic: false
  - id: movement
    name: Add movement
    track: main
    trains: the same, while limbs move
    rule: limbs move, trunk still
    description: Then move.
    requires: [stabilize]
    allows_dynamic: true
"""

BADGES = """\
badges:
  - id: first_steps
    name: First steps
    description: Finish your first level.
    icon: star
    condition: {metric: levels_completed, at_least: 1}
  - id: stable_base
    name: Stable base
    description: Master every stabilization level.
    icon: shield
    condition: {metric: stage_mastered, at_least: 1, scope: {stage: stabilize}}
"""

BIRD_DOG = """\
id: bird_dog
name: Bird dog
position: hands_and_knees
summary: Reach one arm and the other leg while the trunk stays still.
cues:
  - Hands under shoulders.
  - Breathe out as you reach.
feel: A quiet effort along the spine.
mistakes:
  - Hips tipping.
muscles: [multifidus, glutes]
equipment: [mat]
breath: effort_on_exhale
dynamic: false
source: "001"
safety:
  - Stop if you feel a sharp pain.
substitutes: {}
dose:
  kind: reps
  sets: 2
  reps: 6
  tempo: {lift: 2, hold: 2, lower: 3, pause: 0}
  alternate: true
  rest_seconds: 20
easier:
  name: Fewer reps
  description: Four slow reps a side until the trunk stays still.
  dose: {kind: reps, sets: 2, reps: 4, alternate: true}
animation:
  side: right
  camera: side
  mode: there_and_back
  props:
    - {kind: mat, pos: [0, 0, 0]}
  keyframes:
    - name: start
      at: 0.0
      root_pos: [0, 0.62, 0]
      contacts: [hand_l, hand_r, knee_l, knee_r]
      pose:
        hip_l: [90, 0, 0]
    - name: reach
      at: 1.0
      contacts: [hand_l, knee_r]
      pose:
        shoulder_r: [170, 0, 0]
"""

SIDE_PLANK = """\
id: side_plank
name: Side plank
position: side_lying
summary: Lift the hips and hold.
cues: [Stack the shoulders.]
feel: The side of the waist works.
mistakes: []
muscles: [obliques]
equipment: [mat]
breath: steady
dose:
  kind: hold
  sets: 2
  hold_seconds: 10
  each_side: true
"""

CRUNCH = """\
id: crunch
name: Crunch
position: supine_knees_bent
summary: Curl the upper trunk up.
cues: [Exhale as you curl.]
feel: The front of the belly works.
mistakes: []
muscles: [rectus_abdominis]
equipment: [mat]
breath: effort_on_exhale
dynamic: true
dose:
  kind: reps
  reps: 8
"""

STABILIZE_LEVELS = """\
stage: stabilize
levels:
  - id: stabilize_01
    name: Find your neutral
    goal: Learn a neutral spine.
    warmup:
      - exercise: side_plank
        override: {sets: 1, hold_seconds: 5}
        rest_after: 10
    main:
      - exercise: bird_dog
        variant: easier
        rest_after: 30
    cooldown:
      - exercise: side_plank
        rest_after: 0
"""

MOVEMENT_LEVELS = """\
stage: movement
levels:
  - id: movement_01
    name: Limbs on the move
    goal: Move a limb, keep the trunk still.
    requires: []
    warmup: []
    main:
      - superset:
          rounds: 3
          rest_between_rounds: 60
          steps:
            - {exercise: crunch}
            - {exercise: bird_dog, override: {reps: 4}}
    cooldown: []
"""

FILES: dict[str, str] = {
    "stages.yaml": STAGES,
    "badges.yaml": BADGES,
    "exercises/bird_dog.yaml": BIRD_DOG,
    "exercises/side_plank.yaml": SIDE_PLANK,
    "exercises/crunch.yaml": CRUNCH,
    "levels/stabilize.yaml": STABILIZE_LEVELS,
    "levels/movement.yaml": MOVEMENT_LEVELS,
}


class ContentDir:
    """A content folder on disk that a test can edit one file at a time."""

    def __init__(self, root: Path) -> None:
        self.root = root
        for rel, text in FILES.items():
            self.write(rel, text)

    def path(self, rel: str) -> Path:
        return self.root / rel

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text), encoding="utf-8")
        return path

    def edit(self, rel: str, old: str, new: str) -> Path:
        """Replace ``old`` (which must be there) by ``new`` in one file."""
        text = self.path(rel).read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        return self.write(rel, text.replace(old, new, 1))

    def problems(self) -> list[Problem]:
        return check_paths([self.root])

    def load(self) -> Content:
        return load_content(self.root)


def only(problems: list[Problem]) -> Problem:
    """The one problem found; fails, listing them all, when there is not exactly one."""
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]
