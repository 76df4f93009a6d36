"""The domain entity ruler: gazetteer names, names recognised from their shape, new versions.

:class:`EntityRuler` (spaCy factory ``kg_entity_ruler``, registry name
``kg.entity_ruler.v1``) runs *before* the tagger, parser and NER, which mislabel
most names of this domain. It finds gazetteer names, product codes and versioned
model names next to chip or model words and ``<Vendor> <code>`` patterns, sizes
("Llama 3.1 70B", "the 8B and 70B models") and new versions of known lines
("ERNIE 5.5", "GLM-5.5"); merges each name into one token (so the parser sees one
proper noun instead of ``V4 - Pro``) and sets ``doc.ents`` with the class as label
and the canonical name as ``kb_id``.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extractors import register
from ingest.extractors.entities import (
    CAMEL_NAME, CHIP_NOUNS, Entry, Gazetteer, MODEL_NOUNS, ORG_CLASSES, _SIZE, _VERSION_TAIL, default_gazetteer,
    key,
)
from ingest.extractors.figures import size_in_name
from ingest.extractors.lexicon import SYSTEM_NOUNS, TIERS


_CODE = re.compile(r"^(?:[A-Z]{1,4}-?)?\d{2,5}[A-Z]{0,4}$")

_PLURAL_CODE = re.compile(r"^(?:[A-Z]{1,4}-?)?\d{2,5}[A-Z]{0,4}s$")

_BARE_CODE = re.compile(r"^[A-Z]{1,2}\d{1,4}[A-Z]?$")  # "A18", "M3", "H20", "X2": a code with no name before it
#: Nouns after a bare code that make it the name of something other than a chip ("its A2 virtual machines").
_NOT_CHIP_HEADS = frozenset({"virtual", "vm", "vms", "instance", "instances", "machine", "machines", "motorway",
                             "road", "highway", "engine", "engines", "car", "cars", "sedan", "truck", "rifle",
                             "camera", "cameras", "lens", "satellite", "satellites", "rocket", "missile", "tank",
                             "aircraft", "jet", "plane", "drone", "phone", "phones", "smartphone", "paper", "size",
                             "format", "sheet", "protocol", "standard", "visa", "license", "licence"})
_LINE_NUMBER = re.compile(r"^\d{1,2}[A-Z]?$")  # "6", "6P" in "Journey 6P"
_SHORT_CODE = re.compile(r"^[A-Z]{2,4}\d$")  # "AI5", "TPU7": two or more capitals and one digit

_VERSIONED = re.compile(r"^[A-Z][A-Za-z]{1,15}-\d+(?:\.\d+)?[A-Za-z]{0,6}$")

_MODEL_VERSION = re.compile(r"^[A-Z]?\d+(?:\.\d+)*[A-Za-z]{0,3}$")

_VERB_CONTEXT = frozenset({"to", "will", "would", "could", "may", "might", "not", "never", "can", "must",
                           "who", "he", "she", "they", "i", "we", "you"})

_FUNCTION_WORDS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his",
                             "her", "each", "both", "all", "every", "some", "any", "no", "only", "another"})

_VERSION_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")

_GLUED_VERSION = re.compile(r"^([A-Za-z][A-Za-z]{1,15})-(\d+(?:\.\d+)*[A-Za-z]?)$")

_YEAR = re.compile(r"^(?:19|20)\d\d$")

#: Tiers distinctive enough to name a model alone right after its line is named ("Scout and Maverick").
#: Tier words that name a checkpoint of any model, versioned or not ("DBRX Instruct"), unlike a product
#: tier of an unversioned name ("Le Chat Pro").
_CHECKPOINTS = frozenset({"Base", "Instruct", "Chat"})
#: Tier words no sentence opens with in another sense ("Flash memory", "Ultra-fast" do).
_POETIC_TIERS = frozenset({"Haiku", "Sonnet", "Opus", "Scout", "Maverick", "Behemoth"})
_BARE_TIERS = frozenset({"Haiku", "Sonnet", "Opus", "Scout", "Maverick", "Behemoth", "Flash", "Ultra", "Nano"})

_UNIT_WORDS = frozenset({"gb", "tb", "mb", "nm", "%", "percent", "times", "x", "chips", "gpus", "accelerators",
                         "billion", "million", "trillion", "thousand", "tokens", "w", "watts", "per", "of", "kw",
                         "mw", "gw", "days", "weeks", "months", "years", "hours", "cards", "servers", "nodes"})

_HYPHEN_SIZE = re.compile(r"^(.+?)-(\d+(?:\.\d+)?[BbMT]|\d+[Bb]\d)$")  # ("BLOOM-7b1": 7.1 billion)

_NORM_FOR_NAMES = "google"  # a frequent proper noun: what the tagger sees for a merged name

_MAX_TOKENS = 7


#: The words a licence is called by.
_LICENCE_WORDS = frozenset({"licence", "license", "licences", "licenses"})


@register("kg.entity_ruler.v1")
class EntityRuler:
    """Find domain names in a tokenised doc, merge each into one token, set ``doc.ents``.

    Runs before the tagger: it sees only tokens. Names are matched on the
    normalised key over windows of up to seven tokens (so hyphenation and
    spacing do not matter); single capitalised words match only capitalised.
    """

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer if gazetteer is not None else default_gazetteer()
        self._lines: set[str] | None = None  # labels the gazetteer lists members of

    def prepare_vocab(self, vocab) -> None:
        """Give every one-word name of the gazetteer the look of a proper noun once, up front, so that the
        tagging of a document never depends on which documents were read before it."""
        for entry in self.gazetteer.entries.values():
            for surface in (entry.label, *entry.aliases):
                if surface and " " not in surface:
                    _look_like_a_name(vocab[surface])

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
        ents, merged, removed = [], set(), 0
        for start, end, label, cls in spans:
            new_start = start - removed
            removed += end - start - 1
            ents.append(Span(doc, new_start, new_start + 1, label=cls, kb_id=label))
            if end - start > 1:
                merged.add(new_start)
        for ent in ents:
            tok = doc[ent.start]
            tok.norm_ = _NORM_FOR_NAMES
            if ent.start in merged:
                # only a merged name's own lexeme: its text never occurs unmerged, so changing the shared
                # vocabulary cannot change how a later document's ordinary tokens are tagged
                _look_like_a_name(doc.vocab[tok.text])
            nxt = ent.start + 1
            if nxt < len(doc) and doc[nxt].lower_ in {"die", "dies"}:
                doc[nxt].norm_ = "chips"  # "TSMC die" is silicon, not a verb
            if nxt < len(doc) and doc[nxt].lower_ == "ships":
                doc[nxt].norm_ = "launches"  # "the H200 ships in October" is a verb, not boats
            if nxt < len(doc) and doc[nxt].lower_ == "rents":
                doc[nxt].norm_ = "buys"  # "Google Cloud rents H100s" is a verb, not payments
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
                if j > i and keys[i] in {"a", "an"}:
                    break  # "a 40-core GPU", "A 30-billion-parameter model": an article, not "A40" or "A30"
                alias = gaz._alias(surface)
                if alias is not None:
                    found.append((i, j + 1, alias.entry))
                elif j > i and "-" in texts[j] and not doc[j - 1].whitespace_:
                    sized = self._split_sized(doc[i:j].text + texts[j].split("-", 1)[0], texts[j].split("-", 1)[1])
                    if sized is not None:  # "Janus-Pro-7B", tokenised "Janus", "-", "Pro-7B"
                        found.append((i, j + 1, sized))
        found += _financial_arms(texts, found)
        shapes = self._shapes(doc, texts, found)
        found += shapes
        found += _shapes_elsewhere(texts, shapes, found)
        found += self._new_versions(doc, texts, found)
        found += self._family_compounds(texts, found)
        found += self._siblings(doc, texts, found)
        found += self._named_before_line(doc, texts, found)
        found += self._licences(texts)
        found += self._own_licences(texts)
        found += self._sized_models(texts, found)
        found += self._hyphen_sized(texts, found)
        chosen = _longest_first(found)
        chosen += self._bare_tiers(texts, chosen)
        chosen += self._short_forms(doc, texts, chosen)
        chosen += self._vendor_codes(texts, chosen)  # (after the short forms: "M1" after "MiniMax-M1" is the model)
        chosen = _longest_first(chosen)
        chosen = _longest_first(chosen + self._bare_sizes(texts, chosen))
        chosen = [self._with_unit(doc, texts, s, e, entry) for s, e, entry in chosen]
        return [(s, e, entry.label, entry.cls) for s, e, entry in chosen]

    def _with_unit(self, doc: Doc, texts: list[str], start: int, end: int, entry: Entry):
        """"SmolLM2 135M", "Phi-3-mini-128K", "BLOOM-560m": the unit the tokenizer cut off a new name's last
        number."""
        if entry.cls != "AIModel" or end >= len(texts) or texts[end] not in {"M", "B", "K", "T", "m", "k"} \
                or doc[end - 1].whitespace_ or not texts[end - 1][-1:].isdigit() \
                or self.gazetteer.lookup(entry.label) is not None:
            return start, end, entry
        return start, end + 1, dataclasses.replace(entry, label=entry.label + texts[end])

    def _split_sized(self, name: str, size: str) -> Entry | None:
        """A known model's name and a size the tokenizer cut apart ("Janus-Pro" + "7B"), as the sized member."""
        entry = self.gazetteer.lookup(name)
        if entry is None or entry.cls != "AIModel" or not _SIZE.match(size):
            return None
        return Entry(f"{entry.label}-{size.upper()}", "AIModel", entry.vendor, entry.label)

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
                named_before = i > 0 and texts[i - 1][:1].isupper() and texts[i - 1].isalpha()  # "Zhenwu 810E"
                cls = "Chip" if nxt in CHIP_NOUNS or not named_before and (
                    _purpose_chip(texts, i + 1) or _coordinated_code_chip(texts, i + 1)) \
                    else "AIModel" if nxt in MODEL_NOUNS else None
                if cls is None and nxt == ",":  # "AI4, the chip in Tesla's cars": a described code
                    cls = _described_as(texts, i + 2)
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
                known = self.gazetteer.lookup(f"{name} chip") if cls == "Chip" and prev_vendor is None else None
                if known is not None and known.cls == "Chip":  # "AI5 and AI6 inference chips": "AI5 chip" is known
                    out.append((start, i + 1, known))
                    continue
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
            elif text[:1].isupper() and text.isalpha() and (
                    nxt == "," and _described_system(texts, i + 2)
                    or nxt in {"system", "machine", "exascale"} and i > 0 and texts[i - 1].lower() == "the") \
                    and (system := self.gazetteer.lookup(f"{text} supercomputer")) is not None:
                # "Frontier, the system at Oak Ridge", "the JUPITER system": the supercomputer the gazetteer
                # knows by that name
                out.append((i, i + 1, system))
            elif CAMEL_NAME.match(text) and nxt == "," and _described_as(texts, i + 2):
                # "AlphaFold, the protein-structure model built by ...": a CamelCase name described
                out.append((i, i + 1, Entry(text, _described_as(texts, i + 2))))
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
            glued = _glued_run(doc, e) if entry.cls == "AIModel" and not doc[e - 1].whitespace_ else e
            if texts[glued - 1].lower() in {"high", "low", "medium"}:
                glued = e  # "o3-mini-high": a reasoning-effort setting of the model, not another model
            if glued > e + 2 or (glued == e + 2 and not _VERSION_TAIL.match(texts[e + 1])):
                # "DeepSeek-V3.1-Base", "Phi-3-mini-4k-instruct": a checkpoint named after a known model
                surface = doc[s:glued].text
                known = self.gazetteer.lookup(surface)
                if known is None or known.cls == "AIModel":
                    prefix = self.gazetteer.model_prefix(surface) if known is None else None
                    out.append((s, glued, known or Entry(surface, "AIModel", entry.vendor,
                                                         prefix.label if prefix is not None else entry.label)))
                continue
            if texts[e] == "-" and e + 1 < n and not doc[e].whitespace_ and _VERSION_TAIL.match(texts[e + 1]):
                end, sep = e + 2, "-"
            elif entry.cls == "AIModel" and doc[e - 1].whitespace_ and re.fullmatch(r"\d{1,4}", texts[e]) \
                    and e + 2 < n and texts[e + 1] == "-" and texts[e + 2].lower() in {"billion", "trillion"}:
                # "Llama 2 70-billion-parameter model": the sized member, "Llama 2 70B"
                size = texts[e] + ("B" if texts[e + 2].lower() == "billion" else "T")
                label = f"{entry.label} {size}"
                out.append((s, e + 1, self.gazetteer.lookup(label) or Entry(label, "AIModel", entry.vendor,
                                                                            entry.label)))
                continue
            elif doc[e - 1].whitespace_ and _VERSION_NUMBER.match(texts[e]) and not _YEAR.match(texts[e]) \
                    and not (e + 1 < n and texts[e + 1].lower() in _UNIT_WORDS) \
                    and not (e + 2 < n and texts[e + 1] == "-" and texts[e + 2].lower() in _UNIT_WORDS):
                end, sep = e + 1, " "
            elif entry.cls == "Chip" and not any(ch.isdigit() for ch in entry.label) and doc[e - 1].whitespace_ \
                    and re.fullmatch(r"[A-Z]{1,3}\d{1,5}[A-Z]?", texts[e]) and self.gazetteer.lookup(texts[e]) is None:
                end, sep = e + 1, " "  # "Jetson T5000": a coded member of a chip line
            elif doc[e - 1].whitespace_ and texts[e] in TIERS and not entry.label.endswith(texts[e]) \
                    and (any(ch.isdigit() for ch in entry.label) or entry.cls == "AIModel" and texts[e] in _CHECKPOINTS) \
                    and not (e + 1 < n and _VERSION_NUMBER.match(texts[e + 1])):  # not "Gemini Pro 1.5"
                end, sep = e + 1, " "  # "Gemini 2.0 Pro": a tier of a known line
                if e + 2 < n and texts[e + 1] == "-" and texts[e + 2] in TIERS and not doc[e].whitespace_:
                    end = e + 3  # "Gemini 2.0 Flash-Lite"
            if end is None:
                continue
            if sep == " " and end < n and texts[end] in TIERS and doc[end - 1].whitespace_ \
                    and _VERSION_NUMBER.match(texts[e]):
                end += 1  # "Claude 3.5 Opus": a new version and its tier
            version = doc[e:end].text if sep == " " else texts[end - 1]
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
            end, version = i + 1, m.group(2)
            if i + 1 < n and texts[i + 1] in {"M", "B"} and not doc[i].whitespace_ and version.isdigit():
                end, version, text = i + 2, version + texts[i + 1], text + texts[i + 1]  # "OpenELM-270" + "M"
            known = self.gazetteer.lookup(text)
            out.append((i, end, known or Entry(f"{base.label}-{version}", base.cls, base.vendor, base.label,
                                               aliases=(text,))))
        for s, e, entry in found:  # "FLUX.1 [dev]": a variant named in brackets after the model
            if entry.cls == "AIModel" and e + 2 < n and texts[e] == "[" and texts[e + 2] == "]" \
                    and re.fullmatch(r"[a-z][a-z-]{1,11}", texts[e + 1]):
                out.append((s, e + 3, Entry(f"{entry.label} [{texts[e + 1]}]", "AIModel", entry.vendor, entry.label)))
        return out

    def _bare_tiers(self, texts: list[str], chosen) -> list[tuple[int, int, Entry]]:
        """"Claude 3, a family of three models: Haiku, Sonnet and Opus": a tier word alone after a
        versioned model names that model's tier, when the gazetteer knows the pair."""
        covered = {t for s, e, _ in chosen for t in range(s, e)}
        models = sorted((s, entry) for s, e, entry in chosen if entry.cls == "AIModel"
                        and any(ch.isdigit() for ch in entry.label))
        out = []
        for i, text in enumerate(texts):
            if i in covered or text not in _BARE_TIERS:
                continue
            first_word = i == 0 or not texts[i - 1][:1].isalpha() and texts[i - 1] not in {",", ":"}
            full = [entry for s, entry in models if s < i and entry.label.endswith(" " + text)]
            if full and (text in _POETIC_TIERS or not first_word):
                out.append((i, i + 1, full[-1]))  # "Opus and Sonnet became available": named in full before
                continue
            if first_word:
                continue
            before = [entry for s, entry in models if i - 30 <= s < i]
            if not before:
                continue
            base = before[-1]
            for family in (base.label, base.family):
                if not family or not any(ch.isdigit() for ch in family):
                    continue  # "Gemini" + "Ultra" would guess the generation
                known = self.gazetteer.lookup(f"{family} {text}")
                if known is not None and known.cls == "AIModel":
                    out.append((i, i + 1, known))
                    break
        return out

    def _vendor_codes(self, texts: list[str], chosen) -> list[tuple[int, int, Entry]]:
        """"the A18 Pro ... the A18", "the successor to the M3": in an article that names a chip maker (or one of
        its chips), a bare product code is that maker's chip when the gazetteer knows "<maker> <code>"; so is a
        line word and a number ("the Journey 6" when the gazetteer knows "Horizon Robotics Journey 6")."""
        makers = {entry.vendor for _, _, entry in chosen if entry.cls == "Chip" and entry.vendor} | {
            entry.label for _, _, entry in chosen if entry.cls in ORG_CLASSES}
        if not makers:
            return []
        covered = {t for s, e, _ in chosen for t in range(s, e)}
        out = []
        for i, text in enumerate(texts):
            nxt = texts[i + 1] if i + 1 < len(texts) else ""
            if i in covered or not _BARE_CODE.match(text) or nxt == "-" or nxt.lower() in _NOT_CHIP_HEADS \
                    or i - 1 in covered \
                    or i and (texts[i - 1][:1].isupper() or _CODE.match(texts[i - 1])) \
                    and texts[i - 1] not in {"The", "A", "An"}:
                continue  # not "its A2 virtual machines", "the M3 motorway", "the Ascend 800I A2"
            known = [entry for maker in makers if (entry := self.gazetteer.lookup(f"{maker} {text}")) is not None
                     and entry.cls == "Chip" and entry.vendor == maker]
            if len(known) == 1:
                out.append((i, i + 1, known[0]))
        for i in range(1, len(texts)):  # "the Journey 6" in an article about Horizon Robotics: a line and a number
            word, number = texts[i - 1], texts[i]
            if i in covered or i - 1 in covered or not _LINE_NUMBER.match(number) or not word.isalpha() \
                    or not word[:1].isupper() or word in {"The", "A", "An"} \
                    or i + 1 < len(texts) and texts[i + 1] == "-":
                continue
            known = [entry for maker in makers if (entry := self.gazetteer.lookup(f"{maker} {word} {number}"))
                     is not None and entry.cls in {"Chip", "AIModel"} and entry.vendor == maker]
            if len(known) == 1:
                out.append((i - 1, i + 1, known[0]))
        return out

    def _named_before_line(self, doc: Doc, texts: list[str], found) -> list[tuple[int, int, Entry]]:
        """"the Bow IPU", "a Colossus IPU": a capitalised word right before the name of a chip line (one the
        gazetteer lists members of) names a member of that line."""
        if self._lines is None:
            self._lines = {e.family for e in self.gazetteer.entries.values() if e.family}
        covered = {t for s, e, _ in found for t in range(s, e)}
        out = []
        for s, e, entry in found:
            if entry.cls != "Chip" or entry.label not in self._lines or e - s != 1 or s < 2:
                continue
            word = texts[s - 1]
            if s - 1 in covered or not re.fullmatch(r"[A-Z][a-z]{2,}", word) or word.lower() in _FUNCTION_WORDS \
                    or texts[s - 2].lower() not in {"the", "a", "an", "its", "their", ","} \
                    or not doc[s - 1].whitespace_:
                continue
            label = f"{word} {texts[s]}"
            out.append((s - 1, e, self.gazetteer.lookup(label) or Entry(label, "Chip", entry.vendor, entry.label)))
        return out

    def _siblings(self, doc: Doc, texts: list[str], found) -> list[tuple[int, int, Entry]]:
        """"Nova Micro, ...; Nova Canvas, which generates images": once a member of a line is named
        as "<line> <Tier>", the same line word followed by another capitalised word names another
        member of that line."""
        prefixes: dict[str, Entry] = {}
        for s, e, entry in found:
            if e - s == 2 and entry.cls == "AIModel" and entry.family and texts[e - 1][:1].isupper():
                family = self.gazetteer.get(entry.family)
                if family is not None:
                    prefixes.setdefault(texts[s], family)
        if not prefixes:
            return []
        covered = {t for s, e, _ in found for t in range(s, e)}
        out = []
        for i, text in enumerate(texts[:-1]):
            family = prefixes.get(text)
            nxt = texts[i + 1]
            if family is None or i in covered or i + 1 in covered or not doc[i].whitespace_ \
                    or not re.fullmatch(r"[A-Z][a-z]{2,}", nxt) or nxt.lower() in _FUNCTION_WORDS:
                continue
            known = self.gazetteer.lookup(f"{family.label} {nxt}")
            out.append((i, i + 2, known or Entry(f"{family.label} {nxt}", "AIModel", family.vendor, family.label,
                                                 aliases=(f"{text} {nxt}",))))
        return out

    def _family_compounds(self, texts: list[str], found) -> list[tuple[int, int, Entry]]:
        """"CodeGemma", "PaliGemma", "ShieldGemma": one CamelCase word built on a known one-word model
        line is a model of that line."""
        covered = {t for s, e, _ in found for t in range(s, e)}
        out = []
        for i, text in enumerate(texts):
            if i in covered or self.gazetteer.lookup(text) is not None:
                continue
            base = self.gazetteer.line_ending(text)
            if base is not None:
                out.append((i, i + 1, Entry(text, "AIModel", base.vendor, base.label)))
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
        if not any(entry.cls == "AIModel" for _s, _e, entry in chosen):
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
                                                  "variants", "checkpoint", "checkpoints", "size", "sizes",
                                                  "flavours", "flavors", "editions"}:
                continue
            if i > 0 and texts[i - 1].lower() == "own":
                continue  # "its own 67B model": not a size of the family named before
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
            if known is None and family in self._families_sized:
                continue  # "the 90B model" after "Llama 3.1 70B": the gazetteer knows Llama 3.1's sizes, not this one
            out.append((i, i + 1, known if known is not None else Entry(label, "AIModel", base.vendor, family)))
        return out

    @functools.cached_property
    def _families_sized(self) -> frozenset[str]:
        """The families the gazetteer knows members of by their sizes ("Llama 3.1 8B", "70B", "405B"): it is
        taken to list all of them."""
        return frozenset(e.family for e in self.gazetteer.entries.values()
                         if e.family and e.cls == "AIModel" and size_in_name(e.label))

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
            if entry.cls not in {"AIModel", "Lab"} or e >= len(texts):
                continue
            hyphen = texts[e] == "-" and e + 1 < len(texts)
            size = texts[e + 1] if hyphen else texts[e]
            if entry.cls == "Lab" and not hyphen and re.fullmatch(r"[vV]\d+(?:\.\d+)*", size):
                # "Midjourney v6.0": a lab's name and a version name the lab's model of that version
                out.append((s, e + 1, Entry(f"{entry.label} {size}", "AIModel", entry.label, None)))
                continue
            if not _SIZE.match(size) or re.search(r"\d+(?:\.\d+)?[BMT]$", entry.label):
                continue  # no size, or already sized
            size = size.upper()
            end = e + 2 if hyphen else e + 1
            active = _active_suffix(texts, end)  # "3B-A800M": 3 billion parameters, 800 million of them active
            if active:
                size, end = f"{size}-{active[0]}", active[1]
            label = f"{entry.label}-{size}" if hyphen else f"{entry.label} {size}"
            if entry.cls == "Lab":  # "DeepSeek 67B": a lab's name and a size name the lab's model of that size
                out.append((s, end, Entry(label, "AIModel", entry.label, None)))
                continue
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

    def _own_licences(self, texts: list[str]) -> list[tuple[int, int, Entry]]:
        """A maker's licence named by its maker: "DeepSeek's own model licence" (the DeepSeek Model
        License), "Alibaba's own Qwen licence" (the Qwen License), "LG's own EXAONE licence"."""
        out = []
        for i, text in enumerate(texts):
            if text.lower() not in _LICENCE_WORDS:
                continue
            own = next((j for j in range(i - 1, max(i - 5, 1), -1) if texts[j] == "own"), None)
            if own is None or texts[own - 1] not in {"'s", "’s"}:
                continue
            start = own - 1
            while start > 0 and own - 1 - start < 3 and texts[start - 1][:1].isupper():
                start -= 1
            maker, words = " ".join(texts[start:own - 1]), texts[own + 1:i]
            if not maker or any(not re.fullmatch(r"[\w-]+", w) for w in words):
                continue
            named = " ".join(w for w in words if w[:1].isupper())
            tries = ([f"{named} License"] if named else []) + [" ".join([maker, *words, "License"]),
                                                                f"{maker} License"]
            entry = next((e for e in map(self.gazetteer.lookup, tries) if e is not None and e.cls == "License"),
                         None)
            if entry is None and named:
                entry = Entry(f"{named} License", "License")  # "LG's own EXAONE licence": the EXAONE License
            if entry is not None:
                out.append((own, i + 1, entry))
        return out

    def _short_forms(self, doc: Doc, texts: list[str], chosen) -> list[tuple[int, int, Entry]]:
        """Codes seen as part of a longer name earlier in the doc ("950PR" after "Ascend 950PR")."""
        short: dict[str, Entry] = {}
        for s, e, entry in chosen:
            for name in (entry.label, doc[s:e].text):
                last = name.split()[-1] if " " in name else ""
                if last and any(c.isdigit() for c in last) and key(last) != key(name):
                    short.setdefault(key(last), entry)
                tail = name.rsplit("-", 1)[-1] if "-" in name and " " not in name else ""
                if (entry.cls == "AIModel" and len(tail) >= 2 and tail[0].isalpha() and any(c.isdigit() for c in tail)
                        and not _SIZE.match(tail) and self.gazetteer.lookup(tail) is None):
                    short.setdefault(key(tail), entry)  # "M1" after "MiniMax-M1", "V3" after "DeepSeek-V3"
        named_tail: dict[str, tuple[int, Entry]] = {}  # "Thor" after "Jetson AGX Thor", "Orin" after "Jetson AGX Orin"
        for s, e, entry in chosen:
            words = doc[s:e].text.split()
            last = words[-1] if len(words) >= 2 else ""
            if entry.cls in {"Chip", "AIModel"} and len(last) >= 3 and last.isalpha() and last[0].isupper() \
                    and not last.isupper() and last not in TIERS and self.gazetteer.lookup(last) is None \
                    and last.lower() not in CHIP_NOUNS | MODEL_NOUNS | _GENERIC_TAILS:
                if last in named_tail and named_tail[last][1].label != entry.label:
                    named_tail[last] = (-1, entry)  # two products end in the same word: neither is meant
                else:
                    named_tail.setdefault(last, (s, entry))
        dropped_brand: dict[tuple[str, ...], Entry] = {}  # "Large 2" after "Mistral Large 2"
        for s, e, entry in chosen:
            words = doc[s:e].text.split()
            rest = tuple(words[1:])
            if len(words) >= 3 and self.gazetteer.lookup(" ".join(rest)) is None and (
                    rest[0][:1].isupper() and rest[0].isalpha() and any(ch.isdigit() for ch in rest[-1])
                    or entry.cls == "AIModel" and re.fullmatch(r"\d+(?:\.\d+)*", rest[0]) and rest[-1] in TIERS):
                dropped_brand.setdefault(rest, entry)  # "Large 2", "2.0 Flash" after "Gemini 2.0 Flash"
        if not short and not dropped_brand and not named_tail:
            return []
        covered = {t for s, e, _ in chosen for t in range(s, e)}
        out = []
        n = len(texts)
        for i, text in enumerate(texts):
            if i in covered:
                continue
            match = next((r for r in dropped_brand if tuple(texts[i:i + len(r)]) == r
                          and not covered & set(range(i, i + len(r)))), None)
            if match is not None:
                out.append((i, i + len(match), dropped_brand[match]))
                continue
            tail = named_tail.get(text)
            if tail is not None and 0 <= tail[0] < i:
                out.append((i, i + 1, tail[1]))
                continue
            k = key(text)
            entry = short.get(k) or (short.get(k[:-1]) if text.endswith("s") else None)
            if entry is None:
                continue
            if _BARE_NUMBER.fullmatch(text):  # a bare number ("950", "3.5") is a name only in a name's position
                prev = texts[i - 1].lower() if i else ""
                nxt = texts[i + 1].lower() if i + 1 < n else ""
                if prev in {"$", "about", "around", "roughly", "of", "to", "from", "nearly", "over", "some"}:
                    continue
                if nxt in {"-", "–"} and len(text) < 3:
                    continue  # "its 2-nanometre process" after "MN-Core 2": a measure, not the chip
                if nxt and nxt[0].isalpha() and nxt not in {"family", "series", "chip", "chips", "line",
                                                           "generation", "rather", "and", "or", "is",
                                                           "was", "launched", "shipped", "parts"}:
                    continue
            out.append((i, i + 1, entry))
        return out


