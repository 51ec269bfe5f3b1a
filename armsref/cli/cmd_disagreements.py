"""``armsref disagreements [--system NAME]``: every pair of claims that cannot both be true.

For each pair: both figures as written, their claim ids and statuses, their
quotes, a "cite as" line for each source, and why they cannot both hold (the
rule is in :mod:`armsref.lengths.compare`). Rejected claims take part only with
``--all``; ``--accepted-only`` leaves unreviewed ones out.

``--json`` prints a list of objects with the keys ``system``, ``first``,
``second`` (each ``id``, ``figure``, ``status``, ``reason``, ``variant``,
``source``, ``cite``, ``quote``) and ``why`` (why they cannot both be true;
``reason`` is always why a claim was rejected). Exit code 0 whether or not any
are found.
"""

from __future__ import annotations

import argparse
from typing import Any

from armsref.cli.output import add_command, add_include, include_of, print_json


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``disagreements`` subcommand."""
    parser = add_command(
        subparsers,
        common,
        "disagreements",
        summary="pairs of claims that cannot both be true, with their quotes and the reason",
        description="List every pair of claims about one system (and variant) whose figures "
        "cannot both be true, given their qualifiers and rounding, with both quotes, both "
        "sources and the reason in words.",
        examples="armsref disagreements\n  armsref disagreements --system ATACMS --json",
    )
    parser.add_argument(
        "--system", action="append", metavar="NAME", help="only this system; repeatable"
    )
    add_include(parser)
    parser.add_argument("--json", action="store_true", help="print them as a JSON list")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the disagreements."""
    from armsref.dataset.loading import load
    from armsref.views.disagreements import disagreement_rows, render

    dataset = load(args.data)
    found = disagreement_rows(dataset, args.system, include_of(args))
    if args.json:
        print_json(found)
        return 0
    if not found:
        print("no disagreements: every pair of claims can both be true")
        return 0
    for row in found:
        print(f"{dataset.system(str(row['system'])).short}:")
        print(render([row], indent="  "))
    return 0
