"""The schema of the level files: one table of field kinds per dataclass.

Adding a field to a dataclass in ``game.content.model`` means adding one line
to its table (a test checks every dataclass field is covered). The tables live
with the file they read: ``schema_exercise`` (an exercise and its dose, with
``schema_animation`` and ``schema_progression`` for its blocks),
``schema_level`` (stages, levels and steps) and ``schema_badge``. The kinds
most fields share are in ``game.content.kinds``. The few rules that tie fields
together are small post-checks attached to their record.
"""

from __future__ import annotations

from game.content.records import Record
from game.content.schema_animation import ANIMATION, KEYFRAME, PROP
from game.content.schema_badge import BADGE, CONDITION
from game.content.schema_exercise import DOSE, EXERCISE, TEMPO, VARIANT
from game.content.schema_level import LEVEL, OVERRIDE, STAGE, STEP, SUPERSET
from game.content.schema_progression import DOSE_RANGE, PROGRESSION

#: Every record, for the test that checks each dataclass field has a kind.
ALL_RECORDS: tuple[Record, ...] = (
    TEMPO,
    DOSE,
    OVERRIDE,
    VARIANT,
    PROP,
    KEYFRAME,
    ANIMATION,
    EXERCISE,
    STEP,
    SUPERSET,
    LEVEL,
    STAGE,
    CONDITION,
    BADGE,
    DOSE_RANGE,
    PROGRESSION,
)
