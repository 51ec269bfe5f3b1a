"""Cold start of whole armsref processes, and the cost of get() once the data is loaded.

Every process is timed in the same run as two baselines: ``python -c pass`` and the
"eager" line that imports everything armsref could use up front. Figures are medians
of repeated runs, reported as ratios to the eager line. The commands are run
interleaved (one run of each in turn), so that a change in the machine's load
falls on all of them alike.

``show`` and ``table`` are timed twice: with the dataset's validated snapshot
in the cache (every run after the first), and as a first run (an empty cache
folder each time: the YAML read and validated, the snapshot written). Then one
``show`` is taken apart phase by phase, in process (medians of the same runs).

Run: ``python benchmarks/bench_startup.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

EAGER = "import yaml, pydantic, tabulate, pint; pint.UnitRegistry()"
# What any command that reads the dataset must pay: pydantic, five models, PyYAML.
FLOOR = "import yaml\nfrom pydantic import BaseModel\n" + "".join(
    f"class M{i}(BaseModel):\n    a: int\n    b: str | None = None\n" for i in range(5)
)

COMMANDS: dict[str, list[str]] = {
    "python -c pass": ["-c", "pass"],
    "eager line": ["-c", EAGER],
    "import pydantic": ["-c", "import pydantic"],
    "import pint": ["-c", "import pint"],
    "floor: pydantic + 5 models + yaml": ["-c", FLOOR],
    "import armsref": ["-c", "import armsref"],
    "armsref --help": ["-m", "armsref", "--help"],
    "armsref convert 995 mi --to km": ["-m", "armsref", "convert", "995", "mi", "--to", "km"],
    "armsref show tomahawk --unit mi": ["-m", "armsref", "show", "tomahawk", "--unit", "mi"],
    "armsref table": ["-m", "armsref", "table"],
}
#: Commands also timed as a first run: no snapshot in the cache (a new, empty folder each run).
FIRST_RUN = ("armsref show tomahawk --unit mi", "armsref table")

#: One ``show`` in process, phase by phase; prints when each phase ended as JSON, on
#: ``time.perf_counter()``'s clock, which is the machine's monotonic clock (the parent
#: process reads the same clock before starting it and after it ends).
PHASES = """
import time
marks = [("interpreter start, up to the first line", time.perf_counter())]
def mark(label):
    marks.append((label, time.perf_counter()))
import argparse, armsref, armsref.cli, armsref.cli.cmd_show
mark("armsref's CLI: argparse, the errors, the show command")
from pydantic import BaseModel
mark("import pydantic (BaseModel)")
import armsref.dataset.models
mark("define the models (validators deferred)")
from armsref.dataset import snapshot
from armsref.dataset.journal import reading
from armsref.dataset.loading import data_files, find_root
from armsref.dataset.lookup import NameIndex
from armsref.views.cards import card, render_card
mark("armsref's loading, lookup and card modules")
root = find_root()
with reading(root):
    mark("find the dataset, take the read lock")
    files = data_files(root)
    mark("read the data files")
    wanted = snapshot.key(files)
    mark("digest the files and the validating code")
    dataset = snapshot.load(root, wanted)
    assert dataset is not None, "no snapshot: run once first"
    mark("read the snapshot, build the records")
found = NameIndex(dataset).identify("tomahawk")
mark("index the names, look tomahawk up")
print(render_card(card(found.system, "mi", "default")))
mark("make, render and print the card")
import json, os, sys
from armsref.cli.quickexit import _nothing_waits
sys.stderr.write(json.dumps(marks))
sys.stdout.flush()
sys.stderr.flush()
if _nothing_waits():  # end as the armsref program ends show
    os._exit(0)
