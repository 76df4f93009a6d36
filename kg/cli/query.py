"""`kg why`, `deps`, `impact`, `path`, `conflicts`, `show`, `entities`, `chokepoints`.

Thin commands: each parses its options, calls one function of
:mod:`kg._analysis`, :mod:`kg._verdicts` or :mod:`kg._browse` and prints the
result as rich tables and trees, or as JSON (``--format json``; the shape is
documented in ``docs/queries.md``).
"""

from __future__ import annotations

import functools
import json

import click

from kg.cli._app import as_of_option, main, store_option

_DEP_HELP = ("preTrainedOn, postTrainedOn, trainedOn, runsOn, usesHardware, designedBy, fabbedBy, "
             "usesMemory, memorySuppliedBy, variantOf, developedBy, fundedBy")


def query_options(func):
    """``--store``, ``--as-of`` and ``--format table|json``."""

    @click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
                  help="table: rich tables and trees; json: the stable shape of docs/queries.md.")
    @as_of_option
    @store_option
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def _open(store_path):
    from kg import KnowledgeGraph

    return KnowledgeGraph.open(store_path, read_only=True)


def _console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _emit_json(data: dict) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _esc(text) -> str:
    from rich.markup import escape

    return escape(str(text)) if text is not None else ""


_STYLE = {"asserted": "green", "hedged": "yellow", "negated": "red", "hypothetical": "magenta"}


def _modality(edge_or_name) -> str:
    name = edge_or_name if isinstance(edge_or_name, str) else edge_or_name.modality
    return f"[{_STYLE.get(name, 'white')}]{name}[/]"


def _support(edge) -> str:
    docs = edge.support
    text = f"{docs} doc{'s' if docs != 1 else ''}"
    denials = len(edge.documents_with("negated"))
    if denials:
        text += f", [red]{denials} denying[/]"
    return text


def _name(entities, iri) -> str:
    info = entities.get(iri)
    if info is None:
        return _esc(iri)
    return f"[bold]{_esc(info.label)}[/bold]" + (f" [dim]({info.cls})[/dim]" if info.cls else "")


def _value(edge, entities) -> str:
    return _name(entities, edge.object) if edge.object_is_entity else _esc(_show_value(edge.object))


def _show_value(value) -> str:
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 and value == int(value) else f"{value:g}"
    return str(value)


def _evidence_line(ev) -> str:
    who = f" (according to {_esc(', '.join(ev.attributed_to))})" if ev.attributed_to else ""
    return (f"[dim]{_modality(ev.modality)} · {_esc(ev.title or ev.key or ev.document)}, "
            f"{_esc(ev.publisher or '?')}, {_esc(ev.published or 'undated')}{who}:[/dim] "
            f"[italic]“{_esc(ev.sentence)}”[/italic]")


def _evidence_table(title: str, evidence) -> "object":
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_lines=True, expand=False)
    for column in ("modality", "document", "publisher", "date", "attributed to", "sentence"):
        table.add_column(column, overflow="fold")
    for ev in evidence:
        table.add_row(_modality(ev.modality), _esc(ev.title or ev.key or ev.document), _esc(ev.publisher or ""),
                      _esc(ev.published or "undated"), _esc(", ".join(ev.attributed_to)), _esc(ev.sentence))
    return table


