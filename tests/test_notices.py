"""The licence file matches pyproject.toml, and it and the schemas ship in the sdist."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_licence_file_matches_the_project() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) 2026 armsref maintainers\n")
    assert 'THE SOFTWARE IS PROVIDED "AS IS"' in text
    included = project["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    assert {"LICENSE", "schema", "data", "seeds"} <= set(included)


def test_readme_says_what_the_licence_does_not_cover() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Licence") :]
    assert "seeds/" in section and "publishers" in section
