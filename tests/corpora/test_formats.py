"""Corpus formats: JSON Lines, Parquet, WARC and compressed text, each document with its id."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import sys
from pathlib import Path

import pytest

from armsref.corpora.corpusscan import scan_inputs
from armsref.corpora.formats import layout
from armsref.corpora.records import Fields
from armsref.scanning.documents import scan_file
from tests.extras import need

TEXT = "The Army fired ATACMS.\nLater, two Tomahawks and a “JASSM-ER”.\n"


def summary(path: Path | str, **options: object) -> list[tuple[str, int, list[str]]]:
    return [
        (Path(d.path).name, d.count, [t.system_id for t in d.systems])
        for d in scan_inputs([path], **options)  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize(
    ("suffix", "compress"),
    [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)],
)
def test_compressed_text_scans_like_the_plain_file(
    tmp_path: Path, suffix: str, compress: object
) -> None:
    plain = tmp_path / "a.txt"
    plain.write_text(TEXT * 3, encoding="utf-8")
    packed = tmp_path / f"a.txt{suffix}"
    packed.write_bytes(compress(plain.read_bytes()))  # type: ignore[operator]
    [scanned] = scan_inputs([packed])
    expected = scan_file(plain)
    assert scanned.path == str(packed)
    assert scanned.systems == expected.systems
    assert [(m.start, m.surface) for m in scanned.mentions] == [
        (m.start, m.surface) for m in expected.mentions
    ]


def test_zstd_text(tmp_path: Path) -> None:
    zstandard = need("zstandard")
    packed = tmp_path / "a.md.zst"
    packed.write_bytes(zstandard.ZstdCompressor().compress(TEXT.encode()))
    assert summary(packed) == [("a.md.zst", 3, ["atacms", "tomahawk", "jassm"])]


def test_compressed_html_is_read_as_visible_text(tmp_path: Path) -> None:
    page = tmp_path / "p.html.gz"
    page.write_bytes(gzip.compress(b"<p>TLAM</p><script>ATACMS</script>"))
    assert summary(page) == [("p.html.gz", 1, ["tomahawk"])]


def test_a_broken_gzip_is_one_error_the_rest_go_on(tmp_path: Path) -> None:
    (tmp_path / "bad.txt.gz").write_bytes(b"not gzip at all")
    (tmp_path / "good.txt").write_text("ERAM", encoding="utf-8")
    bad, good = scan_inputs([tmp_path])
    assert bad.error is not None and "gzip" in bad.error.lower()
    assert good.ok and good.count == 1


def test_json_lines_with_fields_ids_and_bad_lines(tmp_path: Path) -> None:
    rows = [
        {"url": "https://a.example/1", "body": "ATACMS and ERAM"},
        {"url": "https://a.example/2", "body": "nothing"},
        {"url": "https://a.example/3", "body": 12},
    ]
    lines = [json.dumps(row) for row in rows] + ["{oops", "", json.dumps({"body": "TLAM"})]
    corpus = tmp_path / "news.jsonl.gz"
    corpus.write_bytes(gzip.compress("\n".join(lines).encode()))
    found = list(scan_inputs([corpus], fields=Fields("body", "url")))
    assert [(d.path.split("#", 1)[1], d.count, d.error) for d in found] == [
        ("https://a.example/1", 2, None),
        ("https://a.example/2", 0, None),
        ("https://a.example/3", 0, "field 'body' is int, not text"),
        ("4", 0, "line 4: not JSON: Expecting property name enclosed in double quotes"),
        ("6", 0, "no id field 'url'"),
    ]
    first = found[0].systems[1]
    assert (first.system_id, first.line, first.column, first.offset) == ("eram", 1, 12, 11)


def test_records_carry_variants_and_other_systems(tmp_path: Path) -> None:
    text = "HIMARS and Storm Shadow missiles, then ATACMS Block IA."
    corpus = tmp_path / "o.jsonl"
    corpus.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    plain = tmp_path / "o.txt"
    plain.write_text(text, encoding="utf-8")
    [record] = scan_inputs([corpus])
    expected = scan_file(plain)
    assert (record.systems, record.others) == (expected.systems, expected.others)
    assert [m.variant for m in record.mentions] == [m.variant for m in expected.mentions]


def test_json_lines_numbered_without_an_id_field(tmp_path: Path) -> None:
    corpus = tmp_path / "c.ndjson"
    corpus.write_text('{"text": "Patriot batteries"}\n{"text": "x"}\n', encoding="utf-8")
    assert summary(corpus) == [("c.ndjson#1", 1, ["patriot"]), ("c.ndjson#2", 0, [])]


def test_parquet_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pa = need("pyarrow")
    pq = need("pyarrow.parquet")
    from armsref.corpora import records

    monkeypatch.setattr(records, "BATCH_ROWS", 2)  # several batches from five rows
    texts = ["ATACMS", None, "two TLAMs", "", "JASSM and ERAM"]
    table = pa.table({"doc": ["a", "b", "c", "d", "e"], "text": texts})
    pq.write_table(table, tmp_path / "t.parquet")
    found = list(scan_inputs([tmp_path / "t.parquet"], fields=Fields("text", "doc")))
    assert [(d.path.rsplit("#", 1)[1], d.count, d.error) for d in found] == [
        ("a", 1, None),
        ("b", 0, "no text field 'text'"),
        ("c", 1, None),
        ("d", 0, None),
        ("e", 2, None),
    ]


def test_parquet_without_the_column_names_the_columns(tmp_path: Path) -> None:
    pa = need("pyarrow")
    pq = need("pyarrow.parquet")
    pq.write_table(pa.table({"body": ["x"]}), tmp_path / "t.parquet")
    [failed] = scan_inputs([tmp_path / "t.parquet"])
    assert failed.error == "no column 'text' (columns: body)"


def _warc(path: Path, pages: list[tuple[str, str, bytes]]) -> None:
    need("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as output:
        writer = WARCWriter(output, gzip=path.suffix == ".gz")
        for address, content_type, body in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                address,
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=headers,
            )
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_pages_as_visible_text_named_by_address(tmp_path: Path, name: str) -> None:
    archive = tmp_path / name
    _warc(
        archive,
        [
            ("https://n.example/a", "text/html; charset=utf-8", b"<p>Two <b>ATACMS</b></p>"),
            ("https://n.example/logo.png", "image/png", b"\x89PNG ATACMS"),
            ("https://n.example/b.txt", "text/plain", b"a Tomahawk missile"),
            (
                "https://n.example/c",
                "text/html; charset=latin-1",
                "<p>café JASSM</p>".encode("latin-1"),
            ),
        ],
    )
    found = list(scan_inputs([archive]))
    assert [(d.path, d.count) for d in found] == [
        (f"{archive}#https://n.example/a", 1),
        (f"{archive}#https://n.example/b.txt", 1),
        (f"{archive}#https://n.example/c", 1),
    ]
    assert found[0].systems[0].column == 5  # "Two ATACMS": offsets into the visible text


def test_not_a_warc_is_one_error(tmp_path: Path) -> None:
    need("warcio")
    (tmp_path / "x.warc").write_bytes(b"hello, not an archive\r\n\r\n")
    [failed] = scan_inputs([tmp_path / "x.warc"])
    assert failed.error is not None and failed.error.startswith("not a WARC file")


def test_layouts_by_name() -> None:
    assert layout("a.JSONL.GZ") == ("jsonl", "gzip", False)
    assert layout("a.parquet") == ("parquet", None, False)
    assert layout("a.htm.bz2") == ("text", "bz2", True)
    assert layout("a.gz") == ("text", "gzip", False)


def test_a_file_that_is_not_parquet_is_one_error(tmp_path: Path) -> None:
    need("pyarrow")
    (tmp_path / "x.parquet").write_text("id,text\n1,ERAM\n", encoding="utf-8")
    [failed] = scan_inputs([tmp_path / "x.parquet"])
    assert failed.error is not None and failed.error.startswith("not a Parquet file: ")


@pytest.mark.parametrize(
    ("name", "module", "extra"),
    [("x.parquet", "pyarrow.parquet", "pyarrow"), ("x.warc", "warcio.archiveiterator", "warcio")],
)
def test_a_missing_reader_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, module: str, extra: str
) -> None:
    (tmp_path / name).write_bytes(b"whatever")
    monkeypatch.setitem(sys.modules, module, None)  # importing it now fails
    [failed] = scan_inputs([tmp_path / name])
    assert failed.error is not None
    assert extra in failed.error and "pip install 'armsref[corpora]'" in failed.error


def test_corpus_files_in_a_pool_give_what_one_process_gives(tmp_path: Path) -> None:
    for number in range(4):
        rows = [{"text": f"{number} ERAM and ATACMS Block IA"}, {"text": "HIMARS"}, {"x": 1}]
        lines = "\n".join(json.dumps(row) for row in rows)
        (tmp_path / f"c{number}.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    (tmp_path / "p.txt").write_text("TLAM", encoding="utf-8")
    (tmp_path / "z.txt.xz").write_bytes(lzma.compress(b"JASSM"))
    (tmp_path / "broken.jsonl.bz2").write_bytes(b"not bz2")
    one = list(scan_inputs([tmp_path], keep_mentions=False))
    two = list(scan_inputs([tmp_path], jobs=2, keep_mentions=False))
    assert one == two
    assert [Path(d.path).name for d in one][:4] == [
        "broken.jsonl.bz2",
        "c0.jsonl.gz#1",
        "c0.jsonl.gz#2",
        "c0.jsonl.gz#3",
    ]
    assert one[0].error is not None and one[1].others == () and one[2].others != ()
