"""`twoway serve`: the local web dashboard and JSON API."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

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
@pass_app
def serve(app: App, host: str, port: int, open_browser: bool, token: str | None, allow_hosts: tuple[str, ...],
          max_upload_mb: int, secure_cookies: bool) -> None:
    """Start the web dashboard and the JSON API, and print its address.

    Pages: overview, this week, people, person, invitations, prune review, import, settings. The API
    lives under /api, described at /openapi.json. Stop with Ctrl+C.

    Example: twoway serve --open
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
    web_app = create_app(app.choice.url, token=token, allowed_hosts=hosts, owner=app.owner_hint,
                         max_upload_mb=max_upload_mb, warm=True, own_db=own_db, secure_cookies=secure_cookies)
    config = uvicorn.Config(web_app, host=host, port=port, log_level="warning", access_log=False,
                            proxy_headers=False, server_header=False)
    server = uvicorn.Server(config)

    shown_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host  # noqa: S104
    shown_host = f"[{shown_host}]" if ":" in shown_host else shown_host

    def announce() -> None:
        bound = server.servers[0].sockets[0].getsockname()[1] if server.servers else port
        address = f"http://{shown_host}:{bound}/"
        # click.echo, not rich: an address must never be wrapped across lines
        click.echo(f"twoway is serving {paths.describe_url(app.store.url)} at {address}")
        if token:
            click.echo(f"Open it with its access token: {address}?token={token}")
        click.echo("Stop with Ctrl+C.")
        if open_browser:
            webbrowser.open(f"{address}?token={token}" if token else address)

    _run(server, announce)


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
