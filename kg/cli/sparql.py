"""`kg` commands: sparql (to be written)."""

from kg.cli._app import main  # noqa: F401
