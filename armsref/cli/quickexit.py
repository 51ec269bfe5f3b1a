"""The ``armsref`` program: the command line, then an exit without the interpreter's teardown
where nothing is left to do.

When a process ends normally, Python frees every module and every object one
by one; after ``show`` or ``table`` that teardown is a sixth of the whole
process (``benchmarks/README.md``, "Cold start"), spent on nothing the user
sees. So once one of the read-only commands in :data:`QUICK` has run and its
output has been flushed, the process ends at once (``os._exit``) with the
command's exit code, provided nothing is waiting for the exit: no ``atexit``
handler registered (no pool, no logging, no temporary folder), no thread but
the main one. Anything else, and every other command, exits the usual way.
:func:`armsref.cli.main`, which tests and other programs call in process,
never exits.
"""

from __future__ import annotations

import atexit
import os
import sys
from typing import NoReturn

from armsref.cli import command_named, main

__all__ = ["QUICK", "program"]

#: The commands whose process ends without the interpreter's teardown.
QUICK = frozenset({"show", "table"})


def _nothing_waits() -> bool:
    """No ``atexit`` handler and no thread but this one: ending now loses nothing."""
    handlers = getattr(atexit, "_ncallbacks", None)  # CPython's count of handlers
    if handlers is None or handlers() != 0:
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


def program() -> NoReturn:
    """Run the command line on ``sys.argv`` and end the process with its exit code."""
    code = main()
    if command_named(sys.argv[1:]) in QUICK and _nothing_waits():
        try:
            for stream in (sys.stdout, sys.stderr):
                if stream is not None:
                    stream.flush()
        except (OSError, ValueError):
            pass  # output that cannot be flushed: the usual exit reports it
        else:
            os._exit(code)
    raise SystemExit(code)