# -- why ---------------------------------------------------------------------------------------
@main.command()
@click.argument("subject")
@click.argument("predicate")
@click.argument("object", metavar="OBJECT")
@query_options
def why(subject, predicate, object, store_path, as_of, fmt):  # noqa: A002 (click argument name)
    """Every claim for and against one fact, and a verdict.

    SUBJECT and OBJECT are entity names or aliases (any case); PREDICATE is a
    relation (fabbedBy, trainedOn ...) or attribute (parameterCount ...). For
    releasedOn / fundedIn the OBJECT is a date, for attributes a number; other
    values given for single-valued predicates are listed too.

    For each claim: the document (title, publisher, date), the sentence, the
    modality (asserted / hedged / negated / hypothetical) and who it is
    attributed to. The verdict line counts the sources that assert, hedge and
    deny it, and when it was first and last seen.

    \b
    Examples:
      kg why "DeepSeek-V3" trainedOn "H800"
      kg why B200 fabbedBy TSMC --as-of 2025-01-01
      kg why DeepSeek-V3 parameterCount 671e9 --format json
    """
    from kg._verdicts import why as run

    with _open(store_path) as graph:
        result = run(graph, subject, predicate, object, as_of=as_of)
    if fmt == "json":
        return _emit_json(result.to_json())
    console = _console()
    obj = (f"[bold]{_esc(result.object.label)}[/bold]" if hasattr(result.object, "label")
           else _esc(_show_value(result.object)))
    console.print(f"[bold]{_esc(result.subject.label)}[/bold] [cyan]{result.predicate}[/cyan] {obj}"
                  + (f"  [dim](as of {as_of})[/dim]" if as_of else ""))
    if result.supporting:
        console.print(_evidence_table(f"For ({len(result.supporting)} claims)", result.supporting))
    if result.against:
        console.print(_evidence_table(f"Against ({len(result.against)} claims)", result.against))
    if result.hypothetical:
        console.print(_evidence_table(f"Only hypothetical ({len(result.hypothetical)} claims)", result.hypothetical))
    if not result.claims:
        console.print("[yellow]No document makes this claim.[/yellow]")
    for edge in result.other_values:
        console.print(f"[red]Other value[/red] {_esc(_show_value(edge.object))}: {_support(edge)}")
        for ev in edge.evidence:
            console.print("   " + _evidence_line(ev))
    for edge in result.related:
        kind = "Related" if edge.object_is_entity else "Compatible value"
        console.print(f"[cyan]{kind}[/cyan] {_name(result.entities, edge.subject)} [cyan]{edge.predicate}[/cyan] "
                      f"{_value(edge, result.entities)}: {_modality(edge)}, {_support(edge)}")
    console.print(f"[bold]Verdict:[/bold] {_esc(result.verdict.line())}", soft_wrap=True)


# -- deps / impact -----------------------------------------------------------------------------
def _relations_option(func):
    return click.option(
        "--relations", "-r", multiple=True, metavar="REL[,REL]",
        help=f"Relations to follow (repeat or comma-separate). Default: {_DEP_HELP}.")(func)


def _edge_text(edge, entities, *, downward: bool) -> str:
    other = edge.object if downward else edge.subject
    arrow = f"[cyan]{edge.predicate}[/cyan] →" if downward else f"← [cyan]{edge.predicate}[/cyan]"
    return f"{arrow} {_name(entities, other)}  [dim]{_modality(edge)} · {_support(edge)}[/dim]"


def _tree(result, *, downward: bool, evidence: bool):
    from rich.tree import Tree

    entities = result.entities
    root = Tree(_name(entities, result.root.iri))
    children: dict[str, list] = {}
    for edge in result.edges:
        children.setdefault(edge.subject if downward else edge.object, []).append(edge)
    expanded = {result.root.iri}

    def grow(node_iri, branch, ancestry):
        for edge in children.get(node_iri, []):
            other = edge.object if downward else edge.subject
            twig = branch.add(_edge_text(edge, entities, downward=downward)
                              + (" [dim](see above)[/dim]" if other in expanded and children.get(other) else ""))
            if evidence:
                for ev in edge.evidence:
                    twig.add(_evidence_line(ev))
            if other in ancestry or other in expanded:
                continue
            expanded.add(other)
            grow(other, twig, ancestry | {other})

    grow(result.root.iri, root, {result.root.iri})
    return root


def _walk_options(func):
    """The options `kg deps` and `kg impact` share: relations, depth, hedged edges, evidence."""
    for option in reversed([
        _relations_option,
        click.option("--max-depth", type=click.IntRange(1), default=None, metavar="N", help="Stop after N hops."),
        click.option("--include-hedged", is_flag=True, help="Also follow edges whose only support is hedged."),
        click.option("--evidence", is_flag=True, help="Print the evidence sentences under each edge."),
    ]):
        func = option(func)
    return func

