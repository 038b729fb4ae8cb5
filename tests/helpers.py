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

    def walk(self, url: str, query: dict, size: int, as_: str | None = None,
             max_pages: int = 100) -> list:
        """Every item of a keyset-paginated list, `size` per page, following next_cursor;
        each page must answer 200 and hold at most `size` items."""
        seen, cursor = [], None
        for _ in range(max_pages):
            params = dict(query, limit=size, **({"cursor": cursor} if cursor else {}))
            res = self.get(url, query_string=params, as_=as_)
            assert res.status_code == 200, res.json
            assert len(res.json["items"]) <= size
            seen += res.json["items"]
            cursor = res.json["next_cursor"]
            if not cursor:
                return seen
        raise AssertionError(f"pagination of {url} did not end")
