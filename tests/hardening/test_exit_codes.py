"""One exit-code table for every command: 0 ok, 1 not found / failed / unreadable document, 2 usage.

Each row is a command line with something wrong, the exit code the README's
table gives it and a fragment of the one line it must print on stderr.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from armsref.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = str(ROOT / "seeds" / "004_0e120a5187f68c70.txt")

#: What each bad document holds (None: the file does not exist).
DOCUMENTS: dict[str, bytes | None] = {
    "missing": None,
    "binary": b"\x7fELF\x02\x01\x01\x00\x00\x00",
    "latin-1": "Le missile ATACMS a une portée de 300 km.".encode("latin-1"),
    "utf-16": "The ATACMS has a range of 300 km.".encode("utf-16"),
}
DOCUMENT_MESSAGES = {
    "missing": "no such file",
    "binary": "looks binary",
    "latin-1": "not UTF-8 text",
    "utf-16": "is UTF-16 text; armsref reads UTF-8: convert it first",
}

# (argv, exit code, fragment of the one stderr line)
USAGE = [
    (["tabel"], 2, "invalid choice: 'tabel'"),
    ([], 2, "the following arguments are required: COMMAND"),
    (["table", "--unit", "kg"], 2, "not a length"),
    (["table", "--format", "nope"], 2, "nope"),
    (["table", "--view", "nope"], 2, "invalid choice: 'nope'"),
    (["show", " "], 2, "a system name is required"),
    (["show", "tomahawk", "--unit", "parsnip"], 2, "unknown unit 'parsnip'"),
    (["convert", "abc", "--to", "km"], 2, "no number in 'abc'"),
    (["convert", "5", "km", "--to", "kg"], 2, "not a length"),
    (["convert", "1e307", "km", "--to", "ft"], 2, "expected a finite length"),
    (["convert", " ".join(["1"] * 4301), "km", "--to", "ft"], 2, "a space does not separate"),
    (["convert", "nan", "km", "--to", "ft"], 2, "is not a number"),
    (["sources", "--format", "nope"], 2, "nope"),
    (["extract", SEED, "--json", "--yaml"], 2, "not allowed with argument"),
    (["add-source", SEED, "--published", "yesterday"], 2, "is not a date"),
    (["add-source", SEED, "--id", "BAD ID"], 2, "is not a valid id"),
    (["scan", "--jobs", "0", SEED], 2, "must be 1 or more"),
    (["scan", "--jobs", "many", SEED], 2, "expected a whole number"),
]
NOT_FOUND = [
    (["show", "tomahwak"], 1, "no system named 'tomahwak'; did you mean 'tomahawk'?"),
    (["table", "--system", "nope"], 1, "no system named 'nope'"),
    (["table", "--source", "nope"], 1, "no source with id 'nope'"),
    (["verify", "--data", "/no/such/dataset"], 1, "is not a dataset directory"),
    (["table", "--data", "/no/such/dataset"], 1, "is not a dataset directory"),
    (["scan", "/no/such/file.txt"], 1, "/no/such/file.txt: no such file or directory"),
]


def run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(("argv", "code", "message"), USAGE + NOT_FOUND, ids=lambda v: str(v)[:40])
def test_every_command_has_the_documented_exit_code(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: int, message: str
) -> None:
    found, _, err = run(capsys, argv)
    assert found == code, err
    assert message in err
    assert "Traceback" not in err
    if code == 1 or argv[:1] in (["show"], ["convert"], ["add-source"]):
        assert len(err.splitlines()) == 1 and err.startswith("armsref: error: ")


@pytest.mark.parametrize("kind", DOCUMENTS)
@pytest.mark.parametrize("command", ["extract", "add-source", "scan"])
def test_a_document_that_cannot_be_read_is_exit_1_for_every_command(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    dataset_dir: Path,
    command: str,
    kind: str,
) -> None:
    path = tmp_path / "doc.txt"
    content = DOCUMENTS[kind]
    if content is not None:
        path.write_bytes(content)
    before = {p: p.read_bytes() for p in dataset_dir.rglob("*") if p.is_file()}
    code, out, err = run(capsys, [command, str(path), "--data", str(dataset_dir)])
    if command == "scan" and kind == "latin-1":
        # scan reads text as it can: replacement characters and a warning, not an error.
        assert code == 0 and err.startswith("armsref: warning: ")
        assert "not valid UTF-8: decoded with replacement characters" in err
        return
    assert code == 1
    assert err.startswith("armsref: error: ") and len(err.splitlines()) == 1
    if command == "scan":
        wanted = {
            "missing": "no such file or directory",
            "binary": "binary file (NUL byte at offset 7), skipped",
            "utf-16": "UTF-16 text, skipped; armsref reads UTF-8: convert it first",
        }[kind]
        assert wanted in err
    else:
        assert out == ""
        assert DOCUMENT_MESSAGES[kind] in err
    after = {p: p.read_bytes() for p in dataset_dir.rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.parametrize(
    "argv",
    [
        ["table"],
        ["show", "BGM-109"],
        ["convert", "995", "mi", "--to", "km"],
        ["sources"],
        ["verify"],
        ["extract", SEED],
        ["scan", SEED],
    ],
)
def test_every_command_that_works_exits_0(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, _ = run(capsys, argv)
    assert code == 0 and out


def test_too_many_jobs_is_lowered_not_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, ["scan", "--jobs", "99999999999999999999", SEED, SEED])
    assert code == 0 and out.count("20 mentions") == 2
    assert err.startswith("armsref: note: --jobs 999999999999... is more than the ")
