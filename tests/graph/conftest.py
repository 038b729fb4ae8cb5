import pytest


@pytest.fixture(autouse=True)
def _empty_database(clean_graph):
    """Every graph test starts from an empty database."""