_BARE_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

#: Last words of product names that are also plain words ("Apple Foundation Model", "Grace Superchip").
_GENERIC_TAILS = frozenset({"model", "models", "chip", "system", "platform", "cluster", "supercluster", "superchip",
                            "server", "engine", "processor", "accelerator", "module", "series", "family", "edition",
                            "preview", "instruct", "chat", "base", "vision", "reasoning", "coder", "code", "cloud",
                            "computer", "supercomputer", "card", "board", "kit", "one", "next", "new"})


#: Words after a company's name that make a firm of its own: "Samsung Securities", "Hyundai Capital".
_ARM_WORDS = frozenset({"Securities", "Capital", "Ventures", "Investments", "Investment", "Partners", "Fund"})


def _financial_arms(texts: list[str], found) -> list[tuple[int, int, Entry]]:
    """A known company followed by a word of finance ("Samsung" + "Securities") is another firm, an investor:
    "a round co-led by Samsung Securities" was not backed by Samsung itself."""
    out = []
    for s, e, entry in found:
        if entry.cls in ORG_CLASSES and e < len(texts) and texts[e] in _ARM_WORDS and not (
                e + 1 < len(texts) and texts[e + 1][:1].isupper() and texts[e + 1].isalpha()):
            name = " ".join(texts[s:e + 1])
            out.append((s, e + 1, Entry(name, "Investor")))
    return out


