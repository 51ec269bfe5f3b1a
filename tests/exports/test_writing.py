"""Exports: CSV and JSON Lines whole, every table and status, written whole, never over a file."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

import armsref
from armsref.cli import main
from armsref.errors import DuplicateError, InputError
from armsref.exports.staging import staged
from armsref.exports.writing import export
from armsref.views.columns import TABLES
from tests.editing import edit

LONG = "Tomahawk-type cruise missiles with ranges above 1,500 kilometers"


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def _risky(root: Path) -> armsref.Dataset:
    """A dataset with a formula-looking quote and condition (atacms-1), and a rejected claim
    (tomahawk-1)."""

    def change(entries: list[dict[str, object]]) -> None:
        entries[0].update(quote="=cmd|' /C calc'!A0 300-kilometer", condition="-1 against @x")
        entries[1].update(status="rejected", reason="a test rejection")

    edit(root, "claims.yaml", change)
    return armsref.load(root)


def test_csv_folder_has_every_table_whole_and_spreadsheet_safe(
    tmp_path: Path, dataset_dir: Path
) -> None:
    dataset = _risky(dataset_dir)
    written = export("csv", tmp_path / "out", dataset=dataset, unit="mi")
    assert written == [tmp_path / "out"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "claims.csv", "sources.csv", "systems.csv", "variants.csv"
    ]  # fmt: skip
    assert (tmp_path / "out" / "claims.csv").read_bytes().startswith(b"\xef\xbb\xbfid,system,")
    claims = _read_csv(tmp_path / "out" / "claims.csv")
    assert list(claims[0]) == TABLES["claims"].names
    assert [c["id"] for c in claims] == [c.id for s in dataset.systems for c in s.claims]
    first = claims[0]
    assert first["quote"] == "'=cmd|' /C calc'!A0 300-kilometer"
    assert first["condition"] == "'-1 against @x" and first["value"] == "300"
    assert first["converted_unit"] == "mi" and float(first["converted_value"]) == pytest.approx(
        186.4113576
    )
    rejected = next(c for c in claims if c["id"] == "tomahawk-1")
    assert rejected["status"] == "rejected" and rejected["reason"] == "a test rejection"
    assert LONG in [c["quote"] for c in claims]
    tomahawk = next(c for c in claims if c["id"] == "tomahawk-2")
    assert (tomahawk["also_value"], tomahawk["also_unit"]) == ("1600", "kilometers")
    assert tomahawk["outlet"] == "Technical News" and tomahawk["file"].startswith("seeds/")
    systems = _read_csv(tmp_path / "out" / "systems.csv")
    assert [s["id"] for s in systems] == ["atacms", "eram", "tomahawk", "jassm", "patriot"]
    assert systems[0]["designations"] == "MGM-140"
    sources = _read_csv(tmp_path / "out" / "sources.csv")
    assert len(sources) == 5 and all(s["file"].startswith("seeds/") for s in sources)
    variants = _read_csv(tmp_path / "out" / "variants.csv")
    assert ("atacms", "block-ia") in [(v["system"], v["id"]) for v in variants]


def test_one_table_and_accepted_only(tmp_path: Path, dataset_dir: Path) -> None:
    dataset = _risky(dataset_dir)
    export("csv", tmp_path / "claims.csv", dataset=dataset, table="claims", include="accepted")
    ids = [c["id"] for c in _read_csv(tmp_path / "claims.csv")]
    assert "tomahawk-1" not in ids and "atacms-1" in ids


def test_jsonl_is_one_object_per_row_with_its_table(tmp_path: Path, dataset_dir: Path) -> None:
    dataset = _risky(dataset_dir)
    export("jsonl", tmp_path / "all.jsonl", dataset=dataset)
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert [r["table"] for r in rows] == sorted((r["table"] for r in rows), key=list(TABLES).index)
    claims = [r for r in rows if r["table"] == "claims"]
    assert list(claims[0]) == ["table", *TABLES["claims"].names]
    assert claims[0]["quote"] == "=cmd|' /C calc'!A0 300-kilometer"  # data, not a sheet
    assert claims[0]["value"] == 300 and claims[0]["unit"] == "kilometer"
    assert claims[0]["variant"] is None and claims[0]["approximate"] is False
    assert {c["id"]: c["status"] for c in claims}["tomahawk-1"] == "rejected"
    assert "“" in "".join(lines)  # UTF-8 as written, not escaped
    export("jsonl", tmp_path / "sources.jsonl", dataset=dataset, table="sources")
    one = (tmp_path / "sources.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(one) == 5 and {json.loads(line)["table"] for line in one} == {"sources"}


def test_an_existing_target_is_kept_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "ref.jsonl"
    target.write_text("precious", encoding="utf-8")
    with pytest.raises(DuplicateError, match=r"ref\.jsonl: already exists; give --force"):
        export("jsonl", target)
    assert target.read_text(encoding="utf-8") == "precious"
    export("jsonl", target, force=True)
    assert target.read_text(encoding="utf-8").startswith('{"table": "systems"')
    (tmp_path / "folder").mkdir()
    with pytest.raises(InputError, match="is a folder"):
        export("jsonl", tmp_path / "folder", force=True)
    export("csv", tmp_path / "folder", force=True)
    export("csv", tmp_path / "folder", force=True)  # a folder replaced by a new one
    assert (tmp_path / "folder" / "claims.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "ref.jsonl"]


def test_a_failed_write_leaves_the_target_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), staged(target, force=True) as temp:
        temp.write_text("half", encoding="utf-8")
        raise RuntimeError("killed midway")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_bad_arguments_are_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown export format 'xlsx'; choose one of csv"):
        export("xlsx", tmp_path / "x")
    with pytest.raises(InputError, match="unknown table 'weapons'; choose one of systems"):
        export("csv", tmp_path / "x.csv", table="weapons")
    with pytest.raises(InputError, match="'table' is for csv or jsonl"):
        export("datapackage", tmp_path / "x", table="claims")
    with pytest.raises(InputError, match="no such folder"):
        export("jsonl", tmp_path / "missing" / "x.jsonl")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["--format", "xlsx", "-o", "x"], 2, "unknown export format 'xlsx'"),
        (["--format", "csv"], 2, "export needs -o PATH"),
        (["-o", "x"], 2, "export needs --format"),
        (["--format", "csv", "-o", "x", "--unit", "leagues"], 2, "unknown unit 'leagues'"),
        (["--format", "sqlite", "-o", "x.db", "--table", "claims"], 2, "for csv or jsonl"),
        (["--format", "jsonl", "-o", "exists.jsonl"], 1, "already exists"),
    ],
)
def test_the_command_line_says_what_is_wrong_in_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    code: int,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exists.jsonl").write_text("", encoding="utf-8")
    assert main(["export", *argv]) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and err.startswith("armsref: error: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exists.jsonl"]


def test_the_command_line_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "claims.csv"
    assert main(["export", "--format", "csv", "--table", "claims", "-o", str(target)]) == 0
    assert capsys.readouterr() == ("", "")
    assert [c["id"] for c in _read_csv(target)][:2] == ["atacms-1", "atacms-2"]


@pytest.mark.parametrize(("module", "call"), [("sqlite_utils", "sqlite"), ("pandas", "frame")])
def test_a_missing_extra_is_named_with_how_to_add_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str, call: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import fails as if not installed
    with pytest.raises(InputError, match=r"pip install 'armsref\[(datasette|pandas)\]'"):
        if call == "sqlite":
            export("sqlite", tmp_path / "ref.db")
        else:
            armsref.frame("claims")
    assert list(tmp_path.iterdir()) == []
