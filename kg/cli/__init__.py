"""The ``kg`` command-line interface (entry point ``kg = kg.cli:main``)."""

from kg.cli._app import main

# Each module registers its commands on ``main`` when imported.
from kg.cli import build, sparql, extract, query, export, serve  # noqa: E402,F401

__all__ = ["main"]
