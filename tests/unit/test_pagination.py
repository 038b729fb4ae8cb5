import pytest

from graphsvc.errors import Invalid
from graphsvc.pagination import decode_cursor, encode_cursor, page


def test_cursor_round_trip():
    for key in ["abc", "u-1:2@x"]:
        assert decode_cursor(encode_cursor(key)) == key


@pytest.mark.parametrize("key", [42, ["a", "b"], {"a": 1}, None, "", "a\x00b", "x" * 201])
def test_a_cursor_that_is_not_a_uid_was_not_issued_here(key):
    with pytest.raises(Invalid) as info:
        decode_cursor(encode_cursor(key))
    assert info.value.fields == {"cursor": ["not a cursor this API issued"]}


def test_no_cursor_means_first_page():
    assert decode_cursor(None) is None
    assert decode_cursor("") is None


def test_garbage_cursor_is_a_field_error():
    with pytest.raises(Invalid) as info:
        decode_cursor("%%%not-base64")
    assert "cursor" in info.value.fields


def test_page_cuts_the_extra_row_into_a_cursor():
    rows = [{"uid": "a"}, {"uid": "b"}, {"uid": "c"}]
    assert page(rows, 2) == {"items": rows[:2], "next_cursor": encode_cursor("b")}
    assert page(rows, 3) == {"items": rows, "next_cursor": None}
