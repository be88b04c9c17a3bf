"""What a saved profile name may be, checked the same way when saving and when loading.

A name is shown on most screens and drawn by the font renderer, which refuses
some characters outright (a NUL stops it with an error). The save is plain
JSON that anyone can edit, so a name is checked on the way in and again when
the file is read; a name that fails is a damaged save, handled like any other.
"""

from __future__ import annotations

import re

MAX_NAME_LENGTH = 60
#: Control characters (C0, DEL, C1), lone surrogates and the line/paragraph separators.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def name_problem(name: object) -> str | None:
    """Why ``name`` cannot be a saved profile name, or None when it can."""
    if not isinstance(name, str):
        return f"must be text, got {type(name).__name__}"
    if not name.strip():
        return "is empty"
    if len(name.strip()) > MAX_NAME_LENGTH:
        return f"is {len(name.strip())} characters long; at most {MAX_NAME_LENGTH} are allowed"
    bad = _UNSAFE.search(name)
    if bad is not None:
        return f"holds the control character U+{ord(bad.group()):04X}"
    return None
