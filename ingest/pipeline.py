"""The extraction pipeline: a document in, entities and claims (with provenance) out.

>>> from ingest.pipeline import Extractor            # doctest: +SKIP
>>> extractor = Extractor.load()                      # doctest: +SKIP
>>> extraction = extractor.extract(document)          # doctest: +SKIP
>>> [c.predicate for c in extraction.claims]          # doctest: +SKIP

:class:`Extractor` runs the spaCy pipeline of :func:`ingest.nlp.load_pipeline`
(the gazetteer entity ruler first) and then the extractors of
:mod:`ingest.extractors` on each parsed document: mentions and coreference,
relations, modality, attribution, dates and figures. ``extract_many`` streams
documents through ``nlp.pipe`` (``n_process=workers``) and yields an
:class:`kg.ExtractionError` for a document that fails instead of stopping.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from importlib.metadata import PackageNotFoundError, version as _pkg_version

from spacy.tokens import Doc

from kg._model import Claim, Document, Entity, Extraction
from kg.errors import ExtractionError
from ingest.extractors.attribution import AttributionFinder, quoted_speakers
from ingest.extractors.dates import find_published, resolve_date
from ingest.extractors.entities import ORG_CLASSES as ORGANIZATION_CLASSES
from ingest.extractors.entities import Gazetteer, MentionFinder, default_gazetteer
from ingest.extractors.noise import noise_spans
from ingest.extractors.figures import AttributeExtractor, find_figures, size_in_name
from ingest.extractors.funding import investor_link
from ingest.extractors.lexicon import SYSTEM_NOUNS
from ingest.extractors.relations import RelationExtractor, tree_distance
from ingest.nlp import LoadedPipeline, load_pipeline

ATTRIBUTE_EXTRACTOR = "kg.attributes.v1"
RELATION_EXTRACTOR = "kg.relations.v1"


def _siliconkg_version() -> str:
    try:
        return _pkg_version("siliconkg")
    except PackageNotFoundError:  # running from a source tree
        return "0+unknown"


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Split ``text`` into ``(offset, chunk)`` pieces no longer than ``limit`` characters.

    Splits on paragraph boundaries (blank lines), then line breaks, then sentence
    ends, then spaces; offsets are relative to the whole text.

    >>> split_text("aaa\\n\\nbbb", 5)
    [(0, 'aaa\\n\\n'), (5, 'bbb')]
    """
    if len(text) <= limit:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            window = text[start:end]
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep)
                if cut > limit // 4:
                    end = start + cut + len(sep)
                    break
        out.append((start, text[start:end]))
        start = end
    return out


