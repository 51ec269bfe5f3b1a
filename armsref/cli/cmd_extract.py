"""``armsref extract FILE``: the range figures a document gives, and for which system.

Changes nothing. ``--json`` prints one object: ``findings``, a list of objects
with the keys ``system``, ``value`` or ``low``/``high``, ``unit``, ``qualifier``,
``also`` (``value`` or ``low``/``high``, ``unit``; or null), ``quote``,
``start`` and ``end``; with ``--all`` also ``unattributed``, the same shape
with ``system`` null. ``--yaml`` prints ``data/claims.yaml`` entries ready to
paste (unattributed figures as comments).
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
        "  armsref extract seeds/004_0e120a5187f68c70.txt --yaml",
    )
    parser.add_argument("file", metavar="FILE", help="a UTF-8 text file, or - for stdin")
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
    entry: dict[str, Any] = {"system": finding.system_id}
    if finding.value is not None:
        entry["value"] = finding.value
    else:
        entry.update(low=finding.low, high=finding.high)
    entry.update(unit=finding.unit, qualifier=finding.qualifier, also=None)
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


def run(args: argparse.Namespace) -> int:
    """Extract the document's range figures and print them."""
    from armsref.curation.intake import read_document
    from armsref.dataset.loading import load
    from armsref.dataset.regular import read_limited, text_of
    from armsref.extraction.pipeline import extract_all

    if args.file == "-":
        from armsref.curation.documents import document_text

        # Bounded: at most MAX_DOCUMENT bytes are read (`extract - < /dev/zero` is refused).
        raw = read_limited(sys.stdin.buffer, "stdin")
        text_of(raw, "stdin")  # binary, UTF-16 or not UTF-8: refused, saying which
        text = document_text("-", raw)
    else:
        raw, text = read_document(args.file)
    result = extract_all(text, load(args.data))
    unattributed = result.unattributed if args.all else ()
    if args.json:
        shown: dict[str, Any] = {"findings": [_as_json(f) for f in result.findings]}
        if args.all:
            shown["unattributed"] = [_as_json(f) for f in unattributed]
        print_json(shown)
    elif args.yaml:
        from armsref.curation.yamlwrite import render_entries

        source = _source_id(args.file, raw, args.data)
        claims = [f.to_claim(source) for f in result.findings]
        if claims:
            print(render_entries(claims), end="")
        for finding in unattributed:
            print(f"# unattributed: {finding.figure}: {finding.quote}")
    else:
        for finding in result.findings:
            print(_line(finding))
        for finding in unattributed:
            print(f"unattributed: {_line(finding)}")
        if not result.findings and not unattributed:
            print(f"no range figures found in {shown_name(args.file)}", file=sys.stderr)
    return 0
