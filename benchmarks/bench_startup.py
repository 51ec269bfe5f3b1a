"""Cold start of whole armsref processes, and the cost of get() once the data is loaded.

Every process is timed in the same run as two baselines: ``python -c pass`` and the
"eager" line that imports everything armsref could use up front. Figures are medians
of repeated runs, reported as ratios to the eager line.

Run: ``python benchmarks/bench_startup.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import timeit

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


def time_process(args: list[str], runs: int, cwd: str) -> float:
    """Median wall time of ``python ARGS`` in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, *args], check=True, cwd=cwd, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


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
    with tempfile.TemporaryDirectory() as cwd:
        time_process(["-c", "pass"], 3, cwd)  # warm the file cache
        results = {label: time_process(argv, args.runs, cwd) for label, argv in COMMANDS.items()}
    eager = results["eager line"]
    print(f"| process (median of {args.runs}) | ms | × eager line |")
    print("|---|---:|---:|")
    for label, seconds in results.items():
        print(f"| `{label}` | {seconds * 1000:.0f} | {seconds / eager:.2f} |")
    print()
    print("| call | µs per call |")
    print("|---|---:|")
    for label, micros in time_get().items():
        print(f"| `{label}` | {micros:.2f} |")


if __name__ == "__main__":
    main()
