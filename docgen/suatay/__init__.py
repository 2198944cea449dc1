"""`docgen nhap build/<project>/ke-hoach.docx`: a document docgen built, edited by hand in Word,
brought back into the content project it was built from (issue #13 item 2).

1. The output folder is the nearest folder above the file that holds `.docgen/manifest.json`
   naming it; the content project is the one the state (`.docgen/trang-thai.json`, section
   "van_ban", key "noi_dung") says built it, or `--content`.
2. The document is rendered again, in memory, from that content: the bytes must be the ones the
   manifest recorded (else the content changed since the build and docgen cannot tell the hand
   edits from the content's changes: `[nhap.content-changed]`, nothing written).
3. Both documents, the rendered one and the edited one, are imported with the same importer
   (`docgen.nhap.nhap`); what differs between the two imports is what the person changed, and
   only that goes into the content files (merge.py). Comparing the two imports, rather than the
   edited import with the YAML, keeps what the importer reads differently from how a person
   wrote it (an agency key, a date, a derived line) out of the diff.
4. Each content file changed is first copied to `<file>.bak` (as `docgen excel` does), then
   replaced atomically: the YAML file is the person's own work, and its previous text is kept
   whole (a printed diff shows only the values, shortened). When every edit found its place,
   the edited document's hash joins the manifest, so that the next build replaces it with the
   document built from the updated content; an edit left out (a warning of the merge or of the
   import) or an edit that is no text (bold, a margin) keeps the build's refusal.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import DocgenError, Problem, UsageError
from ..oserrors import display
from ..pipeline import state
from ..pipeline.writer import MANIFEST, STATE_DIR, Manifest, atomic_write, sha256
from .merge import Change, merge_text, same

SECTION = "van_ban"
CONTENT_KEY = "noi_dung"     # the content folder a build of this output folder was made from
MERGED = ("quyet-dinh.yaml", "ke-hoach.yaml", "phu-luc.yaml")   # don-vi.yaml: the registry is not a document's
BACKUP = ".bak"


@dataclass
class Ket:
    """What `nhap_ve` did."""
    docx: Path
    content: Path
    changes: list[Change] = field(default_factory=list)
    written: list[str] = field(default_factory=list)          # content files rewritten
    problems: list[Problem] = field(default_factory=list)      # warnings ([nhap.*], [import.*])
    intact: bool = False                                       # the document was not edited at all


def output_of(docx: Path) -> tuple[Path, str] | None:
    """(output folder, relative path) when `docx` is a file docgen built; else None."""
    path = Path(docx).resolve()
    for folder in path.parents:
        if (folder / STATE_DIR / MANIFEST).is_file():
            rel = path.relative_to(folder).as_posix()
            return (folder, rel) if rel in Manifest(folder).files else None
    return None


def _problem(path, code: str, message: str) -> DocgenError:
    return DocgenError(Problem(display(Path(path)), None, code, message))


def content_of(out_dir: Path, docx: Path, explicit: Path | None) -> Path:
    if explicit is not None:
        return explicit
    recorded = state.section(out_dir, SECTION).get(CONTENT_KEY)
    if isinstance(recorded, str) and Path(recorded).is_dir():
        return Path(recorded)
    here = Path("content") / out_dir.name       # build/<project>/ of content/<project>/
    if (here / "don-vi.yaml").is_file():
        return here
    raise UsageError(Problem(
        display(docx), None, "nhap.no-project",
        "không biết tệp này được dựng từ dự án nội dung nào (bản dựng cũ, hoặc thư mục nội dung đã "
        "chuyển đi); chỉ dự án bằng --content THƯ_MỤC"))


def built_bytes(content: Path, rel: str, templates: Path | None) -> bytes:
    """The document `rel` rendered from `content` as `docgen build` renders it."""
    from ..paths import templates_dir
    from ..pipeline.render_docs import render_all
    from ..pipeline.runner import plan_jobs
    from ..render.engine import Engine

    jobs, _, _ = plan_jobs(content, ("chinh",))
    docs = [j.doc for j in jobs if j.doc.duong_dan == rel]
    if not docs:
        raise _problem(rel, "nhap.not-core",
                       "không phải văn bản chính của dự án (quyết định, kế hoạch, phụ lục, trọn bộ): văn bản "
                       "suy ra và kế hoạch xã, phường được dựng lại từ kế hoạch; sửa trong kế hoạch chính")
    return render_all(Engine(templates or templates_dir()), docs)[rel]


def _import(importer: Callable, docx: Path, name: str, data: bytes, **options):
    """Import `data` as the file `name`; the importer's problems name `docx`, the file the
    person gave (the import reads a temporary copy)."""
    def named(problems: list[Problem]) -> list[Problem]:
        return [replace(p, path=display(docx)) if p.path == name else p for p in problems]

    with tempfile.TemporaryDirectory(prefix="docgen-nhap-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            result = importer([path], **options)
        except DocgenError as exc:
            raise DocgenError(named(exc.problems)) from None
    result.problems = named(result.problems)
    return result


def _registry(project: Path) -> dict | None:
    """The project's don-vi.yaml as loaded: the import reuses its agency keys."""
    import yaml

    try:
        data = yaml.safe_load((project / "don-vi.yaml").read_text("utf-8"))
    except (OSError, yaml.YAMLError):
        return None
    return data if isinstance(data, dict) else None


