"""A small pool of worker processes that evaluate SPARQL with a hard time limit.

pyoxigraph has no query timeout and evaluates in Rust without the GIL, so a
thread cannot be stopped. Each query therefore runs in a worker *process*
(:mod:`kg.server._worker`); when a query outlives the timeout the pool kills
that process, answers 503, and starts a replacement in the background while
the other workers keep answering.
"""

from __future__ import annotations

import logging
import multiprocessing
import queue
import threading
import time
from dataclasses import dataclass

from kg.errors import StoreError

log = logging.getLogger("kg.server")

Reply = tuple[int, str, bytes, dict]


@dataclass(eq=False)
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: object  # multiprocessing Connection


class WorkerPool:
    """Worker processes over one store, each answering one job at a time.

    Parameters
    ----------
    store_path : the store directory
    size : number of worker processes
    timeout : seconds a job may run before its worker is killed
    max_rows : result-row cap passed to the workers
    writable : open the store for writing (one worker: the update worker)
    max_memory_mb : address-space cap of each worker (None: no cap); a query that
        needs more makes its worker die, and the pool answers 500 and replaces it
    """

    def __init__(self, store_path: str, *, size: int = 2, timeout: float = 10.0, max_rows: int = 10_000,
                 writable: bool = False, max_memory_mb: int | None = None):
        if size < 1:
            raise ValueError("a pool needs at least one worker")
        self.store_path = str(store_path)
        self.size = size
        self.timeout = timeout
        self.max_rows = max_rows
        self.writable = writable
        self.max_memory_mb = max_memory_mb
        self.wait_timeout = max(30.0, 2 * timeout)  # how long a request waits for a free worker
        self._context = multiprocessing.get_context("spawn")  # never fork a process with RocksDB threads
        self._idle: queue.Queue[_Worker | None] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self.killed = 0  # workers killed at the timeout (reported by /health)
        self.newest = 0  # newest store generation any worker answered from

    # -- lifecycle ------------------------------------------------------------------
    def start(self) -> None:
        """Start every worker and wait until each has opened the store.

        Raises
        ------
        StoreError
            a worker could not open the store (the message says why)
        """
        pending = [self._spawn() for _ in range(self.size)]
        try:
            for worker in pending:
                self._await_ready(worker)
                self._idle.put(worker)
        except BaseException:
            self.close()
            raise

    def _spawn(self) -> _Worker:
        from kg.server import _worker

        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker.serve, name="kg-serve-worker", daemon=True,
                                        args=(child, self.store_path, self.writable, self.max_rows,
                                              self.max_memory_mb))
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._all.add(worker)
        return worker

    def _await_ready(self, worker: _Worker, wait: float = 120.0) -> None:
        if not worker.conn.poll(wait):
            self._kill(worker)
            raise StoreError(f"a server worker did not start within {wait:.0f} s")
        try:
            status, detail = worker.conn.recv()
        except (EOFError, OSError) as err:
            self._kill(worker)
            raise StoreError(f"a server worker died while opening the store {self.store_path}") from err
        if status != "ready":
            self._kill(worker)
            raise StoreError(f"a server worker cannot open the store {self.store_path}: {detail}")

    def _replace(self) -> None:
        """Start a worker in the background to take a killed one's place."""

        def run():
            for attempt in range(5):
                if self._closed:
                    return
                worker = self._spawn()
                try:
                    self._await_ready(worker)
                except StoreError as err:
                    log.warning("replacing a worker failed (attempt %d): %s", attempt + 1, err)
                    time.sleep(0.5 * (attempt + 1))
                    continue
                if self._closed:
                    self._kill(worker)
                    return
                self._idle.put(worker)
                return

        threading.Thread(target=run, name="kg-serve-respawn", daemon=True).start()

    def _kill(self, worker: _Worker) -> None:
        try:
            worker.process.kill()
            worker.process.join(5)
        except (OSError, ValueError, AssertionError):
            pass
        try:
            worker.conn.close()
        except OSError:
            pass
        with self._lock:
            self._all.discard(worker)

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        self._idle.put(None)
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            self._kill(worker)

    @property
    def pids(self) -> list[int]:
        """Process ids of the running workers."""
        with self._lock:
            return sorted(w.process.pid for w in self._all if w.process.is_alive())

    @property
    def alive(self) -> int:
        """Workers running now (busy or idle)."""
        with self._lock:
            return sum(1 for w in self._all if w.process.is_alive())

    # -- jobs -----------------------------------------------------------------------
    def _saw(self, generation: str) -> None:
        try:
            value = int(generation or 0)
        except ValueError:
            return
        with self._lock:
            self.newest = max(self.newest, value)

    def submit(self, job: dict) -> Reply:
        """Run ``job`` in a free worker; blocks up to the timeout (call it from a thread)."""
        if self._closed:
            return _text(503, "the server is shutting down")
        deadline = time.monotonic() + self.wait_timeout
        while True:
            try:
                worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                return _text(503, f"all {self.size} workers stayed busy for {self.wait_timeout:.0f} s; "
                                  "try again later")
            if worker is None:  # close() wakes every waiting request
                self._idle.put(None)
                return _text(503, "the server is shutting down")
            if worker.process.is_alive():
                break
            self._kill(worker)  # died while idle (killed from outside): replace it, take another
            self._replace()
        try:
            worker.conn.send({**job, "at_least": self.newest})
            if worker.conn.poll(self.timeout):
                reply = worker.conn.recv()
                self._idle.put(worker)
                self._saw(reply[3].get("X-KG-Generation", ""))
                return reply
        except (EOFError, OSError, BrokenPipeError):
            self._kill(worker)
            self._replace()
            return _text(500, "the worker evaluating the query died (out of memory?); the server started a new "
                              "one: make the query more selective")
        # the deadline passed: stop the work for real
        self._kill(worker)
        self.killed += 1
        self._replace()
        return _text(503, f"the query ran longer than the {self.timeout:g} s timeout and was stopped; "
                          "make it more selective (LIMIT, a more specific pattern)")


def _text(status: int, message: str) -> Reply:
    return status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"), {}
