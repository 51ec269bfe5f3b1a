"""What every subcommand shares: how it is registered, and how it prints JSON."""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["add_command", "add_include", "include_of", "print_json"]


def add_command(
    subparsers: Any,
    common: argparse.ArgumentParser,
    name: str,
    *,
    summary: str,
    description: str,
    examples: str,
) -> argparse.ArgumentParser:
    """Add a subcommand with the options every command takes and an examples epilog.

    Args:
        subparsers: what ``add_subparsers()`` returned.
        common: the parent parser with the options every command takes (``--data``).
        name: the subcommand's name.
        summary: one line for ``armsref --help``.
        description: the paragraph at the top of ``armsref NAME --help``.
        examples: example command lines, one per line.
    """
    epilog = "examples:\n" + "\n".join(f"  {line.strip()}" for line in examples.splitlines())
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        parents=[common],
        help=summary,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def add_include(parser: argparse.ArgumentParser) -> None:
    """Add ``--accepted-only`` and ``--all``: which claims to show, by review status."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--accepted-only",
        action="store_true",
        help="show only claims a curator accepted (unreviewed ones are otherwise shown, marked)",
    )
    group.add_argument(
        "--all",
        action="store_true",
        dest="all_claims",
        help="show rejected claims too, with their reasons",
    )


def include_of(args: argparse.Namespace) -> str:
    """The choice of claims ``add_include``'s options made."""
    if args.accepted_only:
        return "accepted"
    return "all" if args.all_claims else "default"


def print_json(value: object) -> None:
    """Print ``value`` as JSON on stdout, keys in the order given, non-ASCII kept."""
    import json

    json.dump(value, sys.stdout, ensure_ascii=False, indent=None)
    sys.stdout.write("\n")
