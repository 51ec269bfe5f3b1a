"""Signals and worker processes: a quiet 130/143, and no process left behind.

The documents are sparse files: a line of text, then gigabytes of spaces'
worth of nothing (zeros the kernel makes up), so that a scan runs for seconds
without the disk holding them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

LONG = 3 << 30


@pytest.fixture
def slow_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "slow"
    folder.mkdir()
    for number in range(4):
        path = folder / f"{number}.txt"
        with path.open("wb") as stream:
            stream.write(b"The ATACMS and the ERAM.\n" + b" " * (70 << 10))
            stream.truncate(LONG)
    return folder


def start(*argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "armsref", *argv],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text()
        found.update(int(part) for part in text.split())
    return found


def reading_file(pid: int, path: Path) -> bool:
    """Whether the process has ``path`` open."""
    try:
        links = [os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()]
    except OSError:
        return False
    return str(path) in links


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def wait_for_workers(process: subprocess.Popen[str], count: int) -> set[int]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        workers = children(process.pid)
        if len(workers) >= count:
            time.sleep(0.3)  # let them start scanning
            return workers
        time.sleep(0.05)
    raise AssertionError("the workers never started")


def gone(pids: set[int], within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not any(alive(pid) for pid in pids):
            return True
        time.sleep(0.05)
    return False


pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc")


@pytest.mark.parametrize(("number", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_stops_a_pool_scan_quietly_and_ends_its_workers(
    slow_folder: Path, number: signal.Signals, code: int
) -> None:
    process = start("scan", "--jobs", "2", str(slow_folder))
    workers = wait_for_workers(process, 2)
    started = time.monotonic()
    process.send_signal(number)
    out, err = process.communicate(timeout=30)
    assert time.monotonic() - started < 10
    assert process.returncode == code
    assert err == "" and "Traceback" not in out
    assert gone(workers)


def test_workers_end_with_a_parent_killed_outright(slow_folder: Path) -> None:
    process = start("scan", "--jobs", "2", str(slow_folder))
    workers = wait_for_workers(process, 2)
    process.kill()
    process.communicate(timeout=30)
    assert gone(workers)


@pytest.mark.parametrize(("number", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
@pytest.mark.parametrize("command", ["scan", "extract -"])
def test_a_signal_ends_a_single_process_command_quietly(
    slow_folder: Path, tmp_path: Path, number: signal.Signals, code: int, command: str
) -> None:
    if command == "scan":
        document = slow_folder / "0.txt"
        process = start("scan", str(document))
        started = lambda: reading_file(process.pid, document)  # noqa: E731
    else:
        process = start("extract", "-")  # waits on its standard input, kept open
        started = lambda: "pipe" in Path(f"/proc/{process.pid}/wchan").read_text()  # noqa: E731
    deadline = time.monotonic() + 30
    while not started() and time.monotonic() < deadline:  # past start-up, at work
        time.sleep(0.05)
    time.sleep(0.2)
    process.send_signal(number)
    out, err = process.communicate(timeout=30)
    assert (process.returncode, out, err) == (code, "", "")


def test_jobs_beyond_the_cores_are_lowered_with_a_note(tmp_path: Path) -> None:
    document = tmp_path / "a.txt"
    document.write_text("ATACMS\n", encoding="utf-8")
    for jobs in ("10000", "99999999999999999999"):
        result = subprocess.run(
            [sys.executable, "-m", "armsref", "scan", "--jobs", jobs, str(document), str(document)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        cores = len(os.sched_getaffinity(0))
        assert result.stderr.startswith("armsref: note: --jobs ")
        assert f"using {cores}" in result.stderr and len(result.stderr.splitlines()) == 1
        assert result.stdout.count("1 mention of 1 system") == 2


def test_the_library_caps_jobs_too(tmp_path: Path) -> None:
    from armsref.scanning.pool import usable_jobs

    assert usable_jobs(10**20) == len(os.sched_getaffinity(0))
    assert usable_jobs(1) == 1
