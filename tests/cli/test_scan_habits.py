"""``armsref scan`` habits from ripgrep: mentions, context, -l, -c, --system, colour, binaries."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from armsref.cli import main

DOC = "Line one\nThe Army fired ATACMS and a Tomahawk.\n\nmore\nmore\nmore\nPatriot and TLAMs\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "d.txt"
    path.write_text(DOC, encoding="utf-8")
    return path


def test_mentions_one_line_each(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    code, out, err = run(capsys, "scan", "--mentions", str(doc))
    assert code == 0 and err == ""
    assert out.splitlines() == [
        f"{doc}:2:16:atacms:ATACMS",
        f"{doc}:2:29:tomahawk:Tomahawk",
        f"{doc}:7:1:patriot:Patriot",
        f"{doc}:7:13:tomahawk:TLAMs",
    ]


def test_mentions_as_json_lines_agree_with_the_text(
    capsys: pytest.CaptureFixture[str], doc: Path
) -> None:
    _, out, _ = run(capsys, "scan", "--mentions", "--json", str(doc))
    entries = [json.loads(line) for line in out.splitlines()]
    assert list(entries[0]) == ["path", "line", "column", "offset", "system", "words"]
    for entry in entries:
        assert DOC[entry["offset"] :].startswith(entry["words"])
        line = DOC.splitlines()[entry["line"] - 1]
        assert line[entry["column"] - 1 :].startswith(entry["words"])


def test_context_lines_and_breaks(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    code, out, _ = run(capsys, "scan", "-C", "1", str(doc), str(doc))
    assert code == 0
    one = [
        f"{doc}-1-Line one",
        f"{doc}:2:The Army fired ATACMS and a Tomahawk.",
        f"{doc}-3-",
        "--",
        f"{doc}-6-more",
        f"{doc}:7:Patriot and TLAMs",
    ]
    assert out.splitlines() == [*one, "--", *one]


def test_context_as_json(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    _, out, _ = run(capsys, "scan", "-C", "0", "--json", "--system", "patriot", str(doc))
    assert [json.loads(line) for line in out.splitlines()] == [
        {
            "type": "match",
            "path": str(doc),
            "line": 7,
            "text": "Patriot and TLAMs",
            "mentions": [{"column": 1, "system": "patriot", "words": "Patriot"}],
        }
    ]


def test_names_and_counts_with_a_system_filter(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, doc: Path
) -> None:
    other = tmp_path / "e.md"
    other.write_text("ERAM and ERAMs", encoding="utf-8")
    _, listed, _ = run(capsys, "scan", "-l", str(tmp_path))
    assert listed.splitlines() == [str(doc), str(other)]
    _, counted, _ = run(capsys, "scan", "-c", str(tmp_path))
    assert counted.splitlines() == [f"{doc}:4", f"{other}:2"]
    _, only, _ = run(
        capsys, "scan", "-c", "--system", "Tomahawks", "--system", "ERAM,atacms", str(tmp_path)
    )
    assert only.splitlines() == [f"{doc}:3", f"{other}:2"]
    _, summary, _ = run(capsys, "scan", "--json", "--system", "eram", str(doc))
    assert json.loads(summary)["mention_count"] == 0


def test_an_unknown_system_is_a_usage_error(capsys: pytest.CaptureFixture[str], doc: Path) -> None:
    code, out, err = run(capsys, "scan", "--system", "Excalibur", str(doc))
    assert code == 2 and out == ""
    assert err.startswith("armsref: error: --system: ") and "Excalibur" in err


@pytest.mark.parametrize(
    "argv", [["-l", "-C", "1"], ["-c", "--json"], ["-l", "-c"], ["--scheduler", "tcp://x:1"]]
)
def test_options_that_do_not_go_together(
    capsys: pytest.CaptureFixture[str], doc: Path, argv: list[str]
) -> None:
    code, out, err = run(capsys, "scan", *argv, str(doc))
    assert code == 2 and out == ""
    assert err.startswith(("armsref: error: ", "usage: ")) and "Traceback" not in err


def _real(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "armsref", "scan", *argv],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def test_colour_only_when_asked_or_on_a_terminal_without_no_color(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, doc: Path
) -> None:
    _, plain, _ = run(capsys, "scan", "--mentions", str(doc))
    assert "\033[" not in plain  # captured output is not a terminal
    _, forced, _ = run(capsys, "scan", "--mentions", "--color", "always", str(doc))
    assert f"\033[35m{doc}\033[0m:\033[32m2\033[0m:16:atacms:\033[1;31mATACMS\033[0m" in forced
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    _, tty, _ = run(capsys, "scan", "-l", str(doc))
    assert tty == f"\033[35m{doc}\033[0m\n"
    monkeypatch.setenv("NO_COLOR", "1")
    _, no_color, _ = run(capsys, "scan", "-l", str(doc))
    assert no_color == f"{doc}\n"


def test_binary_files_are_skipped_with_a_note_and_exit_0(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"ATACMS\x00\x01\x02")
    (tmp_path / "b.txt").write_text("ERAM", encoding="utf-8")
    result = _real("--json", str(tmp_path))
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        f"armsref: note: {tmp_path / 'a.txt'}: binary file (NUL byte at offset 6), skipped"
    ]
    assert [json.loads(line)["path"] for line in result.stdout.splitlines()] == [
        str(tmp_path / "b.txt")
    ]


def test_missing_paths_still_exit_1(tmp_path: Path) -> None:
    result = _real("-l", str(tmp_path / "gone.txt"))
    assert result.returncode == 1
    assert result.stderr == f"armsref: error: {tmp_path / 'gone.txt'}: no such file or directory\n"


def test_mentions_in_corpus_files_and_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    corpus = tmp_path / "n.jsonl"
    corpus.write_text(json.dumps({"id": "x", "body": "a\nb ERAM"}) + "\n", encoding="utf-8")
    packed = tmp_path / "p.txt.gz"
    packed.write_bytes(gzip.compress(DOC.encode()))
    code, out, _ = run(
        capsys,
        "scan",
        "--mentions",
        "--text-field",
        "body",
        "--id-field",
        "id",
        str(corpus),
        str(packed),
    )
    assert code == 0
    assert out.splitlines()[:2] == [f"{corpus}#x:2:3:eram:ERAM", f"{packed}:2:16:atacms:ATACMS"]
    import io

    for jobs in ("1", "2"):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x\n  JASSM")))
        argv = ["--jobs", jobs, "--mentions", "--text-field", "body", "-", str(corpus)]
        _, out, _ = run(capsys, "scan", *argv)
        assert out == "-:2:3:jassm:JASSM\n" + f"{corpus}#1:2:3:eram:ERAM\n"


def test_html_mentions_are_placed_in_the_visible_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>ATACMS</title></head><p>one</p><p>two <b>TLAM</b>", "utf-8")
    _, out, _ = run(capsys, "scan", "-C", "0", str(page))
    assert out.splitlines() == [f"{page}:2:two TLAM"]  # the visible text is "one\ntwo TLAM"


@pytest.mark.parametrize("shape", [[], ["--json"], ["-l"], ["-c"], ["--system", "tomahawk"]])
def test_two_jobs_print_what_one_job_prints(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shape: list[str]
) -> None:
    for number in range(30):
        text = DOC if number % 3 == 0 else "nothing at all\n"
        (tmp_path / f"{number:02d}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "05.txt").write_bytes(b"\x00 TLAM")
    (tmp_path / "07.txt").write_bytes(b"caf\xe9 TLAM")
    missing = str(tmp_path / "missing.txt")
    one = run(capsys, "scan", *shape, str(tmp_path), missing)
    two = run(capsys, "scan", "--jobs", "2", *shape, str(tmp_path), missing)
    assert one == two
    code, out, err = two
    assert code == 1 and out
    assert err.splitlines() == [
        f"armsref: note: {tmp_path / '05.txt'}: binary file (NUL byte at offset 0), skipped",
        f"armsref: warning: {tmp_path / '07.txt'}: not valid UTF-8: decoded with "
        "replacement characters (U+FFFD)",
        f"armsref: error: {missing}: no such file or directory",
    ]


def test_progress_counts_documents_when_corpus_files_hide_the_total(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"text": "ERAM"}) + "\n" for _ in range(5)), "utf-8")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, out, err = run(capsys, "scan", "-c", str(corpus))
    assert code == 0 and len(out.splitlines()) == 5
    # Redrawn at most ten times a second: the first document is shown, with no total.
    assert err.startswith("\rscanning: 1 document\r") and "/" not in err
