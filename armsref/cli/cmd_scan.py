"""``armsref scan PATH...``: which systems each document mentions, how often, and where.

``PATH`` is a file, a folder (its ``.txt``, ``.text``, ``.md``, ``.markdown``,
``.html`` and ``.htm`` files and corpus files; with ``--recursive`` those in
its subfolders too) or ``-`` for standard input. HTML files, and standard
input that starts like an HTML page (or with ``--html``), are read as their
visible text. Corpus files hold many documents, each reported as ``FILE#ID``:
JSON Lines (``.jsonl``, ``.ndjson``; the text in ``--text-field``, the id in
``--id-field``, else the line number), Parquet (``.parquet``, the same
columns, read in batches) and web archives (``.warc``, ``.warc.gz``; each HTML
or text page, named by its address). Any of them but Parquet, and any text
file, may be compressed (``.gz``, ``.bz2``, ``.xz``, ``.zst``); each is read
as a stream.

What is printed, per document:

- by default, the systems mentioned, by first mention, with counts, the
  line:column (from 1, in characters) of the first mention and the variants
  named, then the other weapon systems it names (known by name only; never
  counted as the dataset's);
- ``--mentions``: one line per mention, ``PATH:LINE:COLUMN:SYSTEM:WORDS``;
- ``-C N``: each line holding a mention, ``PATH:LINE:TEXT``, with ``N`` lines
  of context before and after (``PATH-LINE-TEXT``) and ``--`` between groups;
- ``-l``: the names of the documents with a mention; ``-c``: ``PATH:COUNT``
  for each of them.

``--system NAME`` (repeatable, or names separated by commas) keeps only the
mentions of those systems (and leaves out the other systems named). Colour is
used on a terminal, unless ``NO_COLOR`` is set (``--color always|never|auto``).

``--json`` prints JSON Lines. By default one object per document, with these
keys, always all of them, in this order: ``path``, ``ok``, ``error`` (why not
scanned, or null), ``warning`` (such as invalid UTF-8 decoded with replacement
characters, or null), ``mention_count`` (how many mentions), ``systems``
(objects with ``id``, ``name`` (the full name), ``short``, ``count``, for the
first mention ``line``, ``column`` and ``offset``, and ``variant_ids``, the
ids of the variants named) and ``others`` (the other weapon systems named: the
same keys and ``kind``; never counted in ``mention_count``). With
``--mentions``, one object per mention: ``path``, ``line``, ``column``,
``offset``, ``system``, ``words``. With ``-C``, one object per line shown:
``type`` (``match`` or ``context``), ``path``, ``line``, ``text``, and
``mentions`` (``column``, ``system``, ``words``). Each shape has a JSON Schema
under ``schema/`` (``scan``, ``scan-mentions``, ``scan-context``).

With ``--scheduler tcp://HOST:PORT --output DIR`` the documents are scanned on
that Dask cluster and the results written to ``DIR`` as Parquet, one file per
partition (see :mod:`armsref.dask`; needs ``armsref[dask]``).

A document that cannot be scanned (missing, unreadable, a folder that cannot
be listed, a corpus line that is not JSON) gets one line on stderr,
``armsref: error: PATH: reason``, and the others are scanned all the same;
the exit code is then 1. A binary file is skipped, as ripgrep does, with a
note ``armsref: note: PATH: binary file ..., skipped``; like a warning
(``armsref: warning: PATH: reason``) it does not change the exit code. When
stderr is a terminal and there are many documents, a progress line is kept
on it.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TYPE_CHECKING, Any

from armsref.cli.output import add_command
from armsref.cli.safeoutput import shown

if TYPE_CHECKING:
    from armsref.cli.scan_output import ScanPrinter
    from armsref.corpora.corpusscan import TextSource
    from armsref.dataset.models import Dataset
    from armsref.scanning.documents import DocumentScan

#: Show progress from this many documents on.
PROGRESS_FROM = 20


def _count(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < least:
        raise argparse.ArgumentTypeError(f"must be {least} or more, got {value}")
    return value


def _jobs(text: str) -> int:
    return _count(text, 1)


def _lines(text: str) -> int:
    return _count(text, 0)


def _capped(jobs: int) -> int:
    """``--jobs``, lowered with a note to the cores this machine has."""
    from armsref.scanning.pool import usable_jobs

    usable = usable_jobs(jobs)
    if usable < jobs:
        given = str(jobs) if jobs < 10**12 else f"{str(jobs)[:12]}..."
        print(
            f"armsref: note: --jobs {given} is more than the {usable} cores here; using {usable}",
            file=sys.stderr,
        )
    return usable


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``scan`` subcommand."""
    parser = add_command(
        subparsers,
        common,
        "scan",
        summary="list the systems each document mentions, with counts and positions",
        description="Find every mention of a known system in text, Markdown and HTML\n"
        "documents and in corpus files (JSON Lines, Parquet, WARC, compressed text).\n"
        "Prints, per document, the systems by first mention with their counts and the\n"
        "line:column of the first mention; or each mention, lines of context, names or\n"
        "counts. Exits 1 if a document could not be scanned (each said on stderr), 0\n"
        "otherwise; binary files are skipped with a note.",
        examples="armsref scan article.txt\n  armsref scan --recursive --jobs 2 articles/\n"
        "  armsref scan --mentions -C 1 --system atacms,eram articles/\n"
        "  armsref scan -l news.jsonl.gz --text-field body --id-field url\n"
        "  curl -s https://example.org/a | armsref scan --json -",
    )
    parser.add_argument(
        "paths",
        metavar="PATH",
        nargs="+",
        help="a file; a folder (its text, HTML and corpus files); or - for standard input",
    )
    parser.add_argument("--json", action="store_true", help="print JSON Lines")
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument("--mentions", action="store_true", help="print one line per mention")
    shape.add_argument(
        "-l", "--files-with-mentions", action="store_true", help="print only the documents' names"
    )
    shape.add_argument("-c", "--count", action="store_true", help="print PATH:COUNT per document")
    parser.add_argument(
        "-C", "--context", type=_lines, metavar="N", help="show N lines around each mention"
    )
    parser.add_argument(
        "--system",
        action="append",
        metavar="NAME",
        help="only mentions of this system (repeat, or separate names with commas)",
    )
    parser.add_argument(
        "--color",
        "--colour",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the output (default: on a terminal, unless NO_COLOR is set)",
    )
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
    parser.add_argument(
        "--text-field", default="text", metavar="NAME", help="JSON/Parquet text field (text)"
    )
    parser.add_argument(
        "--id-field", metavar="NAME", help="JSON/Parquet id field (default: number them)"
    )
    parser.add_argument(
        "--scheduler", metavar="URL", help="scan on this Dask scheduler (tcp://HOST:PORT)"
    )
    parser.add_argument("--output", metavar="DIR", help="with --scheduler: write Parquet here")
    parser.set_defaults(run=run)


