"""add-source: a new document round-trips into a dataset copy; every refusal changes nothing."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

import armsref
from armsref.curation import intake, yamlwrite
from armsref.curation.intake import add_source, read_document
from armsref.curation.recorded import unrecorded
from armsref.curation.verification import verify
from armsref.errors import DataError, InputError

ARTICLE = (
    "Kyiv weighs its next requests\n"
    "The ERAM, which has a range of up to 450 kilometers, is cheap to build.\n"
    "Officials also discussed the JASSM-ER. The missile has a range of about 925 km.\n"
    "Moscow is about 450 km from the border, and the Storm Shadow has a range of 250 km.\n"
)


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "Kyiv weighs requests.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_add_source_round_trips(dataset_dir: Path, article: Path) -> None:
    before = snapshot(dataset_dir)
    added = add_source(
        article,
        outlet="Example Wire",
        published="2025-10-16",
        url="https://example.org/a",
        data=dataset_dir,
    )
    assert added.source == "kyiv-weighs-requests"
    assert added.file == f"seeds/005_{hashlib.sha256(article.read_bytes()).hexdigest()[:16]}.txt"
    assert (dataset_dir / added.file).read_bytes() == article.read_bytes()
    after = snapshot(dataset_dir)
    # Hand-written YAML is byte-identical; only entries were appended.
    for name in ("data/sources.yaml", "data/claims.yaml"):
        assert after[name].startswith(before[name])
        assert after[name] != before[name]
    assert after["data/systems.yaml"] == before["data/systems.yaml"]
    assert set(after) - set(before) == {added.file}
    appended = after["data/claims.yaml"][len(before["data/claims.yaml"]) :].decode()
    assert appended.startswith("\n- id: eram-2\n  system: eram\n")
    assert "status: unreviewed" in appended
    # The dataset loads, verifies clean, and lists the new claims as unreviewed.
    armsref.clear_cache()
    dataset = armsref.load(dataset_dir)
    source = dataset.source("kyiv-weighs-requests")
    assert (source.outlet, str(source.published), source.url) == (
        "Example Wire",
        "2025-10-16",
        "https://example.org/a",
    )
    assert [(c.id, c.system, c.value, c.qualifier, c.status) for c in source.claims] == [
        ("eram-2", "eram", 450, "up_to", "unreviewed"),
        ("jassm-1", "jassm", 925, "about", "unreviewed"),
    ]
    report = verify(dataset_dir)
    assert report.ok, report.problems
    assert len(report.warnings) == 2 and all("not reviewed" in w for w in report.warnings)


def test_a_document_already_present_is_refused(dataset_dir: Path) -> None:
    before = snapshot(dataset_dir)
    seed = dataset_dir / "seeds" / "004_0e120a5187f68c70.txt"
    with pytest.raises(
        InputError, match="already in the dataset as source 'trump-putin-call-tomahawks'"
    ):
        add_source(seed, id="fresh-id", data=dataset_dir)
    assert snapshot(dataset_dir) == before


def test_a_taken_id_is_refused(dataset_dir: Path, article: Path) -> None:
    before = snapshot(dataset_dir)
    with pytest.raises(InputError, match="'cnn-longer-range-missiles' is already taken"):
        add_source(article, id="cnn-longer-range-missiles", data=dataset_dir)
    assert snapshot(dataset_dir) == before


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"id": "Not An Id"}, "is not a valid id"),
        ({"published": "last Tuesday"}, "is not a date"),
        ({"published": "2025-13-40"}, "is not a date"),
    ],
)
def test_invalid_options_are_refused(
    dataset_dir: Path, article: Path, options: dict[str, str], message: str
) -> None:
    before = snapshot(dataset_dir)
    with pytest.raises(InputError, match=message):
        add_source(article, data=dataset_dir, **options)  # type: ignore[arg-type]
    assert snapshot(dataset_dir) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "is empty"),
        (b"  \n\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
        ("The ATACMS has a range of 300 km.".encode("utf-16"), "looks binary"),
        ("Le missile ATACMS a une portée de 300 km.".encode("latin-1"), "not UTF-8"),
    ],
)
def test_unreadable_documents_are_refused(
    dataset_dir: Path, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "doc.txt"
    if content is not None:
        path.write_bytes(content)
    before = snapshot(dataset_dir)
    with pytest.raises(InputError, match=message):
        add_source(path, data=dataset_dir)
    assert snapshot(dataset_dir) == before


def test_a_directory_is_not_a_document(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)


def test_an_unwritable_dataset_is_refused(
    dataset_dir: Path, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = str(dataset_dir / "data")
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: real(p, mode) and str(p) != data)
    before = snapshot(dataset_dir)
    with pytest.raises(DataError, match="not writable; nothing was changed"):
        add_source(article, data=dataset_dir)
    assert snapshot(dataset_dir) == before


def test_a_write_that_fails_midway_is_undone(
    dataset_dir: Path, article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = yamlwrite.atomic_write

    def failing(path: Path, data: bytes) -> None:
        if path.name == "claims.yaml":
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(yamlwrite, "atomic_write", failing)
    before = snapshot(dataset_dir)
    with pytest.raises(DataError, match="No space left on device"):
        add_source(article, data=dataset_dir)
    assert snapshot(dataset_dir) == before


def test_an_interrupted_write_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "claims.yaml"
    target.write_bytes(b"- old: entry\n")

    def interrupted(source: str, destination: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        yamlwrite.atomic_write(target, b"- new: entry\n")
    assert target.read_bytes() == b"- old: entry\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.yaml"]


def test_atomic_write_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "sources.yaml"
    target.write_text("[]\n")
    target.chmod(0o640)
    yamlwrite.atomic_write(target, b"- id: x\n")
    assert target.read_bytes() == b"- id: x\n"
    assert target.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("# only a comment\n", "# only a comment\n\n- a: 1\n"),
        ("[]\n", "- a: 1\n"),
        ("", "- a: 1\n"),
        ("- a: 0  # kept\n", "- a: 0  # kept\n\n- a: 1\n"),
        ("- a: 0", "- a: 0\n\n- a: 1\n"),
    ],
)
def test_appending_to_any_list_file(original: str, expected: str) -> None:
    assert yamlwrite.appended_text(original, [{"a": 1}], "f.yaml") == expected


@pytest.mark.parametrize("original", ["a: 1\n", "- [unclosed\n"])
def test_appending_to_a_file_that_is_not_a_list_is_refused(original: str) -> None:
    with pytest.raises(DataError, match=r"f\.yaml"):
        yamlwrite.appended_text(original, [{"a": 1}], "f.yaml")


def test_rendered_claims_keep_the_curated_style() -> None:
    text = yamlwrite.render_entries(
        [{"system": "eram", "value": 285, "also": {"value": 460, "unit": "km"}, "quote": "“x”: y"}]
    )
    assert (
        text == "- system: eram\n  value: 285\n  also: {value: 460, unit: km}\n  quote: '“x”: y'\n"
    )


def test_verify_reports_a_figure_data_lacks(dataset_dir: Path) -> None:
    claims = dataset_dir / "data" / "claims.yaml"
    text = claims.read_text(encoding="utf-8")
    cut = text.index("- id: eram-1")
    claims.write_text(text[:cut] + text[text.index("- id: atacms-2", cut) :], encoding="utf-8")
    report = verify(dataset_dir)
    assert not report.ok
    assert report.problems == (
        "source 'trump-putin-call-tomahawks': extract finds eram 'about 285 miles' that data/ "
        "lacks: 'the ERAM (about 285 miles, or 460 kilometers)'",
    )


def test_the_shipped_dataset_records_every_figure(dataset: armsref.Dataset) -> None:
    for source in dataset.sources:
        assert unrecorded(source.text(), source.id, dataset) == []
    assert verify().ok


def test_slug() -> None:
    assert intake.slug("  ???  ") == "source"
    assert intake.slug("A" * 100) == "a" * 60


def test_a_document_without_figures_is_added_with_no_claims(
    dataset_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Officials met on Tuesday. No weapons were discussed.\r\n", encoding="utf-8")
    claims = (dataset_dir / "data" / "claims.yaml").read_bytes()
    added = add_source(path, id="plain", title="Officials “met”", data=dataset_dir)
    assert added.claims == ()
    assert (dataset_dir / "data" / "claims.yaml").read_bytes() == claims
    sources = (dataset_dir / "data" / "sources.yaml").read_text(encoding="utf-8")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert sources.endswith(f"  title: Officials “met”\n  published: null\n  sha256: {digest}\n")
    assert verify(dataset_dir).ok
