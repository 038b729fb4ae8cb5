"""Fuzzed against its own document: schemathesis generates requests for every operation of
/openapi.json (valid ones, and invalid ones the document forbids) and sends them to the live
app on the real test Neo4j, as an admin and as a plain user of the demo org. Zero server
errors, zero responses the document does not describe (status, content type, body), zero
accepted requests the document says are invalid. Bounded: GRAPHSVC_FUZZ_EXAMPLES examples
per operation, actor and mode (default 10); the counts are printed at the end."""

from __future__ import annotations

import os
from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from graphsvc.config import PROJECT_ROOT
from graphsvc.seed import load, wipe
from tests.conftest import OWNER_LABEL

DEMO_SEED = PROJECT_ROOT / "seeds" / "demo.json"
EXAMPLES = int(os.environ.get("GRAPHSVC_FUZZ_EXAMPLES", "10"))
ACTORS = {"admin": "admin", "plain": "ingrid"}  # ingrid: an advisor, no admin
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck))


@schemathesis.check
def negative_data_refused(ctx, response, case):
    """negative_data_rejection, counting 413 and 414 as refusals too: a body or URL too
    large is refused before its schema is read (both are documented on every operation)."""
    if response.status_code in (413, 414):
        return None
    return negative_data_rejection(ctx, response, case)


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, negative_data_refused]


@pytest.fixture(scope="module")
def fuzz_schema(app, graph):
    wipe(graph, keep_label=OWNER_LABEL)
    load(graph, DEMO_SEED)
    yield schemathesis.openapi.from_wsgi("/openapi.json", app)
    wipe(graph, keep_label=OWNER_LABEL)


def fuzz(schema, who: str, mode: GenerationMode) -> tuple[Counter, list[str]]:
    """Every operation, EXAMPLES generated cases each (hypothesis, derandomized), sent as
    `who`; returns the tally and every failed check (collected, not stopped at)."""
    tally: Counter = Counter()
    failures: list[str] = []
    for result in schema.get_all_operations():
        tally["operations"] += 1
        run_operation(result.ok(), who, mode, tally, failures)
    return tally, failures


def run_operation(operation, who: str, mode: GenerationMode, tally: Counter,
                  failures: list[str]) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @FUZZ
    def run(case):
        response = case.call(headers={"X-Acting-User": ACTORS[who]})
        tally["calls"] += 1
        tally[f"status_{response.status_code // 100}xx"] += 1
        try:
            case.validate_response(response, checks=CHECKS)
        except Exception as exc:  # noqa: BLE001  (every check's failure is collected)
            failures.append(f"{operation.method.upper()} {operation.path} as {who} "
                            f"({mode.value}): {str(exc)[:600]}")

    run()


@pytest.mark.parametrize("who", sorted(ACTORS))
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
                         ids=lambda m: m.value)
def test_every_operation_keeps_its_document(fuzz_schema, who, mode, capsys):
    tally, failures = fuzz(fuzz_schema, who, mode)
    with capsys.disabled():  # the counts belong in every run's output, CI's included
        print(f"\nschemathesis as {who}, {mode.value} data: {tally['operations']} operations, "
              f"{tally['calls']} calls, " + ", ".join(
                  f"{k}={v}" for k, v in sorted(tally.items()) if k.startswith("status"))
              + f", {len(failures)} failed checks")
    assert tally["operations"] > 150 and tally["calls"] >= tally["operations"]
    assert tally["status_5xx"] == 0, failures
    assert failures == [], "\n".join(failures[:40])
