"""What every subcommand prints with: JSON, and the shape of ``--help`` examples."""

from __future__ import annotations

import json
import sys

__all__ = ["EXAMPLES", "print_json"]

#: Epilog template for a subcommand's ``--help``: ``EXAMPLES.format("armsref ...")``.
EXAMPLES = "examples:\n  {}"


def print_json(value: object) -> None:
    """Print ``value`` as JSON on stdout, keys in the order given, non-ASCII kept."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=None)
    sys.stdout.write("\n")