class Extractor:
    """Entities, relations and attributes from documents, with modality, attribution and evidence.

    Build one with :meth:`load`; it is reusable and its spaCy pipeline is loaded once.

    Attributes
    ----------
    name : registry name written into provenance (``"kg.extractor.v1"``)
    version : siliconkg version plus the spaCy pipeline name and version
    degraded : True when no trained spaCy pipeline could be loaded
    """

    name = "kg.extractor.v1"

    def __init__(self, loaded: LoadedPipeline, *, gazetteer: Gazetteer | None = None):
        self.loaded = loaded
        self.nlp = loaded.nlp
        self.gazetteer = gazetteer if gazetteer is not None else default_gazetteer()
        self.degraded = loaded.degraded
        self.pipeline = f"{loaded.name} {loaded.version}"
        self.version = f"siliconkg {_siliconkg_version()}; {self.pipeline}"
        self.mentions = MentionFinder(self.gazetteer)
        self.relations = RelationExtractor(self.gazetteer)

    @classmethod
    def load(cls, *, model: str | None = None) -> Extractor:
        """Load the spaCy pipeline (see :func:`ingest.nlp.load_pipeline`) and build an extractor.

        Parameters
        ----------
        model : spaCy pipeline name or path; default ``$KG_SPACY_MODEL`` then the fallbacks
        """
        return cls(load_pipeline(model))

    # ------------------------------------------------------------------ public API
    def extract(self, document: Document) -> Extraction:
        """Extract one document.

        Raises
        ------
        kg.ExtractionError
            When the pipeline fails on the document (the message names it).
        """
        self._prepare(document)
        try:
            chunks = split_text(document.text, self.nlp.max_length - 1)
            docs = list(self.nlp.pipe(chunk for _off, chunk in chunks))
            return self._analyze(document, [(off, doc) for (off, _c), doc in zip(chunks, docs)])
        except ExtractionError:
            raise
        except Exception as err:  # a bug or a pathological text must name the document
            raise ExtractionError(f"{document.key}: extraction failed: {type(err).__name__}: {err}") from err

    def extract_many(self, documents: Iterable[Document], *, workers: int = 1,
                     batch_size: int = 16) -> Iterator[Extraction | ExtractionError]:
        """Extract a stream of documents, in parallel when ``workers > 1``.

        Yields one :class:`kg.Extraction` per document, in input order, or a
        :class:`kg.ExtractionError` naming a document that failed (the run goes on).
        """
        if workers > 1:
            yield from self._extract_parallel(documents, workers=workers, batch_size=batch_size)
            return
        pending: dict[int, tuple[Document, int, list]] = {}
        failed: list[ExtractionError] = []

        def feed():
            for idx, document in enumerate(documents):
                try:
                    self._prepare(document)
                    chunks = split_text(document.text, self.nlp.max_length - 1)
                except Exception as err:
                    name = getattr(document, "key", repr(document)[:80])
                    failed.append(ExtractionError(f"{name}: cannot extract: {type(err).__name__}: {err}"))
                    continue
                pending[idx] = (document, len(chunks), [])
                for off, chunk in chunks:
                    yield chunk, (idx, off)

        stream = self.nlp.pipe(feed(), as_tuples=True, n_process=max(1, workers), batch_size=batch_size)
        for doc, (idx, off) in stream:
            while failed:
                yield failed.pop(0)
            document, n_chunks, parts = pending[idx]
            parts.append((off, doc))
            if len(parts) < n_chunks:
                continue
            del pending[idx]
            try:
                yield self._analyze(document, sorted(parts, key=lambda p: p[0]))
            except Exception as err:
                yield ExtractionError(f"{document.key}: extraction failed: {type(err).__name__}: {err}")
        yield from failed

    def _extract_parallel(self, documents: Iterable[Document], *, workers: int,
                          batch_size: int) -> Iterator[Extraction | ExtractionError]:
        """Batches of documents to ``workers`` forked processes, each running the whole extraction.

        spaCy's own ``n_process`` ships every parsed Doc back to this process and
        leaves the extractors here, serially; forking the loaded extractor instead
        parallelises everything and sends back only the (small) extractions.
        Falls back to ``nlp.pipe(n_process=workers)`` where ``fork`` is unavailable.
        """
        import multiprocessing as mp

        global _WORKER_EXTRACTOR
        try:
            ctx = mp.get_context("fork")
        except ValueError:  # no fork (Windows, macOS spawn-only builds)
            yield from self._extract_spacy_processes(documents, workers=workers, batch_size=batch_size)
            return
        _WORKER_EXTRACTOR = self
        with ctx.Pool(workers) as pool:
            for results in pool.imap(_extract_batch, _batched(documents, batch_size)):
                yield from results

    def _extract_spacy_processes(self, documents, *, workers: int, batch_size: int):
        stream = self.nlp.pipe(((d.text, d) for d in documents if not self._prepare(d)), as_tuples=True,
                               n_process=workers, batch_size=batch_size)
        for doc, document in stream:
            try:
                yield self._analyze(document, [(0, doc)])
            except Exception as err:
                yield ExtractionError(f"{document.key}: extraction failed: {type(err).__name__}: {err}")

    # ------------------------------------------------------------------ internals
    @staticmethod
    def _prepare(document: Document) -> None:
        if not document.published:
            found = find_published(document.text)
            if found:
                document.published = found
                document.metadata["published_from"] = "text"

    def _analyze(self, document: Document, parts: list[tuple[int, Doc]]) -> Extraction:
        entities: dict[str, tuple[str, list[str]]] = {}
        claims: list[Claim] = []
        for offset, doc in parts:
            self._analyze_doc(document, doc, offset, entities, claims)
        ents = []
        for label, (cls, seen) in entities.items():
            entry = self.gazetteer.get(label)
            derived = []
            if entry is None and " " in label:  # "AWS Graviton" (a name built by the ruler) is also "Graviton"
                first, rest = label.split(" ", 1)
                vendor = self.gazetteer.lookup(first)
                if vendor is not None and vendor.cls in ORGANIZATION_CLASSES:
                    derived = [rest, f"{vendor.label} {rest}"]
            aliases = list(dict.fromkeys([*seen, *(entry.aliases if entry else ()), *derived]))
            ents.append(Entity(label, cls, tuple(a for a in aliases if a != label)))
        return Extraction(document, entities=ents, claims=claims, degraded=self.degraded,
                          pipeline=self.pipeline, extractor_version=self.version)

    def _analyze_doc(self, document: Document, doc: Doc, offset: int, entities, claims) -> None:
        published = document.published
        mentions = self.mentions(doc)
        noise = noise_spans(doc.text)
        if noise:  # "Read more: <another article's headline>" and related-link lists
            mentions = [m for m in mentions if not _inside(doc[m.i].idx, noise)]
        label_at = {m.i: m for m in mentions}
        for m in mentions:
            if m.source == "coref" or m.label is None:
                continue
            cls, seen = entities.setdefault(m.label, (m.cls, []))
            text = m.text.strip()
            if text and text not in seen:
                seen.append(text)

        def label_of(tok):
            m = label_at.get(tok.i)
            if m is None:
                return None
            if m.source == "coref":
                return m.antecedents[0].label if m.antecedents else None
            return m.label

        dates = {}
        for ent in doc.ents:
            if ent.label_ == "DATE":
                iso = resolve_date(ent.text, published)
                if not iso and any(t.text == "," for t in ent[1:]):
                    # the recogniser glues on what follows a comma ("Wednesday, months"): the part before it
                    cut = next(t.i for t in ent[1:] if t.text == ",")
                    ent = doc[ent.start:cut]
                    iso = resolve_date(ent.text, published)
                if iso:
                    dates[ent.root.i] = (iso, ent)
        finder = AttributionFinder(label_of)
        speakers = quoted_speakers(doc)
        # the person last named as a source before each sentence: what "he" / "she" refers to there
        person_before: dict[int, list[str]] = {}
        seen_people: list[str] = []
        for sent in doc.sents:
            person_before[sent.start] = seen_people[-1:]
            found = finder(sent)
            if sent.start in speakers:
                found = (*found, speakers[sent.start])
            _clean_sources(found, entities, seen_people)

        def attribution(sent, tok):
            return _clean_sources(finder(sent, tok), entities, list(person_before.get(sent.start, [])))

        for raw in self.relations(doc, mentions, dates=dates, published=published):
            sent = doc[raw.sent_start].sent
            trigger = doc[raw.trigger]
            sources = attribution(sent, trigger)
            if sent.start in speakers and speakers[sent.start] not in sources:
                sources = (*sources, *_clean_sources((speakers[sent.start],), entities,
                                                     list(person_before.get(sent.start, []))))
            claims.append(Claim(
                subject=raw.subject, predicate=raw.predicate, object=raw.object, modality=raw.modality,
                attributed_to=tuple(sources),
                sentence=sent.text, start=offset + sent.start_char, end=offset + sent.end_char,
                confidence=max(0.05, min(1.0, raw.confidence)), extractor=RELATION_EXTRACTOR,
            ))
        claims.extend(self._attributes(doc, mentions, offset, attribution, label_at, claims))
        sized = {c.subject for c in claims if c.predicate == "parameterCount"}
        for m in mentions:  # "Llama 3.1 405B": the name states the size
            if m.source == "coref" or m.cls != "AIModel" or m.label in sized:
                continue
            size = size_in_name(m.label)
            if size:
                sized.add(m.label)
                sent = doc[m.i].sent
                claims.append(Claim(subject=m.label, predicate="parameterCount", object=size,
                                    sentence=sent.text, start=offset + sent.start_char, end=offset + sent.end_char,
                                    confidence=0.9, extractor=ATTRIBUTE_EXTRACTOR, kind="attribute"))

    @staticmethod
    def _figure_subject(doc: Doc, sent, span, attribute: str, classes, in_sent, investors, raiser=None,
                        gazetteer=None):
        """``((rank), label)`` of the entity a figure describes, or None."""
        anchor = span.root
        label_of_i = {m.i for m in in_sent}
        # "144GB on Gaudi 3", "1.6 TB/s for the 950DT": a chip named right after the figure
        for j in range(span.end, min(span.end + 4, sent.end)):
            if doc[j].lower_ in {"on", "for", "in", "of"} and j + 1 < sent.end:
                k = j + 1  # "on the original H100": past determiners and adjectives
                while k < min(sent.end, j + 4) and doc[k].pos_ in {"DET", "ADJ", "ADV"} and k not in label_of_i:
                    k += 1
                for m in in_sent:
                    if m.i in (j + 1, j + 2, k):
                        r = m.resolve(classes)
                        if r is not None and r.label not in investors:
                            return ((0, 0, 0), r.label)
                break
        if attribute == "chipCount":  # who has (or was trained on) the chips; else the chips counted
            owner = _count_owner(anchor, in_sent, classes)
            if owner is not None:  # "It operated more than 250,000 GPUs": the subject of the verb
                return ((0, 0, 0), owner)
            best = None
            for m in in_sent:
                if span.start <= m.i < span.end and m.cls in ORGANIZATION_CLASSES:
                    continue  # "63,744 Intel GPUs": the chips' maker, not who has them
                r = m.resolve(classes)
                if r is None and not (span.start <= m.i < span.end + 2):
                    r = m.resolve(frozenset({"Chip"}))  # "A DGX H100 server combines eight H100 GPUs": the system
                    r = r if r is not None and _a_system(r.label, doc[m.i], gazetteer) else None
                if r is None:
                    continue
                d = tree_distance(anchor, doc[m.i])
                if d <= 5 and (best is None or (d, abs(m.i - anchor.i)) < best[0][:2]):
                    best = ((d, abs(m.i - anchor.i), 0), r.label)
            if best is None and span[0].text[:1].isdigit():  # ("eight H100s" in a server: no fleet of H100s)
                for m in in_sent:
                    if span.start <= m.i < span.end + 2 and m.cls == "Chip" and m.label:
                        return ((2, 0, 0), m.label)
            return best
        if attribute == "fundingAmountUSD":
            recipient = _money_recipient(anchor, in_sent, classes)
            if recipient is not None:  # "Amazon put a further $2.75 billion into Anthropic"
                return ((0, 0, 0), recipient)
        if attribute == "fundingAmountUSD" and raiser:
            return ((0, 0, 0), raiser)
        best = None
        clause = _clause_of(anchor)
        own = [m for m in in_sent if _clause_of(doc[m.i]) == clause and m.resolve(classes) is not None]
        if not own and _unnamed_subject(clause, anchor):
            return None  # "Where the H100 carries 80 GB, its successor packs 141 GB": not the H100's 141 GB
        for m in in_sent:
            r = m.resolve(classes)
            if r is None or r.label in investors:
                continue
            d = tree_distance(anchor, doc[m.i]) + (3 if _set_aside(doc[m.i], anchor) else 0)
            rank = (d, 0 if m.i < anchor.i else 1, abs(m.i - anchor.i))
            if best is None or rank < best[0]:
                best = (rank, r.label)
        return best

    def _attributes(self, doc: Doc, mentions, offset: int, attribution, label_at, claims=()) -> list[Claim]:
        out = []
        users: dict[int, dict[str, str]] = {}  # sentence start (in the text) -> chip -> who trains on / uses it
        for c in claims:
            if c.kind == "relation" and c.modality in {"asserted", "hedged"} and c.predicate in _HARDWARE_USE:
                users.setdefault(c.start, {})
                rank = _HARDWARE_USE.index(c.predicate)
                held = users[c.start].get(c.object)
                if held is None or rank < held[0]:
                    users[c.start][c.object] = (rank, c.subject)
        sents = list(doc.sents)
        for k, sent in enumerate(sents):
            figures = find_figures(sent.text)
            if not figures:
                continue
            in_sent = [m for m in mentions if sent.start <= m.i < sent.end]
            investors = set()
            for m in in_sent:
                if investor_link(doc[m.i]) is not None and m.label:
                    investors.add(m.label)
            for fig in figures:
                span = doc.char_span(sent.start_char + fig.start, sent.start_char + fig.end, alignment_mode="expand")
                if span is None:
                    continue
                anchor = span.root
                classes = AttributeExtractor.SUBJECTS[fig.attribute]
                best = None
                if fig.attribute == "chipCount":  # "trained on 2,048 H800s": the model (or lab) that used them
                    best = _chip_user(doc, sent, span, in_sent, users.get(offset + sent.start_char, {}))
                if best is None:
                    best = self._figure_subject(doc, sent, span, fig.attribute, classes, in_sent, investors,
                                                self.relations.raisers.get(sent.start), self.gazetteer)
                if best is None and fig.attribute == "fundingAmountUSD" and self.relations._focus:
                    best = ((8, 0, 0), self.relations._focus)
                group = _group_named(anchor, mentions, sents[max(0, k - 2)].start, classes) \
                    if fig.attribute in _SHARED_FIGURES and not (best is not None and best[0][0] == 0) else []
                if (best is None or best[0][0] > 8) and not group:
                    continue
                if _denied_figure(anchor):
                    continue  # "will not carry the 288 GB": a value the text denies or only supposes
                sources = attribution(sent, anchor)
                confidence = round(max(0.3, 0.9 - 0.05 * best[0][0]), 2) if best is not None else 0.6
                for subject in group or [best[1]]:
                    out.append(Claim(
                        subject=subject, predicate=fig.attribute, object=fig.value, modality="asserted",
                        attributed_to=sources, sentence=sent.text, start=offset + sent.start_char,
                        end=offset + sent.end_char, confidence=confidence if not group else 0.6,
                        extractor=ATTRIBUTE_EXTRACTOR, kind="attribute",
                    ))
        return out


