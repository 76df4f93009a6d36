"""Load test of `kg serve`: concurrent clients on loopback, with and without a build writing the store.

    .venv/bin/python benchmarks/bench_server.py                 # 8 clients x 40 requests per phase
    .venv/bin/python benchmarks/bench_server.py --clients 4 --requests 20 --docs 100 --build-docs 60

Builds a synthetic store in a temporary directory (``--docs`` documents, each a
model trained on a chip made by a foundry), starts the real ``kg serve``
(subprocess, loopback, ``--workers``), then runs two phases of the same
bounded load (``--clients`` threads x ``--requests`` each, one typical
dependency query per request):

1. idle: nothing writes the store;
2. build: a writer process adds ``--build-docs`` documents through
   ``KnowledgeGraph.add_extraction`` (one transaction per document, SHACL
   validation on, like ``kg build``) for as long as the phase runs.

Prints throughput, latency percentiles and the status codes of each phase,
and how many documents the answers saw during the build. Stops by itself.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

QUERY = """SELECT DISTINCT ?chip ?foundry WHERE {
  ?m skos:prefLabel "Model %d" .
  GRAPH kgg:facts { ?m kg:trainedOn|kg:runsOn ?c . ?c kg:fabbedBy ?f }
  ?c skos:prefLabel ?chip . ?f skos:prefLabel ?foundry
}"""  # what a model depends on: the chips it was trained or served on, and their foundries
COUNT = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { GRAPH ?d { ?d a kg:Document } }"


def extraction(i: int):
    from kg import Claim, Document, Entity, Extraction

    model, chip, fab = f"Model {i}", f"Chip {i % 37}", f"Foundry {i % 5}"
    s1 = f"{model} was trained on a cluster of {chip} accelerators."
    s2 = f"{chip} is manufactured by {fab}."
    text = f"{s1} {s2}"
    doc = Document(key=f"https://bench.example/{i}", text=text, source=f"/bench/{i}.txt", title=f"Report {i}",
                   publisher="Bench Wire", published="2026-05-01")
    return Extraction(doc, [Entity(model, "AIModel"), Entity(chip, "Chip"), Entity(fab, "Foundry")],
                      [Claim(model, "trainedOn", chip, sentence=s1, start=0, end=len(s1), extractor="bench"),
                       Claim(chip, "fabbedBy", fab, sentence=s2, start=len(s1) + 1, end=len(text), extractor="bench")])


def build(path: str, start: int, count: int, validate: bool) -> None:
    from kg import KnowledgeGraph

    with KnowledgeGraph.open(path) as graph:
        for i in range(start, start + count):
            graph.add_extraction(extraction(i), validate=validate)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(store: str, workers: int, timeout: float) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", store, "--port", str(port),
                                "--workers", str(workers), "--timeout", str(timeout)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/health", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("kg serve did not start")


def documents(url: str) -> int:
    answer = httpx.get(url + "/sparql", params={"query": COUNT}, timeout=30).json()
    return int(answer["results"]["bindings"][0]["n"]["value"])


def load(url: str, clients: int, requests: int, models: int) -> dict:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()

    def client(seed: int):
        pick = random.Random(seed)
        with httpx.Client(timeout=60) as http:
            for _ in range(requests):
                started = time.perf_counter()
                response = http.get(url + "/sparql", params={"query": QUERY % pick.randrange(models)},
                                    headers={"Accept": "application/sparql-results+json"})
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {"requests": len(latencies), "seconds": wall, "rps": len(latencies) / wall,
            "p50": cuts[49] * 1000, "p95": cuts[94] * 1000, "p99": cuts[98] * 1000, "statuses": statuses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=40, help="requests per client per phase")
    parser.add_argument("--docs", type=int, default=300, help="documents in the store before the test")
    parser.add_argument("--build-docs", type=int, default=100, help="documents the concurrent build adds")
    parser.add_argument("--workers", type=int, default=2, help="kg serve --workers")
    parser.add_argument("--no-validate", action="store_true", help="build without SHACL validation (faster writes)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kg-bench-server-") as tmp:
        store = str(Path(tmp) / "store")
        started = time.perf_counter()
        build(store, 0, args.docs, validate=False)
        print(f"store: {args.docs} documents in {time.perf_counter() - started:.1f} s")
        server, url = start_server(store, args.workers, timeout=30)
        try:
            httpx.get(url + "/sparql", params={"query": QUERY % 1}, timeout=30)  # warm up
            idle = load(url, args.clients, args.requests, args.docs)
            before = documents(url)
            ctx = multiprocessing.get_context("spawn")
            writer = ctx.Process(target=build, args=(store, 10_000, args.build_docs, not args.no_validate))
            build_started = time.perf_counter()
            writer.start()
            during = load(url, args.clients, args.requests, args.docs)
            seen_during = documents(url)
            writer.join()
            build_seconds = time.perf_counter() - build_started
            deadline = time.monotonic() + 10
            while documents(url) != before + args.build_docs and time.monotonic() < deadline:
                time.sleep(0.1)
            after = documents(url)
        finally:
            server.terminate()
            server.wait(10)
    print(f"kg serve --workers {args.workers}; {args.clients} clients x {args.requests} requests per phase; "
          f"{os.cpu_count()} CPUs")
    print("| phase | requests | req/s | p50 ms | p95 ms | p99 ms | statuses |")
    print("|---|---|---|---|---|---|---|")
    for name, r in (("idle", idle), ("during build", during)):
        print(f"| {name} | {r['requests']} | {r['rps']:.1f} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} "
              f"| {r['statuses']} |")
    print(f"build: {args.build_docs} documents in {build_seconds:.1f} s "
          f"({args.build_docs / build_seconds:.1f} docs/s, validation {'off' if args.no_validate else 'on'}); "
          f"documents seen: {before} before, {seen_during} right after the loaded phase, {after} at the end "
          f"(expected {before + args.build_docs})")


if __name__ == "__main__":
    main()
