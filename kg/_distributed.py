"""Extraction on a Dask cluster, for corpora too large for one machine.

The store keeps a single writer: workers only run the (expensive) NLP and
send back :class:`kg.Extraction` records, which the caller writes one document
at a time. Without a scheduler address a ``LocalCluster`` of worker processes
on this machine is started (and stopped afterwards); with one, the same code
runs on a real cluster whose workers have siliconkg installed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg._model import Document, Extraction
from kg.errors import ExtractionError, KGError

_EXTRACTORS: dict[str | None, object] = {}


def _extract_batch(documents: list[Document], model: str | None) -> list[Extraction | KGError]:
    """Run on a worker: extract a batch with the worker's cached extractor."""
    from ingest.pipeline import Extractor

    extractor = _EXTRACTORS.get(model)
    if extractor is None:
        extractor = _EXTRACTORS[model] = Extractor.load(model=model)
    return list(extractor.extract_many(documents, workers=1))


def extract_distributed(
    documents: Iterable[Document],
    *,
    scheduler: str | None = None,
    n_workers: int = 2,
    model: str | None = None,
    batch_size: int = 8,
) -> Iterator[Extraction | KGError]:
    """Extract ``documents`` on a Dask cluster, yielding results as batches finish.

    Parameters
    ----------
    scheduler : address of a running Dask scheduler (``tcp://host:8786``);
        None starts a local cluster of ``n_workers`` processes on 127.0.0.1
    model : spaCy pipeline name the workers load
    batch_size : documents per task
    """
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as err:  # pragma: no cover - depends on the extra
        raise KGError("the Dask executor needs the 'scale' extra: pip install 'siliconkg[scale]'") from err
    documents = list(documents)
    batches = [documents[i:i + batch_size] for i in range(0, len(documents), batch_size)]
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, host="127.0.0.1",
                               dashboard_address=None, processes=True)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        futures = client.map(_extract_batch, batches, model=model, pure=False)
        for future in as_completed(futures):
            try:
                yield from future.result()
            except Exception as err:  # a worker died or the task failed: report, go on
                yield ExtractionError(f"a Dask task failed ({type(err).__name__}: {err}); its documents "
                                      "were not extracted")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
