"""The `graphsvc` command: run the local Neo4j, migrate, seed, serve."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from graphsvc import localdb
from graphsvc.config import PROJECT_ROOT, LocalServerSettings, Settings


def _graph():
    from graphsvc.db import Graph

    return Graph(Settings.from_env())


def _fail(exc: Exception) -> None:
    click.secho(str(exc), fg="red", err=True)
    sys.exit(1)


@click.group()
@click.version_option(package_name="graphsvc")
def main() -> None:
    """graphsvc: org-chart decisions answered as Neo4j traversals."""


# -- the local Neo4j server ----------------------------------------------------------------

def _server_options(func):
    func = click.option("--bolt-port", type=int, help="Bolt port [env NEO4J_BOLT_PORT, 7687]")(func)
    func = click.option("--http-port", type=int, help="HTTP port [env NEO4J_HTTP_PORT, 7474]")(func)
    func = click.option("--home", type=click.Path(path_type=Path),
                        help="server folder [env GRAPHSVC_NEO4J_HOME, ./.neo4j]")(func)
    return func


def _server_settings(bolt_port=None, http_port=None, home=None) -> LocalServerSettings:
    settings = LocalServerSettings.from_env(bolt_port=bolt_port, http_port=http_port, home=home)
    # The API and the CLI reach the server the same way the user configured it.
    os.environ.setdefault("NEO4J_BOLT_PORT", str(settings.bolt_port))
    return settings


@main.group()
def db() -> None:
    """The local Neo4j Community server and the database schema."""


@db.command("start")
@_server_options
def db_start(bolt_port, http_port, home) -> None:
    """Fetch (first time) and start a local Neo4j; waits until Bolt answers."""
    try:
        localdb.start(_server_settings(bolt_port, http_port, home), echo=click.echo)
    except localdb.LocalDbError as exc:
        _fail(exc)


@db.command("stop")
@_server_options
def db_stop(bolt_port, http_port, home) -> None:
    """Stop the local Neo4j (fine when it is not running)."""
    try:
        localdb.stop(_server_settings(bolt_port, http_port, home), echo=click.echo)
    except localdb.LocalDbError as exc:
        _fail(exc)


@db.command("status")
@_server_options
def db_status(bolt_port, http_port, home) -> None:
    """Version, edition, ports and data folder of the local Neo4j."""
    info = localdb.status(_server_settings(bolt_port, http_port, home))
    click.echo(f"running:  {f'yes (pid {info.pid})' if info.running else 'no'}")
    click.echo(f"version:  {info.version or '-'}")
    click.echo(f"edition:  {info.edition or '-'}")
    click.echo(f"bolt:     {info.bolt_port}")
    click.echo(f"http:     {info.http_port}")
    click.echo(f"data:     {info.home / 'data'}")
    sys.exit(0 if info.running else 3)


@db.command("migrate")
def db_migrate() -> None:
    """Install the uniqueness constraints and indexes of the models (idempotent)."""
    from graphsvc.schema import migrate

    graph = _graph()
    try:
        click.echo(migrate(graph))
    finally:
        graph.close()


@db.command("wipe")
@click.option("--yes", is_flag=True, help="really delete every node and relationship")
def db_wipe(yes: bool) -> None:
    """Delete all data in the configured database (the schema stays)."""
    if not yes:
        _fail(click.UsageError("wipe deletes everything in the database; pass --yes"))
    graph = _graph()
    try:
        before = graph.read_one("system/count_all")
        graph.run_autocommit("system/wipe_all")
        click.echo(f"Deleted {before['nodes']} nodes and {before['relationships']} "
                   "relationships.")
    finally:
        graph.close()


# -- data and the API ----------------------------------------------------------------------

@main.group()
def admin() -> None:
    """Admins: the first one on an empty database, without the API."""


@admin.command("create")
@click.option("--uid", required=True, help="the admin's uid (lowercase letters, digits, -_.)")
@click.option("--name", required=True)
@click.option("--email", required=True)
def admin_create(uid: str, name: str, email: str) -> None:
    """Create an active admin, validated like POST /api/v1/users. The API needs one to let
    anyone in (X-Acting-User); this is the way in on an empty database."""
    from marshmallow import ValidationError

    from graphsvc.errors import ServiceError
    from graphsvc.schemas.org import UserIn
    from graphsvc.services import org

    try:
        data = UserIn().load({"uid": uid, "name": name, "email": email})
    except ValidationError as exc:
        _fail("; ".join(f"--{k}: {', '.join(map(str, v))}"
                        for k, v in exc.normalized_messages().items()))
    graph = _graph()
    try:
        user = org.create_admin(graph, data)
        click.echo(f"admin '{user['uid']}' created; act as it with X-Acting-User: {user['uid']}")
    except ServiceError as exc:
        _fail(str(exc))
    finally:
        graph.close()


@main.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--mode", type=click.Choice(["all", "batches"]), default="all", show_default=True,
              help="all: the whole document or nothing; batches: each batch commits alone")
@click.option("--replace-members", is_flag=True, default=None,
              help="members, grants and links become exactly the lists given (overrides "
                   "the document's replace_members)")
def import_command(path: Path, mode: str, replace_members: bool | None) -> None:
    """Bulk sync from one JSON document, validated like POST /api/v1/import (the format is
    in /openapi.json as ImportDocument, and in the README)."""
    import json

    from marshmallow import ValidationError
    from tqdm import tqdm

    from graphsvc.api.errors import flatten_messages
    from graphsvc.errors import ServiceError
    from graphsvc.schemas.imports import ImportDocument
    from graphsvc.services import imports

    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        document = ImportDocument().load(raw)
    except json.JSONDecodeError as exc:
        _fail(f"{path}: not JSON: {exc}")
    except ValidationError as exc:
        _fail("; ".join(f"{k}: {', '.join(v)}" for k, v in
                        list(flatten_messages(exc.normalized_messages()).items())[:20]))
    if replace_members is not None:
        document["replace_members"] = replace_members
    graph = _graph()
    try:
        with tqdm(total=imports.count_rows(document), unit="rows", desc="import") as bar:
            report = imports.import_document(graph, document, mode, progress=bar.update)
        for section, counts in report["sections"].items():
            click.echo(f"{section}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        rate = report["rows"] / max(report["seconds"], 1e-9)
        click.echo(f"{report['rows']} rows in {report['batches']} batches, "
                   f"{report['seconds']:.1f} s ({rate:,.0f} rows/s)")
    except ServiceError as exc:
        _fail(f"{exc} {exc.fields or ''}".strip())
    finally:
        graph.close()


@main.command()
@click.option("--file", "path", type=click.Path(exists=True, path_type=Path),
              default=PROJECT_ROOT / "seeds" / "demo.json", show_default=True)
def seed(path: Path) -> None:
    """Load the demo org (idempotent: running it twice changes nothing)."""
    from graphsvc.seed import load

    graph = _graph()
    try:
        for section, count in load(graph, path).items():
            click.echo(f"{section}: {count}")
    finally:
        graph.close()


@main.command()
@click.option("--host", default=os.environ.get("GRAPHSVC_HOST", "127.0.0.1"), show_default=True)
@click.option("--port", type=int, default=int(os.environ.get("GRAPHSVC_PORT", 8000)),
              show_default=True)
@click.option("--workers", type=int, default=int(os.environ.get("GRAPHSVC_WORKERS", 4)),
              show_default=True)
@click.option("--dev", is_flag=True, help="Flask's reloading development server instead")
def serve(host: str, port: int, workers: int, dev: bool) -> None:
    """Serve the API (gunicorn; `--dev` for Flask's development server)."""
    _serve(host, port, workers, dev)


def _serve(host: str, port: int, workers: int, dev: bool) -> None:
    if dev:
        from graphsvc.app import create_app

        create_app().run(host=host, port=port, debug=True)
        return
    from graphsvc.wsgi import GunicornApp

    GunicornApp(gunicorn_options(host, port, workers)).run()


def gunicorn_options(host: str, port: int, workers: int) -> dict:
    """gthread workers; idle kept-alive connections stay open 75 s, longer than common
    client pools keep them (urllib3, httpx, Node, Go: 5 to 90 s; nginx upstreams 60 s),
    so a client never sends a request on a connection the server is closing. Request lines
    up to gunicorn's maximum reach the app, which answers 414 as JSON above 4,096."""
    return {"bind": f"{host}:{port}", "workers": workers, "threads": 4,
            "worker_class": "gthread", "timeout": 60, "keepalive": 75,
            "limit_request_line": 8190,
            "accesslog": None if os.environ.get("GRAPHSVC_ACCESS_LOG") == "off" else "-"}


@main.command()
@_server_options
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=int(os.environ.get("GRAPHSVC_PORT", 8000)),
              show_default=True)
