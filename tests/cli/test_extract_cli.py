"""``armsref extract`` and ``armsref add-source`` on the command line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import armsref
from armsref.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "004_0e120a5187f68c70.txt"
ARTICLE = (
    "The ERAM, which has a range of up to 450 kilometers, is cheap.\n"
    "The Storm Shadow has a range of about 250 km.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "new-article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_extract_lists_findings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "extract", str(SEED))
    assert code == 0 and err == ""
    assert out.splitlines() == [
        "tomahawk: about 995 miles (1,600 kilometers)  “The Tomahawk, with a range of about "
        "995 miles (1,600 kilometers)”",
        "eram: about 285 miles (460 kilometers)  “the ERAM (about 285 miles, or 460 kilometers)”",
        "atacms: about 186 miles (300 kilometers)  “the ATACMS (about 186 miles, or 300 "
        "kilometers)”",
    ]


def test_extract_all_adds_the_unattributed(
    capsys: pytest.CaptureFixture[str], article: Path
) -> None:
    _, plain, _ = run(capsys, "extract", str(article))
    assert "Storm Shadow" not in plain
    code, out, _ = run(capsys, "extract", str(article), "--all")
    assert code == 0
    assert out.splitlines()[-1] == (
        "unattributed: ?: about 250 km  “The Storm Shadow has a range of about 250 km”"
    )


def test_extract_json(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, out, _ = run(capsys, "extract", str(article), "--json", "--all")
    assert code == 0
    shown = json.loads(out)
    assert shown["findings"] == [
        {
            "system": "eram",
            "figure": "up to 450 kilometers",
            "value": 450.0,
            "unit": "kilometers",
            "qualifier": "up_to",
            "approximate": False,
            "variant": None,
            "condition": None,
            "also": None,
            "quote": "The ERAM, which has a range of up to 450 kilometers",
            "start": 0,
            "end": 51,
        }
    ]
    assert [f["system"] for f in shown["unattributed"]] == [None]
    _, out, _ = run(capsys, "extract", str(SEED), "--json")
    assert json.loads(out)["findings"][0]["also"] == {"value": 1600.0, "unit": "kilometers"}
    assert "unattributed" not in json.loads(out)


def test_extract_yaml_pastes_into_claims(
    capsys: pytest.CaptureFixture[str], dataset_dir: Path
) -> None:
    claims = dataset_dir / "data" / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    cut = text.index("- id: tomahawk-2\n")
    claims.write_text(text[:cut], encoding="utf-8")
    assert not armsref.verify(dataset_dir).ok
    seed = dataset_dir / "seeds" / SEED.name
    code, out, _ = run(capsys, "extract", str(seed), "--yaml", "--data", str(dataset_dir))
    assert code == 0 and "source: trump-putin-call-tomahawks" in out
    claims.write_text(text[:cut] + out, encoding="utf-8")
    armsref.clear_cache()
    report = armsref.verify(dataset_dir)
    assert report.ok, report.problems
    assert len(report.warnings) == 3


def test_extract_yaml_of_a_new_document(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, out, _ = run(capsys, "extract", str(article), "--yaml", "--all")
    assert code == 0
    assert "source: new-article\n" in out
    assert out.endswith(
        "# unattributed: about 250 km: The Storm Shadow has a range of about 250 km\n"
    )


def test_extract_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Stdin:
        buffer = io.BytesIO(ARTICLE.encode())

    monkeypatch.setattr(sys, "stdin", Stdin())
    code, out, _ = run(capsys, "extract", "-")
    assert code == 0 and out.startswith("eram: up to 450 kilometers")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "looks binary"),
        (b"caf\xe9 300 km", "not UTF-8"),
    ],
)
def test_extract_bad_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "doc.txt"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "extract", str(path))
    assert code == 1 and out == ""  # a document that cannot be read: 1, as for scan
    assert err.startswith("armsref: error: ") and message in err
    assert len(err.splitlines()) == 1


def test_extract_nothing_found(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(path))
    assert (code, out) == (0, "")
    assert err == f"no range figures found in {path}\n"


def test_extract_json_and_yaml_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "extract", str(SEED), "--json", "--yaml")
    assert code == 2 and "not allowed with argument" in err


def test_add_source(capsys: pytest.CaptureFixture[str], dataset_dir: Path, article: Path) -> None:
    code, out, err = run(
        capsys, "add-source", str(article), "--data", str(dataset_dir), "--outlet", "Wire"
    )
    assert code == 0 and err == ""
    assert out.splitlines()[0].startswith("added source 'new-article' as seeds/005_")
    assert "1 claim to review" in out
    code, out, err = run(capsys, "add-source", str(article), "--data", str(dataset_dir))
    assert code == 1 and out == ""  # a refused duplicate is 1, not a usage error
    assert err == (
        "armsref: error: this document is already in the dataset as source 'new-article' "
        f"({armsref.load(dataset_dir).source('new-article').file}); nothing was changed\n"
    )


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--published", "yesterday"], 2),
        (["--id", "BAD ID"], 2),
        (["--id", "cnn-longer-range-missiles"], 1),
    ],
)
def test_add_source_refusals_change_nothing(
    capsys: pytest.CaptureFixture[str],
    dataset_dir: Path,
    article: Path,
    argv: list[str],
    expected: int,
) -> None:
    before = {p: p.read_bytes() for p in dataset_dir.rglob("*") if p.is_file()}
    code, out, err = run(capsys, "add-source", str(article), "--data", str(dataset_dir), *argv)
    assert code == expected and out == "" and len(err.splitlines()) == 1
    after = {p: p.read_bytes() for p in dataset_dir.rglob("*") if p.is_file()}
    assert after == before


def test_add_source_missing_file(capsys: pytest.CaptureFixture[str], dataset_dir: Path) -> None:
    code, _, err = run(capsys, "add-source", "/no/such/file.txt", "--data", str(dataset_dir))
    assert code == 1 and err == "armsref: error: /no/such/file.txt: no such file\n"


def test_as_a_real_process(dataset_dir: Path, article: Path) -> None:
    command = [sys.executable, "-m", "armsref"]
    added = subprocess.run(
        [*command, "add-source", str(article), "--data", str(dataset_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert added.returncode == 0, added.stderr
    seed = next((dataset_dir / "seeds").glob("005_*.txt"))
    extracted = subprocess.run(
        [*command, "extract", str(seed), "--json", "--data", str(dataset_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert extracted.returncode == 0
    assert [f["system"] for f in json.loads(extracted.stdout)["findings"]] == ["eram"]
    verified = subprocess.run(
        [*command, "verify", "--data", str(dataset_dir)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert verified.returncode == 0 and "not reviewed yet" in verified.stderr


def test_an_html_document_is_read_as_its_visible_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>ATACMS 900 km</title></head><body>"
        "<nav>Related: the Taurus has a range of 500 km</nav>"
        "<p>The <b>ATACMS</b> can strike targets up to <em>300</em> km away.</p>"
        "<script>var range = '1,000 km';</script></body></html>",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "extract", "--json", str(page))
    findings = json.loads(out)["findings"]
    assert code == 0
    assert [(f["system"], f["value"], f["qualifier"]) for f in findings] == [
        ("atacms", 300, "up_to")
    ]
    assert "<" not in findings[0]["quote"]


def test_extract_several_files_and_folders(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, article: Path
) -> None:
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "b.txt").write_text("The ATACMS has a range of 300 km.\n", encoding="utf-8")
    (folder / "skip.bin").write_bytes(b"\0\0")
    code, out, err = run(capsys, "extract", str(article), str(folder), "/no/such.txt", "--json")
    assert code == 1
    assert err == "armsref: error: /no/such.txt: no such file\n"
    shown = [json.loads(line) for line in out.splitlines()]
    assert [(d["path"], [f["system"] for f in d["findings"]]) for d in shown] == [
        (str(article), ["eram"]),
        (str(folder / "b.txt"), ["atacms"]),
    ]
    code, out, _ = run(capsys, "extract", str(article), str(folder), "--yaml")
    assert code == 0
    assert "- id: eram-2\n" in out and "- id: atacms-3\n" in out  # ids never collide
    code, out, _ = run(capsys, "extract", str(article), str(folder))
    assert out.splitlines()[0] == f"{article}:" and f"{folder / 'b.txt'}:" in out


def test_add_source_options_for_one_document_need_one(
    capsys: pytest.CaptureFixture[str], dataset_dir: Path, article: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("The ATACMS has a range of 300 km.\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in dataset_dir.rglob("*") if p.is_file()}
    code, out, err = run(
        capsys, "add-source", str(article), str(other), "--id", "x", "--data", str(dataset_dir)
    )
    assert code == 2 and out == "" and "--id describes one document" in err
    assert {p: p.read_bytes() for p in dataset_dir.rglob("*") if p.is_file()} == before
    # A refused document does not stop the others.
    code, out, err = run(
        capsys, "add-source", str(SEED), str(other), "--data", str(dataset_dir), "--outlet", "W"
    )
    assert code == 1 and "already in the dataset" in err
    assert "added source 'other'" in out
