"""armsref.dask on a real distributed.LocalCluster with two worker processes."""

from __future__ import annotations

import gzip
import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from armsref.cli import main
from armsref.corpora.corpusscan import as_row, scan_inputs
from armsref.extraction.pipeline import extract
from armsref.scanning.mentions import systems_in
from tests.extras import need

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    distributed = need("distributed")
    need("pyarrow")
    need("pandas")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as running:
        yield running


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "seeds", folder)
    (folder / "sub").mkdir()
    (folder / "sub" / "web.html").write_text("<p>two <b>TLAMs</b></p>", encoding="utf-8")
    (folder / "bin.txt").write_bytes(b"\x00ATACMS")
    (folder / "others.txt").write_text("HIMARS, Storm Shadow and ATACMS Block IA", "utf-8")
    lines = [json.dumps({"text": t}) for t in ["ERAM", "none", "JASSM, JASSMs"]]
    (folder / "news.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    return folder


def test_cli_on_the_cluster_writes_the_local_results_as_parquet(
    cluster: Any, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pq = need("pyarrow.parquet")
    out = tmp_path / "out"
    argv = ["scan", "--recursive", "--scheduler", cluster.scheduler_address, "--output", str(out)]
    code = main([*argv, str(corpus)])
    captured = capsys.readouterr()
    assert code == 0
    assert (
        captured.err
        == f"armsref: note: {corpus / 'bin.txt'}: binary file (NUL byte at offset 0), skipped\n"
    )
    parts = sorted(out.glob("part-*.parquet"))
    assert len(parts) >= 2  # spread over both workers
    written = pq.read_table(out).to_pylist()
    local = [as_row(d) for d in scan_inputs([corpus], recursive=True, keep_mentions=False)]
    assert written == local
    assert len(written) == 5 + 3 + 3
    [others] = [row for row in written if row["path"].endswith("others.txt")]
    assert [o["id"] for o in others["others"]] == ["himars", "storm-shadow"]
    assert others["systems"][0]["variant_ids"] == ["block-ia"]
    assert (
        captured.out
        == f"{len(written)} documents scanned into {len(parts)} Parquet files in {out}\n"
    )


def _built_here() -> tuple[int, int]:
    from armsref.scanning import engine, matcher

    return len(matcher._MATCHERS), len(engine._ENGINES)


def test_bags_and_frames_give_the_local_results(cluster: Any) -> None:
    need("dask.bag")
    import dask.bag
    import dask.dataframe
    import pandas
    from distributed import Client

    from armsref.dask import extract_bag, scan_bag, scan_frame, scan_frame_meta

    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    pairs = [(f"doc{n}", text) for n, text in enumerate(texts)]
    with Client(cluster.scheduler_address) as client:
        bag = dask.bag.from_sequence(pairs, npartitions=3)
        scanned = scan_bag(bag).compute()
        extracted = extract_bag(bag).compute()
        frame = dask.dataframe.from_pandas(
            pandas.DataFrame({"name": [p[0] for p in pairs], "text": texts}), npartitions=2
        )
        rows = frame.map_partitions(scan_frame, "text", "name", meta=scan_frame_meta()).compute()
        built = client.run(_built_here)
    # Each worker process built one matcher and one engine, for all its tasks.
    assert sorted(built.values()) == [(1, 1), (1, 1)]
    assert [row["path"] for row in scanned] == [p[0] for p in pairs]
    for row, text in zip(scanned, texts, strict=True):
        assert [(s["id"], s["count"]) for s in row["systems"]] == [
            (s.system_id, s.count) for s in systems_in(text)
        ]
    assert [len(e["findings"]) for e in extracted] == [len(extract(text)) for text in texts]
    assert [e["findings"][0]["quote"] for e in extracted if e["findings"]] == [
        found[0].quote for found in (extract(text) for text in texts) if found
    ]
    expected = [(name, s.system_id, s.count) for name, text in pairs for s in systems_in(text)]
    assert list(zip(rows["id"], rows["system"], rows["count"], strict=True)) == expected


def test_standard_input_cannot_go_to_the_cluster(
    cluster: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["scan", "--scheduler", cluster.scheduler_address, "--output", str(tmp_path), "-"]
    assert main(argv) == 2
    assert "standard input" in capsys.readouterr().err


def test_without_the_extra_the_cluster_option_says_what_to_install(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # importing it now fails
    argv = ["scan", "--scheduler", "tcp://127.0.0.1:1", "--output", str(tmp_path), str(ROOT)]
    assert main(argv) == 2
    assert capsys.readouterr().err == (
        "armsref: error: --scheduler needs Dask: pip install 'armsref[dask]'\n"
    )
