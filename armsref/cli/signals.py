"""Ending quietly on SIGINT and SIGTERM: exit 130 or 143, nothing left running.

:func:`interruptible` turns SIGTERM (and SIGHUP) into the same unwinding
Ctrl-C causes, so every ``finally`` and rollback runs; the command then ends
with no traceback and exit code 128 + the signal's number (130 for SIGINT, 143
for SIGTERM, 129 for SIGHUP). Worker processes are ended by the pool that
started them on the way out, and each also watches its parent (see
:mod:`armsref.scanning.pool`).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

__all__ = ["Interrupted", "interruptible"]


class Interrupted(KeyboardInterrupt):
    """Raised in the main thread when a signal asks armsref to stop."""

    def __init__(self, number: int) -> None:
        super().__init__(signal.Signals(number).name)
        self.number = number

    @property
    def exit_code(self) -> int:
        """128 + the signal's number, as shells report a process a signal ended."""
        return 128 + self.number


def _raise(number: int, _frame: FrameType | None) -> None:
    raise Interrupted(number)


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """Within: SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted` (a ``KeyboardInterrupt``)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    numbers = [
        getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
    ]
    previous = {number: signal.getsignal(number) for number in numbers}
    for number in numbers:
        if previous[number] != signal.SIG_IGN:  # nohup'd stays nohup'd
            signal.signal(number, _raise)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