def nhap_ve(docx: Path, *, content: Path | None = None, templates: Path | None = None,
            importer: Callable | None = None, write: bool = True) -> Ket:
    """Bring the hand edits of the built document `docx` back into its content project."""
    found = output_of(docx)
    if found is None:
        raise _problem(docx, "nhap.not-built", "không phải tệp docgen đã dựng (không có trong sổ .docgen/manifest.json)")
    out_dir, rel = found
    project = content_of(out_dir, docx, content)
    ket = Ket(Path(docx), project)
    edited = Path(docx).read_bytes()
    manifest = Manifest(out_dir)
    if manifest.accepts(rel, sha256(edited)):
        ket.intact = True
        return ket
    base_bytes = built_bytes(project, rel, templates)
    if not manifest.accepts(rel, sha256(base_bytes)):
        raise _problem(docx, "nhap.content-changed",
                       f"nội dung {display(project)} (hoặc mẫu) đã đổi sau lần dựng tệp này, nên docgen không "
                       "phân biệt được chỗ sửa tay với chỗ nội dung đã đổi; không ghi gì. Đưa nội dung về như "
                       "lúc dựng rồi chạy lại, hoặc chép tay các sửa đổi vào tệp YAML")
    if importer is None:
        from ..nhap import nhap as importer
    name = Path(rel).name
    registry = _registry(project)
    if name == "phu-luc.docx":   # the importer reads an appendix with its decision or plan only
        raise _problem(docx, "nhap.appendix-alone",
                       "Phụ lục đứng riêng chưa đưa về nội dung được (docgen nhập Phụ lục cùng Quyết định "
                       "hay Kế hoạch của nó); sửa trong tron-bo.docx rồi chạy docgen nhap với tron-bo.docx, "
                       "hoặc sửa phu-luc.xlsx / phu-luc.yaml")
    base = _import(importer, Path(docx), name, base_bytes, don_vi=registry)
    new = _import(importer, Path(docx), name, edited, don_vi=registry)
    ket.problems += [p for p in new.problems if p not in base.problems]
    texts = merge_files(project, base.files, new.files, ket)
    if write:
        write_files(project, texts)
        ket.written = sorted(texts)
        if texts and not ket.problems:   # an import warning may be an edit left out: keep the refusal
            accept(out_dir, rel, edited)
    return ket


def accept(out_dir: Path, rel: str, edited: bytes) -> None:
    """Every edit of the document is in the content now: the next build may replace the file
    (an edit that could not be placed keeps the build's refusal, and so the file)."""
    from ..pipeline.lock import locked_run

    with locked_run(out_dir):
        manifest = Manifest(out_dir)
        manifest.files[rel] = sorted(set(manifest.files.get(rel, [])) | {sha256(edited)})
        manifest.save()


def merge_files(project: Path, base: dict, new: dict, ket: Ket) -> dict[str, str]:
    """The new text of every content file a change goes into (rel -> text); changes and problems
    into `ket`."""
    texts = {}
    for rel in sorted(set(base) | set(new)):
        if same(base.get(rel), new.get(rel)):
            continue
        path = project / rel
        if rel not in MERGED or rel not in base or rel not in new or not path.is_file():
            why = ("danh mục cơ quan sửa trong don-vi.yaml" if rel == "don-vi.yaml"
                   else f"dự án không có tệp {rel}" if not path.is_file() else "văn bản thiếu hẳn phần này")
            ket.problems.append(Problem(display(path), None, "nhap.cannot-place",
                                        f"có sửa đổi ứng với {rel} nhưng không đưa vào nội dung ({why})",
                                        severity="cảnh báo"))
            continue
        text = path.read_text("utf-8")
        new_text, changes, problems = merge_text(rel, text, new[rel], base[rel])
        ket.changes += changes
        ket.problems += problems
        if new_text != text:
            texts[rel] = new_text
    return texts


def write_files(project: Path, texts: dict[str, str]) -> None:
    """Each file's previous text to <file>.bak, then the new text (both atomic)."""
    for rel, text in texts.items():
        path = project / rel
        atomic_write(path.with_name(path.name + BACKUP), path.read_bytes())
        atomic_write(path, text.encode("utf-8"))
