"""Lines, columns and context for mentions, read back as a stream."""

from __future__ import annotations

import gzip
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from armsref.corpora.lines import document_text, walk
from armsref.scanning.documents import scan_file
from armsref.scanning.mentions import scan

ROOT = Path(__file__).resolve().parents[2]


def test_positions_agree_with_the_scanners_first_positions() -> None:
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        scanned = scan_file(seed)
        lines = [line for line in walk(document_text(str(seed)), scanned.mentions) if line]
        placed = {}
        for line in lines:
            for mention, column in zip(line.mentions, line.columns(), strict=True):
                placed.setdefault(mention.system_id, (line.number, column))
                assert line.text[column - 1 :].startswith(mention.surface)
        assert placed == {t.system_id: (t.line, t.column) for t in scanned.systems}


def test_crlf_and_text_after_the_last_line_end(tmp_path: Path) -> None:
    path = tmp_path / "w.txt.gz"
    path.write_bytes(gzip.compress(b"a\r\nTLAM\r\nb ERAM"))
    text = "".join(document_text(str(path)))
    lines = [line for line in walk(document_text(str(path)), scan(text), context=1) if line]
    assert [(line.number, line.text, line.columns()) for line in lines] == [
        (1, "a", []),
        (2, "TLAM", [1]),
        (3, "b ERAM", [3]),
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["x", "\n", " ", "TLAM", "ERAM", "é"]), max_size=40),
    st.integers(1, 7),
    st.integers(0, 3),
)
def test_any_chunking_gives_the_same_lines(pieces: list[str], cut: int, context: int) -> None:
    text = "".join(pieces)
    mentions = scan(text)
    whole = list(walk([text], mentions, context))
    chunks = [text[at : at + cut] for at in range(0, len(text), cut)]
    assert list(walk(chunks, mentions, context)) == whole
    numbered = text.split("\n")
    for line in whole:
        if line is not None:
            assert numbered[line.number - 1].removesuffix("\r") == line.text
    assert sum(len(line.mentions) for line in whole if line) == len(mentions)
