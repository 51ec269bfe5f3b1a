"""How loading and lookup grow with the dataset: 5, 50, 500 and 5,000 systems.

For each size, a synthetic dataset (``benchmarks/synthetic_dataset.py``: N systems
with names, aliases and designations, N claims) is written to a temporary folder
and timed, each figure the median of several runs:

- **load, first run**: ``armsref.load(DIR)`` in a new process with an empty cache
  folder: YAML read, every record validated, the snapshot written (the time
  includes importing what loading needs: pydantic, PyYAML, the models);
- **load, snapshot**: the same in a new process once the snapshot is kept;
- **``armsref table``**: the whole command, snapshot kept;
- **index**: building the name index (once per dataset, on the first ``get``);
- **``get()``**: a name asked before (memo), and a new spelling each call;
- **``search()``**: one call, averaged over misspelt, partial and unknown names;
  the first search also builds the candidate index, timed on its own; and, as the
  baseline in the same run, scoring every name as ``search()`` did before.

Run: ``python benchmarks/bench_dataset_scale.py [--sizes 5 50 500 5000] [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic_dataset

#: Timing ``armsref.load(DIR)`` in a fresh process; prints seconds.
LOAD = """
import sys, time
import armsref
started = time.perf_counter()
armsref.load(sys.argv[1])
print(time.perf_counter() - started)
"""
QUERIES = ("tomahwak", "jasm", "patriott", "army tactical", "xylophone", "BGM 10", "pac")


def _load_once(root: Path, cache: str) -> float:
    env = {**os.environ, "ARMSREF_CACHE_DIR": cache}
    out = subprocess.run(
        [sys.executable, "-c", LOAD, str(root)], check=True, env=env, capture_output=True
    ).stdout
    return float(out)


def time_loads(root: Path, runs: int, cache: Path) -> tuple[float, float, float]:
    """Median seconds of a first load, a load from the snapshot, and ``armsref table``."""
    first = [_load_once(root, str(cache / f"first-{run}")) for run in range(runs)]
    warm = str(cache / "warm")
    _load_once(root, warm)
    again = [_load_once(root, warm) for _ in range(runs)]
    table = []
    env = {**os.environ, "ARMSREF_CACHE_DIR": warm}
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "armsref", "--data", str(root), "table"],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        table.append(time.perf_counter() - started)
    return statistics.median(first), statistics.median(again), statistics.median(table)


def time_lookup(root: Path, runs: int) -> dict[str, float]:
    """Index, get() and search() on the dataset at ``root``, in this process."""
    import armsref
    from armsref.dataset.keys import name_key
    from armsref.dataset.lookup import SEARCH_AT, NameIndex, closeness

    dataset = armsref.load(root)
    index_s = statistics.median(
        timeit.repeat(lambda: NameIndex(dataset), number=1, repeat=max(runs, 3))
    )
    index = NameIndex(dataset)
    index.get("tomahawk")
    number = 100_000
    get_memo = min(timeit.repeat(lambda: index.get("tomahawk"), number=number, repeat=5))
    names = [f"Tomahawk{'s' * (i % 2)}{' ' * (i % 7)}" for i in range(1000)]
    get_new = min(
        timeit.repeat(
            lambda: [index._memo.clear() or index.get(n) for n in names], number=5, repeat=5
        )
    )
    made_up = [s.name for s in dataset.systems[5:8]]
    queries = [*QUERIES, *(name[:-2] + name[-1] for name in made_up), *(n[:5] for n in made_up)]
    started = time.perf_counter()
    index.search("tomahwak")  # builds the candidate index
    first_search = time.perf_counter() - started
    search = statistics.median(
        timeit.repeat(lambda: [index.search(q) for q in queries], number=1, repeat=runs)
    )

    def every_key() -> None:
        for text in queries:
            wanted = name_key(text)
            scores: dict[str, float] = {}
            for key, found in index._by_key.items():
                score = closeness(wanted, key)
                if score > scores.get(found.system.id, 0.0):
                    scores[found.system.id] = score
            sorted(s for s in scores.items() if s[1] >= SEARCH_AT)

    before = statistics.median(timeit.repeat(every_key, number=1, repeat=min(runs, 3)))
    return {
        "names": len(index._by_key),
        "index ms": index_s * 1000,
        "get µs": get_memo / number * 1e6,
        "get new µs": get_new / (5 * len(names)) * 1e6,
        "first search ms": first_search * 1000,
        "search ms": search / len(queries) * 1000,
        "every-name search ms": before / len(queries) * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 500, 5000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(
        f"load average (1 min) at the start: {os.getloadavg()[0]:.1f} (2 cores); runs: {args.runs}"
    )
    print(
        "| systems | names | load, first run (s) | load, snapshot (s) | `armsref table` (s) "
        "| index (ms) | `get()` (µs) | `get()`, new spelling (µs) | first `search()` (ms) "
        "| `search()` (ms) | every name scored (ms) |"
    )
    print("|---:" * 11 + "|")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            root = synthetic_dataset.write(size, Path(folder) / f"d{size}")
            first, again, table = time_loads(root, args.runs, Path(folder) / f"cache{size}")
            found = time_lookup(root, args.runs)
            print(
                f"| {size:,} | {found['names']:,} | {first:.2f} | {again:.3f} | {table:.2f} "
                f"| {found['index ms']:.1f} | {found['get µs']:.2f} | {found['get new µs']:.2f} "
                f"| {found['first search ms']:.1f} | {found['search ms']:.2f} "
                f"| {found['every-name search ms']:.1f} |",
                flush=True,
            )
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