@main.command()
@click.argument("entity")
@_walk_options
@query_options
def deps(entity, relations, max_depth, include_hedged, evidence, store_path, as_of, fmt):
    """What ENTITY depends on, as a tree going down.

    A model depends on the chips it was pre-/post-trained, trained or run on,
    and on the lab that developed it; a chip on its designer, foundry, memory
    technology and memory vendor (and the chip it is a variant of); a lab on
    its investors. Each edge shows its modality and how many documents support
    it (and deny it). Only asserted edges are followed unless
    --include-hedged; a fact that sources only deny is never followed.

    \b
    Examples:
      kg deps DeepSeek-V3
      kg deps "llama 3" --max-depth 2 --evidence
      kg deps B200 --relations fabbedBy,memorySuppliedBy --as-of 2025-06-30 --format json
    """
    from kg._analysis import deps as run

    with _open(store_path) as graph:
        result = run(graph, entity, relations=list(relations) or None, max_depth=max_depth,
                     include_hedged=include_hedged, as_of=as_of)
    if fmt == "json":
        return _emit_json(result.to_json())
    console = _console()
    console.print(_tree(result, downward=True, evidence=evidence))
    console.print(f"[dim]{len(result.entities) - 1} dependencies, {len(result.edges)} edges"
                  + (f", as of {as_of}" if as_of else "") + ". `kg why S P O` shows any edge's evidence.[/dim]")


@main.command()
@click.argument("entity")
@_walk_options
@query_options
def impact(entity, relations, max_depth, include_hedged, evidence, store_path, as_of, fmt):
    """What depends on ENTITY (what is affected if it goes away), going up.

    Lists every dependent with one path down to ENTITY, and marks the single
    points of failure: dependents that could no longer reach any substitute
    for ENTITY (another entity of its class, or reached the same way — another
    foundry for a foundry, another chip for a chip). Negated-only facts are
    never followed; hedged ones only with --include-hedged.

    \b
    Examples:
      kg impact TSMC
      kg impact "SK hynix" --format json
      kg impact H100 --max-depth 1 --as-of 2025-12-31
    """
    from rich.table import Table

    from kg._analysis import impact as run

    with _open(store_path) as graph:
        result = run(graph, entity, relations=list(relations) or None, max_depth=max_depth,
                     include_hedged=include_hedged, as_of=as_of)
    if fmt == "json":
        return _emit_json(result.to_json())
    console = _console()
    console.print(_tree(result, downward=False, evidence=evidence))
    if not result.dependents:
        console.print(f"[yellow]Nothing in the store depends on {_esc(result.root.label)}.[/yellow]")
        return
    table = Table(title=f"Dependents of {_esc(result.root.label)}", title_justify="left")
    for column in ("dependent", "hops", "path", "single point of failure"):
        table.add_column(column, overflow="fold")
    for dep in result.dependents:
        path = " ".join(f"[cyan]{e.predicate}[/cyan] {_esc(result.entities[e.object].label)}" for e in dep.path)
        table.add_row(_name(result.entities, dep.iri), str(dep.depth), path,
                      "[red]yes[/red]" if dep.single_point_of_failure else "no")
    console.print(table)
    spof = [result.entities[d.iri].label for d in result.single_points_of_failure]
    console.print(f"[bold]Single points of failure[/bold] (no alternative to {_esc(result.root.label)}): "
                  + (_esc(", ".join(spof)) if spof else "none"))


# -- path ----------------------------------------------------------------------------------------
@main.command()
@click.argument("a")
@click.argument("b")
@click.option("--relations", "-r", multiple=True, metavar="REL[,REL]",
              help="Relations to use (repeat or comma-separate). Default: every relation between "
                   "entities except licensedUnder.")
@click.option("--include-hedged", is_flag=True, help="Also use edges whose only support is hedged.")
@click.option("--max-depth", type=click.IntRange(1, 12), default=6, show_default=True, metavar="N",
              help="Give up beyond N hops.")
@click.option("--max-paths", type=click.IntRange(1), default=10, show_default=True, metavar="N",
              help="Show at most N shortest paths.")
