"""``armsref sources``: the documents the dataset quotes.

``--json`` prints a list of objects with the keys ``id``, ``file``, ``outlet``,
``title``, ``published`` (ISO date or null), ``url``, ``retrieved`` (ISO date or
null), ``archive_url``, ``cite`` (a "cite as" line), ``sha256``, ``claim_count``
(how many claims) and ``system_ids`` (ids of the systems it gives ranges for).
"""

from __future__ import annotations

import argparse
from typing import Any

from armsref.cli.output import add_command, print_json


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``sources`` subcommand."""
    parser = add_command(
        subparsers,
        common,
        "sources",
        summary="the documents the dataset quotes",
        description="List the source documents, what they state about themselves, and how "
        "many range claims each supports.",
        examples="armsref sources\n  armsref sources --format grid\n  armsref sources --json",
    )
    parser.add_argument(
        "--format",
        default="github",
        metavar="F",
        dest="fmt",
        help="csv or any tabulate format (default github); csv, tsv and html are unpadded",
    )
    parser.add_argument("--json", action="store_true", help="print the sources as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the sources."""
    from armsref.dataset.loading import load
    from armsref.views.citations import source_fields
    from armsref.views.formats import check_format, render, terminal_width

    dataset = load(args.data)
    data = [
        {
            "id": s.id,
            "file": s.file,
            **source_fields(s),
            "sha256": s.sha256,
            "claim_count": len(s.claims),
            "system_ids": [x.id for x in s.systems],
        }
        for s in dataset.sources
    ]
    if args.json:
        print_json(data)
        return 0
    check_format(args.fmt)
    body = [
        [
            d["id"],
            d["outlet"] or "—",
            d["title"] or "—",
            d["published"] or "—",
            d["file"],
            d["claim_count"],
        ]
        for d in data
    ]
    headers = ["Id", "Outlet", "Title", "Published", "File", "Claims"]
    print(render(headers, body, args.fmt, wrap=2, width=terminal_width()))
    return 0
