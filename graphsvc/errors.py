"""Domain errors. Services raise them; one handler in `graphsvc.api.errors` turns them into
the API.md error body. Nothing is written when one is raised inside a transaction."""

from __future__ import annotations


class ServiceError(Exception):
    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, fields: dict[str, list[str]] | None = None,
                 code: str | None = None, details: dict | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}
        self.details = details or {}
        if code:
            self.code = code

    @classmethod
    def field(cls, name: str, reason: str, message: str | None = None, **kw) -> ServiceError:
        """An error about one input field."""
        return cls(message or f"{name}: {reason}", fields={name: [reason]}, **kw)


class Malformed(ServiceError):
    status = 400
    code = "malformed"


class Unauthorized(ServiceError):
    status = 401
    code = "unauthorized"


class Forbidden(ServiceError):
    status = 403
    code = "forbidden"


class NotFound(ServiceError):
    status = 404
    code = "not_found"

    @classmethod
    def of(cls, kind: str, uid: str, field: str | None = None) -> NotFound:
        message = f"{kind} '{uid}' does not exist"
        return cls(message, fields={field: [message]} if field else None)


class Conflict(ServiceError):
    status = 409
    code = "conflict"


class Duplicate(Conflict):
    code = "duplicate"


class LastAdmin(Conflict):
    code = "last_admin"


class DepthLimitExceeded(Conflict):
    code = "depth_limit"


class CycleDetected(Conflict):
    code = "cycle"


class SlotTaken(Conflict):
    code = "slot_taken"


class DatabaseUnavailable(ServiceError):
    """Neo4j cannot be reached; the details are in the log, not in the answer."""

    status = 503
    code = "database_unavailable"

    def __init__(self, message: str = "The database is not reachable right now; try again "
                                      "shortly.", **kw):
        super().__init__(message, **kw)


class Invalid(ServiceError):
    status = 422
    code = "invalid"


class UnknownReference(Invalid):
    """A field names an object (by uid) that does not exist."""

    code = "unknown_reference"

    @classmethod
    def of(cls, kind: str, uid: str, field: str) -> UnknownReference:
        return cls.field(field, f"unknown {kind} '{uid}'")
