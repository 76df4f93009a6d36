"""Entities: the gazetteer and the vocabulary the entity rules share.

* :class:`Gazetteer` indexes ``ontology.load_gazetteer()`` by a normalised key
  (case folded, letters and digits only), so ``DeepSeek-V4-Pro``,
  ``DeepSeek V4-Pro`` and ``deepseek-v4-pro`` find the same row; vendor-prefixed
  forms (``Huawei Ascend 910C``) and plurals (``910Cs``) are derived, and names the
  ruler builds from known ones ("Llama 3.1 70B", "ERNIE 5.5") inherit vendor and family.
* :mod:`ingest.extractors.ruler` — :class:`~ingest.extractors.ruler.EntityRuler`
  (spaCy factory ``kg_entity_ruler``, registry name ``kg.entity_ruler.v1``) runs
  *before* the tagger, parser and NER: gazetteer names, names recognised from
  their shape, new versions of known lines; each merged into one token and set
  as ``doc.ents``.
* :mod:`ingest.extractors.coref` — :class:`~ingest.extractors.coref.MentionFinder`
  (``kg.mentions.v1``) lists the mentions of a parsed document and resolves
  pronouns and descriptions ("the chip", "its model", "both") to the names before them.

The ruler and the mention finder are re-exported here for callers of this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ingest.extractors.lexicon import TIERS

ORG_CLASSES = frozenset({
    "Organization", "Lab", "ChipDesigner", "Foundry", "MemoryVendor", "CloudProvider",
    "Investor", "Publisher", "Government", "ResearchOrganization",
})
#: What a definite description or common noun says about the class of its referent.
CHIP_NOUNS = frozenset({
    "chip", "chips", "accelerator", "accelerators", "gpu", "gpus", "processor", "processors",
    "npu", "npus", "tpu", "tpus", "die", "dies", "silicon", "part", "parts", "card", "cards",
    "superchip", "superchips", "asic", "asics", "xpu", "xpus", "soc", "cpu", "cpus", "device",
    "devices", "platform", "system", "systems", "server", "servers", "cluster", "clusters",
})
MODEL_NOUNS = frozenset({
    "model", "models", "llm", "llms", "chatbot", "chatbots", "assistant", "release", "checkpoint",
    "weights",
})
ORG_NOUNS = frozenset({
    "company", "firm", "startup", "start-up", "chipmaker", "lab", "laboratory", "developer",
    "maker", "group", "vendor", "foundry", "investor", "supplier", "designer", "manufacturer",
    "giant", "business", "outfit", "corporation", "conglomerate",
})
MEMORY_NOUNS = frozenset({"memory", "hbm", "dram", "stack", "stacks"})
COREF_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "both"})
PRONOUNS = frozenset({"it", "its", "they", "their", "itself"})

_NON_KEY = re.compile(r"[^0-9a-z]")
_SIZE = re.compile(r"^\d+(?:\.\d+)?[BbMT]$")
_VERSION_TAIL = re.compile(r"^(?:[A-Z]?\d+(?:\.\d+)*[a-zA-Z]?|Pro|Max|Flash|Ultra|Mini|Lite|Turbo|Plus|Air|Nano)$")


#: Greek letters names are written with, spelled out: "π0" is "pi0".
_GREEK = str.maketrans({"π": "pi", "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "λ": "lambda",
                        "μ": "mu", "σ": "sigma", "ω": "omega", "φ": "phi", "ψ": "psi", "θ": "theta"})


def key(text: str) -> str:
    """The matching key of a name: case folded, letters and digits only (Greek letters spelled out).

    >>> key("DeepSeek V4-Pro") == key("deepseek-v4-pro")
    True
    >>> key("π0") == key("pi0")
    True
    """
    return _NON_KEY.sub("", text.casefold().translate(_GREEK))


def _signed_key(text: str) -> str:
    """The key of a name written with "+", the sign spelled out: "Command R+" as "Command R Plus" would be."""
    return key(text.replace("+", " plus "))


def is_org(cls: str) -> bool:
    """Whether an entity class is an organisation (any role)."""
    return cls in ORG_CLASSES


@dataclass(frozen=True)
class Entry:
    """One gazetteer entity as the ruler uses it."""

    label: str
    cls: str
    vendor: str | None = None
    family: str | None = None
    aliases: tuple[str, ...] = ()
    #: a chip maker that runs models for customers on its own chips (Groq, Cerebras): what it serves runs there
    serves_models: bool = False


@dataclass(frozen=True)
class _Alias:
    entry: Entry
    surface: str
    case_sensitive: bool
    plural_ok: bool


def _case_sensitive(alias: str) -> bool:
    """Single common-looking words ("Apple", "Thrive", "Ascend") only match capitalised."""
    return " " not in alias and alias.replace("-", "").isalpha()


def _case_ok(alias: _Alias, surface: str) -> bool:
    if not alias.case_sensitive:
        return True
    if alias.surface.isupper() and len(alias.surface) <= 5:
        return surface.isupper() or surface == alias.surface
    if not alias.surface[:1].isupper():  # "xAI", "iPhone": written exactly so
        return surface == alias.surface
    return surface[:1].isupper() and surface.casefold() == alias.surface.casefold()


#: One word in CamelCase: "AlphaFold", "CodeGemma", "DeepSeek".
CAMEL_NAME = re.compile(r"^[A-Z][a-z]+[A-Z][A-Za-z]+$")


class Gazetteer:
    """An index of the entity gazetteer by normalised name.

    Parameters
    ----------
    rows : dicts with ``label``, ``class``, ``aliases`` and optional ``vendor`` / ``family`` /
        ``serves_models``
    """

    def __init__(self, rows):
        self.entries: dict[str, Entry] = {}
        self._index: dict[str, _Alias] = {}
        self._signed: dict[str, _Alias] = {}  # names written with "+", keyed with the sign spelled out
        self._derived: dict[str, Entry | None] = {}  # entry_for, remembered (the gazetteer does not change)
        for row in rows:
            entry = Entry(row["label"], row.get("class", "Organization"), row.get("vendor"),
                          row.get("family"), tuple(row.get("aliases", ())), bool(row.get("serves_models")))
            self.entries[entry.label] = entry
        for entry in self.entries.values():  # canonical labels first: they win over aliases
            self._add(entry.label, entry, primary=True)
        for entry in self.entries.values():
            for alias in entry.aliases:
                self._add(alias, entry)
        for entry in self.entries.values():  # "the second-generation MTIA" is MTIA v2
            for alias in _generation_aliases(entry, self.entries.get(entry.family or "")):
                self._add(alias, entry)
        for entry in self.entries.values():  # "Huawei Ascend 910C" from vendor + name
            vendor = self.entries.get(entry.vendor or "")
            if vendor is None or entry.cls in ORG_CLASSES:
                continue
            for vname in (vendor.label, *vendor.aliases):
                if len(vname.split()) > 2:
                    continue
                for name in (entry.label, *entry.aliases):
                    if not key(name).startswith(key(vname)):
                        self._add(f"{vname} {name}", entry)

    def _add(self, name: str, entry: Entry, *, primary: bool = False) -> None:
        k = key(name)
        if not k or (k.isdigit() and len(k) < 5):  # bare numbers ("950") only from context
            return
        if k in self._index and not primary:
            return
        # codes and acronyms ("H100s", "TPUs") and capitalised multi-word names ("Tensor Processing Units")
        plural_ok = bool(re.search(r"[0-9A-Z]$|\s[A-Z][a-z]+$", name.strip()))
        alias = _Alias(entry, name, _case_sensitive(name), plural_ok)
        self._index.setdefault(k, alias)
        if "+" in name:
            self._signed.setdefault(_signed_key(name), alias)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, label: str) -> Entry | None:
        """The entry whose canonical label is ``label``."""
        return self.entries.get(label)

    def lookup(self, name: str) -> Entry | None:
        """The entry a surface name refers to (aliases, plurals), or None.

        >>> Gazetteer([{"label": "Ascend 910C", "class": "Chip", "aliases": ["910C"]}]).lookup("910Cs").label
        'Ascend 910C'
        """
        alias = self._alias(name)
        return alias.entry if alias else None

    def _alias(self, name: str) -> _Alias | None:
        if "+" in name:  # "Command R+" is not the "Command R" its key without the sign would be
            hit = self._signed.get(_signed_key(name))
            if hit is not None and _case_ok(hit, name.strip()):
                return hit
        k = key(name)
        hit = self._index.get(k)
        if hit is not None and _case_ok(hit, name.strip()):
            return hit
        if name.endswith("s") and not name.endswith("'s"):
            hit = self._index.get(k[:-1])
            stem = name.strip()[:-1]
            # "H100s", "910Cs", "TPUs": product codes and acronyms, written exactly, take a plural "s"
            if hit is not None and hit.plural_ok and (
                    any(ch.isdigit() for ch in hit.surface) or stem == hit.surface or stem.endswith(" " + hit.surface)):
                return hit
        return None

    def entry_for(self, label: str) -> Entry | None:
        """The entry of ``label``, or one derived for a name the ruler built from a known one.

        ``"Llama 3.1 70B"`` is a sized member of ``Llama 3.1`` (same vendor, that family).
        """
        entry = self.entries.get(label)
        if entry is not None:
            return entry
        if label not in self._derived:
            self._derived[label] = self._derive(label)
        return self._derived[label]

    def _derive(self, label: str) -> Entry | None:
        m = re.match(r"^(.+?)[ -](\d+(?:\.\d+)?[BMT])$", label) or re.match(r"^(.+)[ -]([^ -]+)$", label)
        if m and m.group(1) in self.entries and self.entries[m.group(1)].cls not in ORG_CLASSES and (
                _SIZE.match(m.group(2)) or _VERSION_TAIL.match(m.group(2)) or (
                self.entries[m.group(1)].cls == "AIModel" and re.fullmatch(r"[A-Z][a-z]{2,}", m.group(2)))):
            # "Llama 3.1 70B" (a size), "ERNIE 5.5" / "Hunyuan-T2" (a version the ruler built): same vendor
            base = self.entries[m.group(1)]
            return Entry(label, base.cls, base.vendor, base.label)
        base = self.line_ending(label) or self.model_prefix(label)  # "CodeGemma", "DeepSeek-V3.1-Base"
        if base is None:
            return None
        others = {e.vendor for part in re.split(r"[ -]", label) if (e := self.entries.get(part)) is not None
                  and e.cls == "AIModel" and e.vendor}
        # "Llama-3.1-Nemotron-Nano-8B", "DeepSeek-R1-Distill-Qwen-32B": two makers' lines in one name; which
        # one built it the name does not say
        return Entry(label, base.cls, base.vendor if others <= {base.vendor} else None, base.label)

    def line_ending(self, word: str) -> Entry | None:
        """The one-word model line a CamelCase word ends in ("Gemma" for "CodeGemma"; "LlamaCon", which
        starts with a line, is no model of it)."""
        if not CAMEL_NAME.match(word):
            return None
        for cut in range(2, len(word) - 3):
            base = self.entries.get(word[cut:]) if word[cut].isupper() else None
            if base is not None and base.cls == "AIModel":
                return base
        return None

    def model_prefix(self, surface: str) -> Entry | None:
        """The longest model the gazetteer knows that ``surface`` starts with, cut at a hyphen
        ("Phi-3-mini" for "Phi-3-mini-4k-instruct")."""
        parts = surface.split("-")
        for k in range(len(parts) - 1, 0, -1):
            base = self.lookup("-".join(parts[:k]))
            if base is not None and base.cls == "AIModel" and base.label != surface and (
                    any(ch.isdigit() for ch in base.label) or parts[k][:1].isdigit() or parts[k].title() in TIERS):
                # (a bare line's name is a prefix only before a version or a tier: "GPT-4-turbo",
                # "Mistral-Nemo-Base-2407", not "GPT-MoE-1.8T", the label on someone else's slide)
                return base
        return None

    def vendor_of(self, label: str) -> str | None:
        """The canonical label of the vendor / developer of ``label`` if the gazetteer knows it."""
        entry = self.entry_for(label)
        return entry.vendor if entry else None

    def family_of(self, label: str) -> str | None:
        """The family ``label`` is a member of, if the gazetteer knows it."""
        entry = self.entries.get(label)
        return entry.family if entry else None


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_NUMBERED = ("1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th")


def _generation_aliases(entry: Entry, family: Entry | None) -> list[str]:
    """"second-generation MTIA", "2nd-gen Trainium" for a chip numbered within its family ("Meta MTIA v2",
    "AWS Trainium2"). Chips only: a model's or memory's number is no count of generations (HBM3 is HBM's
    fourth)."""
    if family is None or entry.cls != "Chip" or not entry.label.startswith(family.label):
        return []
    m = re.fullmatch(r"\s*(?:v|-)?\s*([1-9])", entry.label[len(family.label):])
    if m is None:
        return []
    n = int(m.group(1)) - 1
    return [f"{ordinal}-{gen} {name}" for ordinal in (_ORDINALS[n], _NUMBERED[n]) for gen in ("generation", "gen")
            for name in (family.label, *family.aliases) if not name[-1:].isdigit()]  # (not "Trn1", "Inferentia1")


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer built from ``ontology.load_gazetteer()`` (cached)."""
    from ontology import load_gazetteer

    return Gazetteer(load_gazetteer())


# --------------------------------------------------------------------------- ruler


# --------------------------------------------------------------------------- mentions


# "its HBM2E memory", "its weights": what a chip or a model has, not what a company has


def _sentence_starts(doc: Doc) -> list[int]:
    """For each token index, the index of the first token of its sentence (worked out once per doc)."""
    cached = doc.user_data.get("kg_sentence_starts")
    if cached is not None and len(cached) == len(doc):
        return cached
    out = [0] * len(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            out[i] = sent.start
    doc.user_data["kg_sentence_starts"] = out
    return out


from ingest.extractors.coref import Mention, MentionFinder, clean_org_name  # noqa: E402  (re-exported)
from ingest.extractors.ruler import EntityRuler, make_entity_ruler  # noqa: E402  (re-exported)

__all__ = [
    "ORG_CLASSES", "Entry", "Gazetteer", "default_gazetteer", "EntityRuler", "Mention",
    "MentionFinder", "key", "is_org", "clean_org_name", "make_entity_ruler",
]
