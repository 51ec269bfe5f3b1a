"""``armsref extract PATH...``: the range figures documents give, and for which system.

``PATH`` is a file, a folder (read as ``armsref scan`` reads one) or ``-``.
Changes nothing. A corpus file named as a PATH (JSON Lines, Parquet, WARC,
compressed text) is read document by document, as ``armsref scan`` reads it
(see :mod:`armsref.cli.extract_corpus`). A document that cannot be read is one
``armsref: error:`` line on stderr; the others are read all the same, and the
exit code is 1.

``--json`` prints one object per document, one per line: ``path`` (for a
document in a corpus file, ``FILE#ID``), and ``findings``, a list of objects
with the keys ``system``, ``figure`` (as written, with its hedge), ``value`` or
``low``/``high``, ``unit`` (as written), ``qualifier``, ``approximate``,
``variant``, ``condition``, ``also`` (``value`` or ``low``/``high``, ``unit``;
or null), ``quote``, ``start`` and ``end``; with ``--all`` also
``unattributed``, the same shape with ``system`` null (schema:
``schema/extract.schema.json``). ``--yaml`` prints ``data/claims.yaml`` entries ready to
paste, each with a new id (unattributed figures as comments).

A text file of more than 4 MiB is read in blocks, in bounded memory, with the
same output (see :mod:`armsref.cli.extract_stream`); ``--yaml`` and stdin read
a document whole (at most 32 MiB).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from armsref.cli.output import add_command, print_json
from armsref.cli.safeoutput import shown as shown_name

if TYPE_CHECKING:
    from armsref.extraction.pipeline import Finding


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``extract`` subcommand."""
    parser = add_command(
        subparsers,
        common,
        "extract",
        summary="list the range figures a document gives, each with its system and quote",
        description="Find every range figure in a UTF-8 text file and say which system it "
        "belongs to. Prints the findings; changes nothing.",
        examples="armsref extract article.txt\n  armsref extract article.txt --all --json\n"
        "  armsref extract seeds/004_0e120a5187f68c70.txt --yaml\n  armsref extract articles/",
    )
    parser.add_argument(
        "paths",
        metavar="PATH",
        nargs="+",
        help="a UTF-8 text file; a folder (its .txt, .text, .md, .markdown, .html, .htm "
        "files); - for stdin; or a corpus file (.jsonl, .parquet, .warc[.gz], text "
        "compressed with .gz/.bz2/.xz/.zst): each document in it",
    )
    parser.add_argument(
        "--recursive", action="store_true", help="also read the folders inside folders"
    )
    parser.add_argument(
        "--text-field", default="text", metavar="NAME", help="JSON/Parquet text field (text)"
    )
    parser.add_argument(
        "--id-field", metavar="NAME", help="JSON/Parquet id field (default: number them)"
    )
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="print the findings as JSON")
    shape.add_argument(
        "--yaml", action="store_true", help="print data/claims.yaml entries ready to paste"
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help="also list range figures given to no known system (never guessed onto one)",
    )
    parser.set_defaults(run=run)


def _as_json(finding: Finding) -> dict[str, Any]:
    entry: dict[str, Any] = {"system": finding.system_id, "figure": finding.figure}
    if finding.value is not None:
        entry["value"] = finding.value
    else:
        entry.update(low=finding.low, high=finding.high)
    entry.update(
        unit=finding.unit,
        qualifier=finding.qualifier,
        approximate=finding.approximate,
        variant=finding.variant,
        condition=finding.condition,
        also=None,
    )
    if finding.also is not None:
        a = finding.also
        also = {"value": a.value} if a.value is not None else {"low": a.low, "high": a.high}
        entry["also"] = {**also, "unit": a.unit}
    entry.update(quote=finding.quote, start=finding.start, end=finding.end)
    return entry


def _line(finding: Finding) -> str:
    figure = finding.figure
    if finding.also is not None:
        from armsref.lengths.hedges import describe

        a = finding.also
        figure += f" ({describe('exact', a.value, a.low, a.high, a.unit)})"
    return f"{finding.system_id or '?'}: {figure}  “{finding.quote}”"


