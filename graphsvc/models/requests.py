"""What the service remembers about requests themselves: idempotency keys."""

from __future__ import annotations

from neomodel import DateTimeProperty, IntegerProperty, StringProperty, StructuredNode


class IdempotencyKey(StructuredNode):
    """One `Idempotency-Key` of one acting user: the request it was first used with (a
    fingerprint) and, once answered, that answer (status and body), until it expires.

    `uid` is a hash of (acting user, key), so two users never share a key."""

    uid = StringProperty(unique_index=True, required=True)
    fingerprint = StringProperty(required=True)
    state = StringProperty(required=True, choices={"pending": "pending", "done": "done"})
    owner = StringProperty(required=True)  # the attempt that holds the key while pending
    claimed_at = DateTimeProperty(required=True)
    expires_at = DateTimeProperty(required=True, index=True)
    status = IntegerProperty()
    body = StringProperty()
