"""Invariants of the entity gazetteer shipped in ``ontology/gazetteer/*.jsonl``.

The files are read twice: line by line (so that a broken line is reported with
its file and number) and through :func:`ontology.load_gazetteer`, the merged
view every extractor uses.
"""

from __future__ import annotations

import json
from collections import defaultdict
from importlib import resources

import pytest

from kg import CLASSES
from ontology import load_gazetteer

ALLOWED_KEYS = {"label", "class", "aliases", "vendor", "family", "serves_models"}


def _files():
    folder = resources.files("ontology").joinpath("gazetteer")
    return sorted((p for p in folder.iterdir() if p.name.endswith(".jsonl")), key=lambda p: p.name)


def _rows():
    for part in _files():
        for number, line in enumerate(part.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip() and not line.lstrip().startswith("//"):
                yield f"{part.name}:{number}", line


def test_domain_files_are_present():
    names = {p.name for p in _files()}
    assert {"models.jsonl", "chips.jsonl", "memory.jsonl", "organizations.jsonl",
            "licenses.jsonl"} <= names


def test_every_line_is_a_well_formed_entity():
    problems = []
    for where, line in _rows():
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(f"{where}: not JSON ({err})")
            continue
        if not isinstance(row.get("label"), str) or not row["label"].strip():
            problems.append(f"{where}: missing or empty label")
        if not set(row) <= ALLOWED_KEYS:
            problems.append(f"{where}: unknown keys {sorted(set(row) - ALLOWED_KEYS)}")
        aliases = row.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            problems.append(f"{where}: aliases must be a list of non-empty strings")
    assert not problems, "\n".join(problems)


#: Files that may repeat a domain file's label to add aliases (the loader merges rows by label).
OVERLAYS = ("seed.jsonl", "extraction.jsonl")


def test_a_label_is_defined_once_per_domain_file():
    seen: dict[str, str] = {}
    problems = []
    for where, line in _rows():
        if where.startswith(OVERLAYS):
            continue
        label = json.loads(line)["label"]
        if label in seen:
            problems.append(f"{where}: {label!r} already defined at {seen[label]}")
        seen[label] = where
    assert not problems, "\n".join(problems)


def test_classes_are_in_the_ontology():
    bad = [(row["label"], row["class"]) for row in load_gazetteer() if row["class"] not in CLASSES]
    assert not bad, f"unknown classes: {bad}"


def test_vendor_and_family_refer_to_gazetteer_labels():
    gazetteer = load_gazetteer()
    labels = {row["label"] for row in gazetteer}
    dangling = [(row["label"], key, row[key]) for row in gazetteer
                for key in ("vendor", "family") if key in row and row[key] not in labels]
    assert not dangling, f"references to unknown labels: {dangling}"


def test_vendors_are_organisations_and_families_share_the_class():
    gazetteer = {row["label"]: row for row in load_gazetteer()}
    not_org = {"AIModel", "Chip", "MemoryTechnology", "License", "Person"}
    problems = []
    for row in gazetteer.values():
        if "vendor" in row and gazetteer[row["vendor"]]["class"] in not_org:
            problems.append(f"{row['label']}: vendor {row['vendor']} is not an organisation")
        if "family" in row and gazetteer[row["family"]]["class"] != row["class"]:
            problems.append(f"{row['label']}: family {row['family']} has another class")
    assert not problems, "\n".join(problems)


def test_no_name_belongs_to_two_entities():
    owners: dict[str, set[str]] = defaultdict(set)
    for row in load_gazetteer():
        for name in [row["label"], *row["aliases"]]:
            owners[name.casefold()].add(row["label"])
    shared = {name: sorted(labels) for name, labels in owners.items() if len(labels) > 1}
    assert not shared, f"names shared by several entities: {shared}"


@pytest.mark.parametrize("label, cls", [
    ("NVIDIA H100", "Chip"), ("Ascend 910C", "Chip"), ("HBM3E", "MemoryTechnology"),
    ("TSMC", "Foundry"), ("SK hynix", "MemoryVendor"), ("DeepSeek-V4-Pro", "AIModel"),
    ("MIT License", "License"), ("Moonshot AI", "Lab"), ("Thrive Capital", "Investor"),
])
def test_core_entities_are_present(label, cls):
    by_label = {row["label"]: row for row in load_gazetteer()}
    assert by_label[label]["class"] == cls


def test_gazetteer_is_large_enough():
    assert len(load_gazetteer()) >= 300
