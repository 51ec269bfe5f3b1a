"""``armsref add-source FILE``: add a document, with its range figures to review.

Copies the document into ``seeds/``, records it in ``data/sources.yaml`` with
its sha256, and appends its range figures to ``data/claims.yaml`` marked
``reviewed: false``. Hand-written YAML is left byte for byte; the three files
are written as one change under the dataset's lock, whole or not at all (see
:mod:`armsref.dataset.journal`). A document already present, an id already
taken, an invalid option (exit 2), a file that is not UTF-8 text or an
unwritable dataset (exit 1) is refused with one line on stderr and nothing
changed.
"""

from __future__ import annotations

import argparse
from typing import Any

from armsref.cli.output import add_command


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
        "--published 2025-10-16\n  armsref add-source article.txt --data ./my-dataset",
    )
    parser.add_argument("file", metavar="FILE", help="the document, a UTF-8 text file")
    parser.add_argument("--id", metavar="ID", help="the source id (default: from title or file)")
    parser.add_argument("--outlet", metavar="O", help="the outlet, as the text states it")
    parser.add_argument("--title", metavar="T", help="the title, as the text states it")
    parser.add_argument(
        "--published", metavar="DATE", help="publication date as the text states it, YYYY-MM-DD"
    )
    parser.add_argument("--url", metavar="URL", help="where the document was published")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Add the document and say what was recorded."""
    from armsref.curation.intake import add_source

    added = add_source(
        args.file,
        id=args.id,
        outlet=args.outlet,
        title=args.title,
        published=args.published,
        url=args.url,
        data=args.data,
    )
    count = len(added.claims)
    print(
        f"added source {added.source!r} as {added.file} with {count} "
        f"claim{'s' if count != 1 else ''} to review"
    )
    for claim in added.claims:
        print(f"  {claim['system']}: {claim['qualifier']} {claim['quote']!r}")
    if count:
        print("review them in data/claims.yaml and set reviewed: true")
    return 0