#: Words for what a chip is for, between its code and the chip noun: "AI6 inference chips".
_PURPOSES = frozenset({"inference", "training", "accelerator", "custom", "datacenter", "data-center",
                       "networking", "edge", "mobile", "server"})


def _purpose_chip(texts: list[str], i: int) -> bool:
    """"AI6 inference chips": a purpose word, then a chip noun, follow the code at ``i - 1``."""
    return i + 1 < len(texts) and texts[i].lower() in _PURPOSES and texts[i + 1].lower() in CHIP_NOUNS


def _coordinated_code_chip(texts: list[str], i: int) -> bool:
    """"AI5 and AI6 inference chips", "the X1, X2 and X3 chips": the code at ``i - 1`` is listed with
    codes the chip noun follows."""
    j = i
    while j + 1 < len(texts) and texts[j].lower() in {"and", "or", ","} and (
            _CODE.match(texts[j + 1]) or _SHORT_CODE.match(texts[j + 1])):
        j += 2
        if j < len(texts) and (texts[j].lower() in CHIP_NOUNS or _purpose_chip(texts, j)):
            return True
    return False


def _described_system(texts: list[str], i: int) -> bool:
    """An apposition starting at ``i`` calls its head a computer ("the system at ...", "a Microsoft Azure machine")."""
    if i + 1 < len(texts) and texts[i][:1].isupper() and texts[i + 1] in {"'s", "’s"}:
        i += 1  # "JUPITER, Europe's first exascale supercomputer": a possessive name as the determiner
    elif i >= len(texts) or texts[i].lower() not in {"the", "a", "an", "its", "their"}:
        return False
    for text in texts[i + 1:i + 6]:
        if text.lower() in SYSTEM_NOUNS - {"cluster", "installation"}:
            return True
        if not (text[:1].isalnum() or text == "-"):
            return False
    return False


