"""``armsref export``: the dataset as files spreadsheets, pandas, SQLite and Datasette open.

``--format csv`` writes a folder of one CSV per table (``systems``,
``variants``, ``sources``, ``claims``; with ``--table NAME``, that table
alone, as one file), UTF-8 with a byte-order mark, whole, spreadsheet-safe.
``jsonl`` writes one JSON Lines file, one object per row, its first key
``table``. ``sqlite`` writes a SQLite database (sqlite-utils: ``pip install
'armsref[datasette]'``) with keys and full-text search on quotes, and
``NAME.metadata.json`` beside it for ``datasette NAME.db --metadata
NAME.metadata.json``. ``datapackage`` writes a Frictionless data package
folder. The columns are described in :mod:`armsref.views.columns`.

Claims of every status are exported with their ``status`` (``--accepted-only``
keeps the accepted ones); ``converted_*`` columns are in ``--unit`` (km).
What is written appears whole or not at all; an existing ``PATH`` is refused
(exit 1) unless ``--force``. An unknown format, table or unit, or a missing
``-o``, is one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
from typing import Any

from armsref.cli.output import add_command


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``export`` subcommand."""
    parser = add_command(
        subparsers,
        common,
        "export",
        summary="the dataset as CSV, JSON Lines, SQLite (for Datasette) or a data package",
        description="Write the systems, variants, sources and claims (ids, status, figures as "
        "written and converted, quotes, source details) as files other tools open.",
        examples="armsref export --format sqlite -o ref.db && datasette ref.db -m "
        "ref.metadata.json\n  armsref export --format csv -o armsref-csv/\n"
        "  armsref export --format csv --table claims -o claims.csv --unit mi\n"
        "  armsref export --format jsonl -o armsref.jsonl --force\n"
        "  armsref export --format datapackage -o armsref-package/",
    )
    parser.add_argument(
        "--format",
        dest="fmt",
        metavar="F",
        help="csv, jsonl, sqlite or datapackage",
    )
    parser.add_argument("-o", "--output", metavar="PATH", help="the file or folder to write")
    parser.add_argument(
        "--table",
        metavar="NAME",
        help="only this table (systems, variants, sources or claims); csv and jsonl only",
    )
    parser.add_argument(
        "--unit", default="km", metavar="U", help="unit of the converted_* columns (default km)"
    )
    parser.add_argument(
        "--accepted-only",
        action="store_true",
        help="only claims a curator accepted (default: every claim, with its status)",
    )
    parser.add_argument("--force", action="store_true", help="replace what is at PATH")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the export."""
    from armsref.dataset.loading import load
    from armsref.errors import ArmsrefError, InputError
    from armsref.exports.writing import FORMATS, export

    if not args.fmt:
        raise InputError(f"export needs --format, one of {', '.join(FORMATS)}")
    if not args.output:
        raise InputError("export needs -o PATH, the file or folder to write")
    include = "accepted" if args.accepted_only else "all"
    try:
        export(
            args.fmt,
            args.output,
            dataset=load(args.data) if args.fmt in FORMATS else None,
            unit=args.unit,
            include=include,
            table=args.table,
            force=args.force,
        )
    except OSError as problem:
        raise ArmsrefError(f"{args.output}: cannot write: {problem.strerror or problem}") from None
    return 0
