"""Idempotency keys in the graph: claim one for an attempt, record its answer, replay it.

A key belongs to one acting user. The first attempt claims it (pending); repeats with the
same request wait for that attempt's answer and replay it; a repeat with a different
request is refused. Keys expire; an attempt that vanished while pending (a crashed worker)
is taken over once it is older than `stale_after`."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from graphsvc.db import Graph

TTL = timedelta(hours=24)
POLL_SECONDS = 0.05
PURGE_BATCH = 100


@dataclass(frozen=True)
class Claim:
    mine: bool
    fingerprint: str
    state: str
    status: int | None
    body: str | None


def key_uid(actor: str, key: str) -> str:
    return hashlib.sha256(f"{actor}\n{key}".encode()).hexdigest()


def claim(graph: Graph, uid: str, fingerprint: str, owner: str,
          stale_after: timedelta) -> Claim:
    now = datetime.now(UTC)
    row = graph.write_one("idempotency/claim_key", uid=uid, fingerprint=fingerprint,
                          owner=owner, now=now, expires_at=now + TTL,
                          stale_before=now - stale_after)
    return Claim(**row)


def wait_for_answer(graph: Graph, uid: str, fingerprint: str, owner: str,
                    stale_after: timedelta, patience: float) -> Claim:
    """Claim the key, or wait (polling) while another attempt holds it pending; returns
    the claim once it is this attempt's, answered, or for another request; or the last
    pending one when `patience` runs out."""
    deadline = time.monotonic() + patience
    while True:
        found = claim(graph, uid, fingerprint, owner, stale_after)
        if found.mine or found.state == "done" or found.fingerprint != fingerprint:
            return found
        if time.monotonic() >= deadline:
            return found
        time.sleep(POLL_SECONDS)


def record(graph: Graph, uid: str, owner: str, status: int, body: str) -> None:
    graph.write("idempotency/record_answer", uid=uid, owner=owner, status=status, body=body)


def release(graph: Graph, uid: str, owner: str) -> None:
    graph.write("idempotency/release_key", uid=uid, owner=owner)


def purge_expired(graph: Graph, limit: int = PURGE_BATCH) -> int:
    return graph.write_one("idempotency/purge_expired", now=datetime.now(UTC),
                           limit=limit)["purged"]
