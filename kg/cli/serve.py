"""`kg serve`: the SPARQL endpoint and web explorer."""

from __future__ import annotations

import click

from kg.cli._app import main, store_option


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. The default answers this machine only; 0.0.0.0 exposes the store.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="TCP port.")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="Seconds a query may run; longer ones are stopped (HTTP 503).")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(1),
              help="Most rows (or triples) per answer; a cut answer says so (header X-KG-Truncated).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Query worker processes.")
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL Update (POST, with --token). The server then holds the store's write lock.")
@click.option("--token", envvar="KG_SERVE_TOKEN", default=None, metavar="T",
              help="Bearer token updates must carry (env KG_SERVE_TOKEN).")
@click.option("--max-memory", "max_memory_mb", default=4096, show_default=True, type=click.IntRange(0),
              metavar="MB", help="Address-space cap per worker process (0: none); a query needing more fails (500).")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Web origin allowed to read answers from a browser (repeatable; '*' for any page). "
                   "Default: only pages served from this machine (http://localhost:PORT, http://127.0.0.1:PORT).")
def serve(store_path, host, port, timeout, max_rows, workers, allow_update, token, max_memory_mb, cors_origins):
    """Serve the store over HTTP: a SPARQL 1.1 endpoint at /sparql and an explorer at /.

    \b
    Read-only and bound to 127.0.0.1 by default. SERVICE, LOAD, FROM and
    FROM NAMED are refused before evaluation, so a query never reaches the
    network or the file system. Every query runs in a worker process that is
    killed at --timeout. `kg build` may run at the same time on the same
    store: answers include new documents a moment after they land.

    \b
      kg serve                              http://127.0.0.1:7878/
      curl 'http://127.0.0.1:7878/sparql?query=ASK%7B?s%20?p%20?o%7D'
    """
    try:
        import uvicorn

        from kg.server import ServerConfig, create_app
        from kg.server.app import LOOPBACK_HOSTS
    except ImportError as err:
        raise click.ClickException(f"`kg serve` needs the server extra ({err.name} is missing): "
                                   "pip install 'siliconkg[server]'") from None
    if token and not allow_update:
        raise click.UsageError("--token only matters with --allow-update")
    if allow_update and not token:
        raise click.UsageError("--allow-update needs --token T (or env KG_SERVE_TOKEN)")
    config = ServerConfig(store=store_path, timeout=timeout, max_rows=max_rows, workers=workers,
                          allow_update=allow_update, token=token, cors_origins=tuple(cors_origins),
                          trusted_hosts=LOOPBACK_HOSTS if host in LOOPBACK_HOSTS else None,
                          max_memory_mb=max_memory_mb or None)
    _check_port_free(host, port)
    app = create_app(config)
    if host not in ("127.0.0.1", "::1", "localhost"):
        click.secho(f"warning: binding {host} makes the store readable from other machines", fg="yellow", err=True)
    click.echo(f"kg serve: http://{host}:{port}/ (SPARQL at /sparql) — store {store_path}, "
               f"{'UPDATES ALLOWED with the token' if allow_update else 'read-only'}; Ctrl-C stops", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", lifespan="on", timeout_graceful_shutdown=3)


def _check_port_free(host: str, port: int) -> None:
    """Fail with a clear message (not uvicorn's log line) when the address is taken."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as err:
            raise click.ClickException(f"cannot listen on {host}:{port} ({err.strerror}): another server is "
                                       "probably there; pass --port N") from None
