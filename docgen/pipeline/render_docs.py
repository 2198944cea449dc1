"""Rendering a list of documents to DOCX bytes (combined files included)."""

from __future__ import annotations

from ..model import VanBan
from ..render.compose import compose
from ..render.context import context_for
from ..render.engine import Engine
from ..render.package import write_zip


def _stamp(doc: VanBan) -> str:
    """W3CDTF date for core properties: the latest date the (maybe blank) date stands for."""
    day = doc.ngay.latest() if doc.ngay else None
    return f"{day.isoformat()}T00:00:00Z" if day else "2000-01-01T00:00:00Z"


def _parts(engine: Engine, doc: VanBan) -> dict[str, bytes]:
    return engine.render_parts(doc.mau, context_for(doc.noi_dung),
                               title=doc.tieu_de, creator=doc.tac_gia, stamp=_stamp(doc))


def render_all(engine: Engine, docs: list[VanBan]) -> dict[str, bytes]:
    """Render every document; a combined file reuses its parts' renderings."""
    return render_all_parts(engine, docs)[0]


def render_all_parts(engine: Engine, docs: list[VanBan]) -> tuple[dict[str, bytes], dict]:
    """As render_all, plus each output's parts before zipping (path -> part name -> bytes),
    which the checker reads without unzipping (docgen.check.check_parts)."""
    rendered: dict[int, dict[str, bytes]] = {}

    def parts_of(doc: VanBan) -> dict[str, bytes]:
        if id(doc) not in rendered:
            rendered[id(doc)] = _parts(engine, doc)
        return rendered[id(doc)]

    out, parts = {}, {}
    for doc in docs:
        if doc.phan:
            joined = compose([parts_of(p) for p in doc.phan], [p.duong_dan for p in doc.phan])
        else:
            joined = parts_of(doc)
        parts[doc.duong_dan] = joined
        out[doc.duong_dan] = write_zip(list(joined.items()))
    return out, parts
