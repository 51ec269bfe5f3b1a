"""``armsref verify``: check that every figure is really in its source.

Unreviewed claims are warnings (on stderr); ``--strict`` makes them problems,
for a newsroom's CI. A figure ``extract`` finds that a claim was made from is
never a problem, whatever the claim's status or later edits. ``--json`` prints
``{"ok", "claim_count", "problems", "warnings"}`` (``claim_count``: how many
claims were checked). Exit code 1 if any problem.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from armsref.cli.output import add_command, print_json


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``verify`` subcommand."""
    parser = add_command(
        subparsers,
        common,
        "verify",
        summary="check the dataset: files, quotes, figures, duplicates",
        description="Check every source file against its sha256, every quote against its "
        "source, and every figure against its quote. Lists every problem; exits 1 if any.",
        examples="armsref verify\n  armsref verify --strict\n"
        "  armsref verify --data ./my-dataset --json",
    )
    parser.add_argument(
        "--strict", action="store_true", help="fail on unreviewed claims too, not only warn"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Verify the dataset and print the report."""
    from armsref.curation.verification import verify

    report = verify(args.data, require_review=args.strict)
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "claim_count": report.checked,
                "problems": list(report.problems),
                "warnings": list(report.warnings),
            }
        )
    else:
        for warning in report.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        for problem in report.problems:
            print(f"problem: {problem}")
        count = len(report.problems)
        verdict = "ok" if report.ok else f"{count} problem{'s' if count != 1 else ''}"
        print(f"{report.checked} claims checked: {verdict}")
    return 0 if report.ok else 1
