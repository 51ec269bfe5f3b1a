"""``armsref migrate``: bring a dataset written for an older armsref up to date.

Gives every claim without an id one, and replaces the old ``reviewed`` key with
``status`` (``reviewed: true`` or no key: ``accepted``; ``reviewed: false``:
``unreviewed``), keeping the rest of ``data/claims.yaml`` as written. Works on
a working copy only; an up-to-date dataset is left as it is.
"""

from __future__ import annotations

import argparse
from typing import Any

from armsref.cli.output import add_command


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``migrate`` subcommand."""
    parser = add_command(
        subparsers,
        common,
        "migrate",
        summary="give claims ids and statuses in place of the old 'reviewed' key",
        description="Bring data/claims.yaml written for an older armsref up to date: an id "
        "for every claim, and status (accepted, unreviewed) in place of reviewed.",
        examples="armsref migrate --data ./old-dataset",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Migrate and say what changed."""
    from armsref.curation.migration import migrate_claims

    migrated = migrate_claims(args.data)
    if not migrated.ids and not migrated.statuses:
        print("nothing to migrate: every claim has an id and a status")
        return 0
    count = len(migrated.ids)
    print(f"gave {count} claim{'s' if count != 1 else ''} an id; {migrated.statuses} a status")
    return 0