#: Figures a group shares ("Both accept up to 128,000 tokens", "The MI350X and MI355X each carry 288 GB").
_SHARED_FIGURES = frozenset({"contextLength", "memoryCapacityGB", "memoryBandwidthTBps"})
_GROUP_SIZES = {"both": 2, "two": 2, "three": 3, "four": 4, "all": None, "they": None, "each": None}


def _group_named(anchor, mentions, since: int, classes) -> list[str]:
    """The names a group subject of the figure's clause stands for: "Both handle a context window of 128,000
    tokens", "All three share ...", "the two small models support ...", "they have ...": the last two (three)
    names of the attribute's class before it, or all those the sentence before named."""
    verb = _clause_of(anchor)
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return []
    by_i = {m.i: m for m in mentions if m.source != "coref" and m.cls in classes and m.label}
    together = [by_i[t.i].label for t in [subj, *subj.conjuncts] if t.i in by_i]
    if len(set(together)) > 1:  # "The MI350X and MI355X each carry 288 GB of HBM3E"
        return list(dict.fromkeys(together))
    words = [t.lower_ for t in subj.subtree]
    size_words = [w for w in words if w in _GROUP_SIZES]
    if not size_words or words[-1] not in _GROUP_SIZES and not subj.tag_ in {"NNS", "NNPS"}:
        return []  # "Both handle ..." / "All three share ..." / "the two small models" / "they", not "each chip"
    size = next((_GROUP_SIZES[w] for w in size_words if _GROUP_SIZES[w]), None)
    named = [m for m in mentions if since <= m.i < subj.i and m.source != "coref" and m.cls in classes and m.label]
    labels = list(dict.fromkeys(m.label for m in reversed(named)))
    if labels:  # one line: "Llama 3.1 8B and 70B" with the 405B, not the Claude model they were compared with
        line = re.split(r"[\s-]", labels[0].lower())[0]
        labels = [label for label in labels if re.split(r"[\s-]", label.lower())[0] == line]
    if size is not None:
        return labels[:size] if len(labels) >= size else []
    last_sent = [m for m in named if m.i >= subj.sent.start] or [
        m for m in named if m.i >= (named[-1].i if named else 0) - 60]
    return list(dict.fromkeys(m.label for m in last_sent)) if 1 < len(set(m.label for m in last_sent)) <= 4 else []


