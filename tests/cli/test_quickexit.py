"""The program ends a read-only command without the teardown, and loses nothing by it."""

from __future__ import annotations

import atexit
import io
import os
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from armsref.cli import main
from armsref.cli.quickexit import _nothing_waits


def run(*args: str, stdout: int | None = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "armsref", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=60,
    )


@pytest.mark.parametrize("args", [["table"], ["show", "tomahawk", "--unit", "mi"]])
def test_every_byte_is_written_and_the_code_kept(args: list[str], tmp_path: Path) -> None:
    in_process = io.StringIO()
    with redirect_stdout(in_process):
        assert main(args) == 0
    result = run(*args)
    assert (result.returncode, result.stdout, result.stderr) == (0, in_process.getvalue(), "")
    with (tmp_path / "out.txt").open("w") as file:  # a file, block-buffered
        assert run(*args, stdout=file.fileno()).returncode == 0
    assert (tmp_path / "out.txt").read_text() == in_process.getvalue()


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
