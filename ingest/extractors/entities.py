"""Entities: the gazetteer entity ruler, names recognised from their shape, and coreference.

Three jobs, one per class:

* :class:`Gazetteer` indexes ``ontology.load_gazetteer()`` by a normalised key
  (case folded, letters and digits only), so ``DeepSeek-V4-Pro``,
  ``DeepSeek V4-Pro`` and ``deepseek-v4-pro`` find the same row; vendor-prefixed
  forms (``Huawei Ascend 910C``) and plurals (``910Cs``) are derived.
* :class:`EntityRuler` (spaCy factory ``kg_entity_ruler``, registry name
  ``kg.entity_ruler.v1``) runs *before* the tagger, parser and NER. It finds
  gazetteer names, product codes and versioned model names next to chip or
  model words and ``<Vendor> <code>`` patterns, merges each name into one token
  (so the parser sees one proper noun instead of ``V4 - Pro``) and sets
  ``doc.ents`` with the class as label and the canonical name as ``kb_id``.
* :class:`MentionFinder` (``kg.mentions.v1``) runs on the parsed document and
  lists every mention: named ones, organisations the statistical NER found,
  and pronouns / definite descriptions ("the chip", "the same lab") resolved to
  the nearest compatible entity before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extractors import register

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
_CODE = re.compile(r"^(?:[A-Z]{1,4}-?)?\d{2,5}[A-Z]{0,4}$")
_PLURAL_CODE = re.compile(r"^(?:[A-Z]{1,4}-?)?\d{2,5}[A-Z]{0,4}s$")
_SHORT_CODE = re.compile(r"^[A-Z]{2,4}\d$")  # "AI5", "TPU7": two or more capitals and one digit
_VERSIONED = re.compile(r"^[A-Z][A-Za-z]{1,15}-\d+(?:\.\d+)?[A-Za-z]{0,6}$")
_MODEL_VERSION = re.compile(r"^[A-Z]?\d+(?:\.\d+)*[A-Za-z]{0,3}$")
_VERB_CONTEXT = frozenset({"to", "will", "would", "could", "may", "might", "not", "never", "can", "must",
                           "who", "he", "she", "they", "i", "we", "you"})
_FUNCTION_WORDS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his",
                             "her", "each", "both", "all", "every", "some", "any", "no", "only", "another"})
_SIZE = re.compile(r"^\d+(?:\.\d+)?[BbMT]$")
_VERSION_TAIL = re.compile(r"^(?:[A-Z]?\d+(?:\.\d+)*[a-zA-Z]?|Pro|Max|Flash|Ultra|Mini|Lite|Turbo|Plus|Air|Nano)$")
_VERSION_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")
_GLUED_VERSION = re.compile(r"^([A-Za-z][A-Za-z]{1,15})-(\d+(?:\.\d+)*[A-Za-z]?)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_UNIT_WORDS = frozenset({"gb", "tb", "mb", "nm", "%", "percent", "times", "x", "chips", "gpus", "accelerators",
                         "billion", "million", "trillion", "thousand", "tokens", "w", "watts", "per", "of", "kw",
                         "mw", "gw", "days", "weeks", "months", "years", "hours", "cards", "servers", "nodes"})
_HYPHEN_SIZE = re.compile(r"^(.+?)-(\d+(?:\.\d+)?[BbMT])$")
_NORM_FOR_NAMES = "google"  # a frequent proper noun: what the tagger sees for a merged name
_MAX_TOKENS = 7


def key(text: str) -> str:
    """The matching key of a name: case folded, letters and digits only.

    >>> key("DeepSeek V4-Pro") == key("deepseek-v4-pro")
    True
    """
    return _NON_KEY.sub("", text.casefold())


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


class Gazetteer:
    """An index of the entity gazetteer by normalised name.

    Parameters
    ----------
    rows : dicts with ``label``, ``class``, ``aliases`` and optional ``vendor`` / ``family``
    """

    def __init__(self, rows):
        self.entries: dict[str, Entry] = {}
        self._index: dict[str, _Alias] = {}
        for row in rows:
            entry = Entry(row["label"], row.get("class", "Organization"), row.get("vendor"),
                          row.get("family"), tuple(row.get("aliases", ())))
            self.entries[entry.label] = entry
        for entry in self.entries.values():  # canonical labels first: they win over aliases
            self._add(entry.label, entry, primary=True)
        for entry in self.entries.values():
            for alias in entry.aliases:
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
        plural_ok = bool(re.search(r"[0-9A-Z]$", name.strip()))
        self._index.setdefault(k, _Alias(entry, name, _case_sensitive(name), plural_ok))

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
        m = re.match(r"^(.+?)[ -](\d+(?:\.\d+)?[BMT])$", label) or re.match(r"^(.+)[ -]([^ -]+)$", label)
        if m and m.group(1) in self.entries and (_SIZE.match(m.group(2)) or _VERSION_TAIL.match(m.group(2))):
            # "Llama 3.1 70B" (a size), "ERNIE 5.5" / "Hunyuan-T2" (a version the ruler built): same vendor
            base = self.entries[m.group(1)]
            return Entry(label, base.cls, base.vendor, base.label)
        return None

    def vendor_of(self, label: str) -> str | None:
        """The canonical label of the vendor / developer of ``label`` if the gazetteer knows it."""
        entry = self.entry_for(label)
        return entry.vendor if entry else None

    def family_of(self, label: str) -> str | None:
        """The family ``label`` is a member of, if the gazetteer knows it."""
        entry = self.entries.get(label)
        return entry.family if entry else None


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer built from ``ontology.load_gazetteer()`` (cached)."""
    from ontology import load_gazetteer

    return Gazetteer(load_gazetteer())