_HAVING_VERBS = frozenset({"operated", "operates", "operate", "has", "have", "had", "owns", "owned", "bought",
                           "buys", "ordered", "orders", "deployed", "deploys", "runs", "ran", "installed", "uses",
                           "used", "rents", "rented", "acquired", "purchased", "received"})


def _count_owner(anchor, in_sent, classes) -> str | None:
    """The organisation whose verb of having takes the counted chips as its object."""
    cur = anchor
    for _ in range(4):  # from "250,000" up through "GPUs" (and "of") to the verb
        if cur.pos_ in {"VERB", "AUX"}:
            break
        cur = cur.head
    if cur.lower_ not in _HAVING_VERBS:
        return None
    by_i = {m.i: m for m in in_sent}
    subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
    m = by_i.get(subj.i) if subj is not None else None
    r = m.resolve(frozenset(classes) & ORGANIZATION_CLASSES) if m is not None else None
    return r.label if r is not None and r.cls not in {"Publisher", "Government"} else None


def _money_recipient(anchor, in_sent, classes) -> str | None:
    """The organisation an amount went into: "put $2.75 billion into Anthropic", "invested $4 billion in X"."""
    verb = anchor
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.lower_ not in {"put", "puts", "poured", "pours", "pumped", "pumps", "invested", "invests", "invest",
                           "investing", "sunk", "sinks", "committed", "commits", "pledged", "pledges"}:
        return None
    by_i = {m.i: m for m in in_sent}
    for p in verb.children:
        if p.dep_ == "prep" and p.lower_ in {"into", "in", "to"}:
            for o in p.children:
                m = by_i.get(o.i)
                r = m.resolve(classes) if m is not None else None
                if o.dep_ == "pobj" and r is not None:
                    return r.label
    return None


