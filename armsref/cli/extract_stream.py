"""``armsref extract`` over a large text file: read in blocks, never held whole.

A plain text file larger than one block (:data:`~armsref.extraction.mentionindex.BLOCK`)
is extracted from by :func:`armsref.extraction.streaming.extract_stream`,
which gives what the in-memory reading gives, and is printed the same way,
byte for byte: the findings as they come, then (with ``--all``) the
unattributed ones, kept in a temporary file until then. A file that is
UTF-16, binary or not UTF-8 is refused with the message a small one gets,
before anything is printed; so is one that changes while it is read.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TextIO

from armsref.cli.safeoutput import shown as shown_name

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset
    from armsref.extraction.pipeline import Finding

__all__ = ["is_large_text", "print_found", "run_large"]

_HTML_SUFFIXES = (".html", ".htm")


def is_large_text(path: str) -> bool:
    """Whether ``extract`` streams ``path``: a regular, non-HTML file over one block."""
    from armsref.extraction.mentionindex import BLOCK

    if path == "-" or path.lower().endswith(_HTML_SUFFIXES):
        return False
    try:
        return os.stat(path).st_size > BLOCK
    except (OSError, ValueError):
        return False  # the in-memory reading says what is wrong with it


def run_large(
    args: argparse.Namespace,
    path: str,
    dataset: Dataset,
    as_json: Callable[[Finding], dict[str, Any]],
    as_line: Callable[[Finding], str],
    *,
    named: bool,
) -> None:
    """Extract from the large text file ``path`` and print as ``armsref extract`` does.

    ``named``: several documents are printed, each after its name (text output).

    Raises:
        DocumentError: the file cannot be read, is not UTF-8 text, or changed.
    """
    from armsref.dataset.regular import open_regular, refuse_binary
    from armsref.errors import DocumentError
    from armsref.extraction.streaming import extract_stream

    with open_regular(path) as stream:
        before = os.fstat(stream.fileno())
        refuse_binary(stream.read(8192), path)
    try:
        found = extract_stream(lambda: open_regular(path), dataset)
        first = next(found, None)  # the whole file is scanned (and checked) by then
    except DocumentError as problem:
        message = str(problem)
        raise DocumentError(message if message.startswith(path) else f"{path}: {message}") from None
    found_any = print_found(
        args, path, [first, *found] if first is not None else [], as_json, as_line,
        heading=named, checked=lambda: _check_unchanged(path, before),
    )  # fmt: skip
    if not found_any and not args.json:
        print(f"no range figures found in {shown_name(path)}", file=sys.stderr)


def print_found(
    args: argparse.Namespace,
    path: str,
    found: Iterable[Finding],
    as_json: Callable[[Finding], dict[str, Any]],
    as_line: Callable[[Finding], str],
    *,
    heading: bool = False,
    prefix: str = "",
    checked: Callable[[], None] | None = None,
) -> bool:
    """Print one document's findings as they come, as ``extract`` prints the document.

    The attributed ones first (``--json``: one line, ``path`` and ``findings``),
    then with ``--all`` the unattributed ones, kept in a temporary file meanwhile.
    ``heading`` prints the document's name first (text output); ``prefix`` starts
    each text line; ``checked`` is called once every finding is read.

    Returns:
        Whether anything was found (with ``--all``, unattributed figures count).
    """
    import tempfile

    with tempfile.TemporaryFile("w+", encoding="utf-8") as later:
        if args.json:
            sys.stdout.write('{"path": ' + _dumped(path) + ', "findings": [')
        elif heading:
            print(f"{shown_name(path)}:")

        def shown(finding: Finding, count: int, kind: str) -> str:
            if args.json:
                return (", " if count else "") + _dumped(as_json(finding))
            return f"{prefix}{kind}{as_line(finding)}\n"

        written = held = 0
        for finding in found:
            if finding.system is None:
                if args.all:
                    later.write(shown(finding, held, "unattributed: "))
                    held += 1
                continue
            sys.stdout.write(shown(finding, written, ""))
            written += 1
        if checked is not None:
            checked()
        later.seek(0)
        if args.json:
            sys.stdout.write("]")
            if args.all:
                sys.stdout.write(', "unattributed": [')
                _copy(later)
                sys.stdout.write("]")
            sys.stdout.write("}\n")
        else:
            _copy(later)
    return bool(written or held)


def _dumped(value: object) -> str:
    """``value`` as :func:`armsref.cli.output.print_json` writes it, within its line."""
    import json

    return json.dumps(value, ensure_ascii=False, indent=None)


def _copy(source: TextIO) -> None:
    while piece := source.read(1 << 20):
        sys.stdout.write(piece)


def _check_unchanged(path: str, before: os.stat_result) -> None:
    from armsref.errors import DocumentError

    after = os.stat(path)
    if (after.st_size, after.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
        raise DocumentError(f"{path}: changed while it was read; its findings are incomplete")
