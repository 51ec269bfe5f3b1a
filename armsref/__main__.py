"""Run the armsref command line: ``python -m armsref``."""

from armsref.cli import main

raise SystemExit(main())