"""


def time_once(args: list[str], cwd: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) time of one ``python ARGS``, in seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, cwd=cwd, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def time_processes(
    runs: int, cwd: str, cache: str, before: str | None
) -> dict[str, tuple[float, float]]:
    """Median wall and CPU time of each command (first runs too, and ``show`` and
    ``table`` of the checkout ``before`` if given), interleaved, in seconds."""
    warm = {**os.environ, "ARMSREF_CACHE_DIR": cache}
    old = {**warm, "PYTHONPATH": before or ""}
    times: dict[str, list[tuple[float, float]]] = {}
    for run in range(runs):
        for label, argv in COMMANDS.items():
            times.setdefault(label, []).append(time_once(argv, cwd, warm))
        for label in FIRST_RUN if before else ():
            times.setdefault(f"{label}, before (--before)", []).append(
                time_once(COMMANDS[label], cwd, old)
            )
        for label in FIRST_RUN:
            empty = {**warm, "ARMSREF_CACHE_DIR": str(Path(cache) / f"first-{run}-{len(label)}")}
            times.setdefault(f"{label} (first run)", []).append(
                time_once(COMMANDS[label], cwd, empty)
            )
    return {
        label: (statistics.median(w for w, _ in pairs), statistics.median(c for _, c in pairs))
        for label, pairs in times.items()
    }


def time_phases(runs: int, cwd: str, cache: str) -> dict[str, float]:
    """Median seconds of each phase of one ``show`` from the snapshot, start to exit."""
    env = {**os.environ, "ARMSREF_CACHE_DIR": cache}
    phases: dict[str, list[float]] = {}
    for _ in range(runs):
        started = time.perf_counter()
        marks = subprocess.run(
            [sys.executable, "-c", PHASES], check=True, cwd=cwd, env=env, capture_output=True
        ).stderr
        ended = time.perf_counter()
        previous = started
        for label, when in [*json.loads(marks), ("exit", ended)]:
            phases.setdefault(label, []).append(when - previous)
            previous = when
    return {label: statistics.median(values) for label, values in phases.items()}


def time_get() -> dict[str, float]:
    """Microseconds per armsref.get() call after the first load."""
    import armsref

    armsref.get("tomahawk")
    results = {}
    for label, name in [
        ("get('tomahawk')", "tomahawk"),
        ('get("Tomahawk\'s")', "Tomahawk's"),
        ("get('BGM-109')", "BGM-109"),
    ]:
        number = 200_000
        seconds = min(timeit.repeat(lambda n=name: armsref.get(n), number=number, repeat=5))
        results[label] = seconds / number * 1e6
    index = armsref.dataset.lookup.index()  # the uncached path: a new spelling every call
    names = [f"Tomahawk{'s' * (i % 2)}{' ' * (i % 7)}" for i in range(1000)]
    seconds = min(
        timeit.repeat(
            lambda: [index._memo.clear() or index.get(n) for n in names], number=20, repeat=5
        )
    )
    results["get(new spelling), memo cleared"] = seconds / (20 * len(names)) * 1e6
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--before", metavar="DIR", help="a checkout of armsref to time show and table of too"
    )
    args = parser.parse_args()
    load_at_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as cwd, tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "ARMSREF_CACHE_DIR": cache}
        for argv in (["-c", "pass"], *(COMMANDS[label] for label in FIRST_RUN)):
            time_once(argv, cwd, env)  # warm the file cache; keep the dataset's snapshot
        results = time_processes(args.runs, cwd, cache, args.before)
        phases = time_phases(args.runs, cwd, cache)
    eager_wall, eager_cpu = results["eager line"]
    print(
        f"load average (1 min): {load_at_start:.1f} at the start, "
        f"{os.getloadavg()[0]:.1f} at the end (2 cores)"
    )
    print(f"| process (median of {args.runs}) | ms | × eager line | CPU ms | × eager line's CPU |")
    print("|---|---:|---:|---:|---:|")
    for label, (wall, cpu) in results.items():
        print(
            f"| `{label}` | {wall * 1000:.0f} | {wall / eager_wall:.2f} "
            f"| {cpu * 1000:.0f} | {cpu / eager_cpu:.2f} |"
        )
    print()
    total = sum(phases.values())
    print(f"| one `show` from the snapshot, taken apart (median of {args.runs}) | ms | share |")
    print("|---|---:|---:|")
    for label, seconds in phases.items():
        print(f"| {label} | {seconds * 1000:.1f} | {seconds / total:.0%} |")
    print(f"| total (the medians added) | {total * 1000:.1f} | 100% |")
    print()
    print("| call | µs per call |")
    print("|---|---:|")
    for label, micros in time_get().items():
        print(f"| `{label}` | {micros:.2f} |")


if __name__ == "__main__":
    main()
