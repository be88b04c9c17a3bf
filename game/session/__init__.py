"""Playing a level: timeline, breath pacer, player and the result it produces.

Pure (no pygame, no wall clock). ``timeline.compile_level`` turns a level into
phases and scheduled events; ``player.SessionPlayer`` plays them from the time
it is given; ``outcome.build_result`` makes the ``result.SessionResult``;
The app's one fixed-step loop feeds the player scene, which feeds the player.
Nothing is re-exported here, so importing ``game.session.result`` stays cheap.
"""
