"""`kg build` end to end: the real readers, the real spaCy pipeline, the real store."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import KnowledgeGraph
from kg.cli import main

pytestmark = pytest.mark.slow

KG = [sys.executable, "-m", "kg"]

ARTICLE = """---
title: "{title}"
publisher: test desk
published: 2026-0{month}-1{day}
url: https://articles.siliconkg.example/{prefix}-{n}
---
Huawei designs the Ascend 910B{n_note}. According to analysts, TSMC manufactured dies for the Ascend 910B.
The Ascend 910C was not fabricated by Samsung. NVIDIA's H100 carries HBM3 memory supplied by SK hynix.
"""


def write_articles(folder: Path, count: int, prefix: str = "test") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"article-{n:03d}.md"
        path.write_text(ARTICLE.format(title=f"Test article {n}", month=1 + n % 9, day=n % 10, n=n,
                                       n_note=f" (report number {n})", prefix=prefix), encoding="utf-8")
        paths.append(path)
    return paths


def normalised_quads(path: Path) -> set[str]:
    """The store's quads, with extraction timestamps blanked (a rebuild extracts at another time)."""
    store = ox.Store.read_only(str(path))
    out = set()
    for quad in store:
        obj = quad.object
        if isinstance(obj, ox.Literal) and obj.datatype == ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime"):
            obj = ox.Literal("T")
        out.add(f"{quad.subject} {quad.predicate} {obj} {quad.graph_name}")
    del store
    return out


def test_build_twice_adds_nothing_and_every_fact_has_its_evidence(runner, tmp_path):
    articles = tmp_path / "articles"
    write_articles(articles, 3)
    store = tmp_path / "store"
    first = runner.invoke(main, ["build", str(articles), "--store", str(store), "--quiet"])
    assert first.exit_code == 0, first.output
    assert "3 added" in first.output
    with KnowledgeGraph.open(store, read_only=True) as graph:
        quads = len(graph.store)
    second = runner.invoke(main, ["build", str(articles), "--store", str(store), "--quiet"])
    assert second.exit_code == 0, second.output
    assert "0 added, 0 updated, 3 unchanged" in second.output
    with KnowledgeGraph.open(store, read_only=True) as graph:
        assert len(graph.store) == quads
        # One query: every fact with its supporting claims, their document, sentence and modality.
        rows = graph.select("""
            SELECT ?s ?p ?o ?claim ?doc ?title ?sentence ?modality WHERE {
              GRAPH kgg:facts { ?f a kg:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }
              GRAPH ?doc { ?claim kg:fact ?f ; kg:evidence ?sentence ; kg:modality ?modality .
                           ?doc dcterms:title ?title } }""")
        facts = graph.stats()["facts"]
    assert facts > 0
    assert {(r["s"], r["p"], r["o"]) for r in rows} and len({(r["s"], r["p"], r["o"]) for r in rows}) == facts
    assert all(r["sentence"] and r["title"].startswith("Test article") for r in rows)
    assert {r["modality"].rsplit("#", 1)[-1] for r in rows} <= {"Asserted", "Hedged"}


def test_an_edited_article_replaces_its_claims(runner, tmp_path):
    articles = tmp_path / "articles"
    first, _second = write_articles(articles, 2)
    store = tmp_path / "store"
    assert runner.invoke(main, ["build", str(articles), "--store", str(store), "-q"]).exit_code == 0
    first.write_text(first.read_text(encoding="utf-8").replace("Huawei designs the Ascend 910B",
                                                              "Huawei designs the Ascend 910C"), encoding="utf-8")
    result = runner.invoke(main, ["build", str(articles), "--store", str(store), "-q"])
    assert result.exit_code == 0, result.output
    assert "0 added, 1 updated, 1 unchanged" in result.output
    with KnowledgeGraph.open(store, read_only=True) as graph:
        assert graph.stats()["documents"] == 2


def test_bad_files_are_reported_and_the_good_one_is_built(runner, tmp_path):
    store = tmp_path / "store"
    keep = tmp_path / "keep"
    write_articles(keep, 1)
    assert runner.invoke(main, ["build", str(keep), "--store", str(store), "-q"]).exit_code == 0

    folder = tmp_path / "mixed"
    write_articles(folder, 1, prefix="mixed")
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.md").write_text("", encoding="utf-8")
    (folder / "huge.txt").write_text("Huawei designs chips. " * 2000, encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Le fondeur taïwanais TSMC fabrique la puce Ascend 910B — café.".encode("cp1252"))
    result = runner.invoke(main, ["build", str(folder), "--store", str(store), "-q", "--max-bytes", "20000"])
    assert result.exit_code == 1
    output = result.output
    assert "blob.txt" in output and "binary" in output
    assert "empty.md" in output and "empty" in output
    assert "huge.txt" in output and "limit" in output
    assert "3 file(s) failed" in output
    with KnowledgeGraph.open(store, read_only=True) as graph:
        sources = {Path(d["source"]).name if not d["source"].startswith("http") else d["source"]
                   for d in graph.documents()}
        texts = graph.select("SELECT ?e WHERE { GRAPH ?g { ?c kg:evidence ?e } }")
    # the article that was already there, the new good one, and the non-UTF-8 one decoded
    assert len(sources) == 3
    assert "latin1.txt" in sources
    assert "latin1.txt" in output and "not UTF-8" in output


def test_a_second_build_on_a_store_in_use_fails_cleanly(tmp_path):
    store = tmp_path / "store"
    holder = subprocess.Popen([sys.executable, "-c",
                               f"from kg import KnowledgeGraph; g = KnowledgeGraph.open({str(store)!r}); "
                               "print('open', flush=True); import sys; sys.stdin.read()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        articles = tmp_path / "a"
        write_articles(articles, 1)
        result = subprocess.run([*KG, "build", str(articles), "--store", str(store)], capture_output=True,
                                text=True, timeout=120)
        assert result.returncode == 2
        assert "in use by another process" in result.stderr
        assert "Traceback" not in result.stderr
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_a_build_killed_midway_then_rerun_equals_a_clean_build(tmp_path):
    articles = tmp_path / "articles"
    write_articles(articles, 40)
    killed = tmp_path / "killed"
    process = subprocess.Popen([*KG, "build", str(articles), "--store", str(killed), "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    marker = killed / "KG_GENERATION"
    deadline = time.monotonic() + 180
    while not marker.exists() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    assert process.poll() is None, "the build finished before it could be killed; add more articles"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with KnowledgeGraph.open(killed, read_only=True) as graph:
        partial = graph.stats()["documents"]
    assert 0 < partial < 40, partial

    rerun = subprocess.run([*KG, "build", str(articles), "--store", str(killed), "--quiet"],
                           capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    clean = tmp_path / "clean"
    subprocess.run([*KG, "build", str(articles), "--store", str(clean), "--quiet"], check=True,
                   capture_output=True, timeout=600)
    assert normalised_quads(killed) == normalised_quads(clean)


def test_two_articles_with_one_url_are_reported_not_silently_merged(runner, tmp_path):
    folder = tmp_path / "dup [draft]"  # brackets: rich markup in a path must print as text
    first, second = write_articles(folder, 2)
    second.write_text(second.read_text(encoding="utf-8").replace("test-1", "test-0"), encoding="utf-8")
    result = runner.invoke(main, ["build", str(folder), "--store", str(tmp_path / "store"), "-q"])
    assert result.exit_code == 1, result.output
    assert "1 added" in result.output and "1 failed" in result.output
    assert "same key" in result.output and "[draft]" in result.output
    assert "Traceback" not in result.output
