"""Regular files only, in bounded memory: FIFOs, devices, folders and huge files in every place.

Process-level cases run the real command line in a subprocess with a timeout,
so a hang fails the test instead of blocking it; memory is read from the
child's peak resident size.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

import armsref
from armsref.curation.intake import read_document
from armsref.dataset.regular import MAX_DOCUMENT, read_limited
from armsref.errors import DataError, DocumentError
from armsref.scanning.htmltext import visible_text
from armsref.scanning.paths import scan_paths

#: Peak memory a command may use on a hostile input, far below what reading it whole takes.
MEMORY_BOUND = 400 << 20


#: Runs ``python -m armsref ARGS`` in a child forked from this small process, and
#: writes the child's exit code and peak resident size (KiB) to the file named first.
#: Linux carries the high-water mark of the memory a process replaces by ``exec``
#: into its peak, so a command started straight from the test process (hundreds of
#: MB after the suite's imports) would report the test process's size, not its own.
_MEASURED = """
import os, sys
report, argv = sys.argv[1], sys.argv[2:]
child = os.fork()
if child == 0:
    os.execv(sys.executable, [sys.executable, "-m", "armsref", *argv])
_, status, usage = os.wait4(child, 0)
with open(report, "w") as stream:
    stream.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}")
"""


def armsref_cli(*argv: str, stdin: int | None = None) -> tuple[int, str, str, int]:
    """Run the real command; return its code, stdout, stderr and its own peak memory in bytes."""
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.TemporaryDirectory() as folder,
    ):
        report = Path(folder) / "report"
        process = subprocess.Popen(
            [sys.executable, "-c", _MEASURED, str(report), *argv],
            stdout=out,
            stderr=err,
            stdin=stdin if stdin is not None else subprocess.DEVNULL,
            start_new_session=True,
        )
        # A hang fails, never blocks: the whole session (the command too) is killed.
        timer = threading.Timer(120, os.killpg, (process.pid, 9))
        timer.start()
        process.wait()
        timer.cancel()
        out.seek(0)
        err.seek(0)
        shown = out.read().decode(), err.read().decode()
        code, peak = report.read_text().split() if report.exists() else ("-9", "0")
    return int(code), *shown, int(peak) * 1024


def replace_with(path: Path, kind: str) -> None:
    """Put a FIFO, a symlink to /dev/zero or a folder where ``path`` was."""
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()


KINDS = ["fifo", "dev-zero", "directory"]
WORDS = {"fifo": "FIFO", "dev-zero": "character device", "directory": "directory"}


@pytest.mark.parametrize("kind", KINDS)
def test_a_seed_that_is_not_a_regular_file_is_a_verify_problem(
    dataset_dir: Path, kind: str
) -> None:
    seed = next((dataset_dir / "seeds").glob("000_*"))
    replace_with(seed, kind)
    code, out, err, _ = armsref_cli("verify", "--data", str(dataset_dir))
    assert code == 1, err
    assert "Traceback" not in err
    if kind == "dev-zero":
        # A link out of the dataset is refused before any file is opened.
        assert err.startswith("armsref: error: ") and "is outside the dataset directory" in err
    else:
        assert f"file seeds/{seed.name} cannot be read (is a {WORDS[kind]}" in out


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", ["sources.yaml", "claims.yaml", "systems.yaml"])
def test_a_dataset_file_that_is_not_a_regular_file_is_a_data_error(
    dataset_dir: Path, kind: str, name: str
) -> None:
    target = dataset_dir / "data" / name
    replace_with(target, kind)
    # Without a regular data/sources.yaml the folder is not a dataset: its own message.
    wanted = (
        "is not a dataset directory" if name == "sources.yaml" else f"{name}: is a {WORDS[kind]}"
    )
    with pytest.raises(DataError, match=wanted):
        armsref.load(dataset_dir)
    code, _, err, _ = armsref_cli("table", "--data", str(dataset_dir))
    assert code == 1 and err.startswith("armsref: error: ") and len(err.splitlines()) == 1


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", ["extract", "add-source"])
def test_a_document_that_is_not_a_regular_file_exits_1(
    dataset_dir: Path, tmp_path: Path, kind: str, command: str
) -> None:
    document = tmp_path / "doc.txt"
    document.write_text("x", encoding="utf-8")
    replace_with(document, kind)
    code, out, err, _ = armsref_cli(command, str(document), "--data", str(dataset_dir))
    assert (code, out) == (1, "")
    if kind == "directory":
        # A folder is read for its documents (issue 11); one holding none is said so.
        assert err == f"armsref: error: {document}: is a folder holding no document to read " + (
            "(.htm, .html, .markdown, .md, .text, .txt)\n"
        )
        return
    tail = " (named pipe)" if kind == "fifo" else ""
    assert err == f"armsref: error: {document}: is a {WORDS[kind]}{tail}, not a regular file\n"


@pytest.mark.parametrize("name", ["b.jsonl", "b.txt.gz", "b.warc"])
def test_a_fifo_named_as_a_corpus_file_is_skipped_not_waited_on(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text("The ATACMS.\n", encoding="utf-8")
    odd = folder / name
    os.mkfifo(odd)
    for argv in (["scan", str(folder)], ["extract", str(odd)]):
        code, _, err, _ = armsref_cli(*argv)
        assert code == 1, err
        assert (
            err == f"armsref: error: {odd}: is a FIFO (named pipe), not a regular file; skipped\n"
        )


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_fifo_or_device_in_a_scanned_folder_is_skipped_with_a_message(
    tmp_path: Path, kind: str
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text("The ATACMS.\n", encoding="utf-8")
    odd = folder / "b.txt"
    odd.write_text("", encoding="utf-8")
    replace_with(odd, kind)
    code, out, err, _ = armsref_cli("scan", str(folder))
    assert code == 1
    assert out == f"{folder / 'a.txt'}: 1 mention of 1 system\n  atacms  1  first at 1:5\n".replace(
        "atacms  1", "atacms      1"
    )
    assert err == f"armsref: error: {odd}: is a {WORDS[kind]}" + (
        " (named pipe), not a regular file; skipped\n"
        if kind == "fifo"
        else ", not a regular file; skipped\n"
    )
    results = list(scan_paths([folder], jobs=2))
    assert [r.ok for r in results] == [True, False]


def test_a_huge_seed_is_verified_in_bounded_memory(dataset_dir: Path) -> None:
    seed = next((dataset_dir / "seeds").glob("000_*"))
    with seed.open("ab") as stream:
        stream.truncate(1 << 30)  # 1 GiB, sparse
    code, out, err, peak = armsref_cli("verify", "--data", str(dataset_dir))
    assert code == 1, err
    assert f"file seeds/{seed.name} is larger than 32 MiB" in out
    assert f"file seeds/{seed.name} has changed since it was recorded" in out
    assert peak < MEMORY_BOUND


def test_extract_from_endless_stdin_is_refused_in_bounded_memory() -> None:
    with open("/dev/zero", "rb") as zeros:
        code, out, err, peak = armsref_cli("extract", "-", stdin=zeros.fileno())
    assert (code, out) == (1, "")
    assert (
        err == "armsref: error: stdin: larger than 32 MiB, the most armsref reads as one document\n"
    )
    assert peak < MEMORY_BOUND


def test_a_document_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as stream:
        stream.truncate(MAX_DOCUMENT + 1)
    with pytest.raises(DocumentError, match="larger than 32 MiB"):
        read_document(path)
    import io

    assert read_limited(io.BytesIO(b"abc"), "x", limit=3) == b"abc"
    with pytest.raises(DocumentError, match="x: larger than"):
        read_limited(io.BytesIO(b"abcd"), "x", limit=3)


def test_a_huge_unclosed_html_comment_costs_no_memory(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    with page.open("w", encoding="utf-8") as stream:
        stream.write("<p>ERAM</p><!-- ATACMS ")
        for _ in range(35):
            stream.write("x" * (1 << 20))
    code, out, err, peak = armsref_cli("scan", "--json", str(page))
    assert code == 0, err
    assert '"systems": [{"id": "eram"' in out and "atacms" not in out
    assert peak < MEMORY_BOUND


@pytest.mark.parametrize(
    ("html", "visible"),
    [
        ("<p>ERAM</p><!-- ATACMS is not visible", "ERAM\n"),
        ("<p>ERAM</p><p title='ATACMS", "ERAM\n"),
        ("<p>ERAM</p><!DOCTYPE ATACMS", "ERAM\n"),
        ("<p>ERAM</p><? ATACMS", "ERAM\n"),
        ("<p>ERAM</p><!-- ATACMS --> and JASSM", "ERAM\n and JASSM"),
        ("ERAM < ATACMS", "ERAM < ATACMS"),
    ],
)
def test_unclosed_markup_is_not_visible(html: str, visible: str) -> None:
    assert visible_text(html) == visible


def test_utf16_is_named_as_such_not_binary(tmp_path: Path) -> None:
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes("The ATACMS has a range of 300 km.".encode(encoding))
        with pytest.raises(DocumentError, match="is UTF-16 text; armsref reads UTF-8"):
            read_document(path)
