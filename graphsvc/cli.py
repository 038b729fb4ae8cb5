"""The `graphsvc` command: run the local Neo4j, migrate, seed, serve.

An expected failure is one line on stderr and a distinct exit code, never a traceback:
1 refused (bad input, a rule), 2 configuration (a variable's value, Neo4j's credentials),
3 Neo4j not reachable (or, for `db status`, not running), 4 a port in use, 5 Java missing
or too old, 6 Maven could not fetch the jars, 7 Neo4j failed to start or stop."""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

import click

from graphsvc import localdb
from graphsvc.config import ConfigError, LocalServerSettings, Settings, env_int

EXIT_REFUSED, EXIT_CONFIG, EXIT_DATABASE = 1, 2, 3


def _graph():
    """A handle on the configured database, which must answer (exit 3 otherwise)."""
    from graphsvc.db import Graph
    from graphsvc.errors import DatabaseUnavailable

    settings = Settings.from_env()
    graph = Graph(settings)
    try:
        reachable = graph.reachable()
    except BaseException:
        graph.close()
        raise
    if not reachable:
        graph.close()
        raise DatabaseUnavailable(
            f"Neo4j is not reachable at {settings.neo4j_uri}: start it (graphsvc db start) "
            "or point NEO4J_URI at a running server.")
    return graph


def _fail(exc: Exception) -> None:
    click.secho(str(exc), fg="red", err=True)
    sys.exit(EXIT_REFUSED)


def _expected_failure(exc: Exception) -> int | None:
    """The exit code of an expected failure, or None for a bug (which keeps its traceback)."""
    from neo4j.exceptions import AuthError, ServiceUnavailable

    from graphsvc.errors import DatabaseUnavailable, ServiceError

    if isinstance(exc, ConfigError):
        return EXIT_CONFIG
    if isinstance(exc, localdb.LocalDbError):
        return exc.exit_code
    if isinstance(exc, AuthError):
        return EXIT_CONFIG
    if isinstance(exc, DatabaseUnavailable | ServiceUnavailable):
        return EXIT_DATABASE
    if isinstance(exc, ServiceError):
        return EXIT_REFUSED
    return None


def _message(exc: Exception) -> str:
    from neo4j.exceptions import AuthError, ServiceUnavailable

    if isinstance(exc, AuthError):
        return ("Neo4j refused the credentials: check NEO4J_USER and NEO4J_PASSWORD "
                "(the local server's password is set on its first start).")
    if isinstance(exc, ServiceUnavailable):
        return "Neo4j is not reachable: start it (graphsvc db start) or check NEO4J_URI."
    return str(exc)


class Commands(click.Group):
    """Every subcommand's expected failures become one red line and their exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except Exception as exc:
            code = _expected_failure(exc)
            if code is None:
                raise
            click.secho(_message(exc), fg="red", err=True)
            ctx.exit(code)


@click.group(cls=Commands)
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
    localdb.start(_server_settings(bolt_port, http_port, home), echo=click.echo)


@db.command("stop")
@_server_options
def db_stop(bolt_port, http_port, home) -> None:
    """Stop the local Neo4j (fine when it is not running)."""
    localdb.stop(_server_settings(bolt_port, http_port, home), echo=click.echo)


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
    sys.exit(0 if info.running else EXIT_DATABASE)


@db.command("migrate")
def db_migrate() -> None:
    """Install the constraints and indexes and run the data migrations (idempotent): says
    what it created, or that the schema is up to date."""
    from graphsvc.schema import migrate

    graph = _graph()
    try:
        for line in migrate(graph).lines():
            click.echo(line)
    finally:
        graph.close()


@db.command("initial-load")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True,
              help="replace a database that holds data (the import tool rewrites all of it)")
@_server_options
def db_initial_load(path: Path, replace: bool, bolt_port, http_port, home) -> None:
    """A large org's first load: the bulk of a seed document (users, groups, directories,
    contacts and their links) through `neo4j-admin database import full`, then the schema,
    then the rest through the seed loaders. Stops and restarts the local server."""
    import json

    from graphsvc import bulkload

    data = json.loads(path.read_text(encoding="utf-8"))
    try:
        counts = bulkload.initial_load(_server_settings(bolt_port, http_port, home), data,
                                       replace=replace, echo=click.echo)
    except ValueError as exc:
        _fail(click.UsageError(str(exc)))
    for section, n in counts.items():
        click.echo(f"{section}: {n}")


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


def _seed_default() -> Path:
    from graphsvc.seed import demo_seed_path

    return demo_seed_path()


@main.command()
@click.option("--file", "path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=_seed_default, show_default="the demo org")
@click.option("--reset", is_flag=True,
              help="wipe the database first (everything in it is deleted)")
def seed(path: Path, reset: bool) -> None:
    """Fill an empty database with the demo org. A database that already holds data is left
    alone (your edits stay) unless --reset wipes it first."""
    graph = _graph()
    try:
        _seed(graph, path, reset)
    finally:
        graph.close()


def _seed(graph, path: Path, reset: bool) -> None:
    from graphsvc.seed import seed_demo

    counts = seed_demo(graph, path, reset=reset)
    if counts is None:
        click.echo("The database already holds data: left as it is "
                   "(graphsvc seed --reset wipes it and loads the demo).")
        return
    click.echo("Seeded: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))


@main.command()
@click.option("--host", default=os.environ.get("GRAPHSVC_HOST", "127.0.0.1"), show_default=True)
@click.option("--port", type=int, default=lambda: env_int("GRAPHSVC_PORT", 8000),
              show_default="8000, env GRAPHSVC_PORT")
@click.option("--workers", type=int, default=lambda: env_int("GRAPHSVC_WORKERS", 4, high=256),
              show_default="4, env GRAPHSVC_WORKERS")
@click.option("--dev", is_flag=True, help="Flask's reloading development server instead")
def serve(host: str, port: int, workers: int, dev: bool) -> None:
    """Serve the API (gunicorn; `--dev` for Flask's development server)."""
    _require_free_port(host, port)
    _serve(host, port, workers, dev)


def _require_free_port(host: str, port: int) -> None:
    if not localdb.port_is_free(host, port):
        raise localdb.PortInUse(
            f"The API port {port} on {host} is already in use (is graphsvc already up?): "
            "stop that process or choose another with --port or GRAPHSVC_PORT.")


def _serve(host: str, port: int, workers: int, dev: bool) -> None:
    if dev:
        from graphsvc.app import create_app

        create_app().run(host=host, port=port, debug=True)
        return
    import tempfile

    from graphsvc.wsgi import GunicornApp

    # Several workers, one /metrics: prometheus_client's multiprocess mode adds them up.
    os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR",
                          tempfile.mkdtemp(prefix="graphsvc-metrics-"))
    GunicornApp(gunicorn_options(host, port, workers)).run()


