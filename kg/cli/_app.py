"""The ``kg`` command group and the options its commands share.

Commands live one module per topic (``build.py``, ``sparql.py``, ...); each
imports :data:`main` from here and registers itself with ``@main.command()``.
Heavy libraries are imported inside the commands so ``kg --help`` stays fast.
"""

from __future__ import annotations

import functools
import os
import sys

import click

from kg.errors import KGError

DEFAULT_STORE = "kg-store"


class KGGroup(click.Group):
    """A click group that turns :class:`KGError` into a clean message and exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KGError as err:
            click.secho(f"Error: {err}", fg="red", err=True)
            sys.exit(2)

    def list_commands(self, ctx):  # keep the order in which commands are registered
        return list(self.commands)


@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="siliconkg")
def main():
    """siliconkg: a provenance-aware knowledge graph of AI models, chips and who makes and funds them.

    \b
    Typical session:
      kg build examples/articles          read articles into the store (./kg-store)
      kg stats                            what the store holds
      kg why "DeepSeek-V4-Pro" postTrainedOn "Ascend 910C"
      kg deps DeepSeek-V4-Pro             what a model depends on, down to foundries
      kg impact TSMC                      what depends on TSMC
      kg sparql --list                    named SPARQL queries to start from
      kg viz -o graph.html                an interactive graph that opens offline
      kg export --format graphml -o kg.graphml

    Every fact keeps its evidence: the sentence, the document, the modality
    (asserted / negated / hedged / hypothetical) and who it is attributed to.
    The store is an Oxigraph database on disk: --store DIR or $KG_STORE
    (default ./kg-store).
    """


def store_option(func):
    """``--store DIR`` (default ``$KG_STORE`` or ``./kg-store``)."""

    @click.option(
        "--store", "store_path", metavar="DIR|URL",
        default=lambda: os.environ.get("KG_STORE", DEFAULT_STORE),
        help="Store directory (env KG_STORE; default ./kg-store), or the URL of a SPARQL 1.1 server "
             "holding the graph (e.g. http://127.0.0.1:7878 from `oxigraph serve`).",
    )
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def as_of_option(func):
    """``--as-of DATE``: only evidence from documents published on or before DATE."""
    return click.option(
        "--as-of", "as_of", metavar="DATE", default=None,
        help="Only evidence from documents published on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD).",
    )(func)
