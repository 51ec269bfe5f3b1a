"""Writes to a dataset: whole or not at all, under kill -9, SIGTERM and a second curator.

The kill loop forks the real command line (``armsref.cli.main``) so that each
round costs one ``add-source`` and not an interpreter start; a few rounds run
``python -m armsref`` itself. After every round the dataset is opened again
(which completes or clears an interrupted change) and must be whole: every
source's seed present with its sha256, no seed that no source names, no
staged file, no journal, and each added document either absent or present with
every one of its claims. At the end ``verify`` passes and holds exactly the
documents whose runs reported success, plus those killed after their commit.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import armsref
from armsref.cli import main
from armsref.curation.verification import verify
from armsref.dataset import journal
from armsref.dataset.loading import clear_cache
from armsref.errors import DataError

ROOT = Path(__file__).resolve().parents[2]
KILL_ROUNDS = 32


def long_document(tag: str, copies: int = 2) -> str:
    """A long article (the shipped seeds, repeated) made unique by ``tag``."""
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*")))
    return f"Round {tag}.\n\n" + "\n\n".join([seeds] * copies) + "\n"


def whole(root: Path) -> dict[str, int]:
    """Open the dataset afresh, check it is whole, and return claims per added source."""
    clear_cache()
    dataset = armsref.load(root)
    data, seeds = root / "data", root / "seeds"
    assert not (data / journal.JOURNAL).exists()
    leftovers = [p.name for p in [*data.iterdir(), *seeds.iterdir()] if p.name.startswith(".")]
    assert leftovers == []
    named = {source.file for source in dataset.sources}
    on_disk = {f"seeds/{p.name}" for p in seeds.iterdir()}
    assert on_disk == named, "a seed no source names, or a source without its seed"
    for source in dataset.sources:
        assert hashlib.sha256(source.path.read_bytes()).hexdigest() == source.sha256
    return {
        s.id: len(dataset.claims_for_source(s.id)) for s in dataset.sources if s.id.startswith("r")
    }


def claims_of(document: Path) -> int:
    """How many claims add-source records for a document: its findings, each once."""
    from armsref.curation.intake import _unique

    return len(_unique(armsref.extract(document.read_text(encoding="utf-8"))))


def forked(argv: list[str], before: Callable[[], None] | None = None) -> tuple[int, int]:
    """Run ``armsref argv`` in a forked child; return its pid and the read end of its stdout."""
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 70
        try:
            os.close(reading)
            sys.stdout = os.fdopen(writing, "w")
            sys.stderr = open(os.devnull, "w")  # noqa: SIM115
            if before is not None:
                before()
            code = main(argv)
            sys.stdout.flush()
        finally:
            os._exit(code)
    os.close(writing)
    return pid, reading


def finish(pid: int, reading: int) -> tuple[int, str]:
    """Wait for a forked child; its exit code (-N for signal N) and what it printed."""
    _, status = os.waitpid(pid, 0)
    with os.fdopen(reading) as stream:
        out = stream.read()
    return os.waitstatus_to_exitcode(status), out


def test_kill_9_at_random_moments_never_leaves_half_a_change(
    dataset_dir: Path, tmp_path: Path
) -> None:
    documents = []
    for number in range(KILL_ROUNDS + 2):
        path = tmp_path / f"r{number:02d}.txt"
        path.write_text(long_document(str(number)), encoding="utf-8")
        documents.append(path)

    def add(number: int) -> list[str]:
        return ["add-source", str(documents[number]), "--id", f"r{number:02d}"]

    # Rounds 0 and 1 run to the end: how many claims a document gives, and how long a
    # run takes once the caches are warm.
    for number in (0, 1):
        started = time.monotonic()
        code, out = finish(*forked([*add(number), "--data", str(dataset_dir)]))
        duration = time.monotonic() - started
        assert code == 0 and out.startswith(f"added source 'r{number:02d}'"), out
    claims = whole(dataset_dir)["r00"]
    assert claims > 0
    chance = random.Random(14)
    reported = {"r00", "r01"}
    for number in range(2, KILL_ROUNDS + 2):
        # Half the kills fall anywhere, half near the end, where the files are written.
        low, high = (0.0, 1.0) if number % 2 else (0.8, 1.02)
        pid, reading = forked([*add(number), "--data", str(dataset_dir)])
        time.sleep(duration * chance.uniform(low, high))
        os.kill(pid, signal.SIGKILL)
        code, out = finish(pid, reading)
        if code == 0:
            reported.add(f"r{number:02d}")
        present = whole(dataset_dir)
        assert set(present.values()) == {claims}, "a source recorded without all its claims"
        assert reported <= set(present)
    present = set(whole(dataset_dir))
    killed = [n for n in range(2, KILL_ROUNDS + 2) if f"r{n:02d}" not in present]
    # A killed run that never committed left nothing behind: the document can be added again.
    for number in killed[:3]:
        code, out = finish(*forked([*add(number), "--data", str(dataset_dir)]))
        assert code == 0, out
    assert set(whole(dataset_dir).values()) == {claims}
    assert verify(dataset_dir).ok


def _kill_self_on_replace(root: Path, after: int) -> Callable[[], None]:
    """In the child: SIGKILL itself at the ``after``-th rename into the dataset, journal aside."""

    def install() -> None:
        real = os.replace
        count = [0]

        def replace(source: str | Path, target: str | Path) -> None:
            into_dataset = str(target).startswith(str(root))
            if into_dataset and not str(target).endswith(journal.JOURNAL):
                count[0] += 1
                if count[0] == after:
                    os.kill(os.getpid(), signal.SIGKILL)
            real(source, target)

        os.replace = replace  # type: ignore[assignment]

    return install


@pytest.mark.parametrize("renames_done", [0, 1, 2])
def test_a_change_killed_after_its_commit_is_completed_by_the_next_run(
    dataset_dir: Path, tmp_path: Path, renames_done: int
) -> None:
    document = tmp_path / "r-late.txt"
    document.write_text(long_document("late", copies=1), encoding="utf-8")
    argv = ["add-source", str(document), "--id", "r-late", "--data", str(dataset_dir)]
    code, _ = finish(*forked(argv, _kill_self_on_replace(dataset_dir.resolve(), renames_done + 1)))
    assert code == -signal.SIGKILL
    assert (dataset_dir / "data" / journal.JOURNAL).exists()
    present = whole(dataset_dir)  # the next run completes it
    assert present["r-late"] == claims_of(document)
    assert verify(dataset_dir).ok


def test_a_change_killed_before_its_commit_leaves_nothing(
    dataset_dir: Path, tmp_path: Path
) -> None:
    document = tmp_path / "r-early.txt"
    document.write_text(long_document("early", copies=1), encoding="utf-8")
    before = {p: p.read_bytes() for p in dataset_dir.rglob("*") if p.is_file()}

    def die_at_commit() -> None:
        journal.Change.commit = lambda self: os.kill(os.getpid(), signal.SIGKILL)  # type: ignore[method-assign]

    argv = ["add-source", str(document), "--id", "r-early", "--data", str(dataset_dir)]
    code, _ = finish(*forked(argv, die_at_commit))
    assert code == -signal.SIGKILL
    staged = [p for p in dataset_dir.rglob(f"*{journal.STAGED}")]
    assert len(staged) == 3  # seed, sources, claims: hidden, and never committed
    assert whole(dataset_dir) == {}
    assert {p: p.read_bytes() for p in dataset_dir.rglob("*") if p.is_file()} == before
    code, out = finish(*forked(argv))
    assert code == 0 and out.startswith("added source 'r-early'")


def cli(*argv: str, **options: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "armsref", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **options,  # type: ignore[call-overload]
    )


@pytest.mark.parametrize("number", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_the_real_command_killed_mid_run(
    dataset_dir: Path, tmp_path: Path, number: signal.Signals
) -> None:
    document = tmp_path / "r-real.txt"
    document.write_text(long_document("real", copies=3), encoding="utf-8")
    process = cli("add-source", str(document), "--id", "r-real", "--data", str(dataset_dir))
    # Past the interpreter's start-up (pydantic is imported when the dataset is read),
    # then a little further in.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if "pydantic_core" in Path(f"/proc/{process.pid}/maps").read_text():
                break
        except OSError:
            break
        time.sleep(0.02)
    time.sleep(0.3)
    process.send_signal(number)
    out, err = process.communicate(timeout=60)
    present = whole(dataset_dir)
    assert set(present) <= {"r-real"}
    if process.returncode == 0:
        assert out.startswith("added source 'r-real'") and "r-real" in present
    elif number == signal.SIGKILL:
        assert process.returncode == -signal.SIGKILL
    else:
        # Quietly: 128 + N, no traceback. (A signal in the last instant, as the
        # interpreter exits, ends it as the signal's own -N, also quietly.)
        assert process.returncode in (128 + number, -number), err
        assert err == "", err
        if "r-real" in present:
            # Interrupted after its commit: the change is whole, and stays.
            assert present["r-real"] == claims_of(document)


def test_two_curators_at_once_both_land(dataset_dir: Path, tmp_path: Path) -> None:
    expected: set[str] = set()
    for round_ in range(4):
        processes = []
        for writer in "ab":
            name = f"r{round_}{writer}"
            path = tmp_path / f"{name}.txt"
            path.write_text(long_document(name, copies=1), encoding="utf-8")
            processes.append(cli("add-source", str(path), "--id", name, "--data", str(dataset_dir)))
            expected.add(name)
        for process in processes:
            out, err = process.communicate(timeout=120)
            assert process.returncode == 0, err
            assert out.startswith("added source")
        assert set(whole(dataset_dir)) == expected
    assert verify(dataset_dir).ok


def test_the_same_document_twice_at_once_lands_once(dataset_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "r-same.txt"
    path.write_text(long_document("same", copies=1), encoding="utf-8")
    processes = [
        cli("add-source", str(path), "--id", name, "--data", str(dataset_dir))
        for name in ("r-one", "r-two")
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in processes]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 2]
    refused = next(err for code, _, err in results if code)
    assert "already in the dataset" in refused and "nothing was changed" in refused
    assert len(whole(dataset_dir)) == 1


def test_a_second_writer_waits_then_gives_up_with_a_clear_message(
    dataset_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "r-wait.txt"
    path.write_text("The ERAM has a range of up to 450 kilometers.\n", encoding="utf-8")
    environment = {**os.environ, "ARMSREF_LOCK_TIMEOUT": "0.5"}
    with journal.locked(dataset_dir):
        process = cli(
            "add-source", str(path), "--id", "r-wait", "--data", str(dataset_dir), env=environment
        )
        out, err = process.communicate(timeout=60)
    assert process.returncode == 1 and out == ""
    assert err.startswith("armsref: error: ") and len(err.splitlines()) == 1
    assert "another armsref process is changing this dataset" in err
    assert "ARMSREF_LOCK_TIMEOUT" in err and "nothing was changed" in err
    assert whole(dataset_dir) == {}
    # Released in time, the second writer waits and then lands.
    environment["ARMSREF_LOCK_TIMEOUT"] = "30"
    with journal.locked(dataset_dir):
        process = cli(
            "add-source", str(path), "--id", "r-wait", "--data", str(dataset_dir), env=environment
        )
        time.sleep(0.5)
        assert process.poll() is None
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert set(whole(dataset_dir)) == {"r-wait"}


def test_verify_reports_a_seed_no_source_names(dataset_dir: Path) -> None:
    (dataset_dir / "seeds" / "005_orphan.txt").write_text("left behind\n", encoding="utf-8")
    (dataset_dir / "seeds" / ".hidden").write_text("not a seed\n", encoding="utf-8")
    report = verify(dataset_dir)
    assert report.problems == ("seeds/005_orphan.txt is in the dataset but no source names it",)


@pytest.mark.parametrize(
    "moves",
    [
        '[["../../etc/passwd", "data/sources.yaml"]]',
        '[["data/claims.yaml", "data/sources.yaml"]]',
        '[["data/.x.armsref-staged", "/etc/passwd"]]',
        '[["data/.x.armsref-staged", "seeds/000.txt"]]',
        '"everything"',
        "[[1, 2]]",
    ],
)
def test_a_foreign_journal_is_refused_not_obeyed(dataset_dir: Path, moves: str) -> None:
    before = {p: p.read_bytes() for p in dataset_dir.rglob("*") if p.is_file()}
    (dataset_dir / "data" / journal.JOURNAL).write_text(
        f'{{"version": 1, "moves": {moves}}}', encoding="utf-8"
    )
    with pytest.raises(DataError, match="not an armsref journal; move it away"):
        armsref.load(dataset_dir)
    (dataset_dir / "data" / journal.JOURNAL).unlink()
    assert {p: p.read_bytes() for p in dataset_dir.rglob("*") if p.is_file()} == before


def test_a_file_system_without_locks_reads_unlocked_and_refuses_to_write(
    dataset_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import fcntl

    def no_locks(descriptor: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    assert armsref.load(dataset_dir).sources
    document = tmp_path / "r-nolock.txt"
    document.write_text("The ERAM has a range of up to 450 kilometers.\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in dataset_dir.rglob("*") if p.is_file()}
    with pytest.raises(DataError, match=r"cannot be locked for writing \(No locks available\)"):
        armsref.add_source(document, data=dataset_dir)
    assert {p: p.read_bytes() for p in dataset_dir.rglob("*") if p.is_file()} == before


def test_the_installed_copy_is_never_written_to(
    dataset_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from armsref.dataset import loading

    package = tmp_path / "site-packages" / "armsref"
    package.mkdir(parents=True)
    dataset_dir.rename(package / "_dataset")
    monkeypatch.setattr(loading, "_PACKAGE", package)
    document = tmp_path / "r-installed.txt"
    document.write_text("The ERAM has a range of up to 450 kilometers.\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in package.rglob("*") if p.is_file()}
    with pytest.raises(DataError, match="shipped inside the installed armsref, which is never"):
        armsref.add_source(document)  # the default dataset: the installed copy
    assert {p: p.read_bytes() for p in package.rglob("*") if p.is_file()} == before