def gunicorn_options(host: str, port: int, workers: int) -> dict:
    """gthread workers; idle kept-alive connections stay open 75 s, longer than common
    client pools keep them (urllib3, httpx, Node, Go: 5 to 90 s; nginx upstreams 60 s),
    so a client never sends a request on a connection the server is closing. Request lines
    up to gunicorn's maximum reach the app, which answers 414 as JSON above 4,096. The app
    writes its own JSON access lines (with the request id), so gunicorn writes none."""
    return {"bind": f"{host}:{port}", "workers": workers, "threads": 4,
            "worker_class": "gthread", "timeout": 60, "keepalive": 75,
            "limit_request_line": 8190, "accesslog": None, "child_exit": _worker_exited,
            "logconfig_dict": GUNICORN_JSON_LOGS}


# gunicorn's own lines (starting, workers booting) as JSON, like the app's.
GUNICORN_JSON_LOGS = {
    "version": 1, "disable_existing_loggers": False,
    "formatters": {"json": {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
        "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"}}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json",
                            "stream": "ext://sys.stderr"}},
    "root": {"level": "INFO", "handlers": ["stderr"]},
    "loggers": {"gunicorn.error": {"handlers": ["stderr"], "level": "INFO",
                                   "propagate": False, "qualname": "gunicorn.error"},
                # the app writes the access lines (JSON, with the request id)
                "gunicorn.access": {"handlers": [], "level": "WARNING",
                                    "propagate": False, "qualname": "gunicorn.access"}},
}


def _worker_exited(server, worker) -> None:
    """A dead worker's live gauges leave the sum (prometheus_client multiprocess mode)."""
    from prometheus_client import multiprocess

    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(worker.pid)


@main.command()
@_server_options
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=lambda: env_int("GRAPHSVC_PORT", 8000),
              show_default="8000, env GRAPHSVC_PORT")
@click.option("--workers", type=int, default=lambda: env_int("GRAPHSVC_WORKERS", 4, high=256),
              show_default="4, env GRAPHSVC_WORKERS")
def up(bolt_port, http_port, home, host, port, workers) -> None:
    """Everything for the demo: start Neo4j, migrate, seed an empty database, serve, print
    the URLs. A database with data keeps it (see `graphsvc seed --reset`)."""
    from graphsvc.schema import migrate

    _require_free_port(host, port)  # before anything claims to be up
    # Browser opens the graphsvc guide from this API on connect (graphsvc.analysts).
    os.environ.setdefault("GRAPHSVC_ANALYST_URL", f"http://{host}:{port}/analysts")
    settings = _server_settings(bolt_port, http_port, home)
    localdb.start(settings, echo=click.echo)
    current = localdb.running_settings(settings)
    os.environ["NEO4J_BOLT_PORT"] = str(current.bolt_port)
    graph = _graph()
    try:
        click.echo("Migrating the schema...")
        report = migrate(graph)
        click.echo(f"  {report.summary()}")
        click.echo("Seeding the demo org...")
        _seed(graph, _seed_default(), reset=False)
    finally:
        graph.close()
    # The console's sign-in picker is for this local demo only; one session key for every
    # worker, so a session cookie made by one is read by all.
    os.environ.setdefault("GRAPHSVC_CONSOLE_SIGNIN", "1")
    os.environ.setdefault("GRAPHSVC_SECRET_KEY", secrets.token_hex(32))
    click.secho("\ngraphsvc is up:", bold=True)
    click.echo(f"  API:      http://{host}:{port}/api/v1   (header X-Acting-User: admin)")
    click.echo(f"  Health:   http://{host}:{port}/readyz   (/livez, /metrics)")
    click.echo(f"  Docs:     http://{host}:{port}/docs   (OpenAPI: /openapi.json)")
    click.echo(f"  Console:  http://{host}:{port}/manage/   (group managers; sign in as "
               "hanne, head of Retail West)")
    click.echo(f"  Browser:  {current.http_url}/browser/   "
               f"(connect to {current.bolt_uri} as {current.user})")
    click.echo("Stop the API with Ctrl-C and Neo4j with `graphsvc db stop`.\n")
    _serve(host, port, workers, dev=False)


if __name__ == "__main__":
    main()
