"""Marshmallow schemas for every request and response body. Unknown fields are refused."""
