"""``kg export`` and ``kg viz``: carry the graph into other tools, or explore it in a browser."""

from __future__ import annotations

import functools
import os

import click

from kg.cli._app import as_of_option, main, store_option


class _FormatChoice(click.ParamType):
    """``--format``: the exporter registry's names, read when the option is used (plug-ins included)."""

    name = "format"

    def get_metavar(self, param, ctx=None):  # click 8.2+ passes ctx
        from exports.registry import names

        return "[" + "|".join(names()) + "]"

    def convert(self, value, param, ctx):
        from exports.registry import get
        from kg.errors import UnknownFormatError

        try:
            return get(value)
        except UnknownFormatError as err:
            self.fail(str(err), param, ctx)

    def shell_complete(self, ctx, param, incomplete):
        from click.shell_completion import CompletionItem

        from exports.registry import names

        return [CompletionItem(n) for n in names() if n.startswith(incomplete)]


def _relations(ctx, param, values):
    out = []
    for value in values:
        out += [v.strip() for v in value.split(",") if v.strip()]
    return tuple(out) or None


def selection_options(func):
    """The options that pick part of the graph: focus, path, relations, as-of, modalities."""

    @click.option("--focus", metavar="ENTITY", default=None,
                  help="Only what lies within --depth hops of ENTITY (name, alias or IRI).")
    @click.option("--depth", default=2, show_default=True, type=click.IntRange(0, 20),
                  help="Hops around --focus.")
    @click.option("--path", "path_ends", nargs=2, metavar="A B", default=None,
                  help="Only the shortest chains joining entities A and B (highlighted in kg viz).")
    @click.option("--relations", multiple=True, callback=_relations, metavar="REL[,REL...]",
                  help="Only these relations (repeat or comma-separate), e.g. fabbedBy,usesHardware.")
    @as_of_option
    @click.option("--include-hedged/--no-include-hedged", default=True, show_default=True,
                  help="Keep relations that only hedged claims support.")
    @click.option("--include-negated", is_flag=True,
                  help="Keep negated relations (kg viz: show them from the start; they are red).")
    @functools.wraps(func)
    def wrapper(*args, focus, depth, path_ends, relations, as_of, include_hedged, include_negated, **kwargs):
        from exports._select import Selection

        kwargs["selection"] = Selection(
            focus=focus, depth=depth, path=tuple(path_ends) if path_ends else None, relations=relations,
            as_of=as_of, include_hedged=include_hedged, include_negated=include_negated)
        return func(*args, **kwargs)

    return wrapper


def _list_formats(ctx, param, value):
    if not value or ctx.resilient_parsing:
        return
    from exports.registry import specs

    for spec in specs():
        where = "directory" if spec.output == "directory" else (spec.suffix or "file")
        click.echo(f"{spec.name:<10} {where:<10} {spec.description}")
    ctx.exit()


@main.command("export")
@click.option("--list-formats", is_flag=True, expose_value=False, is_eager=True, callback=_list_formats,
              help="List the export formats (plug-ins included) and exit.")
@click.option("--format", "-f", "spec", required=True, type=_FormatChoice(),
              help="Output format (`kg export --list-formats` describes them).")
@click.option("--output", "-o", "output", required=True, type=click.Path(dir_okay=True, writable=True),
              help="File to write (a directory for --format neo4j).")
@selection_options
@store_option
def export_command(spec, output, selection, store_path):
    """Write the graph (or the selected part) in another tool's format.

    \b
    Formats:
      turtle, ntriples, nquads, trig, jsonld   every claim with its provenance (RDF)
      rdfxml      facts, entity labels and the ontology, no named graphs (Protégé)
      graphml, gexf, cytoscape                 Gephi, yEd, Cytoscape, igraph
      neo4j       a Cypher script + neo4j-admin CSV files (OUTPUT is a directory)
      dot, csv    Graphviz; an edge list with evidence counts
      html        the page of `kg viz`

    The RDF formats write the whole store unless a selection option is given.

    \b
    Examples:
      kg export --format graphml -o kg.graphml
      kg export -f neo4j -o neo4j-import/ --relations fabbedBy,usesHardware
      kg export -f turtle -o deepseek.ttl --focus DeepSeek-V4-Pro --depth 1
    """
    from kg import KnowledgeGraph

    with KnowledgeGraph.open(store_path, read_only=True) as graph:
        spec.write(graph, output, selection=selection)
    kind = "directory" if spec.output == "directory" else "file"
    click.echo(f"wrote {spec.name} {kind} {os.fspath(output)}", err=True)


@main.command("viz")
@click.option("--output", "-o", "output", default="graph.html", show_default=True,
              type=click.Path(dir_okay=False, writable=True), help="The HTML file to write.")
@click.option("--title", default=None, help="Heading of the page (default: siliconkg and the selection).")
@click.option("--physics/--no-physics", default=None,
              help="Lay out in the browser (default: only up to 300 entities; above, Python lays out).")
@selection_options
@store_option
def viz_command(output, title, physics, selection, store_path):
    """Write an interactive page of the graph that opens offline in any browser.

    Colour and shape show the class (legend on the left), edge labels the
    relation, width the number of supporting documents; hedged relations are
    dashed, negated ones hidden until "show negated claims" (then red). Click
    an entity or a relation for its evidence sentences and sources; search by
    name or alias; filter by class, relation and date.

    \b
    Examples:
      kg viz -o graph.html
      kg viz --focus DeepSeek-V4-Pro --depth 2 -o deepseek.html
      kg viz --path DeepSeek-V4-Pro TSMC -o chain.html
      kg viz --relations fabbedBy,usesMemory --as-of 2026-06
    """
    from exports.pyvis_html import write_pyvis_html
    from kg import KnowledgeGraph

    with KnowledgeGraph.open(store_path, read_only=True) as graph:
        write_pyvis_html(graph, output, selection=selection, title=title or "siliconkg", physics=physics)
    click.echo(f"wrote {os.fspath(output)}: open it in a browser (works offline)", err=True)
