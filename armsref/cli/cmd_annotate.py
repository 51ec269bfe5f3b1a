"""``armsref annotate FILE... [-o OUT.html]``: a page to review documents by eye.

Writes one self-contained HTML page (:mod:`armsref.views.page`): each
document's visible text with every mention of the dataset's systems marked in
its system's colour, other weapon systems marked apart, every range figure
marked with its number and a label (the system it was given to, its
qualifier, its value in a second unit) linked to the name it was given by,
unattributed figures marked as such, and beside the text the reviewer's
checklist: for each figure, whether the dataset holds it (claim ids), lacks
it, or disagrees with a claim. The range chart of the systems the documents
name follows, where matplotlib is installed (``armsref[plot]``); otherwise
the page says so.

Without ``-o`` the page goes to stdout. Several FILEs make one page, a section
each. A FILE that cannot be read is one ``armsref: error:`` line and exit 1,
and no page is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from armsref.cli.output import add_command

if TYPE_CHECKING:
    from armsref.dataset.models import Dataset
    from armsref.views.annotated import Annotated


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``annotate`` subcommand."""
    parser = add_command(
        subparsers,
        common,
        "annotate",
        summary="an HTML page of documents with their systems and figures marked, for review",
        description="Write a self-contained HTML page showing each document's text with the "
        "systems it names and the range figures it gives marked, each figure labelled with "
        "the system it was given to, and a checklist of what the dataset already holds.",
        examples="armsref annotate article.html -o review.html\n"
        "  armsref annotate seeds/004_0e120a5187f68c70.txt > review.html\n"
        "  armsref annotate one.txt two.html --unit mi -o review.html",
    )
    parser.add_argument(
        "files", metavar="FILE", nargs="+", help="a UTF-8 text or HTML document; repeatable"
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT.html", help="write the page here (default: stdout)"
    )
    parser.add_argument(
        "--unit", default="km", metavar="U", help="unit of the range chart (default km)"
    )
    parser.set_defaults(run=run)


def _chart(documents: list[Annotated], dataset: Dataset, unit: str) -> str | None:
    """The chart of the systems the documents name (all, if they name none)."""
    from armsref.views.chart import chart_svg_element

    named = {system for doc in documents for system in doc.named}
    systems = [s.id for s in dataset.systems if s.id in named] or None
    return chart_svg_element(dataset, systems, unit)


def run(args: argparse.Namespace) -> int:
    """Annotate the documents and write the page."""
    from armsref.cli import error
    from armsref.curation.intake import read_document
    from armsref.dataset.loading import load
    from armsref.errors import DocumentError
    from armsref.lengths.units import unit_name
    from armsref.views.annotated import annotate, source_of
    from armsref.views.page import page

    unit_name(args.unit)  # an unknown unit is a usage error before any work
    dataset = load(args.data)
    documents = []
    failed = False
    for path in args.files:
        try:
            raw, text = read_document(path)
        except DocumentError as problem:
            error(str(problem))
            failed = True
            continue
        documents.append(annotate(text, dataset, name=path, source=source_of(raw, dataset)))
    if failed:
        return 1
    html = page(documents, _chart(documents, dataset, args.unit))
    if args.output is None:
        sys.stdout.write(html)
    else:
        Path(args.output).write_text(html, encoding="utf-8")
    return 0
