"""The glue between a clock, the fixed-step loop and a session player.

The app calls :meth:`SessionDriver.frame` once per drawn frame. It reads how
much monotonic time passed, turns it into fixed steps and feeds each step to
the player. Give it a :class:`~game.clock.ScaledClock` for ``--time-scale``;
the catch-up cap is then in scaled seconds too, so scale it with the clock.

Time cut off by the catch-up cap (a stall of the whole program) is treated like
a pause: exercise time stops, nothing is skipped, and ``dropped`` says how
much wall time went by unplayed.
"""

from __future__ import annotations

from game.clock import Clock, FixedStep
from game.session.events import Event
from game.session.player import SessionPlayer

__all__ = ["SessionDriver"]


class SessionDriver:
    def __init__(
        self, player: SessionPlayer, clock: Clock, fixed_step: FixedStep | None = None
    ) -> None:
        self.player = player
        self.clock = clock
        self.fixed = fixed_step or FixedStep()
        self._last = clock.monotonic()

    def frame(self) -> list[Event]:
        """Run the steps this frame is owed; return their events in order."""
        now = self.clock.monotonic()
        dt, self._last = now - self._last, now
        events: list[Event] = []
        for _ in range(self.fixed.advance(dt)):
            events.extend(self.player.update(self.fixed.step))
        if not events:
            events = self.player.update(0.0)  # commands given since the last frame
        return events

    @property
    def alpha(self) -> float:
        """Interpolation between the last step and the next, for smooth drawing."""
        return self.fixed.alpha

    @property
    def dropped(self) -> float:
        return self.fixed.dropped
