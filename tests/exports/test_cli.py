"""``kg export`` and ``kg viz`` on the command line."""

from __future__ import annotations

import csv
import json
import re

import networkx as nx
import pytest

from exports.registry import names
from kg.cli import main


@pytest.mark.parametrize("fmt", names())
def test_every_format_is_a_choice(fmt, runner, store_path, tmp_path):
    out = tmp_path / f"out-{fmt}"
    result = runner.invoke(main, ["export", "--format", fmt, "-o", str(out), "--store", str(store_path)])
    assert result.exit_code == 0, result.output
    assert out.exists() and (out.is_dir() or out.stat().st_size > 0)


def test_unknown_format_names_the_closest(runner, store_path, tmp_path):
    result = runner.invoke(main, ["export", "-f", "grafml", "-o", str(tmp_path / "x"), "--store", str(store_path)])
    assert result.exit_code == 2
    assert "Did you mean 'graphml'?" in result.output and "neo4j" in result.output


def test_list_formats(runner):
    result = runner.invoke(main, ["export", "--list-formats"])
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.output.splitlines()] == names()


def test_selection_options(runner, store_path, tmp_path):
    out = tmp_path / "focus.csv"
    result = runner.invoke(main, ["export", "-f", "csv", "-o", str(out), "--store", str(store_path),
                                  "--focus", "tern 3", "--depth", "1", "--include-negated",
                                  "--relations", "trainedOn,runsOn", "--relations", "fabbedBy"])
    assert result.exit_code == 0, result.output
    with open(out, newline="", encoding="utf-8") as handle:
        rows = {(r["source_label"], r["relation"], r["target_label"], r["modality"]) for r in csv.DictReader(handle)}
    assert rows == {("Tern 3", "fabbedBy", "Harbor Foundry", "asserted"), ("Zephyr-2", "runsOn", "Tern 3", "hedged"),
                    ("Zephyr-2", "trainedOn", "Tern 3", "negated")}
    out = tmp_path / "early.graphml"
    result = runner.invoke(main, ["export", "-f", "graphml", "-o", str(out), "--store", str(store_path),
                                  "--as-of", "2026-04", "--no-include-hedged"])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(out).number_of_edges() == 3


def test_bad_selection_gives_clean_errors(runner, store_path, tmp_path):
    out = str(tmp_path / "x.csv")
    result = runner.invoke(main, ["export", "-f", "csv", "-o", out, "--store", str(store_path), "--focus", "Quil X1"])
    assert result.exit_code == 2 and "no entity named 'Quil X1'" in result.output and "Quill X1" in result.output
    result = runner.invoke(main, ["export", "-f", "csv", "-o", out, "--store", str(store_path), "--relations", "makes"])
    assert result.exit_code == 2 and "unknown relation(s) 'makes'" in result.output
    result = runner.invoke(main, ["viz", "-o", out, "--store", str(store_path), "--path", "Lumen Labs", "Vex`9 <b>bold</b>",
                                  "--relations", "developedBy"])
    assert result.exit_code == 2
    assert "no chain joins 'Lumen Labs' and 'Vex`9 <b>bold</b>'" in result.output


def test_viz_path_highlights_the_chain(runner, store_path, tmp_path):
    out = tmp_path / "chain.html"
    result = runner.invoke(main, ["viz", "-o", str(out), "--store", str(store_path),
                                  "--path", "Lumen Labs", "Ridge Memory", "--title", "Chain <i>"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', page, re.S).group(1))
    assert sorted(n["label"] for n in data["nodes"].values()) == sorted(
        ["Lumen Labs", "Zephyr-2", "Quill X1", "HBM-Q", "Ridge Memory"])
    assert "chain from Lumen Labs to Ridge Memory" in page
    assert "Chain &lt;i&gt;" in page and "Chain <i>" not in page
    assert len(re.findall(r'"borderWidth":\s*4', page)) == 5  # every node of the chain is highlighted
