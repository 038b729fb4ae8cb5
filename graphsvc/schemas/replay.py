"""`explain=cypher`: a decision also answers the named queries it ran, with their exact
parameters, so an analyst can replay the same traversal in Neo4j Browser."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields

from graphsvc.schemas.common import at_field

CYPHER = "cypher"
MAX_CHARS = 64


class ExplainValues(fields.String):
    """A comma-separated set of explanation kinds (`explain=excluded,cypher`), each from an
    allow-list; loads as a frozenset."""

    def __init__(self, *allowed: str, **kw):
        self.allowed = allowed
        super().__init__(**kw)

    def _deserialize(self, value, attr, data, **kwargs) -> frozenset[str]:
        text = super()._deserialize(value, attr, data, **kwargs)
        if len(text) > MAX_CHARS:
            raise ValidationError(f"at most {MAX_CHARS} characters")
        values = [part.strip() for part in text.split(",") if part.strip()]
        unknown = sorted(set(values) - set(self.allowed))
        if unknown:
            raise ValidationError(f"unknown {', '.join(map(repr, unknown))}; "
                                  f"one or more of: {', '.join(self.allowed)}")
        return frozenset(values)


CYPHER_DESCRIPTION = ("`cypher`: the answer also carries `cypher`, the named queries of "
                      "`cypher/` this decision ran, each with its exact parameters and a "
                      "`:params` line to paste into Neo4j Browser before the query")


def explain_field(*allowed: str, description: str = CYPHER_DESCRIPTION) -> ExplainValues:
    return ExplainValues(*allowed, load_default=frozenset(), metadata={
        "description": description, "example": CYPHER, "maxLength": MAX_CHARS})


class ExplainArgs(Schema):
    """The query string of a decision that takes no other query parameter."""

    explain = explain_field(CYPHER)


class ExplainAtArgs(ExplainArgs):
    """The query string of a decision asked at an instant (issue 15) and nothing else."""

    at = at_field()


class CypherRun(Schema):
    query = fields.String(required=True, metadata={
        "description": "the file cypher/<query>.cypher", "example": "access/contact_access"})
    parameters = fields.Dict(keys=fields.String(), required=True, metadata={
        "description": "the parameters it ran with (date-times as ISO 8601 strings)",
        "example": {"user": "kari", "contact": "c-0001"}})
    params = fields.String(required=True, metadata={
        "description": "the same parameters as a Browser command, with typed values",
        "example": ':params {user: "kari", contact: "c-0001"}'})
    text = fields.String(required=True, metadata={
        "description": "the query as the file holds it, ready to run after `params`",
        "example": "MATCH (u:User {uid: $user}) ..."})


class Replayed(Schema):
    """A decision's answer: with `explain=cypher` it also carries `cypher`."""

    cypher = fields.List(fields.Nested(CypherRun), metadata={
        "description": "only with explain=cypher: the analyst queries the decision ran, in "
                       "order (writes, locks and the acting user's check are plumbing and "
                       "not listed)"})