def _set_aside(tok, anchor) -> bool:
    """The name stands in a likeness or comparison the figure is not part of ("Like the L40, it carries
    48 GB", "more than the H100, it carries 141 GB")."""
    for a in tok.ancestors:
        if anchor in a.subtree:
            return False
        if a.lower_ in {"like", "unlike", "than", "versus", "vs", "vs."}:
            return True
    return False


_CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "xcomp", "acl", "ROOT"})


def _clause_of(tok):
    """The head verb of the clause ``tok`` stands in (climbing past noun phrases and prepositions)."""
    cur = tok
    while cur.dep_ not in _CLAUSE_DEPS and not (cur.dep_ == "conj" and cur.pos_ in {"VERB", "AUX"}) \
            and cur.head.i != cur.i:
        cur = cur.head
    return cur


def _unnamed_subject(verb, anchor) -> bool:
    """The clause's subject is a common noun that names nothing ("its successor", "the newer design"),
    and the figure is not part of that subject ("671 billion parameters are ...")."""
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or anchor in subj.subtree or any(w.like_num for w in subj.subtree):
        return False
    return subj.pos_ == "NOUN" and subj.ent_type_ == "" and not any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in subj.children) \
        and subj.lower_ not in {"chip", "chips", "accelerator", "gpu", "model", "part", "processor"}


