"""``armsref add-source PATH...``: add documents, with their range figures to review.

Each document (a file, or the text files of a folder) becomes its own source:
copied into ``seeds/``, recorded in ``data/sources.yaml`` with its sha256, its
range figures appended to ``data/claims.yaml`` with new ids and ``status:
unreviewed`` (see ``armsref review``). Hand-written YAML is left byte for
byte; each file is written atomically. Only a working copy is written to (see
``armsref init``), never the shipped dataset.

A document already present, an id already taken, or a file that is not UTF-8
text is refused with one line on stderr (exit code 1), the other documents
added all the same; an invalid option is a usage error (2); either way a
refused document changes nothing. ``--id``, ``--title``, ``--published`` and
``--url`` describe one document and need exactly one.
"""

from __future__ import annotations

import argparse
from typing import Any

from armsref.cli.output import add_command
from armsref.errors import InputError


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``add-source`` subcommand."""
    parser = add_command(
        subparsers,
        common,
        "add-source",
        summary="add a document to the dataset, with its range figures as claims to review",
        description="Copy a UTF-8 text document into seeds/, record it in data/sources.yaml "
        "and append the range figures it gives to data/claims.yaml as unreviewed claims.",
        examples="armsref add-source article.txt --id cnn-tomahawk --outlet CNN "
        "--published 2025-10-16\n  armsref add-source article.txt --data ./my-dataset\n"
        "  armsref add-source articles/ more.txt",
    )
    parser.add_argument(
        "paths",
        metavar="PATH",
        nargs="+",
        help="a UTF-8 text document, or a folder of them (.txt, .text, .md, .markdown, "
        ".html, .htm); each becomes its own source",
    )
    parser.add_argument(
        "--recursive", action="store_true", help="also read the folders inside folders"
    )
    parser.add_argument(
        "--id", metavar="ID", help="the source id (default: from title or file; one FILE only)"
    )
    parser.add_argument("--outlet", metavar="O", help="the outlet, as the text states it")
    parser.add_argument("--title", metavar="T", help="the title, as the text states it")
    parser.add_argument(
        "--published", metavar="DATE", help="publication date as the text states it, YYYY-MM-DD"
    )
    parser.add_argument("--url", metavar="URL", help="where the document was published")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Add each document as its own source and say what was recorded."""
    from armsref.cli import error
    from armsref.curation.intake import add_source
    from armsref.errors import DocumentError, DuplicateError
    from armsref.scanning.paths import expand

    documents = list(expand(args.paths, args.recursive))
    one = [name for name in ("id", "title", "published", "url") if getattr(args, name)]
    if len(documents) > 1 and one:
        raise InputError(
            f"--{one[0]} describes one document; give it with one FILE, not {len(documents)}"
        )
    failed = added_claims = 0
    for document in documents:
        if not isinstance(document, str):
            error(f"{document.path}: {document.error}")
            failed += 1
            continue
        try:
            added = add_source(
                document,
                id=args.id,
                outlet=args.outlet,
                title=args.title,
                published=args.published,
                url=args.url,
                data=args.data,
            )
        except (DocumentError, DuplicateError) as problem:
            if len(documents) == 1:
                raise
            error(str(problem))
            failed += 1
            continue
        count = len(added.claims)
        added_claims += count
        print(
            f"added source {added.source!r} as {added.file} with {count} "
            f"claim{'s' if count != 1 else ''} to review"
        )
        for claim in added.claims:
            print(f"  {claim['id']}  {claim['system']}: {claim['qualifier']} {claim['quote']!r}")
    if added_claims:
        print("review them with: armsref review")
    return 1 if failed else 0