@click.option("--workers", type=int, default=4, show_default=True)
def up(bolt_port, http_port, home, host, port, workers) -> None:
    """Everything for the demo: start Neo4j, migrate, seed, serve, print the URLs."""
    from graphsvc.schema import migrate
    from graphsvc.seed import load

    settings = _server_settings(bolt_port, http_port, home)
    try:
        localdb.start(settings, echo=click.echo)
    except localdb.LocalDbError as exc:
        _fail(exc)
    current = localdb.running_settings(settings)
    os.environ["NEO4J_BOLT_PORT"] = str(current.bolt_port)
    graph = _graph()
    try:
        migrate(graph)
        counts = load(graph, PROJECT_ROOT / "seeds" / "demo.json")
    finally:
        graph.close()
    click.echo("Seeded: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    click.secho("\ngraphsvc is up:", bold=True)
    click.echo(f"  API:      http://{host}:{port}/api/v1   (header X-Acting-User: admin)")
    click.echo(f"  Health:   http://{host}:{port}/healthz")
    click.echo(f"  Docs:     http://{host}:{port}/docs   (OpenAPI: /openapi.json)")
    click.echo(f"  Browser:  {current.http_url}/browser/   "
               f"(connect to {current.bolt_uri} as {current.user})")
    click.echo("Stop the API with Ctrl-C and Neo4j with `graphsvc db stop`.\n")
    _serve(host, port, workers, dev=False)


if __name__ == "__main__":
    main()