#: Relations that put hardware to use, the most specific owner of a chip count first.
_HARDWARE_USE = ("preTrainedOn", "trainedOn", "postTrainedOn", "usesHardware", "runsOn")


_SYSTEM_NAME = re.compile(r"\b(?:DGX|HGX|NVL\d+|SuperPOD|SuperCluster|supercomputer|supernode|UltraServer|instances?|"
                          r"pods?|servers?|racks?|clusters?|systems?)\b", re.IGNORECASE)
_SYSTEM_HEADS = SYSTEM_NOUNS | {"server", "servers", "pod", "rack", "supernode"}


def _a_system(label: str, tok, gazetteer=None) -> bool:
    """A computer built from many chips ("DGX H100", "the Aurora supercomputer", "a Trn2 instance", "Colossus",
    which the gazetteer also calls "Colossus supercomputer", "CloudMatrix 384 is a rack-scale system"): it has
    a chip count of its own."""
    entry = gazetteer.get(label) if gazetteer is not None else None
    names = [label, *(entry.aliases if entry else ())]
    return any(_SYSTEM_NAME.search(n) for n in names) or tok.head.lower_ in _SYSTEM_HEADS or (
        tok.dep_ == "nsubj" and any(c.dep_ == "attr" and c.lower_ in _SYSTEM_HEADS for c in tok.head.children))