# --------------------------------------------------------------------------- ruler
@register("kg.entity_ruler.v1")
class EntityRuler:
    """Find domain names in a tokenised doc, merge each into one token, set ``doc.ents``.

    Runs before the tagger: it sees only tokens. Names are matched on the
    normalised key over windows of up to seven tokens (so hyphenation and
    spacing do not matter); single capitalised words match only capitalised.
    """

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer if gazetteer is not None else default_gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        self._mark_line_starts(doc)
        for i, tok in enumerate(doc):  # in this domain a "die" is silicon, not a verb
            if tok.lower_ in {"die", "dies"} and not (i and doc[i - 1].lower_ in _VERB_CONTEXT):
                tok.norm_ = "chips" if tok.lower_ == "dies" else "chip"
        spans = self._find(doc)
        if not spans:
            return doc
        with doc.retokenize() as retokenizer:
            for start, end, _label, _cls in spans:
                if end - start > 1:
                    retokenizer.merge(doc[start:end], attrs={"NORM": _NORM_FOR_NAMES})
        ents, removed = [], 0
        for start, end, label, cls in spans:
            new_start = start - removed
            removed += end - start - 1
            ents.append(Span(doc, new_start, new_start + 1, label=cls, kb_id=label))
        for ent in ents:
            tok = doc[ent.start]
            tok.norm_ = _NORM_FOR_NAMES
            _look_like_a_name(doc.vocab[tok.text])
            nxt = ent.start + 1
            if nxt < len(doc) and doc[nxt].lower_ in {"die", "dies"}:
                doc[nxt].norm_ = "chips"  # "TSMC die" is silicon, not a verb
            if nxt < len(doc) and doc[nxt].lower_ == "ships":
                doc[nxt].norm_ = "launches"  # "the H200 ships in October" is a verb, not boats
        doc.set_ents(ents, default="outside")
        return doc

    @staticmethod
    def _mark_line_starts(doc: Doc) -> None:
        """A new line starts a new sentence (headings, captions and list items)."""
        for i in range(1, len(doc)):
            prev = doc[i - 1]
            if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
                if not doc[i].is_space:
                    doc[i].is_sent_start = True

    def _find(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        gaz = self.gazetteer
        n = len(doc)
        texts = [t.text for t in doc]
        keys = [key(t) for t in texts]
        found: list[tuple[int, int, Entry]] = []
        for i in range(n):
            if not keys[i]:
                continue
            k = ""
            for j in range(i, min(n, i + _MAX_TOKENS)):
                if j > i and ("\n" in doc[j - 1].whitespace_ or doc[j].is_space):
                    break
                if not keys[j] and texts[j] not in {"-", ".", "&", "/", "+"}:
                    break
                k += keys[j]
                if not keys[j]:
                    continue
                surface = doc[i:j + 1].text
                alias = gaz._alias(surface)
                if alias is not None:
                    found.append((i, j + 1, alias.entry))
        found += self._shapes(doc, texts, found)
        found += self._new_versions(doc, texts, found)
        found += self._licences(texts)
        found += self._sized_models(texts, found)
        found += self._hyphen_sized(texts, found)
        chosen = _longest_first(found)
        chosen += self._short_forms(doc, texts, chosen)
        chosen = _longest_first(chosen)
        chosen = _longest_first(chosen + self._bare_sizes(texts, chosen))
        return [(s, e, entry.label, entry.cls) for s, e, entry in chosen]

    def _shapes(self, doc: Doc, texts: list[str], found) -> list[tuple[int, int, Entry]]:
        """Names not in the gazetteer, recognised from their shape and the words around them."""
        covered = {t for s, e, _ in found for t in range(s, e)}
        vendor_at = {s: (e, entry) for s, e, entry in found if entry.cls in ORG_CLASSES}
        out = []
        n = len(texts)
        for i, text in enumerate(texts):
            if i in covered:
                continue
            nxt = texts[i + 1].lower() if i + 1 < n else ""
            prev_vendor = next(((s, entry) for s, (e, entry) in vendor_at.items() if e == i), None)
            code = _CODE.match(text) or _PLURAL_CODE.match(text) or _SHORT_CODE.match(text)
            versioned = _VERSIONED.match(text)
            if code and not text.isdigit() and not re.fullmatch(r"\d+[KMBTkmbt]|\d+(nm|GB|TB|MB|B|W|s)", text):
                cls = "Chip" if nxt in CHIP_NOUNS else "AIModel" if nxt in MODEL_NOUNS else None
                if cls is None and prev_vendor is not None:
                    cls = "AIModel" if prev_vendor[1].cls == "Lab" else "Chip" if prev_vendor[1].cls == "ChipDesigner" else None
                if cls is None:
                    continue
                name = text[:-1] if _PLURAL_CODE.match(text) and not _CODE.match(text) else text
                start = i
                if prev_vendor is None and i > 0 and i - 1 not in covered and re.fullmatch(r"[A-Z]{2,4}", texts[i - 1]) \
                        and doc[i - 1].whitespace_ and texts[i - 1] not in {"AI", "GPU", "CPU", "HBM", "TPU", "NPU"}:
                    start, name = i - 1, f"{texts[i - 1]} {name}"  # "MTT S5000": a series prefix in capitals
                label = name
                if prev_vendor is not None:
                    start, label = prev_vendor[0], f"{prev_vendor[1].label} {name}"
                out.append((start, i + 1, Entry(label, cls, prev_vendor[1].label if prev_vendor else None,
                                                aliases=(name,))))
            elif versioned and (nxt in MODEL_NOUNS or (prev_vendor and prev_vendor[1].cls == "Lab")):
                start = prev_vendor[0] if prev_vendor else i
                out.append((start, i + 1, Entry(text, "AIModel", prev_vendor[1].label if prev_vendor else None)))
            elif (prev_vendor is not None and text[:1].isupper() and text.isalpha() and len(text) > 2
                  and (nxt in CHIP_NOUNS - {"platform", "system", "systems", "server", "servers", "cluster", "clusters",
                                            "silicon", "part", "parts", "device", "devices"}
                       or nxt in {"model", "models", "llm", "llms"})):
                # "<Vendor> <Name> chips": "AWS Graviton chips", "Acme Falcon models"
                cls = "AIModel" if nxt in {"model", "models", "llm", "llms"} else "Chip"
                surface_vendor = " ".join(texts[prev_vendor[0]:i])
                out.append((prev_vendor[0], i + 1, Entry(f"{surface_vendor} {text}", cls, prev_vendor[1].label,
                                                         aliases=(text, f"{prev_vendor[1].label} {text}"))))
            elif (prev_vendor is None and i + 1 < n and text[:1].isupper() and text.isalpha()
                  and text.lower() not in _FUNCTION_WORDS and _MODEL_VERSION.match(texts[i + 1]) and any(c.isdigit() for c in texts[i + 1])
                  and i + 2 < n and texts[i + 2].lower() in MODEL_NOUNS and i + 1 not in covered):
                out.append((i, i + 2, Entry(f"{text} {texts[i + 1]}", "AIModel")))
        return out

    def _new_versions(self, doc: Doc, texts: list[str], found) -> list[tuple[int, int, Entry]]:
        """Versions of known lines the gazetteer does not list yet: "ERNIE 5.5", "Hunyuan-T2",
        "GLM-5.5", "Siyuan 690" — a known model or chip name followed by a version, or a token
        made of a known name, a hyphen and a version. The new name is a member of the known one."""
        out = []
        n = len(texts)
        for s, e, entry in found:
            if entry.cls not in {"AIModel", "Chip"} or e >= n or "\n" in doc[e - 1].whitespace_:
                continue
            end = None
            if texts[e] == "-" and e + 1 < n and not doc[e].whitespace_ and _VERSION_TAIL.match(texts[e + 1]):
                end, sep = e + 2, "-"
            elif doc[e - 1].whitespace_ and _VERSION_NUMBER.match(texts[e]) and not _YEAR.match(texts[e]) \
                    and not (e + 1 < n and texts[e + 1].lower() in _UNIT_WORDS):
                end, sep = e + 1, " "
            if end is None:
                continue
            version = texts[end - 1]
            label = f"{entry.label}{sep}{version}"
            known = self.gazetteer.lookup(f"{doc[s:e].text}{sep}{version}") or self.gazetteer.lookup(label)
            if known is not None:
                out.append((s, end, known))
            elif not self._same_line_member(entry, version):
                out.append((s, end, Entry(label, entry.cls, entry.vendor, entry.label,
                                          aliases=(f"{doc[s:e].text}{sep}{version}",))))
        for i, text in enumerate(texts):  # "GLM-5.5", one token: a known name, a hyphen, a version
            m = _GLUED_VERSION.match(text)
            if m is None or any(s <= i < e for s, e, _ in found):
                continue
            base = self.gazetteer.lookup(m.group(1))
            if base is None or base.cls not in {"AIModel", "Chip"}:
                continue
            known = self.gazetteer.lookup(text)
            out.append((i, i + 1, known or Entry(f"{base.label}-{m.group(2)}", base.cls, base.vendor, base.label,
                                                 aliases=(text,))))
        return out

    def _same_line_member(self, entry: Entry, version: str) -> bool:
        """Whether ``version`` is already part of the known name ("Llama 3" + "3")."""
        return entry.label.lower().endswith(version.lower())

    def _bare_sizes(self, texts: list[str], chosen) -> list[tuple[int, int, Entry]]:
        """"the 8B and 70B models", "The 405B model": a bare size names a member of the family last sized.

        After "Llama 3.1 405B" a size written alone ("70B") before a model noun,
        directly or through a coordination, is the same family at that size.
        """
        covered = {t for s, e, _ in chosen for t in range(s, e)}
        sized = sorted((s, entry) for s, e, entry in chosen
                       if entry.cls == "AIModel" and re.search(r"\s\d+(?:\.\d+)?[BMT]$", entry.label))
        if not sized:
            return []
        out = []
        n = len(texts)
        for i, text in enumerate(texts):
            if i in covered or not _SIZE.match(text):
                continue
            j = i + 1  # "8B and 70B models": follow the coordination to the noun
            while j + 1 < n and texts[j].lower() in {"and", "or", ","} and _SIZE.match(texts[j + 1]):
                j += 2
            if j >= n or texts[j].lower() not in {"model", "models", "version", "versions", "variant",
                                                  "variants", "checkpoint", "checkpoints"}:
                continue
            known = self._known_size(text.upper(), [entry for s, _e, entry in chosen
                                                    if s < i and entry.cls == "AIModel"])
            if known is not None:  # "the 27B model" after "Gemma 2": the family that has that size
                out.append((i, i + 1, known))
                continue
            prev = [entry for s, entry in sized if i - 25 <= s < i]  # "Llama 3.1 405B and the 70B model"
            if not prev:
                continue  # a size far from any sized name: unknown which family it belongs to
            base = prev[-1]
            family = base.family or re.sub(r"\s\d+(?:\.\d+)?[BMT]$", "", base.label)
            label = f"{family} {text.upper()}"
            known = self.gazetteer.get(label)
            out.append((i, i + 1, known if known is not None else Entry(label, "AIModel", base.vendor, family)))
        return out

    def _known_size(self, size: str, models: list[Entry]) -> Entry | None:
        """The gazetteer's member of that size of the most recently named model family that has one."""
        for entry in reversed(models):
            for family in (entry.label, entry.family):
                if not family:
                    continue
                family = re.sub(r"[\s-]\d+(?:\.\d+)?[BMT]$", "", family)
                for label in (f"{family} {size}", f"{family}-{size}"):
                    known = self.gazetteer.lookup(label)
                    if known is not None and known.cls == "AIModel":
                        return known
        return None

    @staticmethod
    def _sized_models(texts: list[str], found) -> list[tuple[int, int, Entry]]:
        """"Llama 3.1 70B": a known model followed by a parameter size is a sized member of it."""
        out = []
        for s, e, entry in found:
            if entry.cls != "AIModel" or e >= len(texts):
                continue
            hyphen = texts[e] == "-" and e + 1 < len(texts)
            size = texts[e + 1] if hyphen else texts[e]
            if not _SIZE.match(size) or re.search(r"\d+(?:\.\d+)?[BMT]$", entry.label):
                continue  # no size, or already sized
            size = size.upper()
            end = e + 2 if hyphen else e + 1
            label = f"{entry.label}-{size}" if hyphen else f"{entry.label} {size}"
            out.append((s, end, Entry(label, "AIModel", entry.vendor, entry.label)))
        return out

    def _hyphen_sized(self, texts: list[str], found) -> list[tuple[int, int, Entry]]:
        """"Qwen2.5-72B" written as one token: a known model plus a size."""
        covered = {t for s, e, _ in found for t in range(s, e)}
        out = []
        for i, text in enumerate(texts):
            m = _HYPHEN_SIZE.match(text)
            if i in covered or not m:
                continue
            base = self.gazetteer.lookup(m.group(1))
            if base is not None and base.cls == "AIModel":
                out.append((i, i + 1, Entry(f"{base.label}-{m.group(2).upper()}", "AIModel", base.vendor, base.label)))
        return out

    @staticmethod
    def _licences(texts: list[str]) -> list[tuple[int, int, Entry]]:
        """Licence names: capitalised words ending in "License" / "Licence" (+ "Agreement")."""
        out = []
        for i, text in enumerate(texts):
            if text not in {"License", "Licence"}:
                continue
            end = i + 2 if i + 1 < len(texts) and texts[i + 1] == "Agreement" else i + 1
            start = i
            while start > 0 and i - start < 4 and (texts[start - 1][:1].isupper() or
                                                   re.fullmatch(r"\d+(?:\.\d+)*", texts[start - 1])):
                start -= 1
            if start == i or texts[start] in {"The", "A", "An", "This", "Its", "Their"}:
                if start == i or start + 1 == i:
                    continue
                start += 1
            name = " ".join(texts[start:end])
            out.append((start, end, Entry(name, "License")))
        return out

    def _short_forms(self, doc: Doc, texts: list[str], chosen) -> list[tuple[int, int, Entry]]:
        """Codes seen as part of a longer name earlier in the doc ("950PR" after "Ascend 950PR")."""
        short: dict[str, Entry] = {}
        for s, e, entry in chosen:
            for name in (entry.label, doc[s:e].text):
                last = name.split()[-1] if " " in name else ""
                if last and any(c.isdigit() for c in last) and key(last) != key(name):
                    short.setdefault(key(last), entry)
        if not short:
            return []
        covered = {t for s, e, _ in chosen for t in range(s, e)}
        out = []
        n = len(texts)
        for i, text in enumerate(texts):
            if i in covered:
                continue
            k = key(text)
            entry = short.get(k) or (short.get(k[:-1]) if text.endswith("s") else None)
            if entry is None:
                continue
            if text.isdigit():  # a bare number is a name only in a name's position
                prev = texts[i - 1].lower() if i else ""
                nxt = texts[i + 1].lower() if i + 1 < n else ""
                if prev in {"$", "about", "around", "roughly", "of", "to", "from", "nearly", "over", "some"}:
                    continue
                if nxt and nxt[0].isalpha() and nxt not in {"family", "series", "chip", "chips", "line",
                                                           "generation", "rather", "and", "or", "is",
                                                           "was", "launched", "shipped", "parts"}:
                    continue
            out.append((i, i + 1, entry))
        return out


def _look_like_a_name(lex) -> None:
    """Give a name's lexeme the prefix, suffix and shape features of a plain proper noun.

    The tagger reads NORM, PREFIX, SUFFIX and SHAPE; a merged name such as
    ``DeepSeek-V4-Pro`` has a shape it never saw in training and gets odd tags
    (CC, CD). Names are names: they should look like one.
    """
    if lex.shape_ != "Xxxxx":
        lex.prefix_ = "G"
        lex.suffix_ = "gle"
        lex.shape_ = "Xxxxx"


def _longest_first(found):
    """Non-overlapping spans, longest first, then leftmost."""
    taken: set[int] = set()
    out = []
    for s, e, entry in sorted(found, key=lambda x: (-(x[1] - x[0]), x[0])):
        if any(t in taken for t in range(s, e)):
            continue
        taken.update(range(s, e))
        out.append((s, e, entry))
    return sorted(out, key=lambda x: x[0])


@Language.factory("kg_entity_ruler", assigns=["doc.ents", "token.is_sent_start"])
def make_entity_ruler(nlp: Language, name: str):
    """spaCy factory for :class:`EntityRuler` over the project gazetteer."""
    return EntityRuler()


# --------------------------------------------------------------------------- mentions
@dataclass
class Mention:
    """One mention of an entity in a parsed doc (one token after the ruler's merge).

    ``label`` is None for a pronoun or definite description until resolved.
    """

    i: int  # token index of the mention's head
    start: int
    end: int
    label: str | None
    cls: str
    text: str
    source: str  # "gazetteer", "shape", "ner", "coref"
    accepts: frozenset = frozenset()  # for coref mentions: the classes it may refer to
    antecedents: list = field(default_factory=list)  # for coref mentions: candidates, nearest first

    def resolve(self, classes) -> Mention | None:
        """This mention, or for a coref mention its nearest antecedent of one of ``classes``."""
        if self.source != "coref":
            return self if self.cls in classes else None
        wanted = {_coarse(c) for c in classes}
        for ante in self.antecedents:
            if not self.accepts or ante.cls in self.accepts:
                if _coarse(ante.cls) in wanted:  # nearest of the right kind; then its exact class must fit
                    return ante if ante.cls in classes else None
        if self.accepts and self.accepts <= ORG_CLASSES and self.text.lower() not in PRONOUNS:
            for ante in self.antecedents:  # "the lab" may be an organisation of another role
                if ante.cls in classes and ante.cls in ORG_CLASSES:
                    return ante
        return None


def _coarse(cls: str) -> str:
    """Organisation roles collapse to one kind for coreference."""
    return "ORG" if cls in ORG_CLASSES else cls


_ORG_SUFFIX = re.compile(r"(?:,?\s+(?:Inc|Corp|Corporation|Ltd|LLC|Co|PBC|Group Holding Ltd|Holdings Ltd|Holdings|plc|AG|SA)\.?)+$")


def clean_org_name(text: str) -> str:
    """An organisation's name without "the", possessive and legal suffix.

    >>> clean_org_name("the Microsoft Corp.'s")
    'Microsoft'
    """
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    text = re.sub(r"(?:\s+(?:and|or|&)|[,;:])+$", "", text).strip()  # "Atreides Management and"
    text = re.sub(r"['’]s$", "", text).strip()
    return _ORG_SUFFIX.sub("", text).strip() or text


@register("kg.mentions.v1")
class MentionFinder:
    """List the mentions of a parsed doc and resolve pronouns and definite descriptions."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer if gazetteer is not None else default_gazetteer()

    def __call__(self, doc: Doc) -> list[Mention]:
        mentions: list[Mention] = []
        taken: set[int] = set()
        for ent in doc.ents:
            if ent.kb_id_:
                mentions.append(Mention(ent.root.i, ent.start, ent.end, ent.kb_id_, ent.label_, ent.text,
                                        "gazetteer"))
                taken.update(range(ent.start, ent.end))
        for ent in doc.ents:
            if ent.kb_id_ or ent.label_ != "ORG" or any(t in taken for t in range(ent.start, ent.end)):
                continue
            name = clean_org_name(ent.text)
            if not name or not name[0].isupper() or len(name) < 2 or name.lower() in _NOT_ORGS \
                    or name.lower() in CHIP_NOUNS | MEMORY_NOUNS | MODEL_NOUNS:
                continue
            entry = self.gazetteer.lookup(name)
            label, cls = (entry.label, entry.cls) if entry else (name, "Organization")
            mentions.append(Mention(ent.root.i, ent.start, ent.end, label, cls, ent.text, "ner"))
            taken.update(range(ent.start, ent.end))
        mentions += self._coref(doc, taken)
        mentions.sort(key=lambda m: m.i)
        self._link(mentions, doc)
        self._prefer_members(mentions, doc)
        return mentions

    def _prefer_members(self, mentions: list[Mention], doc: Doc) -> None:
        """"the WSE-3, the third-generation Wafer Scale Engine ... the chip": a description
        refers to the member just named, not to its family named beside it."""
        sent_of = None
        for m in mentions:
            if m.source != "coref" or len(m.antecedents) < 2 or m.text.lower() in PRONOUNS:
                continue
            fitting = [a for a in m.antecedents if not m.accepts or a.cls in m.accepts]
            if len(fitting) < 2:
                continue
            first = fitting[0]
            if sent_of is None:
                sent_of = _sentence_starts(doc)
            for other in fitting[1:]:
                if sent_of[other.i] != sent_of[first.i] or other.label == first.label:
                    continue
                if self._member_of(other.label, first.label):
                    m.antecedents = [other] + [a for a in m.antecedents if a is not other]
                    break

    def _member_of(self, member: str | None, family: str | None) -> bool:
        cur = member
        for _ in range(4):
            entry = self.gazetteer.get(cur) if cur else None
            if entry is None or not entry.family:
                return False
            if entry.family == family:
                return True
            cur = entry.family
        return False

    @staticmethod
    def _coref(doc: Doc, taken: set[int]) -> list[Mention]:
        out = []
        for tok in doc:
            low = tok.lower_
            hyphened = low == "up" and tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "start"
            if hyphened:  # "the start-up", split by the tokenizer into "start", "-", "up"
                low = "start-up"
            if low not in _COREF_WORDS or tok.i in taken:
                continue
            if low in PRONOUNS and tok.tag_ in {"PRP", "PRP$"}:
                accepts = ORG_CLASSES if low in {"its", "their"} else ORG_CLASSES | {"Chip", "AIModel"}
                out.append(Mention(tok.i, tok.i, tok.i + 1, None, "", tok.text, "coref", frozenset(accepts)))
                continue
            if low == "both" and tok.dep_ in {"nsubj", "nsubjpass"} and not any(c.dep_ == "prep" for c in tok.children):
                # "..., but both still buy Nvidia GPUs": the two names just coordinated
                out.append(Mention(tok.i, tok.i, tok.i + 1, None, "", tok.text, "coref",
                                   frozenset(ORG_CLASSES | {"Chip", "AIModel"})))
                continue
            if tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ in {"attr", "compound", "npadvmod"}:
                continue
            dets = [c for c in tok.children if c.dep_ == "det" and c.lower_ in COREF_DETERMINERS]
            if not dets and low in _PRODUCT_NOUNS and all(  # "its model", "their chips": the product talked about
                    c.dep_ in {"poss", "punct"} or c.dep_ == "amod" and c.lower_ in _PLAIN_ADJECTIVES
                    for c in tok.children if c.i < tok.i):
                dets = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in {"its", "their"}]
            if not dets:
                continue
            mods = [c for c in tok.children if c.dep_ in {"compound", "nmod", "poss", "nummod", "quantmod"}
                    and c not in dets and not (hyphened and c.i == tok.i - 2)]
            if low in _CHIP_REFERENCES:  # "the compute dies", "the base die": parts of the chip talked about
                mods = [c for c in mods if not (c.dep_ in {"compound", "nmod"} and c.i not in taken
                                                and c.pos_ == "NOUN" and c.text.islower())]
            if mods or any(c.dep_ == "amod" and (c.tag_ in {"JJS"} or c.lower_ in _NOT_ANAPHORIC)
                           for c in tok.children):
                continue  # "the Ascend 910C chip", "the first frontier model", "the largest lab"
            if any(c.dep_ in {"appos", "relcl", "acl"} and c.i > tok.i for c in tok.children) and low not in ORG_NOUNS:
                continue
            if low in _CHIP_REFERENCES and any(c.dep_ == "prep" and any(
                    w.ent_type_ == "MemoryTechnology" or w.lower_ in MEMORY_NOUNS for w in c.subtree)
                    for c in tok.children):
                continue  # "the base dies for SK hynix's HBM4": parts of the memory, not the chip
            if low in ORG_NOUNS:
                accepts = frozenset({"Lab"}) if low in {"lab", "laboratory"} \
                    else frozenset({"Foundry"}) if low == "foundry" else ORG_CLASSES
            elif low in _CHIP_REFERENCES:
                accepts = frozenset({"Chip"})
            elif low in {"model", "chatbot", "llm"} or low == "models" and tok.dep_ in {"nsubj", "nsubjpass"}:
                accepts = frozenset({"AIModel"})
            elif low == "flagship":  # "the flagship": the model or chip the article leads with
                accepts = frozenset({"AIModel", "Chip"})
            else:
                continue
            start = min(c.i for c in dets)
            out.append(Mention(tok.i, start, tok.i + 1, None, "", doc[start:tok.i + 1].text, "coref", accepts))
        return out

    @staticmethod
    def _link(mentions: list[Mention], doc: Doc) -> None:
        """Give each coref mention its antecedents, nearest first.

        Pronouns look back to the start of the previous sentence and only at
        arguments (subjects, objects, possessors), never at the subject of their
        own clause ("Huawei is producing it": "it" is not Huawei). Definite
        descriptions look back further (about 400 tokens).
        """
        named: list[Mention] = []  # names, and pronouns already resolved (a chain: "X ... it ... its")
        sent_of = _sentence_starts(doc) if any(m.source == "coref" for m in mentions) else []
        for m in mentions:
            if m.source != "coref":
                named.append(m)
                continue
            tok = doc[m.i]
            start = sent_of[m.i]
            pronoun = m.text.lower() in PRONOUNS | {"both"}
            if pronoun:
                limit = sent_of[start - 1] if start > 0 else start
            else:
                limit = max(0, start - 400)
            own_subject = _clause_subject(tok) if m.text.lower() in {"it", "they"} else None
            fronted = _fronted_adjunct(tok) if pronoun else set()
            cands = []
            for ante in reversed(named):
                if ante.i < limit:
                    break
                if own_subject is not None and ante.i == own_subject:
                    continue
                if ante.i in fronted:  # "Unlike the H100, it ...": not the thing it is set against
                    continue
                if pronoun and doc[ante.i].dep_ not in _ARGUMENT_DEPS:
                    continue
                if ante.source == "coref":  # for a pronoun, an earlier pronoun stands for what it refers to
                    if pronoun:
                        cands += [a for a in ante.antecedents if (not ante.accepts or a.cls in ante.accepts)
                                  and all(a.label != c.label for c in cands)]
                    continue
                cands.append(ante)
            if not pronoun and m.text.lower().split()[0] in {"that", "this", "these", "those"}:
                pass  # "that model": the one just named, nearest first
            elif not pronoun:  # salience: by sentence, the subject of a sentence before other mentions
                sent_rank = {}
                for a in cands:
                    sent_rank.setdefault(sent_of[a.i], len(sent_rank))
                cands.sort(key=lambda a: (sent_rank[sent_of[a.i]], _salience(doc[a.i], m)))
            elif m.text.lower() == "its" and cands:
                _its_of_a_product(m, cands, doc)
                _subject_first(tok, cands)
            elif tok.dep_ in {"nsubj", "nsubjpass"}:  # a subject pronoun continues the topic: subjects first
                sent_rank = {}
                for a in cands:
                    sent_rank.setdefault(sent_of[a.i], len(sent_rank))
                cands.sort(key=lambda a: (sent_rank[sent_of[a.i]],
                                          0 if doc[a.i].dep_ in {"nsubj", "nsubjpass"} else 1))
            m.antecedents = cands
            if cands and m.text.lower() not in {"they", "their"}:
                named.append(m)


_NOT_ORGS = frozenset({
    "ai", "gpu", "gpus", "cpu", "hbm", "llm", "api", "cuda", "fp8", "fp16", "bf16", "mxfp4", "moe", "rl",
    "hpc", "pflops", "tflops", "nm", "ram", "sram", "dram", "nvlink", "pcie", "sxm", "ceo", "cto", "cfo",
    "ipo", "soc", "asic", "npu", "tpu", "xpu", "rtx", "ml", "agi", "genai", "ai chip", "ai chips",
})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "attr", "appos", "conj", "ROOT"})
_NOT_ANAPHORIC = frozenset({"first", "last", "next", "only", "other", "another", "such", "future", "frontier",
                            "typical", "average", "open", "open-weight", "closed"})
_CHIP_REFERENCES = frozenset({"chip", "chips", "accelerator", "accelerators", "gpu", "gpus", "processor",
                              "processors", "part", "superchip", "npu", "tpu", "package", "die", "dies",
                              "silicon", "device", "module"})


_PRODUCT_NOUNS = frozenset({"chip", "chips", "accelerator", "accelerators", "gpu", "gpus", "processor",
                            "processors", "model", "models", "llm", "chatbot"})
_PLAIN_ADJECTIVES = frozenset({"new", "newest", "latest", "own", "flagship", "current", "main"})
_ASIDE_PREPS = frozenset({"alongside", "besides", "beside", "unlike", "like", "than", "including", "versus",
                          "against", "over", "vs", "vs.", "except", "plus"})
_DESCRIBING_NOUNS = {
    "Chip": frozenset({"chip", "chips", "accelerator", "accelerators", "gpu", "gpus", "processor", "processors",
                       "part", "superchip", "npu", "tpu", "asic", "silicon", "device"}),
    "AIModel": frozenset({"model", "models", "llm", "chatbot", "system", "release", "flagship"}),
}
# "its HBM2E memory", "its weights": what a chip or a model has, not what a company has
_PRODUCT_PARTS = frozenset({"memory", "bandwidth", "capacity", "die", "dies", "package", "packaging", "stacks",
                            "transistors", "weights", "parameters", "context",
                            "architecture", "design", "licence", "license", "training", "pre-training",
                            "post-training", "throughput", "performance", "compute", "interconnect"})


def _salience(tok, description: Mention) -> int:
    """How likely the name at ``tok`` is what a definite description in a later sentence refers to.

    0: the subject, or a name described by an apposition of the description's kind
    ("Maia 100, the in-house AI accelerator ..." for "the chip"); 1: any other argument;
    2: a name set aside in a comparison or list ("alongside the Cobalt 100 CPU", "unlike X").
    """
    if tok.dep_ in {"nsubj", "nsubjpass"}:
        return 0
    nouns = set().union(*(_DESCRIBING_NOUNS.get(c, frozenset()) for c in description.accepts))
    if any(c.dep_ == "appos" and c.lower_ in nouns for c in tok.children):
        return 0
    cur = tok
    for _ in range(4):
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        if cur.dep_ == "pobj" and cur.head.lower_ in _ASIDE_PREPS:
            return 2
        if cur.dep_ == "pobj" and cur.head.lower_ in {"with", "to"} and cur.head.head.lower_ in {
                "compared", "compares", "compare", "comparing", "comparable", "competitive", "rivalling", "rivaling"}:
            return 2  # "compared gpt-oss-120b with o4-mini": the yardstick
        break
    return 1


def _subject_first(tok, cands: list[Mention]) -> None:
    """"AMD, Nvidia's closest rival, has said its MI400 will ...": a possessive pronoun in a clause
    governed by a named subject refers to that subject before a nearer possessor."""
    for a in tok.ancestors:
        subj = next((c for c in a.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < tok.i), None)
        if subj is None:
            continue
        match = next((c for c in cands if c.i == subj.i), None)
        if match is not None and match.cls in ORG_CLASSES:
            cands.remove(match)
            cands.insert(0, match)
        return


def _its_of_a_product(m: Mention, cands: list[Mention], doc: Doc) -> None:
    """"Its HBM2E memory", "its weights": a possessive pronoun before a part of a product refers to
    the chip or model just talked about when that is the nearest argument, not only to organisations."""
    head = doc[m.i].head
    part = head.lower_ in _PRODUCT_PARTS or any(c.dep_ == "compound" and c.lower_ in _PRODUCT_PARTS
                                                 for c in head.children) or head.ent_type_ == "MemoryTechnology"
    if not part or any(c.dep_ in {"nsubj", "nsubjpass"} and c.i < m.i and c.ent_type_ and c.ent_type_ in ORG_CLASSES
                       for a in doc[m.i].ancestors for c in a.children):
        return  # "Microsoft did not say who makes its HBM2E stacks": the subject's
    products = [a for a in cands if a.cls in {"Chip", "AIModel"}]
    if products and cands[0].cls != "MemoryVendor":  # "Micron said its HBM3E ...": the vendor's
        m.accepts = frozenset({products[0].cls})


def _sentence_starts(doc: Doc) -> list[int]:
    """For each token index, the index of the first token of its sentence."""
    out = [0] * len(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            out[i] = sent.start
    return out


_COREF_WORDS = PRONOUNS | ORG_NOUNS | frozenset({"both", 
    "chip", "chips", "accelerator", "accelerators", "gpu", "gpus", "processor", "processors", "part",
    "superchip", "npu", "tpu", "model", "models", "chatbot", "llm", "package", "die", "dies", "silicon", "device",
    "module", "flagship"})


def _fronted_adjunct(tok) -> set[int]:
    """Token indices of the subject-less adjuncts before a subject pronoun's own clause.

    "Derived from the Hopper architecture, it ...", "Like other Hopper parts, it ...":
    the pronoun names the thing those phrases describe, never a name inside them.
    """
    if tok.dep_ not in {"nsubj", "nsubjpass"}:
        return set()
    out: set[int] = set()
    for c in tok.head.children:
        if c.i >= tok.i:
            continue
        if c.dep_ == "prep" or c.dep_ == "advcl" and c.tag_ in {"VBN", "VBG"} and not any(
                cc.dep_ in {"nsubj", "nsubjpass"} for cc in c.children):
            out.update(t.i for t in c.subtree)
    return out


def _clause_subject(tok) -> int | None:
    head = tok.head
    if tok.dep_ in {"dobj", "pobj", "attr"}:
        verb = head if head.pos_ in {"VERB", "AUX"} else head.head
        for c in verb.children:
            if c.dep_ in {"nsubj", "nsubjpass"}:
                return c.i
    return None


__all__ = [
    "ORG_CLASSES", "Entry", "Gazetteer", "default_gazetteer", "EntityRuler", "Mention",
    "MentionFinder", "key", "is_org", "clean_org_name", "make_entity_ruler",
]
