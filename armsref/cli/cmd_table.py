"""``armsref table``: the systems and the ranges sources report, as a table.

Claims no curator has accepted are shown marked ``[unreviewed]``; with
``--accepted-only`` they are left out; rejected claims appear only with
``--all``. The claims view, in a plain-text format, ends with a "cite as" line
for each source it quotes. ``--json`` prints :func:`armsref.views.tables.rows`
(each claims row has its source's citation fields and ``cite``).

``--format csv`` (spreadsheet-safe), ``tsv``, ``html`` and ``--json`` hold
every value whole and unpadded; a text format wraps long quotes to the
terminal's width (``COLUMNS``, else the terminal's; output to a file or a
pipe is not wrapped), never cuts them.
(each claims row has its source's citation fields and ``cite``). With
``--format html`` the range chart follows the table as inline SVG
(:func:`armsref.views.chart.chart_html`; a note instead without matplotlib).
"""

from __future__ import annotations

import argparse
from typing import Any

from armsref.cli.output import add_command, add_include, include_of, print_json

#: The formats read as plain text, after which "cite as" lines may follow.
PLAIN_FORMATS = frozenset(
    {"github", "grid", "simple", "plain", "pipe", "psql", "rst", "orgtbl", "outline"}
)

#: The HTML formats, after which the range chart follows (or a note that it needs matplotlib).
HTML_FORMATS = frozenset({"html", "unsafehtml"})


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``table`` subcommand."""
    parser = add_command(
        subparsers,
        common,
        "table",
        summary="the systems and their reported ranges, as a table (the main job)",
        description="Print the reported ranges as a table: one row per system (summary) or "
        "one row per claim (claims), converted to any unit, in any tabulate format.",
        examples="armsref table\n  armsref table --unit mi --format grid\n"
        "  armsref table --view claims --system tomahawk --system ERAM\n"
        "  armsref table --view claims --source cnn-longer-range-missiles --json\n"
        "  armsref table --view claims --accepted-only",
    )
    parser.add_argument(
        "--view",
        choices=("summary", "claims"),
        default="summary",
        help="one row per system (default) or per claim",
    )
    parser.add_argument(
        "--unit",
        default="km",
        metavar="U",
        help="unit to show figures in: km (default), mi, nmi, m, ft, ...",
    )
    parser.add_argument(
        "--format",
        default="github",
        metavar="F",
        dest="fmt",
        help="csv or any tabulate format: github (default), grid, simple, pipe, latex, html, "
        "tsv, ...; text formats wrap quotes to the terminal's width, the others are whole",
    )
    parser.add_argument(
        "--system",
        action="append",
        metavar="NAME",
        help="only this system (any of its names); repeatable",
    )
    parser.add_argument(
        "--source",
        action="append",
        metavar="ID",
        help="only claims from this source id; repeatable",
    )
    add_include(parser)
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the rows as a JSON list (keys: see armsref.views.tables.rows)",
    )
    parser.set_defaults(run=run)


def _print_citations(claims: list[dict[str, object]]) -> None:
    cited = {str(row["source"]): str(row["cite"]) for row in claims}
    if cited:
        print("\ncite as:")
        for source, line in cited.items():
            print(f"  {source}: {line}")


def run(args: argparse.Namespace) -> int:
    """Print the table."""
    from armsref.dataset.loading import load
    from armsref.views.formats import terminal_width
    from armsref.views.tables import rows, table

    dataset = load(args.data)
    chosen = {"systems": args.system, "sources": args.source, "include": include_of(args)}
    if args.json:
        print_json(rows(args.view, args.unit, dataset=dataset, **chosen))
    else:
        width = terminal_width()
        print(table(args.view, args.unit, args.fmt, dataset=dataset, width=width, **chosen))
        if args.view == "claims" and args.fmt in PLAIN_FORMATS:
            _print_citations(rows("claims", args.unit, dataset=dataset, **chosen))
        if args.fmt in HTML_FORMATS:  # the range chart, inline SVG (issue 12)
            from armsref.views.chart import chart_html

            print(chart_html(dataset, args.system, args.unit, chosen["include"], args.source))
    return 0
