"""The acting user of a request, as the services see it (plain values, no Flask)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    uid: str
    is_admin: bool


class PendingActor:
    """An acting user whose check travels inside the request's first transaction (issue 10:
    one round trip per decision) instead of a transaction of its own before it.

    The API's check runs as that transaction's first statement and raises Unauthorized
    there for an unknown or inactive user, so nothing the decision reads or writes is ever
    answered to such a user; it then `resolve`s the user. `is_admin` may be read only after
    that: services read it inside their transaction functions."""

    def __init__(self, uid: str):
        self.uid = uid
        self._is_admin: bool | None = None

    @property
    def verified(self) -> bool:
        return self._is_admin is not None

    @property
    def is_admin(self) -> bool:
        if self._is_admin is None:
            raise RuntimeError(f"acting user '{self.uid}' read before it was verified")
        return self._is_admin

    def resolve(self, is_admin: bool) -> None:
        self._is_admin = bool(is_admin)

    def __repr__(self) -> str:
        return f"PendingActor({self.uid!r}, verified={self.verified})"
