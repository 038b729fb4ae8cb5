"""Opaque strings the API hands out and takes back (page cursors, consistency tokens):
compact JSON in unpadded base64url, so they travel in URLs and headers as they are."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any


def encode(value: Any) -> str:
    raw = json.dumps(value, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(text: str) -> Any:
    """The value `encode` made; ValueError for anything it could not have made."""
    try:
        return json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise ValueError("not an opaque value of this API") from exc