@click.option("--evidence", is_flag=True, help="Print the evidence sentences of each hop.")
@query_options
def path(a, b, relations, include_hedged, max_depth, max_paths, evidence, store_path, as_of, fmt):
    """The shortest evidence-backed paths between A and B.

    Edges are used in either direction; each hop shows its relation, modality
    and support. Only asserted edges count unless --include-hedged; a fact
    that sources only deny never does.

    \b
    Examples:
      kg path DeepSeek-V3 TSMC
      kg path "Llama 3" "SK hynix" --evidence
      kg path OpenAI Microsoft --relations fundedBy,developedBy --format json
    """
    from kg._analysis import paths as run

    with _open(store_path) as graph:
        result = run(graph, a, b, relations=list(relations) or None, include_hedged=include_hedged,
                     as_of=as_of, max_depth=max_depth, max_paths=max_paths)
    if fmt == "json":
        return _emit_json(result.to_json())
    console = _console()
    if not result.paths:
        console.print(f"[yellow]No evidence-backed path of at most {max_depth} hops between "
                      f"{_esc(result.source.label)} and {_esc(result.target.label)}.[/yellow]")
        return
    console.print(f"{len(result.paths)} shortest path(s) of {result.length} hop(s):")
    for number, nodes in enumerate(result.paths, 1):
        parts = [_name(result.entities, nodes[0])]
        for (x, y), hop in zip(zip(nodes, nodes[1:]), result.steps(nodes)):
            labels = []
            for edge in hop:
                arrow = f"—{edge.predicate}→" if edge.subject == x else f"←{edge.predicate}—"
                labels.append(f"[cyan]{arrow}[/cyan][dim]({edge.modality}, {edge.support} doc"
                              f"{'s' if edge.support != 1 else ''})[/dim]")
            parts.append(" / ".join(labels) + " " + _name(result.entities, y))
        console.print(f"{number}. " + " ".join(parts))
        if evidence:
            for hop in result.steps(nodes):
                for edge in hop:
                    for ev in edge.evidence:
                        console.print("     " + _evidence_line(ev))


# -- conflicts -------------------------------------------------------------------------------------
@main.command()
@click.option("--entity", default=None, metavar="NAME", help="Only conflicts about this entity.")
@query_options
def conflicts(entity, store_path, as_of, fmt):
    """Facts the sources disagree on, with both sides' sources.

    Two kinds: a fact that some documents assert (or hedge) and others deny,
    and a single-valued property given incompatible values (two release dates,
    two parameter counts; dates at different precision that overlap, like
    2026 and 2026-03-05, do not conflict; numbers within 2% agree).

    \b
    Examples:
      kg conflicts
      kg conflicts --entity DeepSeek-R2 --as-of 2025-09-30
      kg conflicts --format json
    """
    from kg._verdicts import conflicts as run

    with _open(store_path) as graph:
        result = run(graph, as_of=as_of, entity=entity)
    if fmt == "json":
        return _emit_json(result.to_json())
    console = _console()
    if not result.conflicts:
        console.print("No conflicts" + (f" as of {as_of}" if as_of else "") + ".")
        return
    for number, c in enumerate(result.conflicts, 1):
        subject = _esc(result.entities[c.subject].label)
        if c.kind == "denial":
            obj = (_esc(result.entities[c.object].label) if c.object in result.entities
                   else _esc(_show_value(c.object)))
            console.rule(f"{number}. {subject} [cyan]{c.predicate}[/cyan] {obj}: "
                         f"[green]{len({e.document for e in c.sides[0][1]})} for[/green], "
                         f"[red]{len({e.document for e in c.sides[1][1]})} against[/red]", align="left")
        else:
            console.rule(f"{number}. {subject} [cyan]{c.predicate}[/cyan]: {len(c.sides)} incompatible values",
                         align="left")
        for label, evidence in c.sides:
            console.print(f"  [bold]{_esc(_show_value(label))}[/bold]")
            for ev in evidence:
                console.print("    " + _evidence_line(ev))
    console.print(f"[dim]{len(result.conflicts)} conflict(s).[/dim]")


# -- show / entities -------------------------------------------------------------------------------
def _edges_table(title, edges, entities, *, other):
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for column in ("relation", other, "standing", "support", "claims a/h/n/y", "first seen", "last seen"):
        table.add_column(column, overflow="fold")
    for e in edges:
        target = (_value(e, entities) if other != "from" else _name(entities, e.subject))
        counts = "/".join(str(e.counts[m]) for m in ("asserted", "hedged", "negated", "hypothetical"))
        table.add_row(f"[cyan]{e.predicate}[/cyan]", target, _modality(e), str(e.support), counts,
                      e.first_seen or "", e.last_seen or "")
    return table


