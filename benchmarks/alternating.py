"""Timing jobs in process, alternating: the benchmarks' one way to take a best time.

Each run times every job once, in turn, so that a change in the machine's load
falls on all of them alike; the best of the runs is kept for each.
"""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(runs: int, jobs: dict[str, Callable[[], object]]) -> dict[str, float]:
    """The best wall time of each job, the jobs alternating run by run.

    >>> sorted(best_of(2, {"a": lambda: None, "b": lambda: None}))
    ['a', 'b']
    """
    best = dict.fromkeys(jobs, float("inf"))
    for _ in range(runs):
        for name, job in jobs.items():
            started = time.perf_counter()
            job()
            best[name] = min(best[name], time.perf_counter() - started)
    return best