class _Progress:
    """A progress line on stderr, redrawn at most ten times a second."""

    def __init__(self, total: int | None) -> None:
        self.total = total
        self.shown = sys.stderr.isatty() and (total is None or total >= PROGRESS_FROM)
        self._drawn = 0.0

    def step(self, done: int) -> None:
        now = time.monotonic()
        if self.shown and (now - self._drawn > 0.1 or done == self.total):
            self._drawn = now
            of = f"/{self.total}" if self.total is not None else ""
            plural = "s" if (self.total or done) != 1 else ""
            sys.stderr.write(f"\rscanning: {done}{of} document{plural}")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def _chosen_systems(names: list[str] | None, dataset: Dataset) -> frozenset[str] | None:
    """The ids ``--system`` names, or ``None`` for all."""
    if not names:
        return None
    from armsref.dataset.lookup import index
    from armsref.errors import ArmsrefError, InputError

    lookup = index(dataset)
    chosen = set()
    for name in (part.strip() for value in names for part in value.split(",")):
        try:
            chosen.add(lookup.get(name).id)
        except ArmsrefError as error:
            raise InputError(f"--system: {str(error).splitlines()[0]}") from None
    return frozenset(chosen)


def _check(args: argparse.Namespace) -> None:
    from armsref.errors import InputError

    lines = args.mentions or args.context is not None
    if args.context is not None and (args.files_with_mentions or args.count):
        raise InputError("-C/--context goes with --mentions, not with -l or -c")
    if args.json and (args.files_with_mentions or args.count):
        raise InputError("--json goes with the per-document or per-mention output, not -l or -c")
    if (args.scheduler is None) != (args.output is None):
        raise InputError("--scheduler and --output go together")
    if args.scheduler is not None and (lines or args.files_with_mentions or args.count):
        raise InputError(
            "--scheduler writes per-document results; leave out --mentions, -C, -l, -c"
        )


