"""Extraction on a real Dask cluster (local worker processes) gives what the local executor gives."""

from __future__ import annotations

import pytest

from kg import KnowledgeGraph

pytest.importorskip("dask.distributed")
pytestmark = pytest.mark.slow

TEXT = """---
title: "Dask test {n}"
published: 2026-02-0{n}
url: https://articles.siliconkg.example/dask-{n}
---
Huawei designs the Ascend 910B, and TSMC manufactured its dies according to analysts (note {n}).
The Ascend 910C was not fabricated by Samsung.
"""


def test_dask_executor_builds_the_same_store_as_the_local_one(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(1, 6):
        (folder / f"a{n}.md").write_text(TEXT.format(n=n), encoding="utf-8")
    counts = {}
    for executor in ("local", "dask"):
        with KnowledgeGraph.open(tmp_path / executor) as graph:
            report = graph.build([folder], executor=executor, workers=2)
            assert report.failed == 0 and report.added == 5
            counts[executor] = (graph.stats(), sorted(
                (r["s"], r["p"], str(r["o"])) for r in graph.select(
                    "SELECT ?s ?p ?o WHERE { GRAPH kgg:facts { ?s ?p ?o } }")))
    local, distributed = counts["local"], counts["dask"]
    assert local[0]["claims"] > 0
    assert local[0] | {"quads": 0} == distributed[0] | {"quads": 0}
    assert local[1] == distributed[1]
