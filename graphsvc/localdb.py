"""A local Neo4j Community server, fetched from Maven Central and run by the project.

The jars (server, its dependencies and Neo4j Browser) are resolved once with Maven into a
cache folder and reused. Each server has a home folder of its own (config, data, logs,
pid file) inside the project, and is started and stopped with Neo4j's own launcher
(`org.neo4j.server.startup.Neo4jCommand`, the same code the `bin/neo4j` script runs).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, replace
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from graphsvc.config import LocalServerSettings

LAUNCHER = "org.neo4j.server.startup.Neo4jCommand"
ADMIN = "org.neo4j.server.startup.Neo4jAdminCommand"
STATE_FILE = "graphsvc-server.json"

POM_TEMPLATE = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>graphsvc.local</groupId>
  <artifactId>neo4j-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId>
      <version>{neo4j}</version></dependency>
    <dependency><groupId>org.neo4j.app</groupId><artifactId>neo4j-server</artifactId>
      <version>{neo4j}</version></dependency>
    <dependency><groupId>org.neo4j.client</groupId><artifactId>neo4j-browser</artifactId>
      <version>{browser}</version></dependency>
  </dependencies>
</project>
"""


class LocalDbError(Exception):
    """A problem starting or reaching the local server, worded for the person at the terminal.
    The CLI prints it without a traceback and exits with its exit code."""

    exit_code = 7  # the server failed to start or stop


class PortInUse(LocalDbError):
    exit_code = 4


class JavaUnusable(LocalDbError):
    exit_code = 5


class JarsUnavailable(LocalDbError):
    exit_code = 6


@dataclass
class ServerStatus:
    running: bool
    pid: int | None
    home: Path
    bolt_port: int | None
    http_port: int | None
    version: str | None = None
    edition: str | None = None


def java_major_version(java: str | None = None) -> int:
    """The major version of the `java` that will run the server; LocalDbError when absent."""
    java = java or _java_binary()
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise JavaUnusable(
            "Java was not found: Neo4j 5.26 needs Java 17 or newer "
            "(install a JDK, e.g. `apt-get install openjdk-17-jre-headless`, or set JAVA_HOME)."
        ) from exc
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not match:
        raise JavaUnusable(f"Could not read the Java version from: {out.stderr.strip()!r}")
    major = int(match.group(1))
    if major == 1 and match.group(2):  # "1.8" style
        major = int(match.group(2))
    return major


def _java_binary() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").exists():
        return str(Path(java_home) / "bin" / "java")
    return shutil.which("java") or "java"


def require_java() -> None:
    major = java_major_version()
    if major < 17:
        raise JavaUnusable(f"Java {major} found, but Neo4j 5.26 needs Java 17 or newer.")


def port_is_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def resolve_jars(settings: LocalServerSettings, echo=print) -> Path:
    """Resolve the server and Browser jars with Maven into the cache; reuse them when present."""
    runtime = settings.cache / f"neo4j-{settings.neo4j_version}-browser-{settings.browser_version}"
    lib = runtime / "lib"
    done = runtime / ".complete"
    if done.exists():
        return lib
    mvn = shutil.which("mvn")
    if not mvn:
        raise JarsUnavailable(
            "Maven (`mvn`) was not found; it fetches the Neo4j jars from Maven Central "
            "(install it, e.g. `apt-get install maven`)."
        )
    runtime.mkdir(parents=True, exist_ok=True)
    (runtime / "pom.xml").write_text(
        POM_TEMPLATE.format(neo4j=settings.neo4j_version, browser=settings.browser_version)
    )
    echo(
        f"Resolving Neo4j {settings.neo4j_version} and Browser {settings.browser_version} "
        f"from Maven Central into {runtime} (first run only)..."
    )
    if lib.exists():
        shutil.rmtree(lib)
    proc = subprocess.run(
        [mvn, "-B", "-q", "-f", str(runtime / "pom.xml"), "dependency:copy-dependencies",
         f"-DoutputDirectory={lib}"],
        capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0 or not any(lib.glob(f"neo4j-{settings.neo4j_version}.jar")):
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-25:])
        raise JarsUnavailable(f"Maven could not resolve the Neo4j artifacts:\n{tail}")
    done.write_text(settings.neo4j_version + "\n")
    return lib


def _host(url: str) -> str:
    from urllib.parse import urlparse

    return urlparse(url).hostname or ""


