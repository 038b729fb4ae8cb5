"""Read-your-writes across API workers and cluster members.

Every answer carries `X-Consistency-Token`: the Neo4j bookmarks of the state the request
read or wrote, opaque to clients. A request that sends a token back (in the header, or as
`?consistency_token=`) is answered from a state at least that fresh: each of its
transactions starts after those bookmarks, on whichever worker and cluster member serves
it. Without a token a read may be served by a follower that lags behind the leader."""

from __future__ import annotations

from flask import Flask, g, request

from graphsvc import opaque
from graphsvc.db import begin_chain, end_chain
from graphsvc.errors import Invalid

HEADER = "X-Consistency-Token"
PARAMETER = "consistency_token"
MAX_TOKEN_CHARS = 4096


def encode_token(bookmarks) -> str:
    return opaque.encode(sorted(bookmarks))


def decode_token(token: str, field: str = HEADER) -> list[str]:
    problem = Invalid.field(field, "not a consistency token this API issued")
    if len(token) > MAX_TOKEN_CHARS:
        raise problem
    try:
        bookmarks = opaque.decode(token)
    except ValueError as exc:
        raise problem from exc
    if not isinstance(bookmarks, list) or not all(isinstance(b, str) for b in bookmarks):
        raise problem
    return bookmarks


def start_chain() -> None:
    """Before anything reads (the acting user included): chain after the client's token."""
    token = request.headers.get(HEADER)
    field = HEADER
    if token is None and PARAMETER in request.args:
        token, field = request.args[PARAMETER], PARAMETER
    bookmarks = decode_token(token, field) if token else []
    g.causal_chain, g.causal_chain_token = begin_chain(bookmarks)


def answer_token(response):
    manager = g.get("causal_chain")
    if manager is not None:
        bookmarks = manager.get_bookmarks()
        if bookmarks:
            response.headers[HEADER] = encode_token(bookmarks)
    return response


def close_chain(_exc=None) -> None:
    token = g.pop("causal_chain_token", None)
    if token is not None:
        end_chain(token)


def register_consistency(app: Flask) -> None:
    app.before_request(start_chain)
    app.after_request(answer_token)
    app.teardown_request(close_chain)
