"""The program ends a read-only command without the teardown, and loses nothing by it."""

from __future__ import annotations

import atexit
import os
import subprocess
import sys
from pathlib import Path

import pytest

from armsref.cli.quickexit import _nothing_waits

#: The command line through main() alone, which exits the usual way, teardown and all.
USUAL = "import sys\nfrom armsref.cli import main\nsys.exit(main(sys.argv[1:]))"


def run(
    *args: str, stdout: int | None = subprocess.PIPE, usual: bool = False
) -> subprocess.CompletedProcess[str]:
    program = ["-c", USUAL] if usual else ["-m", "armsref"]
    return subprocess.run(
        [sys.executable, *program, *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=60,
        env={**os.environ, "COLUMNS": "100"},
    )


@pytest.mark.parametrize("args", [["table"], ["show", "tomahawk", "--unit", "mi"]])
def test_every_byte_is_written_and_the_code_kept(args: list[str], tmp_path: Path) -> None:
    usual = run(*args, usual=True)
    assert usual.returncode == 0 and usual.stdout
    result = run(*args)
    assert (result.returncode, result.stdout, result.stderr) == (0, usual.stdout, "")
    with (tmp_path / "out.txt").open("w") as file:  # a file, block-buffered
        assert run(*args, stdout=file.fileno()).returncode == 0
    assert (tmp_path / "out.txt").read_text() == usual.stdout


def test_a_failed_read_only_command_says_so_and_exits_1() -> None:
    result = run("show", "tomahwak")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("armsref: error: no system named 'tomahwak'")


def test_a_reader_that_goes_away_still_ends_quietly() -> None:
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    result = subprocess.run(
        [sys.executable, "-m", "armsref", "table", "--view", "claims", "--format", "grid"],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=60,
    )
    assert reader.stdin is not None
    reader.stdin.close()
    reader.wait(timeout=60)
    assert (result.returncode, result.stderr) == (0, "")


def test_an_exit_handler_or_a_thread_keeps_the_usual_exit() -> None:
    assert _nothing_waits() in (True, False)  # pytest itself may hold handlers
    atexit.register(os.getpid)
    try:
        assert not _nothing_waits()
    finally:
        atexit.unregister(os.getpid)
