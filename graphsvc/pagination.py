"""Keyset pagination: the cursor is the opaque, encoded sort key of the last item served."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphsvc import opaque
from graphsvc.errors import Invalid


def encode_cursor(key: Any) -> str:
    return opaque.encode(key)


def _key_part(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 200 and "\x00" not in value


def decode_cursor(cursor: str | None, parts: int = 1) -> Any:
    """The key after which the next page starts; None for the first page. Lists are keyed
    by a uid (`parts` 1) or by a list of `parts` strings ending with one (e.g. [start, uid]);
    anything else was not issued here."""
    if not cursor:
        return None
    try:
        key = opaque.decode(cursor)
    except ValueError as exc:
        raise Invalid.field("cursor", "not a cursor this API issued") from exc
    if parts == 1 and _key_part(key):
        return key
    if (parts > 1 and isinstance(key, list) and len(key) == parts
            and all(_key_part(part) for part in key)):
        return key
    raise Invalid.field("cursor", "not a cursor this API issued")


def page(rows: list[dict], limit: int, key: Callable[[dict], Any] | None = None) -> dict:
    """Cut `rows` (fetched with `limit + 1`) into a page and the cursor of the next one.
    `key` gives an item's sort key (default: its uid)."""
    items = rows[:limit]
    more = len(rows) > limit
    key = key or (lambda item: item["uid"])
    return {"items": items, "next_cursor": encode_cursor(key(items[-1])) if more else None}
