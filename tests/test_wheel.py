"""A wheel built from this repo, installed into a fresh venv, finds and verifies its data."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed; dependencies come from this environment."""
    pytest.importorskip("hatchling", reason="building the wheel needs hatchling (test extra)")
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(work / "dist"),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = (work / "dist").glob("armsref-*.whl")
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--quiet",
            str(wheel),
        ],
        check=True,
    )
    # Borrow the dependencies (pydantic, pint, ...) from the running environment, after
    # the venv's own site-packages, so that armsref itself comes from the wheel.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    paths = {p for p in sys.path if Path(p).name in {"site-packages", "dist-packages"}}
    paths |= {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    Path(site, "zz_borrowed_deps.pth").write_text("\n".join(sorted(paths)) + "\n")
    return env_dir


def run(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"ARMSREF_DATA", "PYTHONPATH"}}
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, check=False)


def test_wheel_ships_and_verifies_its_dataset(installed: Path, tmp_path: Path) -> None:
    python = str(installed / "bin" / "python")
    code = (
        "import armsref, pathlib; d = armsref.load(); r = armsref.verify(); "
        "print(pathlib.Path(armsref.__file__).parent.parent.name, d.root.name, "
        "len(d.claims), r.ok)"
    )
    result = run(installed, python, "-c", code, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["site-packages", "_dataset", "5", "True"]


def test_wheel_console_script_runs(installed: Path, tmp_path: Path) -> None:
    result = run(installed, str(installed / "bin" / "armsref"), "verify", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "5 claims checked: ok" in result.stdout
    table = run(installed, str(installed / "bin" / "armsref"), "table", cwd=tmp_path)
    assert table.returncode == 0 and "Tomahawk" in table.stdout


def _tree(root: Path) -> dict[str, tuple[int, bytes]]:
    """Every file under ``root``: its mode and bytes."""
    return {
        str(path.relative_to(root)): (path.stat().st_mode, path.read_bytes())
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_curating_never_writes_into_site_packages(installed: Path, tmp_path: Path) -> None:
    python = str(installed / "bin" / "python")
    site = Path(
        run(
            installed,
            python,
            "-c",
            "import armsref, pathlib; print(pathlib.Path(armsref.__file__).parent.parent)",
            cwd=tmp_path,
        ).stdout.strip()
    )
    assert site.name == "site-packages"
    before = _tree(site)
    command = str(installed / "bin" / "armsref")
    article = tmp_path / "article.txt"
    article.write_text("The ERAM has a range of up to 450 kilometers.\n", encoding="utf-8")
    # Without a working copy, a write is refused and says how to make one.
    refused = run(installed, command, "add-source", str(article), cwd=tmp_path)
    assert refused.returncode == 1
    assert "read-only" in refused.stderr and "armsref init DIR" in refused.stderr
    assert run(installed, command, "review", "accept", "atacms-1", cwd=tmp_path).returncode == 1
    # With one, the whole loop runs there.
    assert run(installed, command, "init", "work", cwd=tmp_path).returncode == 0
    work = tmp_path / "work"
    # The schema each data file's first line names came with the copy, from the wheel.
    named = (work / "data" / "claims.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert (work / "data" / named.split("$schema=", 1)[1]).is_file(), named
    added = run(installed, command, "add-source", str(article), cwd=work)
    assert added.returncode == 0, added.stderr
    assert run(installed, command, "review", "accept", "eram-2", cwd=work).returncode == 0
    verified = run(installed, command, "verify", "--strict", cwd=work)
    assert verified.returncode == 0, verified.stdout
    assert "6 claims checked: ok" in verified.stdout
    assert _tree(site) == before