def _described_as(texts: list[str], i: int) -> str | None:
    """The class an apposition starting at ``i`` gives ("the chip in ...", "a new model"), or None."""
    if i >= len(texts) or texts[i].lower() not in {"the", "a", "an", "its", "their"}:
        return None
    for text in texts[i + 1:i + 6]:
        low = text.lower()
        if text == "-":
            continue  # "the protein-structure model"
        if low in CHIP_NOUNS - {"platform", "system", "systems", "part", "parts", "device", "devices"}:
            return "Chip"
        if low in MODEL_NOUNS:
            return "AIModel"
        if not text[:1].isalpha():
            return None
    return None


def _shapes_elsewhere(texts: list[str], shapes, found) -> list[tuple[int, int, Entry]]:
    """A code recognised once from its context ("the AI5 chip", "Tesla's AI5") is the same name
    wherever else the article writes it alone ("AI5 will be produced by TSMC")."""
    known = {texts[e - 1]: entry for s, e, entry in shapes if entry.cls in {"Chip", "AIModel"}}
    if not known:
        return []
    covered = {t for s, e, _ in found for t in range(s, e)}
    return [(i, i + 1, known[text]) for i, text in enumerate(texts) if text in known and i not in covered]


_PIECE = re.compile(r"[A-Za-z0-9.]+(?:-[A-Za-z0-9.]+)*")


