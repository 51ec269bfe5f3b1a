"""Output that cannot crash: closed stdout, a full disk, a broken pipe, unprintable file names.

Each case runs the real command in a subprocess, with its standard output
closed, pointed at ``/dev/full``, or read by a process that goes away, and
pins the one line on stderr and the exit code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from armsref.cli.safeoutput import shown

COMMANDS = [
    ["table"],
    ["table", "--json"],
    ["show", "tomahawk"],
    ["sources"],
    ["convert", "995", "mi", "--to", "km"],
    ["verify"],
    ["scan", "seeds"],
    ["extract", "seeds/004_0e120a5187f68c70.txt"],
]
ROOT = Path(__file__).resolve().parents[2]


def run(argv: list[str], **options: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "armsref", *argv],
        cwd=ROOT,
        capture_output="stdout" not in options,
        timeout=120,
        check=False,
        **options,  # type: ignore[call-overload]
    )


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_a_closed_stdout_is_one_line_and_exit_1(argv: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "armsref", *argv],
        cwd=ROOT,
        stdout=None,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
        preexec_fn=lambda: os.close(1),  # `armsref ... >&-`
    )
    assert result.returncode == 1
    assert result.stderr == b"armsref: error: standard output is closed; nothing was done\n"


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_a_full_disk_is_one_line_and_exit_1(argv: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "armsref", *argv],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr == b"armsref: error: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_a_reader_that_goes_away_ends_the_command_quietly(argv: list[str]) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "armsref", *argv],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(1)
    process.stdout.close()  # `armsref ... | head -c 1`
    err = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=120) == 0
    assert err == b""


def test_unencodable_and_control_character_names_are_escaped(tmp_path: Path) -> None:
    folder = tmp_path.as_posix().encode()
    names = [b"bad\xff.txt", b"esc\x1b[31mred.txt", b"new\nline.txt"]
    for name in names:
        with open(folder + b"/" + name, "wb") as stream:
            stream.write(b"The ATACMS.\n")
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    result = run(["scan", str(tmp_path)], env=environment)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("ascii", "strict") if result.stdout.isascii() else ""
    assert r"bad\xff.txt: 1 mention" in out
    assert r"esc\x1b[31mred.txt: 1 mention" in out
    assert r"new\nline.txt: 1 mention" in out
    assert len(out.splitlines()) == 6
    # JSON Lines stay one line per document, whatever the names.
    result = run(["scan", "--json", str(tmp_path)], env=environment)
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 3
    # An error names the file the same way.
    missing = os.fsdecode(folder + b"/gone\xfe\x07.txt")
    result = run(["scan", missing], env=environment)
    assert result.returncode == 1
    assert result.stderr.decode() == (
        f"armsref: error: {tmp_path}/gone\\xfe\\x07.txt: no such file or directory\n"
    )


def test_an_ascii_terminal_gets_escapes_not_a_traceback() -> None:
    environment = {**os.environ, "PYTHONIOENCODING": "ascii:strict"}
    result = run(["show", "tomahawk"], env=environment)
    assert result.returncode == 0 and result.stderr == b""
    assert b"\\u201c" in result.stdout  # the curly quotes around each quote


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("plain.txt", "plain.txt"),
        ("caf\u00e9.txt", "caf\u00e9.txt"),
        ("bad\udcff.txt", "bad\\xff.txt"),
        ("tab\there", "tab\\there"),
        ("cr\rhere", "cr\\rhere"),
        ("bell\x07", "bell\\x07"),
        ("del\x7f", "del\\x7f"),
        ("rtl\u202eevil", "rtl\\u202eevil"),
    ],
)
def test_shown(name: str, expected: str) -> None:
    assert shown(name) == expected
