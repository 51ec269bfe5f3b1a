"""``armsref extract`` over corpus files: each document, named by its id."""

from __future__ import annotations

import bz2
import json
from pathlib import Path

import pytest

from armsref.cli import main
from armsref.extraction.pipeline import extract

TEXT = "The Tomahawk has a range of 1,000 miles."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_lines_document_by_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    corpus = tmp_path / "c.jsonl"
    rows = [{"id": "a", "body": TEXT}, {"id": "b", "body": "nothing here"}]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\nbad\n", encoding="utf-8")
    code, out, err = run(
        capsys, "extract", str(corpus), "--json", "--text-field", "body", "--id-field", "id"
    )
    assert code == 1
    assert err == f"armsref: error: {corpus}#3: line 3: not JSON: Expecting value\n"
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["path"] == f"{corpus}#a" and second == {"path": f"{corpus}#b", "findings": []}
    [expected] = extract(TEXT)
    assert [(f["system"], f["value"], f["quote"]) for f in first["findings"]] == [
        (expected.system_id, expected.value, expected.quote)
    ]


def test_compressed_text_is_one_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    packed = tmp_path / "a.txt.bz2"
    packed.write_bytes(bz2.compress(TEXT.encode()))
    code, out, err = run(capsys, "extract", str(packed))
    assert code == 0 and err == ""
    assert out.startswith(f"{packed}: tomahawk: 1,000 miles")


def test_yaml_wants_one_document(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(corpus), "--yaml")
    assert code == 2 and out == "" and "--yaml" in err


def test_a_missing_corpus_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "extract", str(tmp_path / "gone.jsonl"))
    assert code == 1 and err == f"armsref: error: {tmp_path / 'gone.jsonl'}: no such file\n"
