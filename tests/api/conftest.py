import pytest

from tests import factories


@pytest.fixture
def admin(clean_graph):
    return factories.admin(clean_graph)
