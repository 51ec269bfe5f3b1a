"""Corpora at scale: many small documents against ripgrep, the JSON output's share, and
the same documents on a Dask LocalCluster.

Everything is measured in the same run on the same generated folder (see
``corpus.small_documents``: documents of about 1.5 KB, one in 20 opening with a
seed). Each time is the best of ``--runs`` runs (other work on a shared machine
only ever adds time).

- ripgrep: ``rg --count-matches -i -w -e NAME... DIR``, a whole process;
- ``armsref scan --recursive --json DIR`` with ``--jobs 1`` and ``--jobs 2``,
  whole processes, output to ``/dev/null``;
- in process, ``scan_inputs`` over the folder, then the results written as
  ``--json`` writes them (to an in-memory buffer), timed apart: the output's
  share of the run;
- documents per second with the local pool (``--jobs 2``) and on a
  ``distributed.LocalCluster`` of two worker processes (``armsref scan
  --scheduler ... --output DIR``, Parquet written), over ``--cluster-documents``
  documents (the first subfolders of the same corpus).

- per corpus format (JSON Lines gzipped, Parquet, WARC gzipped with each
  document as an HTML page), the first ``--format-documents`` documents as one
  file, scanned by one process: documents and MB of text per second on one
  core, the start-up of an empty scan taken off.

Run: ``python benchmarks/bench_corpus.py [--runs N] [--documents N]
[--cluster-documents N] [--format-documents N] [--only-formats]`` (needs
ripgrep, and ``armsref[corpora,dask]``).
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from bench_scan import names

from armsref.cli.scan_output import render
from armsref.corpora.corpusscan import scan_inputs

#: The least CPU seconds (user + system) each command took, by its name in the report.
CPU: dict[str, float] = {}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def best(command: list[str], runs: int, name: str | None = None) -> float:
    """Best seconds of a whole process over ``runs`` runs, its output thrown away; its
    least CPU time is kept in :data:`CPU` under ``name``."""
    times, cpu = [], []
    for _ in range(runs):
        before = _children_cpu()
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
        cpu.append(_children_cpu() - before)
    if name is not None:
        CPU[name] = min(cpu)
    return min(times)


def in_process(folder: Path, runs: int) -> tuple[float, float, int]:
    """Best seconds of scanning the folder in process, and of printing the results as
    ``armsref scan --json`` does (to an in-memory buffer), timed apart."""
    scanning, printing = [], []
    documents = 0
    for _ in range(runs):
        started = time.perf_counter()
        results = list(scan_inputs([folder], keep_mentions=False))
        scanning.append(time.perf_counter() - started)
        out = io.StringIO()
        started = time.perf_counter()
        for document in results:
            out.write(render(document, "summary", colour=False, as_json=True))
        printing.append(time.perf_counter() - started)
        documents = len(results)
    return min(scanning), min(printing), documents


def cluster_rate(folder: Path, count: int) -> tuple[float, float, int]:
    """Documents per second over the first subfolders (``count`` documents or more):
    the local pool of 2, and a LocalCluster of 2 worker processes; and how many."""
    from distributed import LocalCluster

    chosen: list[str] = []
    taken = 0
    for sub in sorted(folder.iterdir()):
        if taken >= count:
            break
        chosen.append(str(sub))  # named folders are opened (links to folders are not followed)
        taken += sum(1 for _ in sub.iterdir())
    armsref = [sys.executable, "-m", "armsref", "scan"]
    pool = best([*armsref, "--jobs", "2", "--json", *chosen], 1)
    output = Path(tempfile.mkdtemp(prefix="armsref-parquet-"))
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        command = [*armsref, "--scheduler", cluster.scheduler_address, "--output", str(output)]
        best([*command, *chosen], 1)  # workers warm
        on_cluster = best([*command, *chosen], 1)
    shutil.rmtree(output)
    return taken / pool, taken / on_cluster, taken


def corpus_files(folder: Path, count: int) -> dict[str, Path]:
    """The first ``count`` documents of the folder as one file per corpus format."""
    import gzip
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = Path(tempfile.mkdtemp(prefix="armsref-formats-"))
    texts = []
    for path in sorted(folder.glob("*/*.txt"))[:count]:
        texts.append((path.stem, path.read_text(encoding="utf-8")))
    lines = "".join(json.dumps({"id": ident, "text": text}) + "\n" for ident, text in texts)
    (out / "news.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    table = pa.table({"id": [t[0] for t in texts], "text": [t[1] for t in texts]})
    pq.write_table(table, out / "news.parquet")
    with (out / "news.warc.gz").open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for ident, text in texts:
            body = "".join(f"<p>{part}</p>" for part in text.split("\n\n"))
            page = f"<html><head><title>{ident}</title></head><body>{body}</body></html>".encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    f"https://news.example/{ident}",
                    "response",
                    payload=io.BytesIO(page),
                    length=len(page),
                    http_headers=headers,
                )
            )
    (out / "texts.txt").write_text("".join(t[1] for t in texts), encoding="utf-8")
    return {
        "jsonl.gz": out / "news.jsonl.gz",
        "parquet": out / "news.parquet",
        "warc.gz": out / "news.warc.gz",
    }


def formats(folder: Path, count: int, runs: int) -> None:
    """Documents and text MB per second on one core, per corpus format."""
    files = corpus_files(folder, count)
    text_mb = files["jsonl.gz"].with_name("texts.txt").stat().st_size / 1e6
    armsref = [sys.executable, "-m", "armsref", "scan", "--json", "--id-field", "id"]
    start = best([sys.executable, "-m", "armsref", "scan", "--json", os.devnull], runs)
    for name, path in files.items():
        seconds = best([*armsref, str(path)], runs) - start
        print(
            f"{name}: {count} documents ({text_mb:.1f} MB of text) in {seconds:.2f} s "
            f"after start-up = {count / seconds:,.0f} documents/s, {text_mb / seconds:.1f} MB/s"
        )
    shutil.rmtree(files["jsonl.gz"].parent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--cluster-documents", type=int, default=20_000)
    parser.add_argument("--format-documents", type=int, default=20_000)
    parser.add_argument("--only-formats", action="store_true")
    args = parser.parse_args()
    folder = corpus.small_documents(args.documents)
    if args.only_formats:
        formats(folder, args.format_documents, args.runs)
        return
    load = os.getloadavg()
    rg = shutil.which("rg")
    if rg is None:
        sys.exit("ripgrep (rg) is needed: apt-get install ripgrep")
    patterns = [part for name in names() for part in ("-e", name)]
    ripgrep = best([rg, "--count-matches", "-i", "-w", *patterns, str(folder)], args.runs, "rg")
    armsref = [sys.executable, "-m", "armsref", "scan", "--recursive", "--json"]
    one = best([*armsref, "--jobs", "1", str(folder)], args.runs, "one")
    two = best([*armsref, "--jobs", "2", str(folder)], args.runs, "two")
    print(f"{args.documents} documents, about 1.5 KB each")
    print("load average before the runs (1, 5, 15 min): {:.1f} {:.1f} {:.1f}".format(*load))
    print(f"ripgrep: {ripgrep:.2f} s")
    print(f"armsref scan --jobs 1: {one:.2f} s = {one / ripgrep:.2f}x ripgrep's time")
    print(f"armsref scan --jobs 2: {two:.2f} s = {two / ripgrep:.2f}x ripgrep's time")
    print(f"speed-up from 1 to 2 jobs: {one / two:.2f}x")
    print(
        f"CPU seconds (user + system): ripgrep {CPU['rg']:.2f}, armsref --jobs 1 "
        f"{CPU['one']:.2f} ({CPU['one'] / CPU['rg']:.2f}x), --jobs 2 {CPU['two']:.2f}"
    )
    scanning, printing, count = in_process(folder, args.runs)
    share = printing / (scanning + printing)
    print(f"in process: scanning {scanning:.2f} s, JSON lines {printing:.3f} s ({count} documents)")
    print(f"JSON output's share of the run: {share:.1%}")
    print("load average after (1, 5, 15 min): {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    try:
        pool, on_cluster, taken = cluster_rate(folder, args.cluster_documents)
    except ImportError:
        print("LocalCluster: skipped (pip install 'armsref[dask]')")
        return
    print(f"first {taken} documents:")
    print(f"local pool, 2 processes: {pool:,.0f} documents/s (whole process)")
    print(f"LocalCluster, 2 worker processes: {on_cluster:,.0f} documents/s (Parquet written)")
    formats(folder, args.format_documents, args.runs)


if __name__ == "__main__":
    main()
