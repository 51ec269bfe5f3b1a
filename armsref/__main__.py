"""Run the armsref command line: ``python -m armsref``."""

from armsref.cli.quickexit import program

program()
