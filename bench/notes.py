"""Text for docs/performance.md that does not come from the figures: the method
and what profiling showed about each missed target. ``bench/run.py`` writes it
below the table so the document explains itself."""

METHOD = """## Method

- Frame cost: in one process, the player scene of the first stabilization
  level (guide figure, HUD, timer ring, breath pacer, text) at 1280x720 with
  the flags the game uses (SCALED, RESIZABLE), on top of its scene stack as
  in the game. One frame is two 1/120 s logic steps, a draw and
  `pygame.display.flip()`; the draw is the game's own, which redraws only the
  areas whose values changed and the rectangle the guide moved through
  (`game/ui/scenes/player_view.py`; a test checks every frame of three levels
  against a full redraw, pixel for pixel). The bare frame is `screen.fill`
  and a flip. The scene is first advanced 10 s into the level and drawn 60
  times to warm the caches; then blocks of 100 scene frames and 100 bare
  frames alternate. The notes add the same measure on the first movement
  level, where the guide moves in every frame.
- CPU: `bench/drivers.py` runs the real `App` with content, save store and
  sound wired as `game.cli.launch` wires them, on a prepared save with one player:
  once with the first level playing on top of the main menu, once on the main
  menu alone. The bare loop is a 60 FPS `pygame.time.Clock` loop that fills and
  flips. CPU is user + system time over wall time, as a percentage of one
  core, measured in the child around the main loop (so start-up does not
  count); the notes also give the whole process from `RUSAGE_CHILDREN`.
- Camera meter: `bench/camera_bench.py`. The practice camera (160x120
  grayscale pictures drawn from the guide, played by `FakeCamera`) is read
  at 10 frames a second by the game's own `CameraFeed` thread. CPU is the
  `game-play-camera` child beside a `game-play` child, alternating; the row
  gives the difference in points of one core. Frame cost is the player
  scene in its first hold, frames back to back, with the practice camera
  clocked by the scene's play time so that a reading is due every sixth
  frame as at 60 frames a second in play, in alternating blocks of 100
  frames with the meter on and off.
- Start-up: the parent reads `time.monotonic()` just before spawning the child;
  the child prints `time.monotonic()` right after its first presented frame.
  The game child runs the real command line (`game.cli.main.main`) on the prepared
  save; the bare child imports pygame, opens a 1280x720 SCALED window and flips
  once. One unmeasured run of each first, then the median of 5 runs each,
  game and bare alternating.
- Content: `load_content` (read, parse, validate, cross-check, build) on the
  shipped `levels/` (median of 7 after one warm load), and on copies with 100,
  300 and 1,000 generated levels added as extra side stages of 50 levels each
  (fastest of 5, since a single load here moves with the other core's load).
- Save store: `bench.store_bench.run()`, described in its own section below.
  The baseline of "Open a 10-year save + stats" is reading the same save
  file and parsing it with `json.loads`, nothing else (median of 7, each
  timed just before one of the 7 opens, so both meet the same machine): the
  plain way to read a JSON file of that size in Python. The ratio is what
  the game adds for checking every record, building the sessions and
  computing the stats, less what it saves by pausing the cycle collector
  while it parses.
"""


#: Keyed by ``Row.key`` in bench/run.py.
MISSED_WHY = {
    "frame_median": """The frame's floor is the flip: with the SCALED window the software
renderer uploads and scales the whole 1280x720 picture every time (about
0.5 ms here, the bare fill-and-flip frame about 0.7 ms). A hold frame redraws
only the ring and the pacer (about 0.2 ms); a frame in which the guide moves
costs about 0.5 ms more (pose, projection, about 40 capsules). On a loaded
machine the flip itself grows, which is what pushes the median over.

Three full runs on 2026-11-21, after the changes: medians 0.89, 0.91 and
1.05 ms (bare 0.74, 0.75 and 0.81 ms); 99th percentiles 2.74, 3.04 and
2.77 ms (bare 1.07, 1.13 and 1.01 ms). Both targets sit at the line, about
1.2 to 1.3 times a bare frame, and which side a run lands on follows the
machine's load. Before: 2.4 to 2.9 ms median, 3.0 to 4.7 ms at the 99th
percentile.
""",
    "cpu_camera": """The meter's work per camera reading is the C shrink of the 160x120 picture
and about 0.4 ms of Python (blur, normalise, two comparisons), ten times a
second: about 0.5 % of a core. The rest of the difference between the two
runs is the other core's load moving between child processes; the runs of
each kind are listed in the notes.
""",
    "frame_p99_camera": """The camera is read and prepared in its own thread, so a frame of the game
only picks up a finished reading (two comparisons of 40x30 images). When
this row misses, the camera-off column beside it misses by as much: the
slow frames are the machine's, seen by both scenes in alternating blocks.
""",
    "frame_p99": """The slowest frames are those in which the guide moves and a second area
changes at the same time, plus the machine's noise, which reaches the bare
loop too (compare the two maxima in the notes).
""",
    "cpu_play": """While a level plays the scene draws at most 30 times a second (and at
once on each event); each drawn frame costs what the frame figures say, and the
loop itself ticks at 60 FPS. What is left over the target is the flip.
""",
    "cpu_menu": """The idle menu draws only when something changes and ticks at 30 FPS, so its
cost is the event pump and the pacing sleep.
""",
    "startup": """The game presents a title card right after the window opens and loads the
levels, sound and first screen behind it (`game/cli/launch.py`, `game/ui/scenes/splash.py`);
before the card it imports only pygame, the clock, the theme and the save-folder
lock. What is left is the interpreter, pygame and the window, as for the bare
window, plus about 10 ms of the store's imports for the lock.
""",
    "content": """Loading the shipped content is read and YAML parse (about half, the safe
parser in `game/content/yamlsafe.py` composes the node tree to keep line
numbers for messages), then the schema records and the cross-checks.
""",
    "store_load": """The figure is opening the save and then everything the main menu and stats
screen show. Of about 75 to 80 ms on this two-core machine with the other
core busy: reading and parsing the 3.3 MB of JSON with the text of each
session kept (for the digest and for fast saves) about 25 ms, of which the
parse alone, with the cycle collector paused as the store pauses it, is
about 21; checking and building the 3,650
sessions about 30 ms, 7 of it decoding each different exercise entry, entry
list and rating the first time in the load; the stats about 15 ms (the
digest of the session texts that vouches for the replay checkpoint about
3.5, resuming the replay from the checkpoint about 4, the streak walked over
every played date about 3, the history records about 2.5). The baseline
column is reading the same file and `json.loads` on it, nothing else; when
this row misses, look at the baseline's own figure against earlier runs
first: a loaded machine moves both.
""",
}
