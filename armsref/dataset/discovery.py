"""Which dataset a command works on, found the way git finds its repository.

In this order:

1. ``--data DIR`` on the command line;
2. the ``ARMSREF_DATA`` environment variable;
3. the current directory, or the nearest parent, that holds a dataset
   (``data/sources.yaml``);
4. the dataset shipped with armsref, **read-only**.

The shipped dataset lives inside the installed package (or, in a checkout
without a wheel, beside it): writing there would be lost on the next ``pip
install`` and deleted by ``pip uninstall``. Every write asks
:func:`writable_root` first, which refuses it and names ``armsref init DIR`` as
the way to get a copy to edit.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from armsref.dataset.loading import ENV_VAR, find_root
from armsref.errors import DataError

__all__ = ["Located", "locate", "shipped_root", "writable_root"]

_PACKAGE = Path(__file__).resolve().parent.parent
_INSTALLED = _PACKAGE / "_dataset"


@dataclass(frozen=True)
class Located:
    """A dataset directory and how it was found.

    Attributes:
        root: the dataset directory.
        how: ``"--data"``, ``"ARMSREF_DATA"``, ``"working copy"`` (the current
            directory or a parent) or ``"shipped"``.
    """

    root: Path
    how: str

    @property
    def shipped(self) -> bool:
        """True for the dataset shipped with armsref, which is read-only."""
        return self.how == "shipped"


def _holds_dataset(path: Path) -> bool:
    return (path / "data" / "sources.yaml").is_file()


def shipped_root() -> Path:
    """The dataset shipped with armsref: in the installed wheel, or beside the checkout.

    Raises:
        DataError: this install has no dataset of its own.
    """
    for candidate in (_INSTALLED, _PACKAGE.parent):
        if _holds_dataset(candidate):
            return candidate
    raise DataError(
        f"armsref's own dataset is missing from this install (looked in {_INSTALLED} "
        f"and {_PACKAGE.parent})"
    )


def locate(
    explicit: str | os.PathLike[str] | None = None, *, cwd: str | os.PathLike[str] | None = None
) -> Located:
    """Find the dataset to use (see the module docstring for the order).

    Raises:
        DataError: ``explicit`` or ``ARMSREF_DATA`` names a directory that holds
            no dataset (or does not exist).
    """
    if explicit is not None:
        return Located(find_root(explicit), "--data")
    environment = os.environ.get(ENV_VAR)
    if environment:
        return Located(find_root(environment), ENV_VAR)
    try:
        here = Path(cwd if cwd is not None else Path.cwd()).resolve()
    except OSError:  # the current directory was removed
        return Located(shipped_root(), "shipped")
    for folder in (here, *here.parents):
        if _holds_dataset(folder):
            if _inside_package(folder):
                break
            return Located(folder, "working copy")
    return Located(shipped_root(), "shipped")


def _inside_package(root: Path) -> bool:
    return root.resolve().is_relative_to(_PACKAGE)


def writable_root(data: str | os.PathLike[str] | None) -> Path:
    """The dataset directory a write may change: ``data``, or ``ARMSREF_DATA``.

    Raises:
        DataError: no dataset was named, so the write would go to the shipped
            dataset; or the one named is inside the installed package.
    """
    if data is None and not os.environ.get(ENV_VAR):
        root = shipped_root()
    else:
        root = find_root(data)
        if not _inside_package(root):
            return root
    raise DataError(
        f"{root} is the dataset shipped with armsref and is read-only; make a working "
        "copy with 'armsref init DIR' and run this inside DIR (or pass --data DIR)"
    )
