"""Every file in `cypher/` says who it is for (DOMAIN.md: analysts run the named queries as
they are): an analyst query carries a ready `// :params {...}` line, plumbing says so
(`// plumbing: ...`). Each analyst query runs as pasted into Browser, with the `:params`
of its own header, on the demo seed, in a read transaction (so it also writes nothing)."""

from __future__ import annotations

import pytest

from graphsvc.config import PROJECT_ROOT
from graphsvc.cypher import queries
from graphsvc.seed import load
from tests.helpers import run_as_pasted

PARAMS = "// :params "
PLUMBING = "// plumbing:"


def _header(name: str) -> list[str]:
    lines = []
    for line in queries[name].splitlines():
        if not line.startswith("//"):
            break
        lines.append(line)
    return lines


def analyst_files() -> list[str]:
    return sorted(name for name in queries.names()
                  if any(line.startswith(PARAMS) for line in _header(name)))


def test_every_file_is_an_analyst_query_or_marked_as_plumbing():
    unmarked = [name for name in queries.names()
                if not any(line.startswith((PARAMS, PLUMBING)) for line in _header(name))]
    assert not unmarked, f"files with neither a ':params' line nor a plumbing mark: {unmarked}"
    both = [name for name in queries.names()
            if any(line.startswith(PARAMS) for line in _header(name))
            and any(line.startswith(PLUMBING) for line in _header(name))]
    assert not both, both
    for plumbing_dir in ("crud/", "system/", "schema/", "seed/"):
        assert not [n for n in analyst_files() if n.startswith(plumbing_dir)], plumbing_dir
    assert len(analyst_files()) > 60


@pytest.fixture(scope="module")
def demo(graph):
    from graphsvc.seed import wipe
    from tests.conftest import OWNER_LABEL

    wipe(graph, keep_label=OWNER_LABEL)
    load(graph, PROJECT_ROOT / "seeds" / "demo.json")
    return graph


def params_of(name: str) -> str:
    return next(line[len(PARAMS):] for line in _header(name) if line.startswith(PARAMS))


@pytest.mark.parametrize("name", analyst_files())
def test_each_analyst_query_runs_as_pasted_with_its_own_params(demo, name):
    """What Browser does with `:params {...}` then the file: the map is evaluated as
    Cypher, its integers come back as JavaScript numbers (Browser then sends 50 as 50.0),
    and the query runs with that."""

    demo.read_tx(lambda tx: run_as_pasted(tx, params_of(name), queries[name]))
