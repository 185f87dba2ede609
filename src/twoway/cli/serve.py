"""`twoway serve`: the local web dashboard and JSON API."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from twoway import paths
from twoway.cli.base import App, cli, pass_app

if TYPE_CHECKING:
    import uvicorn


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but localhost requires an access token.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free one).")
@click.option("--open", "open_browser", is_flag=True, help="Open the dashboard in the default browser.")
@click.option("--token", envvar="TWOWAY_TOKEN", metavar="TEXT",
              help="Access token to require (generated when the host is not localhost).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another host name the server may be reached by (e.g. behind a proxy). Repeatable.")
@click.option("--max-upload-mb", default=512, show_default=True, type=click.IntRange(1, 100_000),
              help="Largest export upload accepted.")
@click.option("--secure-cookies", is_flag=True,
              help="A team server behind a TLS proxy: mark the login cookie Secure even on plain http.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes answering over the one database (a team on PostgreSQL: about one per core).")
@pass_app
def serve(app: App, host: str, port: int, open_browser: bool, token: str | None, allow_hosts: tuple[str, ...],
          max_upload_mb: int, secure_cookies: bool, workers: int) -> None:
    """Start the web dashboard and the JSON API, and print its address.

    Pages: overview, this week, people, person, invitations, prune review, import, settings. The API
    lives under /api, described at /openapi.json. Stop with Ctrl+C.

    With --workers N, N processes answer over the one database, each holding the members' merged
    network and reloading it within seconds of any import (the CLI's, a page's, another worker's).

    Example: twoway serve --open
    Example: twoway --db postgresql+psycopg://twoway@db/team serve --host 0.0.0.0 --workers 4
    """
    import secrets
    import socket
    import webbrowser

    import uvicorn

    from twoway.web import create_app
    from twoway.web.security import is_loopback

    hosts = list(allow_hosts)
    if not is_loopback(host):
        token = token or secrets.token_urlsafe(24)
        if host not in ("0.0.0.0", "::"):  # noqa: S104 - only compared, never bound here
            hosts.append(host)
        else:
            hosts.append(socket.gethostname())
    # Serving the demo: an upload goes into the owner's own database (the demo is rebuilt by `twoway demo`).
    own_db = paths.choose_database(app.db, for_import=True).url if app.choice.is_demo else None
    options: dict[str, Any] = {"db": app.choice.url, "token": token, "allowed_hosts": hosts, "owner": app.owner_hint,
                               "max_upload_mb": max_upload_mb, "warm": True, "own_db": own_db,
                               "secure_cookies": secure_cookies}
    if workers > 1 and own_db:
        # The demo's first upload switches the dashboard to the owner's own database, in the worker it reached.
        click.echo("Serving the demo with one worker (--workers applies to your own database).")
    count = 1 if own_db else workers
    common: dict[str, Any] = {"host": host, "port": port, "log_level": "warning", "access_log": False,
                              "proxy_headers": False, "server_header": False}
    if count == 1:
        config = uvicorn.Config(create_app(**options), **common)
    else:
        config = uvicorn.Config(APP_FACTORY, factory=True, workers=count, **common)
    server = uvicorn.Server(config)

    shown_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host  # noqa: S104
    shown_host = f"[{shown_host}]" if ":" in shown_host else shown_host

    def announce() -> None:
        announce_bound(server.servers[0].sockets[0].getsockname()[1] if server.servers else port)

    def announce_bound(bound: int) -> None:
        address = f"http://{shown_host}:{bound}/"
        # click.echo, not rich: an address must never be wrapped across lines
        many = f" with {count} workers" if count > 1 else ""
        click.echo(f"twoway is serving {paths.describe_url(app.store.url)}{many} at {address}")
        if token:
            click.echo(f"Open it with its access token: {address}?token={token}")
        click.echo("Stop with Ctrl+C.")
        if open_browser:
            webbrowser.open(f"{address}?token={token}" if token else address)

    if count == 1:
        _run(server, announce)
    else:
        _run_workers(config, options, announce_bound)


def _run(server: uvicorn.Server, announce: Callable[[], None]) -> None:
    """Serve until interrupted, announcing the real address once the socket is bound."""
    import asyncio

    async def main() -> None:
        task = asyncio.create_task(server.serve())
        while not server.started and not task.done():
            await asyncio.sleep(0.05)
        if server.started:
            announce()
        await task

    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main())


#: What each worker process builds its app with (uvicorn starts workers from an import string).
APP_FACTORY = "twoway.web.server:app_from_environment"


def _run_workers(config: uvicorn.Config, options: dict[str, Any], announce: Callable[[int], None]) -> None:
    """Serve with ``config.workers`` processes on one socket until interrupted.

    The app's options reach every worker in a private file (the access token among them, so it is never
    on a command line), with one CSRF key for all, so a form served by one worker is accepted by another,
    and a folder where an upload's progress is found by whichever worker the page asks next.
    """
    import json
    import os
    import secrets
    import shutil
    import socket
    import tempfile
    from pathlib import Path

    from uvicorn.supervisors import Multiprocess

    from twoway.web.server import OPTIONS_ENV

    folder = Path(tempfile.mkdtemp(prefix="twoway-serve-"))  # 0700: readable by this user only
    try:
        path = folder / "options.json"
        (folder / "imports").mkdir()
        path.write_text(json.dumps({**options, "csrf_secret": secrets.token_hex(32),
                                    "shared_dir": str(folder / "imports")}), encoding="utf-8")
        path.chmod(0o600)
        os.environ[OPTIONS_ENV] = str(path)  # the workers are spawned with this environment
        sock = config.bind_socket()
        sock.listen(config.backlog)  # connections wait for the first worker instead of being refused
        # The socket is made with protocol 0, so asyncio does not switch off Nagle on what it accepts (it does
        # for sockets it makes itself): every small answer would wait ~40 ms for a delayed ACK. Accepted
        # connections inherit the option from the listening socket.
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        announce(sock.getsockname()[1])
        with contextlib.suppress(KeyboardInterrupt):
            Multiprocess(config, sockets=[sock]).run()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
