"""Bulk sync: one document of sections (see graphsvc.schemas.imports), upserted by uid with
`UNWIND $rows` in batches of BATCH rows through `cypher/import/<section>.cypher`.

mode "all": every batch of every section runs in one write transaction: the whole document
or nothing. mode "batches": each batch commits on its own; a failure keeps the batches
before it and says how far the import got. Before a section is written, every uid its rows
name is checked against the database (which, inside the transaction, already holds the
earlier sections): a missing one is 422 naming the row and field, like the single
endpoints. Each section reports how many rows it created, updated (the stored state
changed) and left unchanged."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from neo4j import ManagedTransaction

from graphsvc import windows
from graphsvc.db import Graph, run_one
from graphsvc.errors import (
    CycleDetected,
    DepthLimitExceeded,
    Duplicate,
    Invalid,
    LastAdmin,
    ServiceError,
)
from graphsvc.services import access, changes, crud, org, scheduling
from graphsvc.services import contacts as contact_service

BATCH = 5000
TIMEOUT_SECONDS = 1800.0  # one transaction may carry a bank's whole org

ORG, CON = org, contact_service
# section -> where its rows name other objects: (path, kind); "[]" walks a list.
REFERENCES: dict[str, list[tuple[str, crud.Kind]]] = {
    "locations": [], "customer_categories": [], "meeting_themes": [],
    "meeting_types": [("theme", ORG.THEME)],
    "users": [("locations[]", ORG.LOCATION)],
    "user_groups": [("members[]", ORG.USER)],
    "account_manager_groups": [("members[]", ORG.USER)],
    "competence_groups": [("parent", ORG.COMPETENCE_GROUP), ("members[]", ORG.USER),
                          ("competences[].meeting_type", ORG.MEETING_TYPE),
                          ("competences[].customer_category", ORG.CATEGORY)],
    "service_groups": [("activation.locations[]", ORG.LOCATION),
                       ("activation.customer_categories[]", ORG.CATEGORY),
                       ("activation.meeting_themes[]", ORG.THEME),
                       ("levels[].locations[]", ORG.LOCATION),
                       ("levels[].meeting_types[]", ORG.MEETING_TYPE),
                       ("competence_groups[]", ORG.COMPETENCE_GROUP), ("members[].user", ORG.USER)],
    "directories": [("users[]", ORG.USER), ("user_groups[]", CON.USER_GROUP)],
    "contacts": [("customer_category", ORG.CATEGORY), ("home_location", ORG.LOCATION),
                 ("directories[]", CON.DIRECTORY), ("primary_manager_group", CON.MANAGER_GROUP),
                 ("secondary_manager_group", CON.MANAGER_GROUP)],
    "contact_groups": [("directory", CON.DIRECTORY), ("contacts[]", CON.CONTACT)],
    "working_hours": [("user", ORG.USER), ("hours[].location", ORG.LOCATION)],
}
SECTIONS = list(REFERENCES)  # the load order
RECORDED = {"competence_groups": changes.COMPETENCE_GROUP,
            "service_groups": changes.SERVICE_GROUP}
LABELS = {"locations": "Location", "users": "User", "service_groups": "ServiceGroup",
          "customer_categories": "CustomerCategory", "meeting_themes": "MeetingTheme",
          "meeting_types": "MeetingType", "contacts": "Contact", "directories": "Directory"}


@dataclass
class Report:
    mode: str
    sections: dict[str, dict[str, int]] = field(default_factory=dict)
    rows: int = 0
    batches: int = 0
    seconds: float = 0.0

    def add(self, section: str, counts: dict[str, int], rows: int) -> None:
        total = self.sections.setdefault(section,
                                         {"created": 0, "updated": 0, "unchanged": 0})
        for key in total:
            total[key] += counts[key]
        self.rows += rows
        self.batches += 1

    def as_dict(self) -> dict:
        return {"mode": self.mode, "rows": self.rows, "batches": self.batches,
                "seconds": round(self.seconds, 3), "sections": self.sections}


def _walk(value, parts: list[str], where: str) -> Iterator[tuple[str, str]]:
    """(field path, uid) for every uid at `parts` below `value`."""
    if value is None:
        return
    if not parts:
        yield where, value
        return
    head, rest = parts[0], parts[1:]
    many = head.endswith("[]")
    child = value.get(head.removesuffix("[]")) if isinstance(value, dict) else None
    path = f"{where}.{head.removesuffix('[]')}"
    if many:
        for i, item in enumerate(child or []):
            yield from _walk(item, rest, f"{path}.{i}")
    else:
        yield from _walk(child, rest, path)


def _tx_check_references(tx: ManagedTransaction, section: str, rows: list[dict],
                         offset: int, all_rows: list[dict]) -> None:
    """422 naming the first row and field whose uid names nothing (a competence group may
    name a parent written by the same section)."""
    wanted: dict[crud.Kind, dict[str, str]] = {}
    for index, row in enumerate(rows, start=offset):
        for path, kind in REFERENCES[section]:
            for where, uid in _walk(row, path.split("."), f"{section}.{index}"):
                wanted.setdefault(kind, {}).setdefault(uid, where)
    for kind, first in wanted.items():
        uids = list(first)
        found = {r["uid"] for r in tx.run(crud.template("existing_uids", label=kind.label),
                                          uids=uids)}
        if section == "competence_groups" and kind is ORG.COMPETENCE_GROUP:
            found |= {r["uid"] for r in all_rows}
        missing = next((uid for uid in uids if uid not in found), None)
        if missing is not None:
            where = first[missing]
            raise Invalid(f"{where}: unknown {kind.noun} '{missing}'",
                          fields={where: [f"unknown {kind.noun} '{missing}'"]},
                          code="unknown_reference")


def _prepare(section: str, rows: list[dict]) -> list[dict]:
    """Rows as the Cypher takes them (defaults the single endpoints apply)."""
    if section == "competence_groups":
        return _parents_first(rows)
    if section == "working_hours":
        for index, row in enumerate(rows):
            scheduling.check_week(row["hours"], f"working_hours.{index}.hours")
    return rows


def _parents_first(rows: list[dict]) -> list[dict]:
    """Competence groups ordered so a parent in the document comes before its children; a
    cycle among the rows is 409."""
    by_uid = {r["uid"]: r for r in rows}
    done: set[str] = set()
    ordered: list[dict] = []
    for row in rows:
        chain, node = [], row
        while node is not None and node["uid"] not in done:
            if node["uid"] in chain:
                raise CycleDetected.field("parent", f"'{node['uid']}' is its own ancestor")
            chain.append(node["uid"])
            node = by_uid.get(node.get("parent"))
        for uid in reversed(chain):
            done.add(uid)
            ordered.append(by_uid[uid])
    return ordered


def _tx_guard_section(tx: ManagedTransaction, section: str, rows: list[dict],
                      offset: int) -> int:
    """Checks before a batch; returns the active admins before it (users only)."""
    if section == "contacts" and any(r.get("secondary_manager_group") for r in rows) \
            and not access.tx_second_group_on(tx):
        index = next(i for i, r in enumerate(rows, start=offset)
                     if r.get("secondary_manager_group"))
        raise Invalid.field(f"contacts.{index}.secondary_manager_group",
                            "the setting 'second account-manager group' is off",
                            code="setting_off")
    if section == "users":
        # Rows may demote or deactivate admins: serialise with every such change (the
        # settings lock) and count the active admins before.
        return run_one(tx, "org/lock_admins", uid="")["others"]
    return 0


def _tx_after_batch(tx: ManagedTransaction, section: str, rows: list[dict],
                    admins_before: int, last: bool, all_rows: list[dict]) -> None:
    if section == "users" and admins_before > 0 and \
            run_one(tx, "org/lock_admins", uid="")["others"] == 0:
        raise LastAdmin.field("users", "would leave no active admin",
                              message="The import would leave no active admin.")
    if not last:
        return
    if section == "competence_groups":
        bad = run_one(tx, "import/check_competence_tree", uids=[r["uid"] for r in all_rows])
        if bad is not None:
            if bad["problem"] == "cycle":
                raise CycleDetected.field("competence_groups",
                                          f"'{bad['uid']}' would be its own ancestor")
            raise DepthLimitExceeded.field(
                "competence_groups", f"'{bad['uid']}' would sit below layer {org.MAX_LAYERS}")


def _tx_section_batch(tx: ManagedTransaction, section: str, rows: list[dict], offset: int,
                      replace: bool, last: bool, all_rows: list[dict]) -> dict[str, int]:
    admins_before = _tx_guard_section(tx, section, rows, offset)
    _tx_check_references(tx, section, rows, offset, all_rows)
    counts = run_one(tx, f"import/{section}", rows=rows, replace=replace, now=windows.now())
    if section in RECORDED:  # every change to a group is in its history, a sync's too
        changes.tx_record_sync(tx, RECORDED[section], counts.pop("changed"))
    if sum(counts.values()) != len(rows):  # every row is counted once, or the Cypher is wrong
        raise RuntimeError(f"import/{section} counted {counts} for {len(rows)} rows")
    _tx_after_batch(tx, section, rows, admins_before, last, all_rows)
    return counts


def _batches(document: dict) -> Iterator[tuple[str, list[dict], int, bool, list[dict]]]:
    for section in SECTIONS:
        rows = _prepare(section, document.get(section) or [])
        for start in range(0, len(rows), BATCH):
            chunk = rows[start:start + BATCH]
            yield section, chunk, start, start + BATCH >= len(rows), rows


def count_rows(document: dict) -> int:
    return sum(len(document.get(section) or []) for section in SECTIONS)


def _name_the_row(exc: Duplicate, document: dict) -> Duplicate:
    """A uniqueness conflict (another user's email) names the row that caused it: the last
    row holding the value (an earlier one, or the database, holds it first)."""
    label, prop, value = (exc.details.get(k) for k in ("label", "property", "value"))
    for section, kind_rows in document.items():
        if not isinstance(kind_rows, list) or LABELS.get(section) != label:
            continue
        for index in reversed(range(len(kind_rows))):
            if value is not None and str(kind_rows[index].get(prop)) == value:
                where = f"{section}.{index}.{prop}"
                return Duplicate(exc.message, fields={where: ["already exists"]},
                                 details=exc.details)
    return exc


def import_document(graph: Graph, document: dict, mode: str = "all",
                    progress: Callable[[int], None] | None = None) -> dict:
    """Import a validated ImportDocument; returns the report. `progress(rows)` is called
    after each batch (the CLI's progress bar)."""
    try:
        return _import(graph, document, mode, progress)
    except Duplicate as exc:
        raise _name_the_row(exc, document) from exc


def _import(graph: Graph, document: dict, mode: str,
            progress: Callable[[int], None] | None) -> dict:
    replace = bool(document.get("replace_members"))
    started = time.perf_counter()
    batches = list(_batches(document))

    if mode == "all":
        def work(tx):
            report = Report(mode)  # fresh on every retry of the transaction
            for section, chunk, offset, last, rows in batches:
                report.add(section, _tx_section_batch(tx, section, chunk, offset, replace,
                                                      last, rows), len(chunk))
                if progress:
                    progress(len(chunk))
            return report

        report = graph.write_tx_within(TIMEOUT_SECONDS, work)
    else:
        report = Report(mode)
        for section, chunk, offset, last, rows in batches:
            try:
                counts = graph.write_tx_within(TIMEOUT_SECONDS, _tx_section_batch, section,
                                               chunk, offset, replace, last, rows)
            except ServiceError as exc:
                report.seconds = time.perf_counter() - started
                exc.details = {**exc.details, "committed": report.as_dict()}
                raise
            report.add(section, counts, len(chunk))
            if progress:
                progress(len(chunk))
    report.seconds = time.perf_counter() - started
    return report.as_dict()
