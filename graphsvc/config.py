"""Settings read from the environment, shared by the API, the CLI and the tests."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ConfigError(Exception):
    """A setting the environment gives cannot be used; names the variable and what it takes.
    The CLI prints it as one line and exits with EXIT_CODE."""

    exit_code = 2


def _env_number(name: str, default, convert, acceptable, expected: str):
    value = os.environ.get(name)
    if not value:
        return default
    try:
        number = convert(value)
    except ValueError:
        number = None
    if number is None or not acceptable(number):
        raise ConfigError(f"{name}={value!r}: expected {expected}.")
    return number


def env_int(name: str, default: int, low: int = 1, high: int = 65535) -> int:
    return _env_number(name, default, int, lambda n: low <= n <= high,
                       f"a whole number from {low} to {high}")


def env_float(name: str, default: float) -> float:
    return _env_number(name, default, float, lambda n: n > 0, "a number of seconds above 0")


@dataclass(frozen=True)
class Settings:
    """How to reach Neo4j. The same variables drive the local server and docker-compose."""

    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: str = "graphsvc-dev-password"
    neo4j_database: str = "neo4j"
    query_timeout: float = 15.0

    @classmethod
    def from_env(cls, **overrides) -> Settings:
        bolt_port = env_int("NEO4J_BOLT_PORT", 7687)
        base = cls(
            neo4j_uri=os.environ.get("NEO4J_URI") or f"bolt://127.0.0.1:{bolt_port}",
            neo4j_user=os.environ.get("NEO4J_USER", cls.neo4j_user),
            neo4j_password=os.environ.get("NEO4J_PASSWORD", cls.neo4j_password),
            neo4j_database=os.environ.get("NEO4J_DATABASE", cls.neo4j_database),
            query_timeout=env_float("GRAPHSVC_QUERY_TIMEOUT", cls.query_timeout),
        )
        return replace(base, **overrides)


@dataclass(frozen=True)
class LocalServerSettings:
    """Where and how `graphsvc db start` runs its own Neo4j Community server."""

    home: Path = field(default_factory=lambda: PROJECT_ROOT / ".neo4j")
    cache: Path = field(default_factory=lambda: Path.home() / ".cache" / "graphsvc")
    bolt_port: int = 7687
    http_port: int = 7474
    listen_address: str = "127.0.0.1"
    neo4j_version: str = "5.26.30"
    browser_version: str = "5.24.0"
    # Sized for a 2-core / 24 GB machine: the JVM heap and the page cache together
    # take a third of the memory, leaving room for the API workers and the OS.
    heap_initial: str = "1g"
    heap_max: str = "4g"
    pagecache: str = "4g"
    user: str = "neo4j"
    password: str = Settings.neo4j_password
    # Where Browser fetches the graphsvc guide and style on connect (the API's /analysts).
    analyst_url: str = "http://127.0.0.1:8000/analysts"
    # How long a query plan stands before new statistics may replan it (Neo4j's default:
    # 10s). The tests' server sets hours: they wipe and reload tiny graphs thousands of
    # times, so the statistics always differ and every query would be planned again and
    # again (a plan's answers never depend on statistics, only its cost does).
    min_replan_interval: str | None = None

    @classmethod
    def from_env(cls, **overrides) -> LocalServerSettings:
        env = os.environ
        base = cls(
            home=Path(env["GRAPHSVC_NEO4J_HOME"]) if env.get("GRAPHSVC_NEO4J_HOME") else cls().home,
            cache=Path(env["GRAPHSVC_CACHE"]) if env.get("GRAPHSVC_CACHE") else cls().cache,
            bolt_port=env_int("NEO4J_BOLT_PORT", cls.bolt_port),
            http_port=env_int("NEO4J_HTTP_PORT", cls.http_port),
            listen_address=env.get("NEO4J_LISTEN_ADDRESS", cls.listen_address),
            neo4j_version=env.get("GRAPHSVC_NEO4J_VERSION", cls.neo4j_version),
            browser_version=env.get("GRAPHSVC_BROWSER_VERSION", cls.browser_version),
            heap_initial=env.get("NEO4J_HEAP_INITIAL", cls.heap_initial),
            heap_max=env.get("NEO4J_HEAP_MAX", cls.heap_max),
            pagecache=env.get("NEO4J_PAGECACHE", cls.pagecache),
            user=env.get("NEO4J_USER", cls.user),
            password=env.get("NEO4J_PASSWORD", cls.password),
            analyst_url=env.get("GRAPHSVC_ANALYST_URL")
            or f"http://127.0.0.1:{env_int('GRAPHSVC_PORT', 8000)}/analysts",
        )
        return replace(base, **{k: v for k, v in overrides.items() if v is not None})

    @property
    def bolt_uri(self) -> str:
        return f"bolt://{self.listen_address}:{self.bolt_port}"

    @property
    def http_url(self) -> str:
        return f"http://{self.listen_address}:{self.http_port}"