def render_config(settings: LocalServerSettings, lib: Path) -> str:
    host = settings.listen_address
    return "\n".join([
        "# Written by `graphsvc db start`; edit the settings, not this file.",
        f"server.directories.lib={lib}",
        f"server.default_listen_address={host}",
        f"server.default_advertised_address={host}",
        f"server.bolt.listen_address=:{settings.bolt_port}",
        f"server.bolt.advertised_address=:{settings.bolt_port}",
        f"server.http.listen_address=:{settings.http_port}",
        f"server.http.advertised_address=:{settings.http_port}",
        "server.https.enabled=false",
        f"server.memory.heap.initial_size={settings.heap_initial}",
        f"server.memory.heap.max_size={settings.heap_max}",
        f"server.memory.pagecache.size={settings.pagecache}",
        "dbms.security.auth_enabled=true",
        "dbms.usage_report.enabled=false",
        # Browser: no product analytics (its consent banner stays away), and remote content
        # (guides) only from this machine, not from the internet; drivers send no telemetry.
        # (Community 5.26 has no `browser.allow_outgoing_connections`.)
        "client.allow_telemetry=false",
        "browser.remote_content_hostname_whitelist=localhost,127.0.0.1"
        + (f",{_host(settings.analyst_url)}" if _host(settings.analyst_url)
           not in ("localhost", "127.0.0.1") else ""),
        # On connect, Browser loads graphsvc's graph style and opens its guide, both served
        # by the API (graphsvc.analysts).
        f"browser.post_connect_cmd=style {settings.analyst_url}/graphsvc.grass; "
        f"play {settings.analyst_url}/guide.html",
        "server.bolt.telemetry.enabled=false",
        *([f"dbms.cypher.min_replan_interval={settings.min_replan_interval}"]
          if settings.min_replan_interval else []),
        "server.jvm.additional=-XX:+UseG1GC",
        "server.jvm.additional=-XX:-OmitStackTraceInFastThrow",
        "server.jvm.additional=-XX:+DisableExplicitGC",
        "server.jvm.additional=-Djdk.nio.maxCachedBufferSize=1024",
        "server.jvm.additional=-Dio.netty.tryReflectionSetAccessible=true",
        "",
    ])


def _launcher_env(settings: LocalServerSettings) -> dict[str, str]:
    env = dict(os.environ)
    env["NEO4J_HOME"] = str(settings.home)
    env["NEO4J_CONF"] = str(settings.home / "conf")
    return env


