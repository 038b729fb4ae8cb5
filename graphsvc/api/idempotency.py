"""`Idempotency-Key` on the POSTs that create facts (bookings, cases, messages, tasks).

A client that did not get an answer (a dropped connection, a timeout) sends the same
request again with the same key: the first answer comes back, status and body, and the
request is not carried out twice. The same key with a different request is 422. Without
the header a POST behaves as before. Keys are per acting user and expire after 24 hours.

Objects the request creates without a uid of the caller's get one derived from the key,
so even an attempt taken over after a crash cannot create a second object: it meets the
first one's uniqueness constraint."""

from __future__ import annotations

import functools
import hashlib
import json
import random
import secrets
from datetime import timedelta

from flask import Response, current_app, g, request

from graphsvc.api.common import actor, graph
from graphsvc.api.inputs import parse_json_body
from graphsvc.errors import Conflict, Invalid, ServiceError
from graphsvc.services import idempotency

HEADER = "Idempotency-Key"
MAX_KEY_CHARS = 200
PURGE_ONE_IN = 100  # expired keys are purged by one request in this many
IDEMPOTENT_ATTRIBUTE = "graphsvc_idempotent"
PARAMETER_DOC = {
    "in": "header", "name": HEADER, "required": False,
    "description": ("Makes the request safe to retry: a repeat with the same key and the "
                    "same body answers the first answer without doing it again; the same "
                    "key with another body is 422. Per acting user, kept 24 hours."),
    "schema": {"type": "string", "minLength": 1, "maxLength": MAX_KEY_CHARS},
}


class KeyInUse(Invalid):
    code = "idempotency_key_reused"


class KeyBusy(Conflict):
    code = "idempotency_key_in_progress"


def _fingerprint() -> str:
    data = request.get_data(cache=True)
    body = parse_json_body(data) if data else None
    canonical = json.dumps([request.method, request.path, sorted(request.args.items(multi=True)),
                            body], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _key() -> str | None:
    key = request.headers.get(HEADER)
    if key is None:
        return None
    if not 0 < len(key) <= MAX_KEY_CHARS or not key.isprintable():
        raise Invalid.field(HEADER, f"1 to {MAX_KEY_CHARS} printable characters")
    return key


def with_uid(data: dict, suffix: str = "") -> dict:
    """`data` with a uid derived from the request's idempotency key (plus `suffix`, for the
    several objects of one request) unless the caller chose one; as it is without a key
    (the service then makes a random uid)."""
    base = g.get("idempotency_uid")
    if data.get("uid") or not base:
        return data
    return {**data, "uid": f"idem-{base[:32]}{suffix}"}


def _replay(found: idempotency.Claim) -> Response:
    response = current_app.response_class(found.body, status=found.status,
                                          mimetype="application/json")
    response.headers["Idempotent-Replayed"] = "true"
    return response


def _answer_of(exc: ServiceError) -> Response:
    return current_app.make_response(current_app.handle_user_exception(exc))


def idempotent(view):
    """Put right below `@blp.route`: outside the argument parsing, so a replay answers
    without parsing and a first attempt's refusals (4xx) are remembered too. The document
    lists the header (graphsvc.api.contract, next to the operation's other parameters)."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        key = _key()
        if key is None:
            return view(*args, **kwargs)
        settings = graph().settings
        uid = idempotency.key_uid(actor().uid, key)
        owner = secrets.token_hex(16)
        fingerprint = _fingerprint()
        # An attempt still pending after two query timeouts has died with its worker.
        stale_after = timedelta(seconds=2 * settings.query_timeout + 5)
        found = idempotency.wait_for_answer(graph(), uid, fingerprint, owner, stale_after,
                                            patience=settings.query_timeout + 5)
        if found.fingerprint != fingerprint:
            raise KeyInUse.field(HEADER, "already used with a different request")
        if found.state == "done":
            return _replay(found)
        if not found.mine:
            raise KeyBusy("A request with this Idempotency-Key is still being answered; "
                          "retry shortly.", fields={HEADER: ["in progress"]})
        g.idempotency_uid = uid
        try:
            try:
                response = current_app.make_response(view(*args, **kwargs))
            except ServiceError as exc:
                if exc.status >= 500:
                    raise
                response = _answer_of(exc)
        except BaseException:
            idempotency.release(graph(), uid, owner)
            raise
        if response.status_code >= 500:
            idempotency.release(graph(), uid, owner)
        else:
            idempotency.record(graph(), uid, owner, response.status_code,
                               response.get_data(as_text=True))
        if random.randrange(PURGE_ONE_IN) == 0:
            idempotency.purge_expired(graph())
        return response

    setattr(wrapper, IDEMPOTENT_ATTRIBUTE, True)
    return wrapper
