"""Helpers shared by the tests: an API client that names its acting user."""

from __future__ import annotations

from flask.testing import FlaskClient


class ApiClient:
    """The Flask test client with `as_=<user uid>` for the X-Acting-User header."""

    def __init__(self, client: FlaskClient, default_actor: str = "admin"):
        self.client = client
        self.default_actor = default_actor

    def request(self, method: str, url: str, as_: str | None = None, **kw):
        headers = kw.pop("headers", {})
        actor = as_ if as_ is not None else self.default_actor
        if actor:
            headers.setdefault("X-Acting-User", actor)
        return self.client.open(url, method=method, headers=headers, **kw)

    def get(self, url, **kw):
        return self.request("GET", url, **kw)

    def post(self, url, **kw):
        return self.request("POST", url, **kw)

    def put(self, url, **kw):
        return self.request("PUT", url, **kw)

    def patch(self, url, **kw):
        return self.request("PATCH", url, **kw)

    def delete(self, url, **kw):
        return self.request("DELETE", url, **kw)