def _run_launcher(settings: LocalServerSettings, lib: Path, main: str, *args: str,
                  timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run(
        [_java_binary(), "-cp", f"{lib}/*", main, *args],
        env=_launcher_env(settings), capture_output=True, text=True, timeout=timeout, check=False,
    )


def run_admin(settings: LocalServerSettings, lib: Path, *args: str,
              timeout: float = 180) -> subprocess.CompletedProcess:
    """`neo4j-admin <args>` of the local server (the same jars, its home and config)."""
    for sub in ("conf", "data", "logs", "run", "plugins", "import"):
        (settings.home / sub).mkdir(parents=True, exist_ok=True)
    (settings.home / "conf" / "neo4j.conf").write_text(render_config(settings, lib))
    return _run_launcher(settings, lib, ADMIN, *args, timeout=timeout)


def _pid(settings: LocalServerSettings) -> int | None:
    pid_file = settings.home / "run" / "neo4j.pid"
    try:
        pid = int(pid_file.read_text().strip())
    except (OSError, ValueError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass
    return pid


def _read_state(settings: LocalServerSettings) -> dict:
    try:
        return json.loads((settings.home / STATE_FILE).read_text())
    except (OSError, ValueError):
        return {}


def running_settings(settings: LocalServerSettings) -> LocalServerSettings:
    """The settings the server in `settings.home` was started with (ports may differ)."""
    state = _read_state(settings)
    if not state:
        return settings
    return replace(settings, bolt_port=state["bolt_port"], http_port=state["http_port"],
                   listen_address=state.get("listen_address", settings.listen_address))


def log_tail(settings: LocalServerSettings, lines: int = 40) -> str:
    chunks = []
    for name in ("neo4j.log", "debug.log"):
        path = settings.home / "logs" / name
        if path.exists():
            text = path.read_text(errors="replace").splitlines()[-lines:]
            chunks.append(f"--- {path} (last {len(text)} lines) ---\n" + "\n".join(text))
    return "\n".join(chunks) or "(no log written)"


def wait_for_bolt(uri: str, user: str, password: str, timeout: float = 180,
                  echo=None) -> None:
    """Block until Bolt answers a query with these credentials; LocalDbError after `timeout`.
    With `echo`, say every 10 seconds that it is still waiting."""
    started = time.monotonic()
    deadline = started + timeout
    said = started
    last: Exception | None = None
    while time.monotonic() < deadline:
        if echo and time.monotonic() - said >= 10:
            said = time.monotonic()
            echo(f"  still waiting for Neo4j to answer on {uri} ({said - started:.0f} s)...")
        try:
            with GraphDatabase.driver(uri, auth=(user, password)) as driver:
                driver.verify_connectivity()
                return
        except AuthError as exc:
            raise LocalDbError(
                f"Neo4j answers at {uri} but refused the configured password ({exc.message}). "
                "The data folder was created with another NEO4J_PASSWORD."
            ) from exc
        except (ServiceUnavailable, OSError) as exc:
            last = exc
            time.sleep(0.5)
    raise LocalDbError(f"Neo4j did not answer on {uri} within {timeout:.0f}s ({last}).")


def start(settings: LocalServerSettings, echo=print, timeout: float = 180) -> ServerStatus:
    """Start the server in the background (or find it running) and wait until Bolt answers."""
    pid = _pid(settings)
    if pid:
        current = running_settings(settings)
        wait_for_bolt(current.bolt_uri, current.user, current.password, timeout)
        echo(f"Neo4j is already running (pid {pid}) on {current.bolt_uri}.")
        return status(settings)
    require_java()
    for label, port in (("Bolt", settings.bolt_port), ("HTTP", settings.http_port)):
        if not port_is_free(settings.listen_address, port):
            raise PortInUse(
                f"The {label} port {port} on {settings.listen_address} is already in use "
                f"by another process; choose another with NEO4J_{label.upper()}_PORT or "
                f"--{label.lower()}-port."
            )
    lib = resolve_jars(settings, echo)
    for sub in ("conf", "data", "logs", "run", "plugins", "import"):
        (settings.home / sub).mkdir(parents=True, exist_ok=True)
    (settings.home / "conf" / "neo4j.conf").write_text(render_config(settings, lib))
    if not (settings.home / "data" / "dbms" / "auth.ini").exists():
        proc = _run_launcher(settings, lib, ADMIN, "dbms", "set-initial-password",
                             settings.password)
        if proc.returncode != 0:
            raise LocalDbError(f"Setting the initial password failed:\n{proc.stdout}{proc.stderr}")
    (settings.home / STATE_FILE).write_text(json.dumps({
        "bolt_port": settings.bolt_port, "http_port": settings.http_port,
        "listen_address": settings.listen_address, "version": settings.neo4j_version,
    }))
    echo(f"Starting Neo4j {settings.neo4j_version} on {settings.bolt_uri}...")
    proc = _run_launcher(settings, lib, LAUNCHER, "start")
    if proc.returncode != 0:
        raise LocalDbError(
            f"Neo4j failed to start:\n{proc.stdout}{proc.stderr}\n{log_tail(settings)}"
        )
    try:
        wait_for_bolt(settings.bolt_uri, settings.user, settings.password, timeout, echo=echo)
    except LocalDbError as exc:
        raise LocalDbError(f"{exc}\n{log_tail(settings)}") from exc
    echo(f"Neo4j {settings.neo4j_version} started on {settings.bolt_uri} "
         f"(Browser {settings.http_url}/browser/).")
    return status(settings)


def stop(settings: LocalServerSettings, echo=print) -> None:
    """Stop the server if it runs; a stopped server is fine."""
    pid = _pid(settings)
    if not pid:
        echo("Neo4j is not running.")
        return
    lib = resolve_jars(settings, echo)
    proc = _run_launcher(settings, lib, LAUNCHER, "stop")
    if proc.returncode != 0 and _pid(settings):
        raise LocalDbError(f"Neo4j did not stop:\n{proc.stdout}{proc.stderr}")
    echo(f"Neo4j stopped (was pid {pid}).")


def status(settings: LocalServerSettings) -> ServerStatus:
    pid = _pid(settings)
    current = running_settings(settings)
    result = ServerStatus(running=bool(pid), pid=pid, home=settings.home,
                          bolt_port=current.bolt_port, http_port=current.http_port)
    if pid:
        try:
            with GraphDatabase.driver(current.bolt_uri,
                                      auth=(current.user, current.password)) as driver:
                records, _, _ = driver.execute_query(
                    "CALL dbms.components() YIELD name, versions, edition "
                    "RETURN versions[0] AS version, edition", database_="system")
                result.version = records[0]["version"]
                result.edition = records[0]["edition"]
        except Exception:  # noqa: BLE001 - status reports what it can
            pass
    return result
