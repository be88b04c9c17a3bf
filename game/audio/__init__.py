"""Sound: the cue files and playing them."""
