"""What `pdf` and `preview` converted last time, so that only changed documents are converted.

`<out>/.docgen/chuyen-doi.json` (beside the PDFs) maps each document's output name to the
sha256 of the DOCX it was made from, the settings that shape the output (PNG resolution, all
pages or the first) and the files made. A document is converted again when its DOCX bytes,
the settings or any of its files differ; a digest, not a modification time, so that a rebuild
that rewrites identical bytes (docgen builds are reproducible) costs nothing. The state is
written after the conversion, atomically; a missing or unreadable state converts everything.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

STATE = Path(".docgen") / "chuyen-doi.json"
VERSION = 1


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class State:
    def __init__(self, out: Path):
        self.out = out
        self.path = out / STATE
        try:
            data = json.loads(self.path.read_text("utf-8"))
            self.docs: dict[str, dict] = data["van_ban"] if data.get("phien_ban") == VERSION else {}
        except (OSError, ValueError, KeyError, TypeError):
            self.docs = {}

    def fresh(self, name: str, sha: str, settings: str) -> bool:
        """The outputs of `name` were made from these bytes with these settings and still exist."""
        entry = self.docs.get(name)
        return (isinstance(entry, dict) and entry.get("sha256") == sha
                and entry.get("cai_dat") == settings and bool(entry.get("tep"))
                and all((self.out / f).is_file() for f in entry["tep"]))

    def files(self, name: str) -> list[str]:
        return list(self.docs.get(name, {}).get("tep", []))

    def record(self, name: str, sha: str, settings: str, files: list[str]) -> None:
        self.docs[name] = {"sha256": sha, "cai_dat": settings, "tep": sorted(files)}

    def forget(self, name: str) -> None:
        self.docs.pop(name, None)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"phien_ban": VERSION, "van_ban": dict(sorted(self.docs.items()))},
                          ensure_ascii=False, indent=1)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".chuyen-doi.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
            os.replace(tmp, self.path)
        except BaseException:
            os.unlink(tmp)
            raise
