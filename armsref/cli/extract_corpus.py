"""``armsref extract`` over corpus files: every document in a JSON Lines, Parquet or WARC
file, or a compressed text file, read as ``armsref scan`` reads it.

Each document is named ``FILE#ID`` (see :mod:`armsref.corpora.records`). A
compressed text file (not HTML) is one document, named ``FILE``, and is read in
blocks like a large text file (:mod:`armsref.extraction.streaming`), decompressed
once for its mentions and once for its text.
Text output prefixes each finding with the document's name; ``--json`` prints
one object per document (JSON Lines) with ``path``, ``findings`` and, with
``--all``, ``unattributed``. A document that cannot be read is one line on
stderr and makes the exit code 1; the others are read all the same.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from armsref.cli.output import print_json
from armsref.cli.safeoutput import shown

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset
    from armsref.extraction.pipeline import Finding

__all__ = ["is_corpus", "run_corpus"]


def is_corpus(path: str) -> bool:
    """Whether ``extract`` reads ``path`` as a corpus file (by its name)."""
    from armsref.corpora.formats import layout

    shape = layout(path)
    return path != "-" and (shape.kind != "text" or shape.compression is not None)


def run_corpus(
    args: argparse.Namespace,
    path: str,
    dataset: Dataset,
    as_json: Callable[[Finding], dict[str, Any]],
    as_line: Callable[[Finding], str],
) -> int:
    """Extract from every document in the corpus file ``path``; return 1 if one failed.

    ``as_json`` and ``as_line`` show one finding, as ``armsref extract`` does.
    """
    from armsref.corpora.corpusscan import codec_errors
    from armsref.corpora.records import Fields, file_records
    from armsref.errors import InputError
    from armsref.extraction.pipeline import extract_all

    if args.yaml:
        raise InputError("--yaml takes one document; corpus files hold many (use --json)")
    failed = found = False
    try:
        streamed = _streamed(args, path, dataset, as_json, as_line)
        records = (
            ()
            if streamed is not None
            else file_records(path, Fields(args.text_field, args.id_field))
        )
        found = bool(streamed)
        for record in records:
            if record.error is not None:
                kind = "note" if record.error.startswith("binary file") else "error"
                print(f"armsref: {kind}: {shown(record.name)}: {record.error}", file=sys.stderr)
                failed = failed or kind == "error"
                continue
            if record.warning is not None:
                print(f"armsref: warning: {shown(record.name)}: {record.warning}", file=sys.stderr)
            result = extract_all(record.text, dataset)
            unattributed = result.unattributed if args.all else ()
            found = found or bool(result.findings or unattributed)
            if args.json:
                entry: dict[str, Any] = {
                    "path": record.name,
                    "findings": [as_json(f) for f in result.findings],
                }
                if args.all:
                    entry["unattributed"] = [as_json(f) for f in unattributed]
                print_json(entry)
                continue
            for finding in result.findings:
                print(f"{shown(record.name)}: {as_line(finding)}")
            for finding in unattributed:
                print(f"{shown(record.name)}: unattributed: {as_line(finding)}")
    except FileNotFoundError:
        print(f"armsref: error: {shown(path)}: no such file", file=sys.stderr)
        return 1
    except codec_errors() as error:
        print(f"armsref: error: {shown(path)}: {error}", file=sys.stderr)
        return 1
    if not found and not args.json:
        print(f"no range figures found in {shown(path)}", file=sys.stderr)
    return 1 if failed else 0


def _streamed(
    args: argparse.Namespace,
    path: str,
    dataset: Dataset,
    as_json: Callable[[Finding], dict[str, Any]],
    as_line: Callable[[Finding], str],
) -> bool | None:
    """Extract from a compressed text file in blocks, decompressing twice (never whole).

    Returns:
        Whether anything was found; ``None`` where the file is read whole instead
        (HTML, a NUL in its first 64 KiB, not UTF-8: the whole reading says so).
    """
    from armsref.cli.extract_stream import print_found
    from armsref.corpora.formats import layout, open_decompressed
    from armsref.errors import DocumentError
    from armsref.extraction.streaming import extract_stream

    shape = layout(path)
    if shape.kind != "text" or shape.html or shape.compression is None:
        return None
    with open_decompressed(path, shape.compression) as stream:
        if b"\0" in stream.read(64 << 10):
            return None
    found = extract_stream(lambda: open_decompressed(path, shape.compression), dataset)
    try:
        first = next(found, None)  # the whole file is scanned (and checked) by then
    except DocumentError:
        return None
    return print_found(
        args, path, [first, *found] if first is not None else [], as_json, as_line,
        prefix=f"{shown(path)}: ",
    )  # fmt: skip