@main.command()
@click.argument("entity")
@query_options
def show(entity, store_path, as_of, fmt):
    """One entity: class, aliases, and every fact in and out with its support.

    Lists relations to other entities (out and in), dates and numeric
    attributes, each with its standing (asserted, hedged, negated or
    hypothetical), the number of supporting documents and the claim counts.

    \b
    Examples:
      kg show TSMC
      kg show "deepseek v3" --format json
    """
    from kg._browse import show as run

    with _open(store_path) as graph:
        result = run(graph, entity, as_of=as_of)
    if fmt == "json":
        return _emit_json(result.to_json())
    console = _console()
    info = result.entity
    console.print(f"[bold]{_esc(info.label)}[/bold]  [dim]{_esc(info.iri)}[/dim]")
    console.print(f"class: {_esc(', '.join(result.classes) or '?')}   aliases: "
                  f"{_esc(', '.join(info.aliases) or '—')}")
    if result.outgoing:
        console.print(_edges_table("Out", result.outgoing, result.entities, other="to"))
    if result.incoming:
        console.print(_edges_table("In", result.incoming, result.entities, other="from"))
    if result.values:
        console.print(_edges_table("Dates and attributes", result.values, result.entities, other="value"))
    if not (result.outgoing or result.incoming or result.values):
        console.print("[yellow]No claims about it" + (f" as of {as_of}" if as_of else "") + ".[/yellow]")


@main.command()
@click.option("--class", "cls", default=None, metavar="CLASS",
              help="Only this class (AIModel, Chip, Foundry, Lab ...; Organization includes its roles).")
@click.option("--search", default=None, metavar="TEXT", help="Only names or aliases containing TEXT (any case).")
@query_options
def entities(cls, search, store_path, as_of, fmt):
    """List the entities in the store, with classes, aliases and how many documents mention them.

    \b
    Examples:
      kg entities --class Foundry
      kg entities --search ascend
      kg entities --class AIModel --as-of 2025-06-30 --format json
    """
    from rich.table import Table

    from kg._browse import entities as run
    from kg._browse import entities_json

    with _open(store_path) as graph:
        rows = run(graph, cls=cls, search=search, as_of=as_of)
    if fmt == "json":
        return _emit_json(entities_json(rows, cls=cls, search=search, as_of=as_of))
    console = _console()
    table = Table(title=f"{len(rows)} entities", title_justify="left")
    for column in ("name", "class", "aliases", "documents", "IRI"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(f"[bold]{_esc(r.info.label)}[/bold]", _esc(", ".join(r.classes)),
                      _esc(", ".join(r.info.aliases)), str(r.documents), f"[dim]{_esc(r.info.iri)}[/dim]")
    console.print(table)


# -- chokepoints -----------------------------------------------------------------------------------
@main.command()
@click.option("--target", "targets", multiple=True, metavar="REL", default=("fabbedBy",), show_default=True,
              help="Relation(s) whose objects are the targets: fabbedBy (foundries), memorySuppliedBy "
                   "(memory vendors), designedBy (chip designers) ...")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="How many to list.")
@click.option("--include-hedged", is_flag=True, help="Also use edges whose only support is hedged.")
@query_options
def chokepoints(targets, top, include_hedged, store_path, as_of, fmt):
    """Entities whose removal cuts the most models off from every foundry.

    For each model, every entity that all of its dependency paths to any
    foundry pass through (a dominator in graph terms) is a chokepoint for it:
    a chip it was only trained on, the only foundry of that chip. Ranked by
    the number of models cut off; "depending" counts models with any path
    through the entity. Change the targets with --target.

    \b
    Examples:
      kg chokepoints
      kg chokepoints --target memorySuppliedBy --top 5
      kg chokepoints --as-of 2025-12-31 --format json
    """
    from rich.table import Table

    from kg._analysis import chokepoints as run

    with _open(store_path) as graph:
        result = run(graph, target_relations=list(targets), include_hedged=include_hedged, as_of=as_of, top=top)
    if fmt == "json":
        return _emit_json(result.to_json())
    console = _console()
    console.print(f"{result.models} model(s) reach a target ({_esc(', '.join(result.targets)) or 'none'}).")
    table = Table(title="Chokepoints", title_justify="left")
    for column in ("#", "entity", "class", "models cut off", "which", "models depending"):
        table.add_column(column, overflow="fold")
    for number, c in enumerate(result.chokepoints, 1):
        table.add_row(str(number), f"[bold]{_esc(c.label)}[/bold]", _esc(c.cls or ""), str(len(c.cut)),
                      _esc(", ".join(c.cut)), str(c.reach))
    console.print(table)
