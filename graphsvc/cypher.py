"""The Cypher library: every query lives in `cypher/<domain>/<name>.cypher`, is loaded once by
name and runs only with `$parameters`."""

from __future__ import annotations

import os
from pathlib import Path

from graphsvc.config import PROJECT_ROOT


def cypher_dir() -> Path:
    """`GRAPHSVC_CYPHER_DIR`, the copy packaged inside a wheel, or the repository's `cypher/`."""
    if os.environ.get("GRAPHSVC_CYPHER_DIR"):
        return Path(os.environ["GRAPHSVC_CYPHER_DIR"])
    packaged = Path(__file__).parent / "cypher"
    return packaged if packaged.is_dir() else PROJECT_ROOT / "cypher"


class CypherLibrary:
    """Named queries, read from disk on first use and kept for the life of the process."""

    def __init__(self, root: Path | None = None):
        self._root = root
        self._texts: dict[str, str] = {}
        self._columns: dict[str, tuple[str, ...]] = {}
        self._collected: dict[str, str] = {}

    @property
    def root(self) -> Path:
        return self._root or cypher_dir()

    def __getitem__(self, name: str) -> str:
        text = self._texts.get(name)
        if text is None:
            path = self.root / f"{name}.cypher"
            if not path.is_file():
                raise KeyError(f"no Cypher query named {name!r} (looked for {path})")
            text = path.read_text()
            self._texts[name] = text
        return text

    def columns(self, name: str, explain) -> tuple[str, ...]:
        """The columns query `name` answers, from `explain(text)` the first time."""
        found = self._columns.get(name)
        if found is None:
            found = self._columns[name] = tuple(explain(self[name]))
        return found

    def collected(self, name: str, columns: tuple[str, ...]) -> str:
        """Query `name` as written, answering its rows as one row's list `rows` of maps."""
        text = self._collected.get(name)
        if text is None:
            quoted = [c.replace("`", "``") for c in columns]
            row = ", ".join(f"`{c}`: `{c}`" for c in quoted)
            text = self._collected[name] = (f"CALL () {{\n{self[name]}\n}}\n"
                                            f"RETURN collect({{{row}}}) AS rows")
        return text

    def names(self) -> list[str]:
        return sorted(
            str(p.relative_to(self.root).with_suffix("")) for p in self.root.rglob("*.cypher")
        )


queries = CypherLibrary()
