"""`kg` commands: build (to be written)."""

from kg.cli._app import main  # noqa: F401
