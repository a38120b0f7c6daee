"""`jixiao serve`: the review workbench over a store; `jixiao add-reviewer`: a name and password for it."""

from __future__ import annotations

import getpass
import socket
from pathlib import Path
from typing import Annotated

import typer

from jixiao.cli.app import command, console, report_error
from jixiao.cli.store_option import StoreOption, require_store
from jixiao.errors import ConfigError


@command()
def serve(
    db: StoreOption = "jixiao.db",
    host: Annotated[
        str, typer.Option(help="address to listen on (another than 127.0.0.1 needs sign-in)")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port (0: any free port)")] = 8765,
    reviewer: Annotated[
        str | None, typer.Option(help="name on every decision when nobody signs in (default: your user name)")
    ] = None,
    token: Annotated[
        str | None,
        typer.Option(envvar="JIXIAO_REVIEW_TOKEN", help="a shared token people sign in with (with their name)"),
    ] = None,
    reviewers: Annotated[
        Path | None, typer.Option(help="reviewer list with password hashes (jixiao add-reviewer writes it)")
    ] = None,
) -> None:
    """Open the review workbench: the queue of findings, and confirm / dismiss / correct each one."""
    import uvicorn

    from jixiao.workbench import Access, check_exposure, create_app, load_reviewers

    require_store(db)
    if token is not None and reviewers is not None:
        raise ConfigError("give --token or --reviewers, not both")
    access = Access(
        reviewer=None if token or reviewers else (reviewer or getpass.getuser()),
        token=token or None,
        reviewers=load_reviewers(reviewers) if reviewers else {},
    )
    check_exposure(host, access)
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as error:
        report_error(f"cannot listen on {host}:{port} ({error.strerror})")
        raise typer.Exit(2) from None
    bound = listener.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    allowed = ["127.0.0.1", "localhost", "[::1]"] if host in ("127.0.0.1", "localhost", "::1") else ["*"]
    application = create_app(db, access, allowed_hosts=allowed, warm=True)
    console.print(f"jixiao review workbench on http://{shown}:{bound}/ (Ctrl-C to stop)", highlight=False)
    console.file.flush()  # a script (or a test) waiting for the URL on a pipe gets it now
    server = uvicorn.Server(uvicorn.Config(application, log_level="warning", access_log=False))
    server.run(sockets=[listener])


@command("add-reviewer")
def add_reviewer_command(
    name: Annotated[str, typer.Argument(help="the reviewer's name, shown on each decision")],
    file: Annotated[Path, typer.Option("--file", help="reviewer list (created if missing)")] = Path("reviewers.json"),
    password: Annotated[
        str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True, help="asked for when not given")
    ] = "",
) -> None:
    """Add a reviewer (or change a password) in the list `jixiao serve --reviewers` reads; only a hash is kept."""
    from jixiao.workbench import add_reviewer

    if len(password) < 8:
        report_error("a password needs at least 8 characters")
        raise typer.Exit(2)
    add_reviewer(file, name, password)
    console.print(f"{name} can now sign in (hash written to {file})", highlight=False)
