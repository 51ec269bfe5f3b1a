"""The public surface: what armsref exports, its error tree, and a light import."""

from __future__ import annotations

import subprocess
import sys

import armsref
from armsref import errors

PUBLIC = [
    "AlsoFigure",
    "ArgumentTypeError",
    "ArmsrefError",
    "DataError",
    "Dataset",
    "Disagreement",
    "DocumentError",
    "DocumentScan",
    "DuplicateError",
    "Extraction",
    "Finding",
    "Identity",
    "InputError",
    "Mention",
    "RangeClaim",
    "Report",
    "Source",
    "Span",
    "System",
    "SystemCount",
    "SystemTally",
    "UnitError",
    "UnknownClaimError",
    "UnknownSourceError",
    "UnknownSystemError",
    "Variant",
    "VerificationError",
    "__version__",
    "accept_claims",
    "add_source",
    "clear_cache",
    "convert",
    "edit_claim",
    "extract",
    "extract_all",
    "frame",
    "get",
    "identify",
    "init_dataset",
    "load",
    "locate",
    "parse_quantity",
    "reject_claim",
    "scan",
    "scan_all",
    "scan_file",
    "scan_paths",
    "search",
    "sources",
    "systems",
    "systems_in",
    "table",
    "verify",
]


def test_public_api_is_pinned_and_sorted() -> None:
    assert armsref.__all__ == sorted(armsref.__all__)
    assert armsref.__all__ == PUBLIC


def test_every_public_name_resolves_and_no_submodule_shadows_it() -> None:
    import importlib
    import pkgutil

    # Import every submodule first: importing armsref.X sets the package attribute X,
    # which must never replace a public function or class of the same name.
    for module in pkgutil.walk_packages(armsref.__path__, "armsref."):
        if module.name != "armsref.__main__":
            importlib.import_module(module.name)
    for name in armsref.__all__:
        value = getattr(armsref, name)
        if name != "__version__":
            assert getattr(value, "__module__", "").startswith("armsref."), name


def test_error_tree_subclasses_the_matching_builtins() -> None:
    assert issubclass(errors.DataError, ValueError)
    assert issubclass(errors.UnitError, ValueError)
    assert issubclass(errors.InputError, ValueError)
    assert issubclass(errors.UnknownSystemError, LookupError)
    assert issubclass(errors.UnknownSourceError, LookupError)
    assert issubclass(errors.UnknownClaimError, LookupError)
    assert issubclass(errors.DocumentError, errors.InputError)
    assert issubclass(errors.DuplicateError, errors.InputError)
    for name in errors.__all__:
        assert issubclass(getattr(errors, name), errors.ArmsrefError)
        assert getattr(errors, name).__doc__


def test_import_is_light() -> None:
    code = (
        "import sys, armsref; heavy = ['pint', 'tabulate', 'yaml', 'pydantic', 'ruamel'];"
        "print([m for m in heavy if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
