"""``armsref init DIR``: a working copy of the shipped dataset, to curate.

Copies ``data/`` and ``seeds/`` into DIR (made if missing; its parent must
exist). Commands run inside DIR, or given ``--data DIR``, then work on the
copy; the shipped dataset itself is never written to.
"""

from __future__ import annotations

import argparse
from typing import Any

from armsref.cli.output import add_command


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``init`` subcommand."""
    parser = add_command(
        subparsers,
        common,
        "init",
        summary="make a working copy of the shipped dataset, to review and add sources to",
        description="Copy the shipped dataset (data/ and seeds/) into DIR. Run armsref inside "
        "DIR (or pass --data DIR) to curate the copy; the installed package is never "
        "written to.",
        examples="armsref init ~/armsref-data\n  cd ~/armsref-data && armsref add-source "
        "article.txt",
    )
    parser.add_argument("directory", metavar="DIR", help="where to make the working copy")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Make the copy and say how to use it."""
    from armsref.curation.workcopy import init_dataset

    root = init_dataset(args.directory)
    print(f"made a working copy of the dataset in {root}")
    print(f"run armsref inside it, or pass --data {root}")
    return 0
