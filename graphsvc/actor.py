"""The acting user of a request, as the services see it (plain values, no Flask)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    uid: str
    is_admin: bool
