"""Keyset pagination: the cursor is the opaque, encoded sort key of the last item served."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphsvc import opaque
from graphsvc.errors import Invalid


def encode_cursor(key: Any) -> str:
    return opaque.encode(key)


def decode_cursor(cursor: str | None) -> Any:
    """The key after which the next page starts; None for the first page."""
    if not cursor:
        return None
    try:
        key = opaque.decode(cursor)
    except ValueError as exc:
        raise Invalid.field("cursor", "not a cursor this API issued") from exc
    # Every list is keyed by a uid: anything else was not issued here.
    if not isinstance(key, str) or not 0 < len(key) <= 200 or "\x00" in key:
        raise Invalid.field("cursor", "not a cursor this API issued")
    return key


def page(rows: list[dict], limit: int, key: Callable[[dict], Any] | None = None) -> dict:
    """Cut `rows` (fetched with `limit + 1`) into a page and the cursor of the next one.
    `key` gives an item's sort key (default: its uid)."""
    items = rows[:limit]
    more = len(rows) > limit
    key = key or (lambda item: item["uid"])
    return {"items": items, "next_cursor": encode_cursor(key(items[-1])) if more else None}
