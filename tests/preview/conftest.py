"""Fake soffice scripts (no LibreOffice needed) and small DOCX inputs."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import docx
import pytest

FAKE_CONVERTER = '''#!{python}
"""A fake soffice: writes a tiny PDF per input, except inputs whose text has "hong"
(inputs are numbered copies: the name of the original is not visible)."""
import hashlib, os, sys, zipfile
from pathlib import Path

def bad(path):
    try:
        return b"hong" in zipfile.ZipFile(path).read("word/document.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False

with open({log!r}, "a") as log:
    log.write(str(os.getpid()) + "\\n")
args = sys.argv[1:]
out = Path(args[args.index("--outdir") + 1])
out.mkdir(parents=True, exist_ok=True)
for a in args:
    if a.endswith(".docx") and not bad(a):
        digest = hashlib.sha256(Path(a).read_bytes()).hexdigest()  # which DOCX this PDF is of
        (out / (Path(a).stem + ".pdf")).write_bytes(b"%PDF-1.4\\n%docx " + digest.encode()
                                                   + b"\\n1 0 obj\\n%%EOF\\n")
'''

FAKE_HANGING = '''#!/bin/sh
echo $$ >> {log}
exec sleep 30
'''


def _script(folder: Path, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "soffice"
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


@pytest.fixture
def fake_soffice(tmp_path):
    """(env for CliRunner, log file of pids) with a fake soffice first on PATH."""
    def make(kind: str):
        log = tmp_path / f"{kind}.log"
        text = (FAKE_CONVERTER.format(python=sys.executable, log=str(log)) if kind == "convert"
                else FAKE_HANGING.format(log=log))
        folder = tmp_path / f"bin-{kind}"
        _script(folder, text)
        env = {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}", "DOCGEN_SOFFICE": None}
        return env, log
    return make


@pytest.fixture
def docs(tmp_path):
    """A folder with DOCX files named as given."""
    def make(*names: str) -> Path:
        folder = tmp_path / "vanban"
        for name in names:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            d = docx.Document()
            d.add_paragraph(f"Văn bản {name}")
            d.save(folder / name)
        return folder
    return make
