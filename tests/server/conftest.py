"""Fixtures of the server tests: a small store and a real `kg serve` process on a free loopback port."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))  # server_corpus.py, also run by subprocesses
from server_corpus import build_store  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str  # http://127.0.0.1:PORT
    process: subprocess.Popen
    log: Path

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


def start_server(store: Path, *args: str, log_dir: Path, env: dict | None = None) -> Server:
    """Start `kg serve` (the real command) and wait until /health answers."""
    port = free_port()
    log = log_dir / f"serve-{port}.log"
    handle = open(log, "wb")
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port),
                                *args], stdout=handle, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    handle.close()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"kg serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(url + "/health", timeout=2).status_code == 200:
                return Server(url, process, log)
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"kg serve did not answer within 90 s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Path:
    """A store with the story documents (asserted, hedged, negated, hostile text) and 20 fillers."""
    path = tmp_path_factory.mktemp("server") / "store"
    build_store(path)
    return path


@pytest.fixture(scope="session")
def server(corpus_store, tmp_path_factory):
    """A read-only `kg serve` on the corpus store: --timeout 3, --max-rows 40, 2 workers of at most 1.5 GB."""
    srv = start_server(corpus_store, "--timeout", "3", "--max-rows", "40", "--workers", "2", "--max-memory", "1536",
                       log_dir=tmp_path_factory.mktemp("logs"))
    yield srv
    srv.stop()


@pytest.fixture
def writable_copy(corpus_store, tmp_path) -> Path:
    """A private copy of the corpus store (for servers that write or builders that add documents)."""
    target = tmp_path / "store"
    shutil.copytree(corpus_store, target)
    return target