def _show(
    printer: ScanPrinter, args: argparse.Namespace, document: DocumentScan, text: TextSource
) -> None:
    from armsref.corpora.lines import walk

    if document.mentions:
        lines = walk(text(), document.mentions, args.context or 0)
        if args.context is not None:
            printer.context(document, lines)
        else:
            printer.mentions(document, lines)


def _said(document: DocumentScan, progress: _Progress) -> bool:
    """Say a document's error, warning or note on stderr; whether it is to be shown."""
    from armsref.corpora.corpusscan import is_binary

    problem = document.error or document.warning
    if problem:
        progress.clear()
        binary = is_binary(document)
        kind = "note" if binary else "error" if document.error else "warning"
        print(f"armsref: {kind}: {shown(document.path)}: {problem}", file=sys.stderr)
        return not binary
    return True


def run(args: argparse.Namespace) -> int:
    """Scan the documents and print what each mentions."""
    from functools import partial

    from armsref.cli.scan_output import ScanPrinter, only, render, use_colour
    from armsref.corpora.corpusscan import expand_inputs, holds_many, is_plain_file, scan_items
    from armsref.corpora.records import Fields
    from armsref.dataset.loading import load
    from armsref.scanning.documents import DocumentScan

    _check(args)
    dataset = load(args.data)
    chosen = _chosen_systems(args.system, dataset)
    fields = Fields(args.text_field, args.id_field)
    if args.scheduler is not None:
        from armsref.dask import scan_to_parquet

        return scan_to_parquet(
            args.paths,
            args.scheduler,
            args.output,
            recursive=args.recursive,
            dataset=dataset,
            fields=fields,
        )
    keep = args.mentions or args.context is not None
    shape = "listed" if args.files_with_mentions else "counted" if args.count else "summary"
    colour = use_colour(args.color)
    items = list(expand_inputs(args.paths, args.recursive))
    progress = _Progress(None if any(holds_many(item) for item in items) else len(items))
    failed = False
    write = sys.stdout.write
    jobs = _capped(args.jobs)
    if not keep and jobs > 1 and all(is_plain_file(i) and i != "-" for i in items):
        # Only text per document: the workers render it, this process only writes.
        from armsref.corpora.smallfiles import scan_rendered

        show = partial(render, shape=shape, colour=colour, as_json=args.json, chosen=chosen)
        paths = [item for item in items if isinstance(item, str)]
        rendered = scan_rendered(paths, jobs, dataset, show)
        for done, (path, error, warning, shown_text) in enumerate(rendered, 1):
            if (error or warning) and not _said(
                DocumentScan(path, error=error, warning=warning), progress
            ):
                continue
            failed = failed or error is not None
            write(shown_text)
            progress.step(done)
        progress.clear()
        return 1 if failed else 0
    printer = ScanPrinter(colour=colour, as_json=args.json)
    html = True if args.html else None
    results = scan_items(items, jobs, dataset, keep_mentions=keep, fields=fields, html=html)
    for done, (document, text) in enumerate(results, 1):
        if not _said(document, progress):
            continue
        failed = failed or not document.ok
        if keep:
            _show(printer, args, only(document, chosen), text)
        else:
            write(render(document, shape, colour, args.json, chosen))
        progress.step(done)
    progress.clear()
    return 1 if failed else 0
