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
from datetime import date
from importlib.metadata import PackageNotFoundError, version as _pkg_version

from spacy.tokens import Doc, Span

from kg._model import Claim, Document, Entity, Extraction
from kg.errors import ExtractionError
from ingest.extractors.attach import ATTRIBUTE_EXTRACTOR, attach_figures
from ingest.extractors.attribution import AttributionFinder, quoted_speakers
from ingest.extractors.dates import (
    ago_dates_an_event, find_published, of_which_year, resolve_date, resolve_relative, same_day,
)
from ingest.extractors.entities import ORG_CLASSES as ORGANIZATION_CLASSES
from ingest.extractors.entities import Gazetteer, MentionFinder, default_gazetteer
from ingest.extractors.lexicon import doc_text
from ingest.extractors.noise import noise_spans
from ingest.extractors.figures import size_in_name
from ingest.extractors.relations import RelationExtractor
from ingest.extractors.syntax import (
    repair_fronted_dates, repair_group_nouns, repair_name_lists, repair_relative_clauses, repair_small_clauses,
)
from ingest.nlp import LoadedPipeline, load_pipeline

RELATION_EXTRACTOR = "kg.relations.v1"
LEARNED_EXTRACTOR = "kg.relations.learned.v1"  # the learned second reading (ingest/extractors/learned.py)


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
        noise = noise_spans(doc_text(doc))
        if noise:  # "Read more: <another article's headline>" and related-link lists
            mentions = [m for m in mentions if not _inside(doc[m.i].idx, noise)]
            for m in mentions:  # nor is a name in a menu what "the family" of the article refers to
                if m.antecedents:
                    m.antecedents = [a for a in m.antecedents if not _inside(doc[a.i].idx, noise)]
        repair_name_lists(doc, mentions)
        repair_relative_clauses(doc, mentions)
        repair_small_clauses(doc)
        repair_fronted_dates(doc, mentions)
        repair_group_nouns(doc, mentions)
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
        named_last = None  # the date the text named last: "that year", "the following month" count from it
        named_in = -2  # the number of the sentence that named it
        lead_day = None  # the first day the text names: its news ("the same day", said further on, is that day)
        sentence_no = {sent.start: n for n, sent in enumerate(doc.sents)}
        stated = [(ent, resolve_date(ent.text, published)) for ent in doc.ents if ent.label_ == "DATE"]
        placed = {ent.start for ent, iso in stated if iso}
        for ent, iso in stated:
            if not placed.intersection(range(ent.end + 1, ent.end + 4)):
                # ("A year earlier, in August 2024, ...": the date stated right after it wins; "March of the
                # following year" counts from the text's last date, not the article's)
                tail = of_which_year(doc, ent)
                near = sentence_no.get(ent.sent.start, 0) - named_in <= 1
                reference = named_last if not same_day(ent.text) else None if not _own_day(ent) \
                    else named_last if near else lead_day
                iso = resolve_relative(ent.text + tail, reference) or (None if tail else iso)
            if not iso and any(t.text == "," for t in ent[1:]):
                # the recogniser glues on what follows a comma ("Wednesday, months"): the part before it
                cut = next(t.i for t in ent[1:] if t.text == ",")
                ent = doc[ent.start:cut]
                iso = resolve_date(ent.text, published)
            if iso and not ago_dates_an_event(ent):
                iso = None  # "a valuation of a year ago", "a year ago it was a start-up": no event dated
            if iso:
                dates[ent.root.i] = (iso, ent)
                named_last, named_in = iso, sentence_no.get(ent.sent.start, 0)
                if sentence_no.get(ent.sent.start, 0) <= 2 and _news_day(iso, published):
                    lead_day = lead_day or iso  # (the news is told first, and is recent: not "founded in 1993")
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
                confidence=max(0.05, min(1.0, raw.confidence)),
                extractor=LEARNED_EXTRACTOR if raw.rule == "learned" else RELATION_EXTRACTOR,
            ))
        ruled = [c for c in claims if c.extractor != LEARNED_EXTRACTOR]  # figures follow the rules' readings
        claims.extend(attach_figures(doc, mentions, offset, attribution, ruled, raisers=self.relations.raisers,
                                     focus=self.relations._focus, gazetteer=self.gazetteer))
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

def _news_day(iso: str, published: str | None) -> bool:
    """Whether ``iso`` is a day within six weeks before (or on) the article's own date: the day of its news."""
    if len(iso) != 10 or not published or len(published) < 10:
        return False
    try:
        days = (date.fromisoformat(published[:10]) - date.fromisoformat(iso)).days
    except ValueError:
        return False
    return 0 <= days <= 42


def _own_day(phrase: Span) -> bool:
    """Whether "the same day" is the day of the article's news: not a day a clause gives it ("on the same day
    that OpenAI launched X"), nor the day of another clause of the sentence ("OpenAI launched GPT-5, and
    Microsoft put it into Copilot on the same day")."""
    doc = phrase.doc
    if phrase.end < len(doc) and doc[phrase.end].lower_ in {"that", "when", "as"}:
        return False
    verb = phrase.root.head
    if verb.pos_ == "ADP":
        verb = verb.head
    return verb.dep_ != "conj"


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

