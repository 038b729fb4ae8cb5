"""Demo data: `seeds/*.json` holds sections (locations, users, ...); each is loaded by
`cypher/seed/<section>.cypher` with `UNWIND $rows` and MERGE, so loading twice changes nothing."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from neo4j import ManagedTransaction

from graphsvc.config import PROJECT_ROOT
from graphsvc.db import Graph, run

# Order matters: later sections link to nodes of earlier ones.
SECTIONS = ["settings", "locations", "users", "user_groups", "account_manager_groups",
            "customer_categories", "meeting_themes", "meeting_types", "competence_groups",
            "service_groups", "directories", "areas", "contacts", "contact_groups",
            "working_hours", "absences", "bookings", "qualifications", "cases"]
BATCH = 5000
# Batches of a large section written at once (issue 10: loading at the speed Neo4j can
# write): one client thread builds and sends a batch while the server writes another. Two
# on a 2-core box: 1.3-1.5x the contacts per second of one at a time at 1M contacts. Not
# from a request (the acting-user prelude of graphsvc.db stays on the calling thread).
WORKERS = 2


def demo_seed_path() -> Path:
    """The demo org: packaged inside the wheel (the Docker image) or the repository's."""
    packaged = Path(__file__).parent / "seeds" / "demo.json"
    return packaged if packaged.is_file() else PROJECT_ROOT / "seeds" / "demo.json"


def is_empty(graph: Graph) -> bool:
    """No data (the schema-version mark is not data)."""
    return graph.read_one("system/count_data")["nodes"] == 0


def seed_demo(graph: Graph, path: Path, reset: bool = False) -> dict[str, int] | None:
    """Load `path` into an empty database; a database holding data is left alone (None)
    unless `reset`, which wipes it first."""
    if reset:
        wipe(graph)
    elif not is_empty(graph):
        return None
    return load(graph, path)


def load(graph: Graph, path: Path) -> dict[str, int]:
    return load_data(graph, json.loads(Path(path).read_text()))


def load_data(graph: Graph, data: dict) -> dict[str, int]:
    """Load seed sections from a dict (same shape as the JSON files)."""
    unknown = set(data) - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown seed sections: {sorted(unknown)}")
    counts = {}
    for section in SECTIONS:
        rows = data.get(section, [])
        batches = [rows[start:start + BATCH] for start in range(0, len(rows), BATCH)]
        if len(batches) > 1 and _independent(section, rows):
            with ThreadPoolExecutor(WORKERS) as pool:
                list(pool.map(lambda batch, s=section: graph.write_tx(_tx_load, s, batch),
                              batches))
        else:
            for batch in batches:
                graph.write_tx(_tx_load, section, batch)
        counts[section] = len(rows)
    return counts


def _independent(section: str, rows: list[dict]) -> bool:
    """Whether the section's batches may be written at once: a section of NEW_LOADERS
    whose rows name each uid once, so no batch waits on another's node (a uid in two batches
    loads one at a time: the second merges into the first). Links to shared nodes (a
    directory, a book) may meet a deadlock, which the driver retries like any transient
    error."""
    if section not in NEW_LOADERS:
        return False
    uids = [row.get("uid") for row in rows]
    return None not in uids and len(set(uids)) == len(uids)


# Sections with a CREATE loader for batches known to be new (`cypher/seed/<section>_new`,
# told by `<section>_existing`): the large ones of an initial load.
NEW_LOADERS = {"contacts"}


def tx_loader(tx: ManagedTransaction, section: str, rows: list[dict]) -> str:
    """The named query for one batch: `<section>_new` when none of its uids exists yet and
    none repeats (one indexed read, in the batch's own transaction), else the MERGE loader,
    which may update."""
    if section not in NEW_LOADERS:
        return f"seed/{section}"
    uids = [row["uid"] for row in rows]
    if len(set(uids)) == len(uids) and not run(tx, f"seed/{section}_existing", uids=uids):
        return f"seed/{section}_new"
    return f"seed/{section}"


def _tx_load(tx: ManagedTransaction, section: str, rows: list[dict]) -> None:
    run(tx, tx_loader(tx, section, rows), rows=rows)


def wipe(graph: Graph, keep_label: str | None = None) -> int:
    """Delete every node (but those labelled `keep_label`), in batches."""
    total = 0
    while True:
        deleted = graph.write_one("system/wipe_batch", keep=keep_label, batch=10000)["deleted"]
        total += deleted
        if deleted == 0:
            return total
