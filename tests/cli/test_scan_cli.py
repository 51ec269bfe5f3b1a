"""``armsref scan``: text and JSON Lines output, stdin, bad input, exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from armsref.cli import cmd_scan, main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "004_0e120a5187f68c70.txt"
KEYS = ["path", "ok", "error", "warning", "mention_count", "systems", "others"]
SYSTEM_KEYS = ["id", "name", "short", "count", "line", "column", "offset", "variant_ids"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_output_lists_systems_with_counts_and_first_position(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "scan", str(SEED))
    assert code == 0 and err == ""
    assert out.splitlines() == [
        f"{SEED}: 20 mentions of 3 systems",
        "  tomahawk     13  first at 11:156",
        "  eram          5  first at 74:86",
        "  atacms        2  first at 74:186",
    ]


def test_json_lines_have_stable_keys(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, out, _ = run(capsys, "scan", "--json", str(SEED), str(empty))
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert list(first) == KEYS and list(second) == KEYS
    assert [list(s) for s in first["systems"]] == [SYSTEM_KEYS] * 3
    assert first["systems"][1] == {
        "id": "eram",
        "name": "Extended Range Attack Munition",
        "short": "ERAM",
        "count": 5,
        "line": 74,
        "column": 86,
        "offset": SEED.read_text(encoding="utf-8").index("extended-range attack munitions"),
        "variant_ids": [],
    }
    assert second == {
        "path": str(empty),
        "ok": True,
        "error": None,
        "warning": None,
        "mention_count": 0,
        "systems": [],
        "others": [],
    }


def test_bad_documents_are_one_line_each_and_exit_1_binaries_a_note(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00ATACMS")
    (tmp_path / "latin.txt").write_bytes(b"caf\xe9 ERAM")
    (tmp_path / "good.md").write_text("TLAM", encoding="utf-8")
    code, out, err = run(capsys, "scan", str(tmp_path), str(tmp_path / "missing.txt"))
    assert code == 1
    assert err.splitlines() == [
        f"armsref: note: {tmp_path / 'bin.txt'}: binary file (NUL byte at offset 0), skipped",
        f"armsref: warning: {tmp_path / 'latin.txt'}: not valid UTF-8: decoded with "
        "replacement characters (U+FFFD)",
        f"armsref: error: {tmp_path / 'missing.txt'}: no such file or directory",
    ]
    assert "Traceback" not in err
    assert f"{tmp_path / 'good.md'}: 1 mention of 1 system" in out
    assert f"{tmp_path / 'latin.txt'}: 1 mention of 1 system" in out


def test_only_warnings_exit_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(b"caf\xe9")
    code, out, err = run(capsys, "scan", str(tmp_path / "latin.txt"))
    assert code == 0 and "warning" in err and out.endswith("no mentions\n")


def test_stdin_with_a_dash(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"two\nPatriot batteries"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "scan", "--json", "-")
    assert code == 0
    assert json.loads(out)["systems"][0]["line"] == 2


def test_recursive_and_jobs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("ERAM", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text("JASSM", encoding="utf-8")
    _, flat, _ = run(capsys, "scan", "--json", str(tmp_path))
    code, deep, _ = run(capsys, "scan", "--json", "--recursive", "--jobs", "2", str(tmp_path))
    assert code == 0
    assert [json.loads(line)["path"] for line in flat.splitlines()] == [str(tmp_path / "a.txt")]
    assert [json.loads(line)["systems"][0]["id"] for line in deep.splitlines()] == [
        "eram",
        "jassm",
    ]


@pytest.mark.parametrize("jobs", ["0", "two"])
def test_bad_jobs_is_a_usage_error(capsys: pytest.CaptureFixture[str], jobs: str) -> None:
    code, _, err = run(capsys, "scan", "--jobs", jobs, str(SEED))
    assert code == 2 and "--jobs" in err


def test_progress_only_on_a_terminal_with_many_documents(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for i in range(cmd_scan.PROGRESS_FROM):
        (tmp_path / f"{i:02d}.txt").write_text("ERAM", encoding="utf-8")
    _, _, err = run(capsys, "scan", str(tmp_path))
    assert err == ""  # stderr is not a terminal here
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    _, out, err = run(capsys, "scan", str(tmp_path))
    assert f"scanning: {cmd_scan.PROGRESS_FROM}/{cmd_scan.PROGRESS_FROM} documents" in err
    assert "scanning" not in out


def test_a_real_process_reads_stdin_and_files(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "armsref", "scan", "--json", "-", str(tmp_path / "nope.txt")],
        input=b"ATACMS and Tomahawks",
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [(d["path"], d["mention_count"]) for d in lines] == [
        ("-", 2),
        (str(tmp_path / "nope.txt"), 0),
    ]
    assert result.stderr.decode().splitlines() == [
        f"armsref: error: {tmp_path / 'nope.txt'}: no such file or directory"
    ]


def test_data_option_uses_another_dataset(
    capsys: pytest.CaptureFixture[str], dataset_dir: Path, tmp_path: Path
) -> None:
    systems = dataset_dir / "data" / "systems.yaml"
    systems.write_text(
        systems.read_text(encoding="utf-8").replace(
            "aliases: [TLAM, Tomahawk cruise missile]", "aliases: [TLAM, Sea Arrow]"
        ),
        encoding="utf-8",
    )
    doc = tmp_path / "doc.txt"
    doc.write_text("a Sea Arrow cruise missile", encoding="utf-8")
    code, out, _ = run(capsys, "scan", "--json", "--data", str(dataset_dir), str(doc))
    assert code == 0 and json.loads(out)["systems"][0]["id"] == "tomahawk"
    _, out, _ = run(capsys, "scan", "--json", str(doc))
    assert json.loads(out)["mention_count"] == 0


def test_html_on_standard_input_is_read_as_visible_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = b"<!DOCTYPE html><title>ATACMS</title><p>Two <b>Pat</b>riot batteries in Kyiv</p>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(page), encoding="utf-8"))
    code, out, _ = run(capsys, "scan", "--json", "-")
    # The title is not visible text; "Pat<b>riot" reads "Patriot".
    assert code == 0 and [s["id"] for s in json.loads(out)["systems"]] == ["patriot"]
    fragment = b"Some <b>ATACMS</b> text"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(fragment), encoding="utf-8"))
    _, out, _ = run(capsys, "scan", "--json", "--html", "-")
    assert json.loads(out)["systems"][0]["column"] == 6


def test_other_systems_are_listed_apart(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("HIMARS and Storm Shadow missiles, then ATACMS Block IA.", encoding="utf-8")
    code, out, _ = run(capsys, "scan", "--json", str(doc))
    data = json.loads(out)
    assert code == 0 and data["mention_count"] == 1
    assert [s["variant_ids"] for s in data["systems"]] == [["block-ia"]]
    assert [o["id"] for o in data["others"]] == ["himars", "storm-shadow"]
    _, out, _ = run(capsys, "scan", str(doc))
    assert "  atacms      1  first at 1:40  (block-ia)" in out
    assert "  other systems named: HIMARS (1), Storm Shadow (1)" in out


def test_show_names_the_variant_and_a_known_other_system(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "show", "MIM-104F")
    assert code == 0 and out.startswith("MIM-104F names the PAC-3 variant of Patriot.")
    assert "PAC-3 MSE" in out
    code, _, err = run(capsys, "show", "HIMARS")
    assert code == 1 and "known rocket artillery launcher" in err
    assert "did you mean" not in err
