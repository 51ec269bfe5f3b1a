"""scan_file and scan_paths: text, Markdown, HTML, stdin, bad input, big files, folders, jobs."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

import armsref
from armsref.errors import InputError
from armsref.scanning import documents, paths
from armsref.scanning.documents import DocumentScan, scan_file
from armsref.scanning.htmltext import visible_text
from armsref.scanning.mentions import scan
from armsref.scanning.paths import scan_paths
from tests.editing import edit

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def tallies(document: DocumentScan) -> list[tuple[str, int, int, int]]:
    return [(t.system_id, t.count, t.line, t.column) for t in document.systems]


def test_text_file_gives_the_same_mentions_as_scan(tmp_path: Path) -> None:
    for seed in SEEDS:
        document = scan_file(seed)
        assert document.ok and document.warning is None
        assert list(document.mentions) == scan(seed.read_text(encoding="utf-8"))
        assert document.chars == len(seed.read_text(encoding="utf-8"))


def test_first_positions_are_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\nSome “ERAM” text\n  then ATACMS and ERAMs\n", encoding="utf-8")
    document = scan_file(path)
    assert tallies(document) == [("eram", 2, 3, 7), ("atacms", 1, 4, 8)]
    assert [t.offset for t in document.systems] == [15, 33]


def test_html_is_scanned_as_visible_text(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Tomahawk</title><style>.ATACMS{}</style></head>"
        "<body><h1>Two&nbsp;<b>ATACMS</b></h1><script>var Patriot = 1;</script>"
        "<p>Toma<i>hawk</i>s &amp; the <!-- JASSM --> ERAM</p></body></html>"
    )
    path = tmp_path / "page.HTML"
    path.write_text(html, encoding="utf-8")
    document = scan_file(path)
    text = visible_text(html)
    assert text == "Two\xa0ATACMS\nTomahawks & the  ERAM\n"
    assert [(m.surface, m.start) for m in document.mentions] == [
        ("ATACMS", 4),
        ("Tomahawks", 11),
        ("ERAM", 28),
    ]
    for mention in document.mentions:
        assert text[mention.start : mention.end] == mention.surface


def test_markdown_and_text_are_read_as_they_are(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text("<b>not html here</b> **Tomahawk** missiles", encoding="utf-8")
    assert [m.start for m in scan_file(path).mentions] == [23]


def test_stdin_is_read_with_a_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"Patriot and PAC-3\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    document = scan_file("-")
    assert document.path == "-"
    assert tallies(document) == [("patriot", 2, 1, 1)]


def test_empty_file_has_no_mentions_and_is_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    document = scan_file(path)
    assert document.ok and document.systems == () and document.chars == 0


def test_invalid_utf8_is_replaced_and_said(tmp_path: Path) -> None:
    data = b"caf\xe9 \xff ATACMS \xe2\x80"
    path = tmp_path / "latin1.txt"
    path.write_bytes(data)
    document = scan_file(path)
    assert document.ok
    assert document.warning is not None and "not valid UTF-8" in document.warning
    text = data.decode("utf-8", "replace")
    (mention,) = document.mentions
    assert text[mention.start : mention.end] == "ATACMS"
    assert document.chars == len(text)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p, "no such file or directory"),
        (lambda p: (p.mkdir(), p)[1], "is a directory"),
        (lambda p: (p.write_bytes(b"PK\x03\x04\x00\x00ATACMS"), p)[1], "binary file"),
    ],
)
def test_unusable_files_raise_input_error(tmp_path: Path, make: object, message: str) -> None:
    path = make(tmp_path / "thing.txt")  # type: ignore[operator]
    with pytest.raises(InputError, match=message):
        scan_file(path)


def test_a_binary_file_among_others_is_skipped_and_said(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("ERAM", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01ERAM")
    (tmp_path / "c.txt").write_text("TLAM", encoding="utf-8")
    results = list(scan_paths([tmp_path, tmp_path / "missing.txt"]))
    assert [(Path(r.path).name, r.ok, r.count) for r in results] == [
        ("a.txt", True, 1),
        ("b.txt", False, 0),
        ("c.txt", True, 1),
        ("missing.txt", False, 0),
    ]
    assert results[1].error == "binary file (NUL byte at offset 0), skipped"
    assert results[3].error == "no such file or directory"


def test_folders_pick_text_files_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("ERAM", encoding="utf-8")
    (tmp_path / "a.txt").write_text("TLAM", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")
    (tmp_path / ".hidden.txt").write_text("ATACMS", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.htm").write_text("<p>JASSM</p>", encoding="utf-8")
    flat = [Path(r.path).name for r in scan_paths([tmp_path], recursive=False)]
    deep = [Path(r.path).name for r in scan_paths([tmp_path], recursive=True)]
    assert flat == ["a.txt", "b.md"]
    assert deep == ["a.txt", "b.md", "c.htm"]


def test_an_unreadable_folder_is_reported_and_the_rest_scanned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("ERAM", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real = os.scandir

    def scandir(path: str) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(paths.os, "scandir", scandir)
    results = list(scan_paths([tmp_path / "locked", tmp_path / "ok"]))
    assert [(Path(r.path).name, r.error) for r in results] == [
        ("locked", "cannot be read: Permission denied"),
        ("a.txt", None),
    ]


def test_big_file_in_small_blocks_finds_each_mention_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Blocks of 4 KiB over a 600 KiB file: many mentions straddle a block edge.
    monkeypatch.setattr(documents, "BLOCK", 4096)
    text = "".join(
        f"line {i}: {'x' * (i % 97)} Army Tactical\nMissile System’s “ATACMS” — Tomahawks\n"
        for i in range(6000)
    )
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    document = scan_file(path)
    assert list(document.mentions) == scan(text)
    assert document.count == 18000
    assert document.chars == len(text)


def test_keep_mentions_false_keeps_only_tallies() -> None:
    document = scan_file(SEEDS[4], keep_mentions=False)
    assert document.mentions == ()
    assert tallies(document) == tallies(scan_file(SEEDS[4]))


def test_jobs_give_the_same_results_in_the_same_order(tmp_path: Path) -> None:
    for i, seed in enumerate(SEEDS * 4):
        (tmp_path / f"{i:02d}.txt").write_bytes(seed.read_bytes())
    one = list(scan_paths([tmp_path, tmp_path / "gone.txt"], jobs=1))
    two = list(scan_paths([tmp_path, tmp_path / "gone.txt"], jobs=2))
    assert one == two
    assert len(one) == 21 and not one[-1].ok
    assert two[0].mentions[0].system is armsref.load().system("atacms")


def test_jobs_must_be_positive() -> None:
    with pytest.raises(InputError, match="jobs must be 1 or more"):
        scan_paths(["x"], jobs=0)


def test_another_dataset_is_used_by_every_job(dataset_dir: Path, tmp_path: Path) -> None:
    edit(dataset_dir, "systems.yaml", lambda entries: entries[2]["aliases"].extend(["Sea Arrow"]))
    custom = armsref.load(dataset_dir)
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.txt", "b.txt"):
        (docs / name).write_text("a Sea Arrow missile", encoding="utf-8")
    for jobs in (1, 2):
        found = [r.count for r in scan_paths([docs], jobs=jobs, dataset=custom)]
        assert found == [1, 1]


def test_stdin_is_read_by_this_process_even_with_jobs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(b"JASSM-ER"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    (tmp_path / "a.txt").write_text("ERAM", encoding="utf-8")
    results = list(scan_paths([tmp_path / "a.txt", "-", tmp_path / "a.txt"], jobs=2))
    assert [(r.path, [t.system_id for t in r.systems]) for r in results] == [
        (str(tmp_path / "a.txt"), ["eram"]),
        ("-", ["jassm"]),
        (str(tmp_path / "a.txt"), ["eram"]),
    ]


def test_a_link_back_up_the_tree_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("TLAM", encoding="utf-8")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)
    found = [Path(r.path).relative_to(tmp_path) for r in scan_paths([tmp_path])]
    assert found == [Path("sub/a.txt")]


@pytest.mark.parametrize("block", [documents.BLOCK, 1000])
def test_invalid_utf8_in_html_is_replaced_and_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    # With small blocks the bad bytes arrive after good ones.
    monkeypatch.setattr(documents, "BLOCK", block)
    data = b"<p>caf <b>ERAM</b></p>" + b"<p>filler</p>" * 3000 + b"<p>\xff TLAM \xe9</p>"
    path = tmp_path / "bad.html"
    path.write_bytes(data)
    document = scan_file(path)
    text = visible_text(data.decode("utf-8", "replace"))
    assert document.warning is not None
    assert [text[m.start : m.end] for m in document.mentions] == ["ERAM", "TLAM"]
    assert document.chars == len(text)
