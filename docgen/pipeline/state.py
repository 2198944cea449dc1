"""The one state file of an output folder: `<out>/.docgen/trang-thai.json`.

It records, per document, the digest of the inputs it was built from and the sha256, size
and mtime of the file written (runner.py, batch.py), so that a build renders only what its
inputs changed. Sections: "van_ban" (core and derived documents), "xa_phuong" (communes).
The caller holds the output folder's lock; every save is atomic (writer.atomic_write).

The state is a cache, never a source of truth: an absent, unreadable, corrupt or older file
is an empty state (everything is rendered again and compared with what is on disk; the
manifest, not this file, protects hand edits). The pair of files of earlier versions
(`.docgen/dung.json`, `.docgen/xa-phuong.json`) is ignored and removed by the first save.
"""

from __future__ import annotations

import json
from pathlib import Path

from .writer import STATE_DIR, atomic_write, sha256

STATE_FILE = "trang-thai.json"
OLD_FILES = ("dung.json", "xa-phuong.json")   # before the one state file (removed on save)
VERSION = 3


def path(out_dir: Path) -> Path:
    return Path(out_dir) / STATE_DIR / STATE_FILE


def load(out_dir: Path) -> dict:
    """Every section of the state; {} when there is none usable."""
    try:
        data = json.loads(path(out_dir).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) and data.get("version") == VERSION else {}


def section(out_dir: Path, name: str) -> dict:
    value = load(out_dir).get(name)
    return value if isinstance(value, dict) else {}


def save_section(out_dir: Path, name: str, value: dict | None) -> None:
    """Replace one section (None: drop it), keep the others, and remove the old pair."""
    data = load(out_dir) or {"version": VERSION}
    if value is None:
        if name not in data:
            return  # nothing to drop (and a failed first run leaves no .docgen/ behind)
        data.pop(name)
    else:
        data[name] = value
    text = json.dumps(dict(sorted(data.items())), ensure_ascii=False, indent=1, sort_keys=False)
    atomic_write(path(out_dir), text.encode("utf-8"), if_changed=True)
    for old in OLD_FILES:
        try:
            (Path(out_dir) / STATE_DIR / old).unlink()
        except FileNotFoundError:
            pass


def records(value) -> dict[str, dict]:
    """The entries of a part of a section that have the shape of a record (the rest is dropped)."""
    return {str(k): v for k, v in value.items() if isinstance(v, dict)} if isinstance(value, dict) else {}


def record(out_dir: Path, rel: str, digest: str | None = None) -> dict:
    """What a written output is: sha256, size, mtime (to see later that it is still intact);
    `digest`: the sha256 of the bytes just written there, when the caller has it."""
    file = Path(out_dir) / rel
    st = file.stat()
    return {"sha256": digest or sha256(file.read_bytes()), "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def intact(out_dir: Path, rel: str, rec: dict) -> bool:
    """The output is still what `record` saw (size + mtime, else its bytes)."""
    file = Path(out_dir) / rel
    try:
        st = file.stat()
        if st.st_size == rec["size"] and st.st_mtime_ns == rec["mtime_ns"]:
            return True
        return sha256(file.read_bytes()) == rec["sha256"]
    except (OSError, KeyError, TypeError):
        return False


def all_intact(out_dir: Path, records: dict[str, dict]) -> bool:
    return all(intact(out_dir, rel, rec) for rel, rec in records.items())
