import socket
from pathlib import Path

import pytest

from graphsvc import localdb
from graphsvc.config import LocalServerSettings


def test_config_listens_on_loopback_with_auth_and_sizes():
    settings = LocalServerSettings(home=Path("/tmp/x"), bolt_port=17001, http_port=17002)
    conf = localdb.render_config(settings, Path("/cache/lib"))
    assert "server.default_listen_address=127.0.0.1" in conf
    assert "server.bolt.listen_address=:17001" in conf
    assert "server.http.listen_address=:17002" in conf
    assert "dbms.security.auth_enabled=true" in conf
    assert "server.memory.heap.max_size=4g" in conf
    assert "server.memory.pagecache.size=4g" in conf
    assert "server.directories.lib=/cache/lib" in conf


def test_port_in_use_is_detected():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        assert not localdb.port_is_free("127.0.0.1", port)
    assert localdb.port_is_free("127.0.0.1", localdb.free_port())


def test_start_refuses_a_busy_port(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        settings = LocalServerSettings(home=tmp_path, bolt_port=port,
                                       http_port=localdb.free_port())
        with pytest.raises(localdb.LocalDbError, match=f"port {port}"):
            localdb.start(settings, echo=lambda m: None)


def test_missing_java_is_a_clear_error():
    with pytest.raises(localdb.LocalDbError, match="Java was not found"):
        localdb.java_major_version("/nonexistent/java")


def test_machine_java_is_17_or_newer():
    assert localdb.java_major_version() >= 17


def test_maven_failure_is_reported(tmp_path):
    settings = LocalServerSettings(home=tmp_path / "home", cache=tmp_path / "cache",
                                   neo4j_version="0.0.0-does-not-exist")
    with pytest.raises(localdb.LocalDbError, match="Maven could not resolve"):
        localdb.resolve_jars(settings, echo=lambda m: None)
