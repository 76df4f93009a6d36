"""`kg sparql` (any SPARQL query, or a named one) and `kg stats`."""

from __future__ import annotations

import json
import sys

import click

from kg.cli._app import as_of_option, main, store_option
from kg.errors import QueryError

#: --format choices for SELECT / ASK results (W3C SPARQL result formats, plus a rich table).
RESULT_FORMATS = ("table", "json", "csv", "tsv", "xml")
#: --format choices for CONSTRUCT / DESCRIBE results (table means Turtle).
GRAPH_FORMATS = {"table": "TURTLE", "turtle": "TURTLE", "ntriples": "N_TRIPLES", "nt": "N_TRIPLES"}


@main.command()
@click.argument("query", required=False)
@click.option("-f", "--file", "query_file", type=click.File("r", encoding="utf-8"), default=None,
              help="Read the query from FILE ('-' for stdin).")
@click.option("--name", "-n", default=None, metavar="NAME", help="Run a named query (see --list).")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="A named query's parameter (repeatable). <iri> or kg:Term is an IRI, else a string.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries with what each answers.")
@click.option("--show", "show_text", is_flag=True, help="With --name: print the query text instead of running it.")
@click.option("--format", "fmt", type=click.Choice([*RESULT_FORMATS, "turtle", "ntriples", "nt"]),
              default="table", show_default=True,
              help="table (rich), or json / csv / tsv / xml in the W3C SPARQL result formats; CONSTRUCT and "
                   "DESCRIBE print Turtle (table, turtle) or N-Triples (ntriples).")
@as_of_option
@store_option
def sparql(query, query_file, name, params, list_queries, show_text, fmt, as_of, store_path):
    """Run a SPARQL 1.1 query on the store (evaluated by Oxigraph).

    The default graph is the union of all graphs (every document's graph and
    the facts graph kgg:facts); the prefixes kg: ent: doc: claim: fact: kgg:
    prov: skos: dcterms: rdf: rdfs: owl: xsd: are predefined. Queries that
    would reach outside the store (SERVICE, LOAD, FROM, FROM NAMED) and updates
    are refused. With --as-of the query runs on a copy holding only documents
    published on or before DATE, with the facts graph recomputed from them.
    The data model is in docs/data-model.md.

    \b
    Examples:
      kg sparql 'SELECT ?chip ?foundry WHERE { GRAPH kgg:facts { ?chip kg:fabbedBy ?foundry } }'
      kg sparql -f my-query.rq --format csv > out.csv
      kg sparql --list
      kg sparql --name claims-of-document --param document=examples/articles/11-deepseek-v3-h800.md
      kg sparql --name dependency-chains --as-of 2025-06-30 --format json
    """
    from kg._queries import named_queries, named_query

    if list_queries:
        return _list(named_queries(), fmt)
    sources = [x for x in (query, query_file, name) if x is not None]
    if len(sources) != 1:
        raise click.UsageError("give exactly one of QUERY, -f FILE, --name NAME (or --list)")
    values = _parse_params(params)
    if name is not None:
        text = named_query(name).render(values)
        if show_text:
            click.echo(text.rstrip())
            return
    else:
        if values:
            raise click.UsageError("--param only applies to a named query (--name)")
        text = query if query is not None else query_file.read()
    from kg._sparql_safety import check_query

    check_query(text)
    from kg import KnowledgeGraph

    with KnowledgeGraph.open(store_path, read_only=True) as graph:
        if as_of:
            from kg._evidence import check_as_of
            from kg._queries import as_of_view

            with as_of_view(graph, check_as_of(as_of)) as view:
                _run(view, text, fmt)
        else:
            _run(graph, text, fmt)


def _parse_params(params) -> dict[str, str]:
    out = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.UsageError(f"--param {item!r}: write KEY=VALUE")
        out[key.strip()] = value
    return out


def _list(queries, fmt) -> None:
    if fmt == "json":
        click.echo(json.dumps([{"name": q.name, "description": q.description, "parameters": q.parameters}
                               for q in queries.values()], indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Named queries (kg sparql --name NAME; --show prints the SPARQL)", title_justify="left")
    for column in ("name", "what it answers", "parameters"):
        table.add_column(column, overflow="fold")
    for q in queries.values():
        table.add_row(f"[bold]{q.name}[/bold]", q.description,
                      "\n".join(f"{k}: {v}" for k, v in q.parameters.items()))
    Console(highlight=False).print(table)


def _run(graph, text: str, fmt: str) -> None:
    """Evaluate ``text`` on ``graph`` and print the results in ``fmt``."""
    import pyoxigraph as ox

    result = graph.query(text)
    if isinstance(result, ox.QuerySolutions) or isinstance(result, ox.QueryBoolean):
        if fmt in ("turtle", "ntriples", "nt"):
            raise QueryError(f"--format {fmt} is for CONSTRUCT/DESCRIBE; a SELECT or ASK takes "
                             f"{', '.join(RESULT_FORMATS)}")
        if fmt == "table":
            return _table(result)
        data = result.serialize(format=getattr(ox.QueryResultsFormat, fmt.upper()))
        sys.stdout.flush()
        click.echo(data.decode("utf-8"), nl=not data.endswith(b"\n"))
        return
    # CONSTRUCT / DESCRIBE: an iterator of triples
    if fmt not in GRAPH_FORMATS:
        raise QueryError(f"a CONSTRUCT/DESCRIBE result is a graph: use --format turtle or ntriples, not {fmt}")
    from ontology import PREFIXES

    rdf_format = getattr(ox.RdfFormat, GRAPH_FORMATS[fmt])
    kwargs = {"prefixes": {k: str(v) for k, v in PREFIXES.items()}} if rdf_format == ox.RdfFormat.TURTLE else {}
    data = ox.serialize(list(result), format=rdf_format, **kwargs)
    click.echo((data or b"").decode("utf-8"), nl=False)


def _cell(term) -> str:
    import pyoxigraph as ox

    from ontology import PREFIXES

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in PREFIXES.items():
            if term.value.startswith(str(namespace)):
                return f"{prefix}:{term.value[len(str(namespace)):]}"
        return term.value
    return term.value


def _table(result) -> None:
    import pyoxigraph as ox
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console(highlight=False)
    if isinstance(result, ox.QueryBoolean):
        console.print("true" if bool(result) else "false")
        return
    names = [v.value for v in result.variables]
    table = Table(*names, title_justify="left")
    count = 0
    for row in result:
        table.add_row(*(escape(_cell(row[n])) for n in names))
        count += 1
    console.print(table)
    console.print(f"[dim]{count} row{'s' if count != 1 else ''}[/dim]")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table (rich) or json.")
@store_option
def stats(fmt, store_path):
    """What the store holds: documents, entities, claims by modality, facts, quads.

    \b
    Examples:
      kg stats
      kg stats --store /data/kg --format json
    """
    from kg import KnowledgeGraph

    with KnowledgeGraph.open(store_path, read_only=True) as graph:
        counts = graph.stats()
    if fmt == "json":
        click.echo(json.dumps(counts, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    labels = {
        "documents": "documents", "entities": "entities", "claims": "claims",
        "claims_asserted": "  asserted", "claims_negated": "  negated", "claims_hedged": "  hedged",
        "claims_hypothetical": "  hypothetical", "facts": "facts", "facts_hedged_only": "  hedged only",
        "quads": "quads",
    }
    table = Table("", "count", title=f"Store {store_path}", title_justify="left")
    for key, value in counts.items():
        table.add_row(labels.get(key, key), f"{value:,}")
    Console(highlight=False).print(table)
