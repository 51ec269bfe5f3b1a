"""``armsref extract`` on a text file larger than a block: streamed, the same bytes out."""

from __future__ import annotations

from pathlib import Path

import pytest

from armsref.cli import main
from armsref.extraction.mentionindex import BLOCK

ROOT = Path(__file__).resolve().parents[2]
SEEDS = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def in_memory(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str
) -> tuple[int, str, str]:
    """What ``armsref extract`` prints when it reads the file whole (at most 32 MiB)."""
    with monkeypatch.context() as patched:
        patched.setattr("armsref.cli.extract_stream.is_large_text", lambda path: False)
        return run(capsys, *argv)


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A text file of a little more than one block: filler with a seed every 300 KB or
    so, an emoji and an unattributed figure after each."""
    filler = "The council met again and the market was busy. Émigrés’ café. " * 4800
    rounds = []
    size = number = 0
    while size <= BLOCK:
        seed = SEEDS[number % len(SEEDS)]
        piece = f"{filler}\n{seed}\nRound {number} 😀: the Storm Shadow flies about 250 km.\n"
        rounds.append(piece)
        size += len(piece.encode())
        number += 1
    path = tmp_path_factory.mktemp("large") / "large.txt"
    path.write_text("".join(rounds), encoding="utf-8")
    return path


@pytest.mark.parametrize("options", [(), ("--all",), ("--json",), ("--json", "--all")])
def test_the_streamed_output_is_the_in_memory_output(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    large: Path,
    options: tuple[str, ...],
) -> None:
    expected = in_memory(capsys, monkeypatch, "extract", str(large), *options)
    streamed = run(capsys, "extract", str(large), *options)
    assert streamed == expected
    assert expected[0] == 0 and expected[1].count("\n") >= (1 if "--json" in options else 8)


def test_several_documents_each_named(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, large: Path
) -> None:
    seed = str(ROOT / "seeds" / "004_0e120a5187f68c70.txt")
    expected = in_memory(capsys, monkeypatch, "extract", seed, str(large), "--all")
    assert run(capsys, "extract", seed, str(large), "--all") == expected
    assert f"{large}:" in expected[1]


def test_a_large_file_that_is_not_utf8(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, large: Path
) -> None:
    data = large.read_bytes()
    broken = tmp_path / "broken.txt"
    broken.write_bytes(data[:-100] + b"\xc3(" + data[-100:])
    code, out, err = run(capsys, "extract", str(broken))
    assert (code, out) == (1, "")
    assert err == (
        f"armsref: error: {broken}: not UTF-8 text (byte {len(data) - 100} cannot be "
        "decoded); convert it to UTF-8 first\n"
    )


@pytest.mark.parametrize(
    ("head", "message"),
    [
        (b"\xff\xfeT\x00h\x00", "is UTF-16 text; armsref reads UTF-8: convert it first"),
        (b"text\x00more", "looks binary (a NUL byte at offset 4); expected UTF-8 text"),
    ],
)
def test_a_large_binary_or_utf16_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, head: bytes, message: str
) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(head + b"x" * (BLOCK + 10))
    assert run(capsys, "extract", str(path)) == (1, "", f"armsref: error: {path}: {message}\n")


def test_a_large_file_with_no_figures(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Nothing to see here. 😀\n" * (BLOCK // 20), encoding="utf-8")
    code, out, err = run(capsys, "extract", str(path))
    assert (code, out, err) == (0, "", f"no range figures found in {path}\n")
    code, out, _ = run(capsys, "extract", str(path), "--json")
    assert out == f'{{"path": "{path}", "findings": []}}\n'


@pytest.mark.parametrize("suffix", [".gz", ".bz2", ".xz"])
@pytest.mark.parametrize("options", [("--all",), ("--json", "--all")])
def test_compressed_text_is_streamed_with_the_whole_readings_output(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    large: Path,
    suffix: str,
    options: tuple[str, ...],
) -> None:
    import bz2
    import gzip
    import lzma

    packer = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress}[suffix]
    path = tmp_path / f"large.txt{suffix}"
    path.write_bytes(packer(large.read_bytes()))
    with monkeypatch.context() as patched:
        patched.setattr("armsref.cli.extract_corpus._streamed", lambda *_: None)
        expected = run(capsys, "extract", str(path), *options)
    assert run(capsys, "extract", str(path), *options) == expected
    assert expected[0] == 0 and "Storm Shadow" in expected[1]


def test_compressed_text_not_utf8_is_read_whole_with_its_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import gzip

    path = tmp_path / "odd.txt.gz"
    path.write_bytes(gzip.compress(b"The ATACMS flies 300 km.\xff\n"))
    code, out, err = run(capsys, "extract", str(path))
    assert code == 0 and out.startswith(f"{path}: atacms: 300 km")
    assert "not valid UTF-8" in err