def _chip_user(doc, sent, span, in_sent, users: dict) -> tuple | None:
    """``((rank), label)`` of who trains on or uses the chips a count is about, from this sentence's claims."""
    if not users:
        return None
    for m in in_sent:  # the chips counted: named in or right after the figure ("2,048 Nvidia H800 GPUs")
        if span.start <= m.i < span.end + 3 and m.label in users and m.cls == "Chip":
            return ((0, 0, 0), users[m.label][1])
    return None


_PRONOUN_SOURCES = frozenset({"he", "she", "they", "him", "her", "them"})
_NOT_SOURCES = frozenset({"Chip", "AIModel", "MemoryTechnology", "License"})
_TITLE = re.compile(
    r"^(?:.*\b)?(?:CEO|CFO|CTO|COO|chief executive(?: officer)?|chief [a-z]+ officer|president|chairman|chairwoman|"
    r"chair|founder|co-founder|cofounder|spokesperson|spokesman|spokeswoman|analyst|director|head|boss|"
    r"vice president|executive|partner|researcher|engineer|chief scientist|minister|secretary)\s+"
    r"((?:[A-Z][\w'’.-]+)(?:\s+[A-Z][\w'’.-]+){1,3})$", re.IGNORECASE)


def _clean_sources(sources, entities, last_person: list[str]) -> tuple[str, ...]:
    """Sources as people, organisations or source phrases.

    "Intel CEO Pat Gelsinger" -> "Pat Gelsinger"; "He" -> the person last named as
    a source (dropped when there is none); a chip or model is no source.
    """
    out: list[str] = []
    for src in sources:
        name = src.strip()
        if name.lower() in _PRONOUN_SOURCES:
            if not last_person:
                continue
            name = last_person[-1]
        else:
            known = entities.get(name)
            if known is not None and known[0] in _NOT_SOURCES:
                continue
            m = _TITLE.match(name)
            if m and known is None:
                name = m.group(1)
            if (known is not None and known[0] == "Person") or (known is None and _looks_like_a_person(name)):
                last_person.append(name)
        if name and name not in out:
            out.append(name)
    return tuple(out)


def _looks_like_a_person(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].replace("-", "").replace("'", "").isalpha()
                                        and not w.isupper() for w in words)


def _inside(char: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= char < end for start, end in spans)


def _denied_figure(anchor) -> bool:
    """Whether the clause a figure sits in is negated or a condition ("did not reach 1 TB/s")."""
    verb = anchor
    for _ in range(6):  # up to the verb that governs the figure
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    for c in verb.children:
        if c.dep_ == "neg" or c.lower_ == "never" and c.dep_ == "advmod":
            return True
        if c.dep_ == "mark" and c.lower_ in {"if", "unless"}:
            return True
    return False


_WORKER_EXTRACTOR: Extractor | None = None


def _batched(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _extract_batch(batch: list[Document]) -> list[Extraction | ExtractionError]:
    """Run in a forked worker: the whole extraction of a batch, with the parent's loaded extractor."""
    assert _WORKER_EXTRACTOR is not None
    return list(_WORKER_EXTRACTOR.extract_many(batch, workers=1, batch_size=len(batch)))


__all__ = ["Extractor", "split_text"]
