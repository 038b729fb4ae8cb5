"""Replay any decision in Browser (`explain=cypher`): the decision runs as always while
`graphsvc.db` records the named queries it runs; the answer then also carries the analyst
ones among them (`graphsvc.schemas.replay.CypherRun`)."""

from __future__ import annotations

import functools
from datetime import date
from functools import cache
from typing import Any

from flask import request

from graphsvc.analysts import Query, analyst_query, params_line
from graphsvc.db import begin_recording, end_recording, recorded
from graphsvc.schemas.replay import CYPHER


def wanted() -> bool:
    """Whether the request asks for `explain=cypher` (its schema has validated the values)."""
    return any(CYPHER in (part.strip() for part in raw.split(","))
               for raw in request.args.getlist("explain"))


@cache
def _for_analysts(name: str) -> Query | None:
    return analyst_query(name)


def json_safe(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_safe(v) for v in value]
    if hasattr(value, "iso_format"):  # the driver's own temporal types
        return value.iso_format()
    return value


def runs(ran: list[tuple[str, dict]]) -> list[dict]:
    """The analyst queries among `ran`, as CypherRun answers."""
    out = []
    for name, params in ran:
        query = _for_analysts(name)
        if query is not None:
            out.append({"query": name, "parameters": json_safe(params),
                        "params": params_line(params), "text": query.text})
    return out


def replayable(view):
    """Put directly over a decision's view (under `@blp.response`). Its query schema takes
    `explain` (`graphsvc.schemas.replay.explain_field`; a view with no query string of its
    own takes `ExplainArgs` with `as_kwargs=True`, and the kwarg stops here)."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        kwargs.pop("explain", None)
        if not wanted():
            return view(*args, **kwargs)
        token = begin_recording()
        try:
            answer = view(*args, **kwargs)
            ran = recorded()
        finally:
            end_recording(token)
        if isinstance(answer, dict):
            answer = {**answer, "cypher": runs(ran)}
        return answer

    return wrapper
