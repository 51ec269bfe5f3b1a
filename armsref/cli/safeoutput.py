"""Output that cannot crash: closed stdout, a full disk, a broken pipe, unprintable names.

- Standard output and error are set to replace what their encoding cannot
  show (``\\udcff``, ``\\u2019`` on an ASCII terminal) instead of raising.
- :func:`shown` prints a file name safely: bytes that are not UTF-8 (kept by
  Python as lone surrogates) and control characters (an ESC that would
  recolour a terminal, a newline that would forge a line) are escaped.
- :func:`stdout_problem` says why standard output cannot be written to at
  all (it was closed, ``>&-``), before a command starts.
- :func:`write_failed` is the one line for an output write that failed (a
  full disk, ``> /dev/full``); :func:`silence_stdout` points the standard
  output at ``/dev/null`` afterwards, so that the interpreter's last flush
  cannot fail again.

Examples:
    >>> shown("ok.txt")
    'ok.txt'
    >>> shown("bad\\udcff\\x1b[31m\\n.txt")
    'bad\\\\xff\\\\x1b[31m\\\\n.txt'
"""

from __future__ import annotations

import contextlib
import io
import os
import sys

__all__ = ["prepare_streams", "shown", "silence_stdout", "stdout_problem", "write_failed"]

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(name: str) -> str:
    """A file name as it may be printed: non-UTF-8 bytes and control characters escaped."""
    raw = name.encode("utf-8", "surrogateescape")
    text = raw.decode("utf-8", "backslashreplace")
    if text.isprintable():
        return text
    return "".join(
        _ESCAPES.get(c, f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
        if not c.isprintable()
        else c
        for c in text
    )


def prepare_streams() -> None:
    """Let standard output and error replace what they cannot encode, instead of raising."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="backslashreplace")


def stdout_problem() -> str | None:
    """Why nothing can be written to standard output, or ``None`` if it can be."""
    stream = sys.stdout
    if stream is None:
        return "standard output is closed; nothing was done"
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError, AttributeError):
        return None  # not a real file (captured in tests): writes are checked as they happen
    try:
        os.fstat(descriptor)
    except OSError:
        return "standard output is closed; nothing was done"
    return None


def write_failed(error: OSError) -> str:
    """The one line for an output write that failed."""
    reason = error.strerror or type(error).__name__
    return f"cannot write the output: {reason}"


def silence_stdout() -> None:
    """Point standard output at /dev/null, dropping whatever is still buffered."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
