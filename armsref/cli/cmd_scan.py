"""``armsref scan PATH...``: which systems each document mentions, how often, and where first.

``PATH`` is a file, a folder (its ``.txt``, ``.text``, ``.md``, ``.markdown``,
``.html`` and ``.htm`` files; with ``--recursive`` those in its subfolders too)
or ``-`` for standard input. HTML files, and standard input that starts like
an HTML page (or with ``--html``), are read as their visible text. For each
document it prints the systems mentioned, by first mention, with counts and
the line:column (from 1, in characters) of the first mention, then the other
weapon systems it names (known by name only; never counted as the dataset's).

``--json`` prints one JSON object per document, one per line (JSON Lines),
with these keys, always all of them, in this order:

- ``path``: the document as named (``-`` for standard input);
- ``ok``: whether it was scanned;
- ``error``: why not (a string), or null;
- ``warning``: something to know, such as invalid UTF-8 decoded with
  replacement characters, or null;
- ``mentions``: how many mentions in all;
- ``systems``: a list of objects with ``id``, ``name`` (the short name),
  ``count``, for the first mention ``line``, ``column`` and ``offset``
  (its character offset), and ``variants`` (the ids of the variants named);
- ``others``: the other weapon systems named, objects with the same keys and
  ``kind``; never counted in ``mentions``.

A document that cannot be scanned (missing, unreadable, a folder that cannot
be listed, binary) gets one line on stderr, ``armsref: error: PATH: reason``,
and the others are scanned all the same; the exit code is then 1. A warning
is one line ``armsref: warning: PATH: reason`` and does not change the exit
code. An empty document has no mentions and is not an error. When stderr is a
terminal and there are many documents, a progress line is kept on it.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING, Any

from armsref.cli.output import add_command, print_json
from armsref.cli.safeoutput import shown

if TYPE_CHECKING:
    from armsref.scanning.documents import DocumentScan, SystemTally

#: Show progress from this many documents on.
PROGRESS_FROM = 20


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value


def _capped(jobs: int) -> int:
    """``--jobs``, lowered with a note to the cores this machine has."""
    from armsref.scanning.pool import usable_jobs

    usable = usable_jobs(jobs)
    if usable < jobs:
        shown = str(jobs) if jobs < 10**12 else f"{str(jobs)[:12]}..."
        print(
            f"armsref: note: --jobs {shown} is more than the {usable} cores here; using {usable}",
            file=sys.stderr,
        )
    return usable


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``scan`` subcommand."""
    parser = add_command(
        subparsers,
        common,
        "scan",
        summary="list the systems each document mentions, with counts and first positions",
        description="Find every mention of a known system in text, Markdown and HTML\n"
        "documents. Prints, per document, the systems by first mention with their\n"
        "counts and the line:column of the first mention. Exits 1 if a document\n"
        "could not be scanned (each said on stderr), 0 otherwise.",
        examples="armsref scan article.txt\n  armsref scan --recursive --jobs 2 articles/\n"
        "  curl -s https://example.org/a | armsref scan --json -",
    )
    parser.add_argument(
        "paths",
        metavar="PATH",
        nargs="+",
        help="a file; a folder (its .txt, .text, .md, .markdown, .html, .htm files); "
        "or - for standard input",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object per document")
    parser.add_argument(
        "--jobs", type=_jobs, default=1, metavar="N", help="scan with N processes (default 1)"
    )
    parser.add_argument(
        "--recursive", action="store_true", help="also scan the folders inside folders"
    )
    parser.add_argument(
        "--html",
        action="store_true",
        help="read standard input as HTML (by default it is when it starts like a page)",
    )
    parser.set_defaults(run=run)


def _tally(tally: SystemTally) -> dict[str, Any]:
    return {
        "id": tally.system_id,
        "name": tally.system.short,
        "count": tally.count,
        "line": tally.line,
        "column": tally.column,
        "offset": tally.offset,
        "variants": list(tally.variants),
    }


def _as_json(document: DocumentScan) -> dict[str, Any]:
    return {
        "path": document.path,
        "ok": document.ok,
        "error": document.error,
        "warning": document.warning,
        "mentions": document.count,
        "systems": [_tally(tally) for tally in document.systems],
        "others": [{**_tally(t), "kind": t.system.kind} for t in document.others],
    }


def _print_text(document: DocumentScan) -> None:
    others = ", ".join(f"{t.system.short} ({t.count})" for t in document.others)
    if not document.systems:
        print(
            f"{shown(document.path)}: no mentions"
            + (f"; other systems named: {others}" if others else "")
        )
        return
    count = document.count
    kinds = len(document.systems)
    print(
        f"{shown(document.path)}: {count} mention{'s' if count != 1 else ''} "
        f"of {kinds} system{'s' if kinds != 1 else ''}"
    )
    width = max(len(tally.system_id) for tally in document.systems)
    for tally in document.systems:
        named = f"  ({', '.join(tally.variants)})" if tally.variants else ""
        print(
            f"  {tally.system_id:<{width}}  {tally.count:>5}  first at {tally.line}:{tally.column}"
            + named
        )
    if others:
        print(f"  other systems named: {others}")


class _Progress:
    """A progress line on stderr, redrawn at most ten times a second."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.shown = total >= PROGRESS_FROM and sys.stderr.isatty()
        self._drawn = 0.0

    def step(self, done: int) -> None:
        now = time.monotonic()
        if self.shown and (now - self._drawn > 0.1 or done == self.total):
            self._drawn = now
            sys.stderr.write(f"\rscanning: {done}/{self.total} documents")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    """Scan the documents and print what each mentions."""
    from armsref.dataset.loading import load
    from armsref.scanning.paths import expand, scan_documents

    dataset = load(args.data)
    documents = list(expand(args.paths, args.recursive))
    progress = _Progress(len(documents))
    failed = False
    jobs = _capped(args.jobs)
    results = scan_documents(
        documents, jobs, dataset, keep_mentions=False, html=True if args.html else None
    )
    for done, document in enumerate(results, 1):
        problem = document.error or document.warning
        if problem:
            progress.clear()
            kind = "error" if document.error else "warning"
            print(f"armsref: {kind}: {shown(document.path)}: {problem}", file=sys.stderr)
        failed = failed or not document.ok
        if args.json:
            print_json(_as_json(document))
        elif document.ok:
            _print_text(document)
        progress.step(done)
    progress.clear()
    return 1 if failed else 0