def _glued_run(doc: Doc, e: int) -> int:
    """The end of a run of hyphen-joined word pieces starting at token ``e`` (a "-"), with no space
    inside: "-Base", "-mini-4k-instruct"; ``e`` when there is none."""
    n, j = len(doc), e
    while j + 1 < n and doc[j].text == "-" and not doc[j].whitespace_ \
            and _PIECE.fullmatch(doc[j + 1].text) and not doc[j + 1].text.endswith("."):
        j += 2
        if doc[j - 1].whitespace_:
            break
    return j


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
    ruler = EntityRuler()
    ruler.prepare_vocab(nlp.vocab)
    return ruler


def _active_suffix(texts: list[str], i: int) -> tuple[str, int] | None:
    """``("A800M", end)`` when ``texts[i:]`` spell a mixture-of-experts suffix: "-A800M" (split by the
    tokenizer into "-", "A800", "M") or "-A3B"."""
    if i + 1 >= len(texts) or texts[i] != "-":
        return None
    m = re.fullmatch(r"A\d+(?:\.\d+)?([MB])?", texts[i + 1])
    if not m:
        return None
    if m.group(1):
        return texts[i + 1], i + 2
    if i + 2 < len(texts) and texts[i + 2] in {"M", "B"}:
        return texts[i + 1] + texts[i + 2], i + 3
    return None
