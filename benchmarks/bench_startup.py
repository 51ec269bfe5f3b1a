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

#: One ``show`` in process, phase by phase; prints each phase's seconds as JSON.
PHASES = """
import time
marks = [("start", time.perf_counter())]
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
text = render_card(card(found.system, "mi", "default"))
mark("make and render the card")
import json
print(json.dumps([(label, now - before) for (label, now), (_, before) in zip(marks[1:], marks)]))
"""


def time_once(args: list[str], cwd: str, env: dict[str, str]) -> float:
    """Wall time of one ``python ARGS``, in seconds."""
    started = time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, cwd=cwd, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - started


def time_processes(runs: int, cwd: str, cache: str) -> dict[str, float]:
    """Median wall time of each command (first runs included), interleaved, in seconds."""
    warm = {**os.environ, "ARMSREF_CACHE_DIR": cache}
    times: dict[str, list[float]] = {}
    for run in range(runs):
        for label, argv in COMMANDS.items():
            times.setdefault(label, []).append(time_once(argv, cwd, warm))
        for label in FIRST_RUN:
            empty = {**warm, "ARMSREF_CACHE_DIR": str(Path(cache) / f"first-{run}-{len(label)}")}
            times.setdefault(f"{label} (first run)", []).append(
                time_once(COMMANDS[label], cwd, empty)
            )
    return {label: statistics.median(values) for label, values in times.items()}


def time_phases(runs: int, cwd: str, cache: str) -> dict[str, float]:
    """Median seconds of each phase of one ``show`` from the snapshot, in process."""
    env = {**os.environ, "ARMSREF_CACHE_DIR": cache}
    phases: dict[str, list[float]] = {}
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", PHASES], check=True, cwd=cwd, env=env, capture_output=True
        ).stdout
        for label, seconds in json.loads(out):
            phases.setdefault(label, []).append(seconds)
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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cwd, tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "ARMSREF_CACHE_DIR": cache}
        for argv in (["-c", "pass"], *(COMMANDS[label] for label in FIRST_RUN)):
            time_once(argv, cwd, env)  # warm the file cache; keep the dataset's snapshot
        results = time_processes(args.runs, cwd, cache)
        phases = time_phases(args.runs, cwd, cache)
    eager = results["eager line"]
    print(f"load average before the run: {os.getloadavg()[0]:.1f} (1 min)")
    print(f"| process (median of {args.runs}) | ms | × eager line |")
    print("|---|---:|---:|")
    for label, seconds in results.items():
        print(f"| `{label}` | {seconds * 1000:.0f} | {seconds / eager:.2f} |")
    print()
    show = results["armsref show tomahawk --unit mi"]
    print(f"| one `show` from the snapshot, in process (median of {args.runs}) | ms |")
    print("|---|---:|")
    start = results["python -c pass"]
    print(f"| interpreter start and exit (`python -c pass`) | {start * 1000:.1f} |")
    for label, seconds in phases.items():
        print(f"| {label} | {seconds * 1000:.1f} |")
    rest = show - start - sum(phases.values())
    print(
        f"| the rest: parsing arguments, printing, the process's own overhead | {rest * 1000:.1f} |"
    )
    print()
    print("| call | µs per call |")
    print("|---|---:|")
    for label, micros in time_get().items():
        print(f"| `{label}` | {micros:.2f} |")


if __name__ == "__main__":
    main()
