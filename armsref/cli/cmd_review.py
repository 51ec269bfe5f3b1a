"""``armsref review``: the claims awaiting review; accept, reject or edit them.

- ``armsref review`` lists the unreviewed claims: id, system, figure as
  written, source, and the quote in its sentence (``--all`` lists every claim
  with its status). ``--json`` prints a list of objects with the keys ``id``,
  ``system``, ``figure``, ``status``, ``reason``, ``source``, ``quote`` and
  ``context`` (``before``, ``quote``, ``after``).
- ``armsref review accept ID...`` accepts claims (all or none).
- ``armsref review reject ID --reason TEXT`` rejects one, saying why; it stays
  in ``data/claims.yaml`` as a record.
- ``armsref review edit ID [--qualifier Q] [--system NAME] [--variant V]
  [--value N] [--unit U] [--condition C]`` corrects one, checks it against its
  quote, and accepts it; an edit that would not verify changes nothing.

Writes go to a working copy only (see ``armsref init``); exit codes as for
every command: 1 for an unknown id or a refused write, 2 for a usage error
(such as ``reject`` without ``--reason``).
"""

from __future__ import annotations

import argparse
from typing import Any

from armsref.cli.output import add_command, print_json

QUALIFIERS = ("exact", "about", "above", "at_least", "up_to", "below", "between")


def _positive(text: str) -> float:
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number above 0, got {text!r}")
    return value


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``review`` subcommand and its actions."""
    parser = add_command(
        subparsers,
        common,
        "review",
        summary="list the claims awaiting review; accept, reject or edit them",
        description="Without an action, list the unreviewed claims with their quotes. "
        "The actions change data/claims.yaml in a working copy (see armsref init).",
        examples="armsref review\n  armsref review accept tomahawk-3 eram-2\n"
        "  armsref review reject atacms-4 --reason 'a distance between places, not a range'\n"
        "  armsref review edit atacms-5 --qualifier up_to",
    )
    parser.add_argument("--all", action="store_true", help="list every claim, any status")
    parser.add_argument("--json", action="store_true", help="print the list as JSON")
    parser.set_defaults(run=run_list)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    # --data after the action too; SUPPRESS keeps one given before it.
    data = argparse.ArgumentParser(add_help=False)
    data.add_argument("--data", metavar="DIR", default=argparse.SUPPRESS, help="the dataset")
    accept = actions.add_parser("accept", parents=[data], help="accept claims by id")
    accept.add_argument("ids", metavar="ID", nargs="+", help="claim ids")
    accept.set_defaults(run=run_accept)
    reject = actions.add_parser("reject", parents=[data], help="reject a claim, saying why")
    reject.add_argument("id", metavar="ID", help="the claim id")
    reject.add_argument("--reason", default="", metavar="TEXT", help="why it is wrong (required)")
    reject.set_defaults(run=run_reject)
    edit = actions.add_parser(
        "edit", parents=[data], help="correct a claim (checked against its quote), accepting it"
    )
    edit.add_argument("id", metavar="ID", help="the claim id")
    edit.add_argument("--qualifier", choices=QUALIFIERS, help="the hedge the quote states")
    edit.add_argument("--system", metavar="NAME", help="the system it is about (any name)")
    edit.add_argument(
        "--variant", metavar="V", help="the variant: its id or any of its names ('' removes it)"
    )
    edit.add_argument("--value", type=_positive, metavar="N", help="the figure as stated")
    edit.add_argument("--unit", metavar="U", help="the unit as the quote writes it")
    edit.add_argument("--condition", metavar="C", help="a stated condition ('' removes it)")
    edit.set_defaults(run=run_edit)


def run_list(args: argparse.Namespace) -> int:
    """List the claims awaiting review (or all of them)."""
    from armsref.curation.review import context
    from armsref.dataset.loading import load

    dataset = load(args.data)
    claims = [c for c in dataset.claims if args.all or c.status == "unreviewed"]
    entries = []
    for claim in claims:
        before, quote, after = context(claim)
        entries.append(
            {
                "id": claim.id,
                "system": claim.system,
                "figure": claim.figure,
                "status": claim.status,
                "reason": claim.reason,
                "source": claim.source,
                "quote": claim.quote,
                "context": {"before": before, "quote": quote, "after": after},
            }
        )
    if args.json:
        print_json(entries)
        return 0
    if not entries:
        print("nothing to review: no claim is unreviewed")
        return 0
    for entry in entries:
        status = "" if entry["status"] == "unreviewed" else f"  [{entry['status']}]"
        if entry["reason"]:
            status += f" {entry['reason']}"
        print(f"{entry['id']}  {entry['system']}: {entry['figure']}  ({entry['source']}){status}")
        text = entry["context"]
        assert isinstance(text, dict)
        print(f"    …{text['before']}[{text['quote']}]{text['after']}…")
    if not args.all:
        print(
            f"{len(entries)} to review: armsref review accept ID..., "
            "reject ID --reason TEXT, or edit ID --qualifier Q ..."
        )
    return 0


def run_accept(args: argparse.Namespace) -> int:
    """Accept claims."""
    from armsref.curation.review import accept_claims

    accept_claims(args.ids, data=args.data)
    print(f"accepted {', '.join(args.ids)}")
    return 0


def run_reject(args: argparse.Namespace) -> int:
    """Reject a claim."""
    from armsref.curation.review import reject_claim

    reject_claim(args.id, args.reason, data=args.data)
    print(f"rejected {args.id}: {args.reason.strip()}")
    return 0


def run_edit(args: argparse.Namespace) -> int:
    """Edit a claim."""
    from armsref.curation.review import edit_claim

    edited = edit_claim(
        args.id,
        data=args.data,
        qualifier=args.qualifier,
        system=args.system,
        variant=args.variant,
        value=args.value,
        unit=args.unit,
        condition=args.condition,
    )
    changes = ", ".join(f"{field}: {value}" for field, value in edited.changes.items())
    print(
        f"edited {edited.id} ({changes or 'removed a field'}), checked against its quote, accepted"
    )
    return 0
