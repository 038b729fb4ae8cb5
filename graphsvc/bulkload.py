"""The initial load of a large org through `neo4j-admin database import full` (issue 10
item 6): the bulk of a seed document (locations, categories, users, user groups,
account-manager groups, directories, contacts, and the links between them) written as the
import tool's CSV, imported offline into the local server's `neo4j` database, then the
schema migrated and the rest of the document loaded through the seed loaders.

The graph it writes is the one the seed loaders write (same labels, properties, defaults
and links; `tests/graph/test_bulkload.py` compares both). A reference to a node that is not
in the document is skipped, as the seed loaders' MATCH skips it. The import tool replaces
the whole database, so the caller refuses a database that holds data unless told to.
"""

from __future__ import annotations

import csv
import shutil
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from graphsvc import localdb
from graphsvc.config import LocalServerSettings
from graphsvc.services.contacts import search_keys

# The sections the import tool writes; every other section goes through the seed loaders.
BULK_SECTIONS = ("locations", "customer_categories", "users", "user_groups",
                 "account_manager_groups", "directories", "contacts")


def _book(group: str | None, contact: str) -> str | None:
    return None if group is None else f"{group}|{contact}"


def _keys(contact: dict) -> list[str | None]:
    keys = search_keys({"name": contact.get("name"), "email": contact.get("email")})
    return [keys["name_key"], keys["email_key"]]


def _nodes(data: dict) -> dict[str, tuple[list[str], Iterable[list]]]:
    """label -> (CSV header, rows), with the seed loaders' defaults."""
    def rows(section):
        return data.get(section, [])

    return {
        "Location": (["uid:ID(Location)", "code", "name", "timezone"],
                     ([r["uid"], r.get("code"), r.get("name"), r.get("timezone") or "UTC"]
                      for r in rows("locations"))),
        "CustomerCategory": (["uid:ID(CustomerCategory)", "name"],
                             ([r["uid"], r.get("name")] for r in rows("customer_categories"))),
        "User": (["uid:ID(User)", "name", "email", "is_admin:boolean", "active:boolean"],
                 ([r["uid"], r.get("name"), r.get("email"), bool(r.get("is_admin", False)),
                   r.get("active", True) is not False] for r in rows("users"))),
        "UserGroup": (["uid:ID(UserGroup)", "name"],
                      ([r["uid"], r.get("name")] for r in rows("user_groups"))),
        "AccountManagerGroup": (["uid:ID(AccountManagerGroup)", "name", "eponymous_of"],
                                ([r["uid"], r.get("name"), r.get("eponymous_of")]
                                 for r in rows("account_manager_groups"))),
        "Directory": (["uid:ID(Directory)", "name", "visibility"],
                      ([r["uid"], r.get("name"), r.get("visibility")]
                       for r in rows("directories"))),
        "Contact": (["uid:ID(Contact)", "name", "email", "kind", "primary_book",
                     "secondary_book", "name_key", "email_key"],
                    ([r["uid"], r.get("name"), r.get("email"), r.get("kind") or "customer",
                      _book(r.get("primary_manager_group"), r["uid"]),
                      _book(r.get("secondary_manager_group"), r["uid"]),
                      *_keys(r)]
                     for r in rows("contacts"))),
    }


def _links(data: dict) -> Iterator[tuple[str, str, str, Iterable[tuple[str, str]]]]:
    """(type, start label, end label, (start uid, end uid) pairs), each pair once."""
    def once(pairs):
        return dict.fromkeys(p for p in pairs if p[1] is not None)

    users, contacts = data.get("users", []), data.get("contacts", [])
    yield "WORKS_AT", "User", "Location", once(
        (u["uid"], loc) for u in users for loc in u.get("locations") or [])
    for section, label in (("user_groups", "UserGroup"),
                           ("account_manager_groups", "AccountManagerGroup")):
        yield "MEMBER_OF", "User", label, once(
            (m, g["uid"]) for g in data.get(section, []) for m in g.get("members") or [])
    directories = data.get("directories", [])
    yield "CAN_ACCESS", "User", "Directory", once(
        (u, d["uid"]) for d in directories for u in d.get("users") or [])
    yield "CAN_ACCESS", "UserGroup", "Directory", once(
        (g, d["uid"]) for d in directories for g in d.get("user_groups") or [])
    for rel, key, label in (("IN_CATEGORY", "customer_category", "CustomerCategory"),
                            ("HOME_LOCATION", "home_location", "Location"),
                            ("PRIMARY_MANAGER", "primary_manager_group", "AccountManagerGroup"),
                            ("SECONDARY_MANAGER", "secondary_manager_group",
                             "AccountManagerGroup")):
        yield rel, "Contact", label, once((c["uid"], c.get(key)) for c in contacts)
    yield "STORED_IN", "Contact", "Directory", once(
        (c["uid"], d) for c in contacts for d in c.get("directories") or [])


