"""Scanning speed and memory: armsref against ripgrep and a Python ``re`` alternation.

Everything is measured in the same run on the same generated corpus (see
``corpus.py``): about 200 MB of made-up English with the seeds dropped in one
every 256 KiB, so mentions are sparse.

- ripgrep: ``rg --count-matches -i -w -e ALIAS...`` over every name in the
  data, longest first, timed as a whole process.
- Python ``re``: one case-insensitive alternation of the same names between
  ``\\b``, over the decoded text (timed on the first 20 MB, it is slow).
- ``scan_file``: in process, the matcher already built, with and without
  keeping every mention.
- ``armsref scan FILE``: a whole process, as a user runs it.
- Every time is the best of ``--runs`` runs: on a shared machine other work
  only ever adds time.
- ``scan_paths`` over 100,000 small documents with 1 and 2 jobs.
- Peak memory (max RSS) of ``armsref scan`` on a 1 GB file, and of
  ``scan_file`` keeping every mention.

Mention counts are compared with ripgrep's, and the difference is broken
down by the words matched.

Run: ``python benchmarks/bench_scan.py [--runs N] [--documents N] [--skip-documents]
[--skip-memory] [--engines]``.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

import armsref
from armsref.scanning.documents import scan_file
from armsref.scanning.paths import scan_paths

MB = 1_000_000


def names() -> list[str]:
    """Every name in the data, longest first (as the alternations want them)."""
    found = {name for system in armsref.load().systems for name in system.names}
    return sorted(found, key=lambda name: (-len(name), name))


def timed(function: object, runs: int) -> tuple[float, object]:
    """Best (least) seconds of ``function()`` over ``runs`` calls, and its last result.

    The best, not the median: on a shared machine other work only ever adds time.
    """
    times = []
    result = None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times), result


def ripgrep(path: Path, runs: int) -> tuple[float, int, Counter[str]]:
    """Whole-process time and match count of ripgrep, and what it matched."""
    args = ["rg", "--count-matches", "-i", "-w"]
    for name in names():
        args += ["-e", name]

    def run() -> int:
        out = subprocess.run([*args, str(path)], capture_output=True, check=True, text=True)
        return int(out.stdout.strip() or 0)

    seconds, count = timed(run, runs)
    listed = subprocess.run(
        ["rg", "-o", "-i", "-w", *args[4:], str(path)], capture_output=True, check=True
    ).stdout.decode("utf-8", "replace")
    return seconds, int(count), Counter(line.casefold() for line in listed.splitlines())  # type: ignore[call-overload]


def python_re(path: Path) -> tuple[float, int, int]:
    """MB/s and match count of one Python ``re`` alternation on the first 20 MB."""
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, names())) + r")\b", re.IGNORECASE)
    with path.open("rb") as source:
        data = source.read(20 * MB)
    started = time.perf_counter()
    count = sum(1 for _ in pattern.finditer(data.decode("utf-8", "replace")))
    return len(data) / MB / (time.perf_counter() - started), count, len(data)


def engines(path: Path, runs: int) -> None:
    """Raw candidate-finding speed of the engines considered, on the whole corpus in memory."""
    from armsref.scanning.engine import prefilter
    from armsref.scanning.matcher import matcher

    data = path.read_bytes()
    size = len(data) / MB
    alternation = b"|".join(re.escape(name.encode()) for name in names())
    ours = prefilter(matcher())
    seconds, found = timed(lambda: len(ours.scan(data)[0]), runs)
    print(f"  hyperscan (armsref's prefilter database): {size / seconds:.0f} MB/s, {found} hits")
    try:
        import re2  # type: ignore[import-not-found]
    except ImportError:
        print("  google-re2: not installed")
    else:
        options = re2.Options()
        options.case_sensitive = False
        pattern = re2.compile(rb"\b(?:" + alternation + rb")\b", options)
        seconds, found = timed(lambda: sum(1 for _ in pattern.finditer(data)), runs)
        print(f"  RE2 alternation on bytes: {size / seconds:.0f} MB/s, {found} matches")
    try:
        import ahocorasick  # type: ignore[import-not-found]
    except ImportError:
        print("  pyahocorasick: not installed")
    else:
        automaton = ahocorasick.Automaton()
        for name in names():
            automaton.add_word(name.lower(), name)
        automaton.make_automaton()
        text = data.decode("utf-8", "replace")

        def aho() -> int:
            return sum(1 for _ in automaton.iter(text.lower()))

        seconds, found = timed(aho, 1)
        print(
            f"  pyahocorasick on the lowered text (no word boundaries): {size / seconds:.0f} "
            f"MB/s, {found} matches"
        )


def whole_process(path: Path, runs: int) -> tuple[float, int]:
    """Median time of ``armsref scan --json FILE`` and the mentions it reports."""
    command = [sys.executable, "-m", "armsref", "scan", "--json", str(path)]

    def run() -> int:
        out = subprocess.run(command, capture_output=True, check=True, text=True).stdout
        return int(json.loads(out)["mention_count"])

    seconds, count = timed(run, runs)
    return seconds, int(count)  # type: ignore[call-overload]


def peak_rss(code: str) -> float:
    """Max RSS in MB of a fresh ``python -c CODE``."""
    probe = (
        "import resource, subprocess, sys; "
        f"subprocess.run([sys.executable, '-c', {code!r}], check=True, "
        "stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, check=True, text=True)
    return int(out.stdout) / 1024


def documents(count: int, runs: int) -> None:
    """Documents per second over ``count`` small files with 1 and 2 jobs: the best of
    ``runs``, the two settings taking turns."""
    folder = corpus.small_documents(count)
    best = {1: float("inf"), 2: float("inf")}
    totals = {}
    for _ in range(runs):
        for jobs in (1, 2):
            started = time.perf_counter()
            scanned = mentions = 0
            for document in scan_paths([folder], jobs=jobs, keep_mentions=False):
                scanned += 1
                mentions += document.count
            best[jobs] = min(best[jobs], time.perf_counter() - started)
            totals[jobs] = (scanned, mentions)
    for jobs, seconds in best.items():
        scanned, mentions = totals[jobs]
        print(
            f"scan_paths, {jobs} job(s): {scanned} documents in {seconds:.2f} s = "
            f"{scanned / seconds:,.0f} documents/s ({mentions} mentions)"
        )
    print(f"speed-up from 1 to 2 jobs: {best[1] / best[2]:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--skip-documents", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--engines", action="store_true", help="also time the engines alone")
    args = parser.parse_args()

    path = corpus.big_corpus()
    size = path.stat().st_size / MB
    print(f"corpus: {path.name}, {size:.1f} MB")

    if shutil.which("rg") is None:
        raise SystemExit("ripgrep (rg) is needed for the baseline: apt-get install ripgrep")
    rg_seconds, rg_count, rg_words = ripgrep(path, args.runs)
    print(
        f"ripgrep, whole process: {rg_seconds:.3f} s = {size / rg_seconds:.0f} MB/s, "
        f"{rg_count} matches"
    )
    re_rate, re_count, re_bytes = python_re(path)
    print(
        f"python re alternation: {re_rate:.1f} MB/s ({re_count} matches in the first "
        f"{re_bytes / MB:.0f} MB)"
    )

    if args.engines:
        print("engines alone, finding candidates in the corpus in memory:")
        engines(path, args.runs)
    scan_file(path)  # build the matcher and compile the engine first
    for keep in (True, False):
        seconds, found = timed(lambda keep=keep: scan_file(path, keep_mentions=keep), args.runs)
        print(
            f"scan_file(keep_mentions={keep}): {seconds:.3f} s = {size / seconds:.0f} MB/s, "
            f"{found.count} mentions, {rg_seconds / seconds:.2f}x ripgrep's speed"
        )  # type: ignore[attr-defined]
    process_seconds, process_count = whole_process(path, args.runs)
    print(
        f"armsref scan, whole process: {process_seconds:.3f} s = "
        f"{process_seconds / rg_seconds:.2f}x ripgrep's time, {process_count} mentions"
    )

    ours = Counter(m.surface.casefold() for m in scan_file(path).mentions)
    print(
        f"mentions: armsref {sum(ours.values())}, ripgrep {rg_count}; by words matched "
        "(armsref - ripgrep):"
    )
    for word in sorted(set(ours) | set(rg_words), key=lambda w: (-abs(ours[w] - rg_words[w]), w)):
        if ours[word] != rg_words[word]:
            print(f"  {word!r}: {ours[word]} - {rg_words[word]} = {ours[word] - rg_words[word]:+d}")
    text = path.read_bytes()
    print("trap phrases in the corpus (everyday senses that ripgrep counts):")
    for trap in corpus.TRAPS:
        print(f"  {trap!r}: {text.count(trap.encode())}")
    del text

    if not args.skip_documents:
        documents(args.documents, min(args.runs, 3))

    if not args.skip_memory:
        big = corpus.repeated(path, 5)
        gigabytes = big.stat().st_size / 1e9
        cli = f"from armsref.cli import main; main(['scan', {str(big)!r}])"
        kept = f"from armsref.scanning.documents import scan_file; scan_file({str(big)!r})"
        print(f"peak memory, armsref scan on {gigabytes:.2f} GB: {peak_rss(cli):.0f} MB")
        print(f"peak memory, scan_file keeping every mention: {peak_rss(kept):.0f} MB")
        print(
            f"peak memory, python -c 'import armsref; armsref.load()': "
            f"{peak_rss('import armsref; armsref.load()'):.0f} MB"
        )


if __name__ == "__main__":
    main()