def _source_id(path: str, raw: bytes, data: str | None) -> str:
    """The id the document has in the dataset, or the one ``add-source`` would give it."""
    import hashlib
    from pathlib import Path

    from armsref.curation.intake import slug
    from armsref.dataset.loading import load

    digest = hashlib.sha256(raw).hexdigest()
    for source in load(data).sources:
        if source.sha256 == digest:
            return source.id
    return slug(Path(path).stem) if path != "-" else "new-source"


def _read(path: str) -> tuple[bytes, str]:
    from armsref.curation.intake import read_document

    if path != "-":
        return read_document(path)
    from armsref.curation.documents import document_text
    from armsref.dataset.regular import read_limited, text_of

    # Bounded: at most MAX_DOCUMENT bytes are read (`extract - < /dev/zero` is refused).
    raw = read_limited(sys.stdin.buffer, "stdin")
    text_of(raw, "stdin")  # binary, UTF-16 or not UTF-8: refused, saying which
    return raw, document_text("-", raw)


def run(args: argparse.Namespace) -> int:
    """Extract each document's range figures and print them."""
    from armsref.cli import error
    from armsref.cli.extract_corpus import is_corpus, run_corpus
    from armsref.cli.extract_stream import is_large_text, run_large
    from armsref.dataset.loading import load
    from armsref.errors import DocumentError, InputError
    from armsref.extraction.pipeline import extract_all
    from armsref.scanning.paths import expand_documents

    dataset = load(args.data)
    documents = list(expand_documents(args.paths, args.recursive))
    if args.yaml and any(isinstance(d, str) and is_corpus(d) for d in documents):
        raise InputError("--yaml takes documents one by one; corpus files hold many (use --json)")
    taken = {claim.id for claim in dataset.claims if claim.id}
    failed = False
    for document in documents:
        if not isinstance(document, str):
            error(f"{document.path}: {document.error}")
            failed = True
            continue
        if is_corpus(document):
            failed = run_corpus(args, document, dataset, _as_json, _line) != 0 or failed
            continue
        if not args.yaml and is_large_text(document):
            try:
                run_large(args, document, dataset, _as_json, _line, named=len(documents) > 1)
            except DocumentError as problem:
                error(str(problem))
                failed = True
            continue
        try:
            raw, text = _read(document)
        except DocumentError as problem:
            error(str(problem))
            failed = True
            continue
        result = extract_all(text, dataset)
        unattributed = result.unattributed if args.all else ()
        if args.json:
            shown: dict[str, Any] = {
                "path": document,
                "findings": [_as_json(f) for f in result.findings],
            }
            if args.all:
                shown["unattributed"] = [_as_json(f) for f in unattributed]
            print_json(shown)
        elif args.yaml:
            _print_yaml(document, raw, result.findings, unattributed, taken=taken, data=args.data)
        else:
            if len(documents) > 1:
                print(f"{shown_name(document)}:")
            for finding in result.findings:
                print(_line(finding))
            for finding in unattributed:
                print(f"unattributed: {_line(finding)}")
            if not result.findings and not unattributed:
                print(f"no range figures found in {shown_name(document)}", file=sys.stderr)
    return 1 if failed else 0


def _print_yaml(
    path: str,
    raw: bytes,
    findings: tuple[Finding, ...],
    unattributed: tuple[Finding, ...],
    *,
    taken: set[str],
    data: str | None,
) -> None:
    """Print claims ready to paste, with new ids no claim in the dataset has."""
    from armsref.curation.yamlwrite import render_entries
    from armsref.dataset.claimids import next_id

    source = _source_id(path, raw, data)
    claims = []
    for finding in findings:
        entry = finding.to_claim(source)
        taken.add(claim_id := next_id(entry["system"], taken))
        claims.append({"id": claim_id, **entry})
    if claims:
        print(render_entries(claims), end="")
    for finding in unattributed:
        print(f"# unattributed: {finding.figure}: {finding.quote}")
