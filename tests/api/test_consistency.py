"""Read-your-writes: every answer carries X-Consistency-Token, and a read given the token
back is answered from a state at least that fresh, whichever API worker serves it."""

from __future__ import annotations

import base64
import json
from itertools import cycle

import httpx
import pytest

from graphsvc.localapi import served_api
from tests import factories as f


@pytest.fixture
def world(api, admin, clean_graph):
    g = clean_graph
    f.user(g, "kari")
    f.directory(g, "public", "all", users=["kari"])
    f.contact(g, "cust", directories=["public"])
    return g


def test_writes_and_reads_answer_a_token_that_reads_accept(api, world):
    res = api.delete("/api/v1/directories/public/users/kari")
    token = res.headers["X-Consistency-Token"]
    bookmarks = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    assert bookmarks and all(isinstance(b, str) for b in bookmarks)
    check = "/api/v1/access/contacts/cust?user=kari"
    res = api.get(check, headers={"X-Consistency-Token": token})
    assert res.status_code == 200 and res.json["allowed"] is False
    assert res.headers["X-Consistency-Token"]
    res = api.get(f"{check}&consistency_token={token}")
    assert res.status_code == 200 and res.json["allowed"] is False


@pytest.mark.parametrize("token", ["%%%", base64.urlsafe_b64encode(b"[1]").decode(),
                                   base64.urlsafe_b64encode(b'{"a":1}').decode(), "x" * 5000])
def test_a_token_not_issued_here_is_422(api, world, token):
    res = api.get("/api/v1/contacts", headers={"X-Consistency-Token": token})
    assert res.status_code == 422
    assert res.json["error"]["fields"] == {
        "X-Consistency-Token": ["not a consistency token this API issued"]}


def test_no_stale_allow_across_four_workers(world, neo4j_settings):
    """1,000 times: revoke kari's access, then ask (through the token, on another
    connection and so most often another worker) whether kari sees the contact: never a
    stale allow; and after each re-grant never a stale deny."""
    stale = 0
    headers = {"X-Acting-User": "admin"}
    check = "/api/v1/access/contacts/cust?user=kari"
    grant = "/api/v1/directories/public/users/kari"
    with served_api(neo4j_settings, workers=4) as base:
        writer = httpx.Client(base_url=base, headers=headers)
        readers = [httpx.Client(base_url=base, headers=headers) for _ in range(8)]
        try:
            pick = cycle(readers)
            for _ in range(1000):
                for method, expected in (("DELETE", False), ("PUT", True)):
                    res = writer.request(method, grant)
                    assert res.status_code == 204, res.text
                    token = res.headers["X-Consistency-Token"]
                    answer = next(pick).get(check, headers={"X-Consistency-Token": token})
                    assert answer.status_code == 200, answer.text
                    stale += answer.json()["allowed"] is not expected
        finally:
            writer.close()
            for reader in readers:
                reader.close()
    assert stale == 0
