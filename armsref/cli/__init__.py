"""The ``armsref`` command: a thin shell over the library.

Each subcommand lives in its own module in this package and exposes
``register(subparsers, common)``, which adds its parser and sets ``run``, a
function taking the parsed arguments and returning an exit code.

Exit codes, the same for every command:
    0: success.
    1: not found (a system, source, claim id or dataset directory), failed
       verification, a document that is missing or cannot be read, a refused
       write (a duplicate, the read-only shipped dataset, an edit that would
       not verify), or a dataset file that is malformed.
    2: usage error: unknown option, bad number, unknown unit, bad argument.
    130, 143, 129: interrupted by SIGINT (Ctrl-C), SIGTERM or SIGHUP; quietly,
        with every change rolled back or completed and no process left behind.

A document that cannot be read (missing, not a regular file, binary,
not UTF-8) is 1, like a failed scan (``scan`` itself skips a binary file with
a note, as ripgrep does). Output that cannot be written (stdout
closed, a full disk) is one line on stderr and 1; a reader that goes away
(``armsref table | head -1``) ends the command quietly with 0.

Which dataset a command works on is found as :mod:`armsref.dataset.discovery`
says: ``--data DIR`` (before or after the command name), ``ARMSREF_DATA``, the
current directory or a parent holding one, else the shipped one, read-only.

Errors are printed as one line on stderr, ``armsref: error: ...``, never as a
traceback (:mod:`armsref.cli.safeoutput` keeps output from crashing,
:mod:`armsref.cli.signals` turns SIGTERM into a quiet exit).
:mod:`armsref.cli.quickexit` is the program itself: :func:`main`, then, after a
read-only command, an exit that skips the interpreter's teardown.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from importlib import import_module

from armsref.errors import ArmsrefError, DocumentError, DuplicateError, InputError, UnitError

__all__ = [
    "EXIT_FAILURE",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "command_named",
    "main",
]

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

#: Each subcommand and the module that defines it, in the order ``--help`` lists them.
COMMANDS = {
    "table": "armsref.cli.cmd_table",
    "show": "armsref.cli.cmd_show",
    "convert": "armsref.cli.cmd_convert",
    "sources": "armsref.cli.cmd_sources",
    "verify": "armsref.cli.cmd_verify",
    "extract": "armsref.cli.cmd_extract",
    "add-source": "armsref.cli.cmd_add_source",
    "review": "armsref.cli.cmd_review",
    "disagreements": "armsref.cli.cmd_disagreements",
    "init": "armsref.cli.cmd_init",
    "migrate": "armsref.cli.cmd_migrate",
    "scan": "armsref.cli.cmd_scan",
    "export": "armsref.cli.cmd_export",
    "annotate": "armsref.cli.cmd_annotate",
    "chart": "armsref.cli.cmd_chart",
}
#: The commands that read no dataset.
NO_DATASET = frozenset({"convert", "init"})


def _version() -> str:
    from armsref import __version__

    return f"armsref {__version__}"


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered, or only the one named.

    Registering one command when the command line names it keeps start-up to
    what that command needs; ``armsref --help`` and usage errors get them all.
    """
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data",
        metavar="DIR",
        help="use the dataset in DIR instead of the default (also: ARMSREF_DATA=DIR)",
    )
    parser = argparse.ArgumentParser(
        prog="armsref",
        description="What public sources report about weapon systems, with the quotes that say it.",
        epilog="Run 'armsref COMMAND --help' for a command's options and examples.",
    )
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument(
        "--data",
        metavar="DIR",
        dest="data_first",
        help="use the dataset in DIR (also accepted after the command name)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for name, module in COMMANDS.items():
        if only is None or name == only:
            import_module(module).register(subparsers, common)
    return parser


def error(message: str) -> None:
    """Print one error line on stderr (nothing if stderr is closed)."""
    if sys.stderr is None:
        return
    from armsref.cli.safeoutput import shown

    with contextlib.suppress(OSError, ValueError):
        print(f"armsref: error: {shown(message)}", file=sys.stderr)


def command_named(arguments: list[str]) -> str | None:
    """The subcommand named, skipping a ``--data DIR`` given before it."""
    position = 0
    while position < len(arguments):
        argument = arguments[position]
        if argument == "--data":
            position += 2
            continue
        if argument.startswith("--data="):
            position += 1
            continue
        return argument if argument in COMMANDS else None
    return None


def _find_dataset(args: argparse.Namespace) -> None:
    """Set ``args.data`` to the dataset found (None for the shipped, read-only one)."""
    explicit = getattr(args, "data", None) or getattr(args, "data_first", None)
    if args.command in NO_DATASET:
        args.data = explicit
        return
    from armsref.dataset.discovery import locate

    located = locate(explicit)
    args.data = None if located.shipped else str(located.root)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    from armsref.cli.safeoutput import prepare_streams, stdout_problem

    prepare_streams()
    arguments = list(sys.argv[1:] if argv is None else argv)
    chosen = command_named(arguments)
    problem = stdout_problem()
    if problem is not None:
        error(problem)
        return EXIT_FAILURE
    from armsref.cli.signals import Interrupted, interruptible

    try:
        with interruptible():
            return _run(chosen, arguments)
    except Interrupted as stop:
        return stop.exit_code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _run(chosen: str | None, arguments: list[str]) -> int:
    from armsref.cli.safeoutput import silence_stdout, write_failed

    parser = build_parser(chosen)
    try:
        args = parser.parse_args(arguments)
    except SystemExit as stop:  # argparse exits 2 on usage errors, 0 for --help
        return int(stop.code or 0)
    try:
        _find_dataset(args)
        code: int = args.run(args)
        sys.stdout.flush()
    except (DocumentError, DuplicateError) as problem:
        error(str(problem))
        return EXIT_FAILURE
    except (UnitError, InputError) as problem:
        error(str(problem))
        return EXIT_USAGE
    except ArmsrefError as problem:
        error(str(problem).splitlines()[0] if str(problem) else type(problem).__name__)
        return EXIT_FAILURE
    except BrokenPipeError:
        # The reader went away (`armsref table | head -1`): stop quietly.
        silence_stdout()
        return EXIT_OK
    except OSError as problem:
        # Output that cannot be written: a full disk, a closed or failing stdout.
        silence_stdout()
        error(write_failed(problem))
        return EXIT_FAILURE
    return code
