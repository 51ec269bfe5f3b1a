"""How the scanner's costs grow with the dataset: 5, 50, 500 and 5,000 systems.

For each size N a synthetic dataset is written (``synthetic_dataset.py``: the
five real systems and N - 5 made-up ones, each with a name, a short name, an
alias, a designation, some a variant) and measured, each step in a fresh
process so that nothing is cached in memory:

- loading the dataset (``armsref.load``);
- building the matcher (the forms of every name; no regex is compiled);
- compiling the engine with the cache off (``ARMSREF_CACHE_DIR=""``);
- loading the engine from the on-disk cache, in a process after the one that
  stored it;
- scanning the same text for every N, in process (``scan_file``, mentions
  kept, the engine loaded, best of ``--runs``): the benchmark corpus's filler
  (``corpus.py``) with, every 256 KiB as in ``bench_scan.py``, one of the five
  seeds and a paragraph naming one of every 25th made-up system of the
  largest dataset (names of systems a smaller dataset lacks are plain words
  to it);
- ``armsref scan FILE --data DIR`` as a whole process, the engine cached.

Every ratio is against N = 5 measured in the same run.

Run: ``python benchmarks/bench_scale.py [--sizes 5 50 500 5000] [--megabytes 40]
[--runs 3] [--spacing 262144] [--timeout 1800] [--engine hyperscan]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
import synthetic_dataset

MB = 1_000_000


def dataset(size: int) -> Path:
    """The synthetic dataset of ``size`` systems, written once under ``corpus/``."""
    path = corpus.CORPUS / f"synthetic-{size}"
    if not (path / "data" / "claims.yaml").exists():
        synthetic_dataset.write(size, path)
    return path


def text(megabytes: int, largest: int, spacing: int) -> Path:
    """The text every size scans: filler, and every ``spacing`` bytes a seed and a
    paragraph naming a made-up system."""
    path = corpus.CORPUS / f"scale-{megabytes}mb-{largest}-{spacing}.txt"
    if path.exists():
        return path
    corpus.CORPUS.mkdir(parents=True, exist_ok=True)
    rng = random.Random(5)
    pool = corpus.paragraphs(rng, 3000)
    made = synthetic_dataset.made_up(largest - 5)[::25]
    seeds = [seed.read_bytes() for seed in corpus.SEEDS]
    written, turn = 0, 0
    with path.open("wb") as out:
        while written < megabytes * MB:
            filler = "".join(rng.choices(pool, k=spacing // 600))
            system = made[turn % len(made)]
            named = (
                f"Officials said the {system.short} ({system.designation}) was tested again. "
                f"The {system.name} and the {system.alias} were shown.\n\n"
            )
            block = filler.encode() + named.encode() + seeds[turn % len(seeds)] + b"\n\n"
            out.write(block)
            written += len(block)
            turn += 1
    return path


_CHILD = r"""
import json, os, sys, time
what, root, path, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
started = time.perf_counter()
import armsref
from armsref.scanning import engine, matcher
out = {}
t = time.perf_counter(); dataset = armsref.load(root); out["load"] = time.perf_counter() - t
t = time.perf_counter(); found = matcher.matcher(dataset); out["matcher"] = time.perf_counter() - t
out["forms"] = len(found.forms)
t = time.perf_counter(); chosen = engine.prefilter(found); out["engine"] = time.perf_counter() - t
if what == "scan":
    from armsref.scanning.documents import scan_file
    best, result = None, None
    for _ in range(runs):
        t = time.perf_counter(); result = scan_file(path, dataset); spent = time.perf_counter() - t
        best = spent if best is None else min(best, spent)
    out["scan"] = best
    out["mentions"] = len(result.mentions)
    out["systems"] = len(result.systems)
print(json.dumps(out))
"""


def child(what: str, root: Path, path: Path, runs: int, cache: str, timeout: float) -> dict:
    """Run one measurement in a fresh process; its JSON figures."""
    env = {**os.environ, "ARMSREF_CACHE_DIR": cache}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, what, str(root), str(path), str(runs)],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return json.loads(done.stdout)


def whole_process(root: Path, path: Path, cache: str, runs: int) -> float:
    """Best wall time of ``armsref scan FILE --data ROOT`` (its output discarded)."""
    env = {**os.environ, "ARMSREF_CACHE_DIR": cache}
    command = [sys.executable, "-m", "armsref", "scan", str(path), "--data", str(root)]
    best = None
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True)
        spent = time.perf_counter() - started
        best = spent if best is None else min(best, spent)
    assert best is not None
    return best


def measure(size: int, path: Path, runs: int, timeout: float) -> dict:
    """Every figure for one size."""
    root = dataset(size)
    figures: dict = {"size": size}
    compiled = child("compile", root, path, 1, "", timeout)
    figures.update(load=compiled["load"], matcher=compiled["matcher"], forms=compiled["forms"])
    figures["compile"] = compiled["engine"]
    with tempfile.TemporaryDirectory() as cache:
        child("compile", root, path, 1, cache, timeout)  # stores the database
        scanned = child("scan", root, path, runs, cache, timeout)
        figures["cache_load"] = scanned["engine"]
        figures["scan"] = scanned["scan"]
        figures["mentions"] = scanned["mentions"]
        figures["systems"] = scanned["systems"]
        figures["process"] = whole_process(root, path, cache, runs)
    return figures


def table(rows: list[dict], size: int) -> str:
    """The growth table, as markdown."""
    base = rows[0]
    lines = [
        "| systems | forms | load | matcher | compile (no cache) | cache load | scan MB/s "
        "| vs 5 | `armsref scan` process | mentions (systems) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        speed = size / row["scan"] / MB
        lines.append(
            f"| {row['size']:,} | {row['forms']:,} | {row['load']:.2f} s | {row['matcher']:.2f} s "
            f"| {row['compile']:.2f} s | {row['cache_load'] * 1000:.0f} ms | {speed:.0f} "
            f"| {base['scan'] / row['scan']:.2f}x | {row['process']:.2f} s "
            f"| {row['mentions']:,} ({row['systems']}) |"
        )
    return "\n".join(lines)


def main() -> None:
    """Measure every size and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 500, 5000])
    parser.add_argument("--megabytes", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--spacing", type=int, default=256 << 10, help="bytes of filler between mentions"
    )
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--engine", default="hyperscan", help="ARMSREF_ENGINE for every step")
    args = parser.parse_args()
    os.environ["ARMSREF_ENGINE"] = args.engine
    path = text(args.megabytes, max(args.sizes), args.spacing)
    size = path.stat().st_size
    print(f"text: {size / MB:.1f} MB; load average {os.getloadavg()[0]:.2f}", flush=True)
    rows = []
    for count in args.sizes:
        rows.append(measure(count, path, args.runs, args.timeout))
        print(json.dumps(rows[-1]), flush=True)
    print(f"load average at the end {os.getloadavg()[0]:.2f}")
    print(table(rows, size))


if __name__ == "__main__":
    main()
