"""Neo4j Browser as the analysts' home: a Browser guide and a graph style, both generated —
the guide from the headers of the `cypher/` files (so a new query file appears in it with no
hand edit), the style from the neomodel models (one colour per label).

The local server's `browser.post_connect_cmd` (written by `graphsvc db start`, see
`graphsvc.localdb.render_config`) runs `:style <this app>/analysts/graphsvc.grass` and
`:play <this app>/analysts/guide.html` when an analyst connects; the app's host is on the
server's remote-content allow-list. Browser fetches both from its own page, so they answer
with `Access-Control-Allow-Origin: *` (they hold nothing secret: the queries and a style).
"""

from __future__ import annotations

import colorsys
import inspect
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, render_template
from neo4j.time import Date as NeoDate
from neo4j.time import DateTime as NeoDateTime

from graphsvc.cypher import queries

PARAMS = "// :params "
PLUMBING = "// plumbing:"

# The question each folder of analyst queries answers, in the order the guide shows them; a
# folder not named here is shown after these under its own name.
QUESTIONS = {
    "reports": "Reports: what needs fixing in the org?",
    "access": "Who may see which customer, and why?",
    "availability": "Who can serve this customer?",
    "org": "How is the organisation built?",
    "manage": "Who manages which groups, and what changed?",
    "contacts": "Customers, directories and their groups",
    "conditions": "Which price, which SLA, who is responsible?",
    "cases": "Cases: queues, pulls and qualifications",
    "teams": "Teams and their task pools",
    "bookings": "Bookings",
    "scheduling": "Working hours and absences",
    "messages": "Messages",
}

analysts = Blueprint("analysts", __name__, url_prefix="/analysts",
                     template_folder=str(Path(__file__).parent / "templates"))


@dataclass(frozen=True)
class Query:
    name: str          # e.g. "reports/users-with-no-reach"
    purpose: str       # the header's first sentence
    params: str        # the ready `:params {...}` command
    text: str          # the file as it is


def _header(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        lines.append(line[2:].strip())
    return lines


def _purpose(header: list[str]) -> str:
    prose = []
    for line in header:
        if line.startswith(("params:", "columns:", ":params", "plumbing:")):
            break
        prose.append(line)
    text = " ".join(prose)
    end = text.find(". ")
    return text[:end + 1] if end >= 0 else text


def analyst_query(name: str) -> Query | None:
    """The `cypher/` file `name` if it is for analysts: it has a `:params` line and no
    plumbing mark."""
    text = queries[name]
    header = _header(text)
    params = next((line for line in text.splitlines() if line.startswith(PARAMS)), None)
    if params is None or any(line.startswith("plumbing:") for line in header):
        return None
    return Query(name, _purpose(header), params[3:].strip(), text.strip())


def analyst_queries() -> list[Query]:
    """Every `cypher/` file for analysts (plumbing is marked and left out)."""
    found = (analyst_query(name) for name in sorted(queries.names()))
    return [query for query in found if query is not None]


# -- values as Cypher literals, for a `:params {...}` line --------------------------------

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _string(value: str) -> str:
    """A double-quoted Cypher string; anything unprintable (such as the range end U+FFFF)
    as a \\uXXXX escape, so the line survives a copy and paste."""
    out = []
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif char.isprintable() and ord(char) < 0xFFFE:
            out.append(char)
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


def cypher_literal(value: Any) -> str:
    """`value` (what the service passed the driver) as a Cypher expression that evaluates to
    the same value: what Browser's `:params` evaluates."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, datetime | NeoDateTime):
        return f'datetime("{value.isoformat()}")'
    if isinstance(value, date | NeoDate):
        return f'date("{value.isoformat()}")'
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else value
        return "[" + ", ".join(cypher_literal(v) for v in items) + "]"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def _key(name: str) -> str:
    return name if _IDENTIFIER.fullmatch(name) else "`" + name.replace("`", "``") + "`"


def params_line(params: dict[str, Any]) -> str:
    """The `:params {...}` command that sets exactly `params` in Browser."""
    return ":params " + cypher_literal(params)


def chapters() -> list[tuple[str, str, list[Query]]]:
    """(folder, question, queries) in the guide's order."""
    by_folder: dict[str, list[Query]] = {}
    for query in analyst_queries():
        by_folder.setdefault(query.name.split("/")[0], []).append(query)
    order = [f for f in QUESTIONS if f in by_folder] + sorted(set(by_folder) - set(QUESTIONS))
    return [(f, QUESTIONS.get(f, f.replace("-", " ").capitalize()), by_folder[f]) for f in order]


# -- the graph: labels and relationship types, from the models ----------------------------

@dataclass(frozen=True)
class Label:
    name: str
    caption: str       # the property Browser shows on the node
    color: str
    border: str
    diameter: int


CAPTIONS = ("name", "subject", "title", "key", "code", "weekday", "start", "status", "action",
            "uid")
SIZES = {"User": 55, "CompetenceGroup": 65, "ServiceGroup": 65, "Directory": 65,
         "Contact": 45, "Competence": 40, "Location": 55}


def _models() -> list[type]:
    from neomodel import StructuredNode

    import graphsvc.models as models

    found = []
    for module in (models.org, models.contacts, models.scheduling, models.service_desk,
                   models.requests):
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, StructuredNode) and cls.__module__ == module.__name__:
                found.append(cls)
    return sorted(found, key=lambda cls: cls.__name__)


def labels() -> list[Label]:
    classes = _models()
    out = []
    for index, cls in enumerate(classes):
        props = set(cls.defined_properties(aliases=False, rels=False))
        caption = next((p for p in CAPTIONS if p in props), "uid")
        hue = (index * 0.618033988749895) % 1.0  # golden-ratio steps: neighbours differ
        fill = colorsys.hls_to_rgb(hue, 0.62, 0.55)
        edge = colorsys.hls_to_rgb(hue, 0.42, 0.55)
        out.append(Label(cls.__name__, caption, _hex(fill), _hex(edge),
                         SIZES.get(cls.__name__, 50)))
    return out


def relationship_types() -> list[str]:
    types = set()
    for cls in _models():
        for rel in cls.defined_properties(aliases=False, properties=False).values():
            types.add(rel.definition["relation_type"])
    return sorted(types)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgb)


def grass() -> str:
    """The graph style (GraSS, Browser's stylesheet format)."""
    lines = ["node {", "  diameter: 50px;", "  color: #A5ABB6;", "  border-color: #9AA1AC;",
             "  border-width: 2px;", "  text-color-internal: #1d2733;", "  font-size: 10px;",
             "}", "relationship {", "  color: #A5ABB6;", "  shaft-width: 2px;",
             "  font-size: 8px;", "  padding: 3px;", "  text-color-external: #1d2733;",
             "  text-color-internal: #FFFFFF;", "  caption: '<type>';", "}"]
    for label in labels():
        lines += [f"node.{label.name} {{", f"  color: {label.color};",
                  f"  border-color: {label.border};", f"  diameter: {label.diameter}px;",
                  f"  caption: '{{{label.caption}}}';", "}"]
    return "\n".join(lines) + "\n"


@analysts.after_request
def _open(response: Response) -> Response:
    """Browser fetches from its own page, with a preflight (OPTIONS) first."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Methods"] = "GET, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "*"
    response.headers["Cache-Control"] = "no-cache"
    return response


@analysts.get("/guide.html")
def guide():
    html = render_template("analysts/guide.html", chapters=chapters(), labels=labels(),
                           relationship_types=relationship_types())
    return Response(html, mimetype="text/html")


@analysts.get("/graphsvc.grass")
def style():
    return Response(grass(), mimetype="text/plain")