def write_csv(data: dict, folder: Path) -> list[str]:
    """The import tool's CSV files for the bulk sections of `data` in `folder`; returns the
    tool's `--nodes` / `--relationships` arguments."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    args = []
    for label, (header, rows) in _nodes(data).items():
        path = folder / f"nodes-{label}.csv"
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows([("" if v is None else str(v).lower() if isinstance(v, bool)
                               else v) for v in row] for row in rows)
        args.append(f"--nodes={label}={path}")
    for i, (rel, start, end, pairs) in enumerate(_links(data)):
        path = folder / f"rels-{i:02d}-{rel}.csv"
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow([f":START_ID({start})", f":END_ID({end})"])
            writer.writerows(pairs)
        args.append(f"--relationships={rel}={path}")
    return args


def connect(server: LocalServerSettings):
    """A `Graph` on the running local server (the long timeout of a load)."""
    from graphsvc.config import Settings
    from graphsvc.db import Graph

    current = localdb.running_settings(server)
    return Graph(Settings(neo4j_uri=current.bolt_uri, neo4j_user=current.user,
                          neo4j_password=current.password, query_timeout=3600))


def import_offline(server: LocalServerSettings, data: dict, echo=print) -> None:
    """Stop the local server if it runs, replace its `neo4j` database with the bulk of
    `data` through the import tool, and start it again."""
    lib = localdb.resolve_jars(server, echo)
    if localdb.status(server).running:
        localdb.stop(server, echo)
    folder = server.home / "import" / "bulk"
    started = time.perf_counter()
    args = write_csv(data, folder)
    echo(f"wrote the CSV in {time.perf_counter() - started:.1f} s; importing "
         f"{sum(len(data.get(s, [])) for s in BULK_SECTIONS)} rows with neo4j-admin "
         f"database import full...")
    started = time.perf_counter()
    proc = localdb.run_admin(server, lib, "database", "import", "full", "neo4j",
                             "--overwrite-destination=true", "--ignore-empty-strings=true",
                             "--skip-bad-relationships=true", "--id-type=string",
                             f"--report-file={folder / 'import.report'}", *args,
                             timeout=3600)
    if proc.returncode != 0:
        raise localdb.LocalDbError(f"neo4j-admin database import failed:\n{proc.stdout}"
                                   f"{proc.stderr}")
    echo(f"the import tool took {time.perf_counter() - started:.1f} s")
    localdb.start(server, echo)


def initial_load(server: LocalServerSettings, data: dict, replace: bool = False,
                 echo=print) -> dict[str, int]:
    """A large org's first load into the local server: the bulk through the import tool, then
    the schema, then every other section through the seed loaders. A database that holds
    data is refused (ValueError) unless `replace`. Returns rows per section."""
    from graphsvc.schema import migrate
    from graphsvc.seed import SECTIONS, is_empty, load_data

    unknown = set(data) - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown seed sections: {sorted(unknown)}")
    if localdb.status(server).running and not replace:
        graph = connect(server)
        try:
            if not is_empty(graph):
                raise ValueError("the database holds data; the import tool replaces all of "
                                 "it (pass replace to allow that)")
        finally:
            graph.close()
    import_offline(server, data, echo)
    graph = connect(server)
    try:
        started = time.perf_counter()
        for line in migrate(graph).lines():
            echo(line)
        echo(f"the schema (constraints, indexes populated) took "
             f"{time.perf_counter() - started:.1f} s")
        rest = {s: rows for s, rows in data.items() if s not in BULK_SECTIONS}
        load_data(graph, rest)
    finally:
        graph.close()
    return {s: len(data.get(s, [])) for s in SECTIONS if data.get(s)}
