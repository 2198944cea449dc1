"""Every kind of document docgen makes, declared once (issue #10 item 1).

An entry says which templates a document is rendered from, where it goes (a pattern under the
output folder), which content it reads (files and folders of the project), which function makes
it, which target of the command line builds it, and which checks apply. What reads the registry:

- the runner (pipeline/runner.py, documents.py): the core documents a project gets are the CORE
  entries that apply to it (`can`: the files they need exist), each made by its `lam`;
- change tracking (pipeline/digests.py): each document's digest covers exactly the content files,
  templates and skeletons its entry names (`doc`, `mau`, `khung`), plus its own file of a folder
  entry ("ke-hoach-con/", "xa-phuong/");
- templates/make_templates.py: generates every template an entry names, and fails on one it
  cannot make;
- the command line: the targets (`docgen build`, `ke-hoach-con`, `xa-phuong`) and their help;
- tests/test_doctypes.py: every file a bundled build writes matches exactly one entry.

Adding a document type (a Báo cáo, docs/architecture.md) is one entry here, its template, and
the function named in `lam` (and its skeleton, when its wording is data).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CORE, DERIVED, COMMUNE = "co-ban", "ke-hoach-con", "xa-phuong"   # the targets
ND30 = "nd30"   # every Decree 30 rule of docgen.check (docgen.check.finding.RULES)
BAT_BUOC, HINH = "bat-buoc", "hinh"   # a content file is required, or its presence chooses the shape


@dataclass(frozen=True)
class ContentFile:
    """One file of a content project (docs/content-shapes.md). Read by content.load_project (in
    this order: `ma` is the `Project` attribute that holds its model), `docgen moi` (the files a
    new project copies), `docgen excel` (the file a workbook stands in for), the change tracking
    (a document reading `tep` also reads `thay_the`) and `DocType.applies`."""
    ma: str                  # Project attribute, e.g. "ke_hoach"
    tep: str                 # file name in the project folder
    model: str               # the pydantic model it validates against ("module:Class")
    ten: str = ""            # what a person calls it ("Kế hoạch")
    vai: str = HINH          # BAT_BUOC: always required; HINH: optional, its presence chooses the shape
    thay_the: str = ""       # a file that may stand in for it (never beside it): phu-luc.xlsx
    chinh: bool = False      # a main document: a project needs at least one main file

    @property
    def files(self) -> tuple[str, ...]:
        return (self.tep, self.thay_the) if self.thay_the else (self.tep,)

    def present(self, root) -> bool:
        """The project in `root` has this file (or the one standing in for it)."""
        return any((Path(root) / f).exists() for f in self.files)


CONTENT: tuple[ContentFile, ...] = (
    ContentFile("don_vi", "don-vi.yaml", "docgen.model:DonVi", "Danh mục đơn vị", BAT_BUOC),
    ContentFile("quyet_dinh", "quyet-dinh.yaml", "docgen.model:QuyetDinh", "Quyết định", chinh=True),
    ContentFile("ke_hoach", "ke-hoach.yaml", "docgen.model:KeHoach", "Kế hoạch", chinh=True),
    # the appendix is phu-luc.yaml or, in its place, phu-luc.xlsx (issue #13)
    ContentFile("phu_luc", "phu-luc.yaml", "docgen.model:PhuLucTep", "Phụ lục", thay_the="phu-luc.xlsx"),
)


def content_file(name: str) -> ContentFile:
    """The entry of a file name (`tep` or `thay_the`) or of a `ma`; KeyError if none."""
    found = next((c for c in CONTENT if name in (c.ma, *c.files)), None)
    if found is None:
        raise KeyError(name)
    return found


def _present(root, name: str) -> bool:
    """A content file of the registry (or the file standing in for it), or any other file, exists."""
    entry = next((c for c in CONTENT if name in c.files), None)
    return entry.present(root) if entry else (Path(root) / name).exists()


def reads(*names: str) -> tuple[str, ...]:
    """The files a document reads when it reads the content files `names` (each with the file
    that may stand in for it): reads("phu-luc.yaml") == ("phu-luc.yaml", "phu-luc.xlsx")."""
    return tuple(f for n in names for f in (content_file(n).files if not n.endswith("/") else (n,)))


TOWN = reads(*(c.tep for c in CONTENT))   # every project file: what derived and commune plans read


@dataclass(frozen=True)
class DocType:
    ma: str                        # key, e.g. "quyet-dinh"
    ten: str                       # what a person calls it
    muc_tieu: str                  # the target that builds it: CORE, DERIVED or COMMUNE
    mau: tuple[str, ...]           # templates (templates/<name>.docx), one per part
    duong_dan: str                 # output pattern; <co-quan>, <xa-phuong>, <ten> are slugs
    doc: tuple[str, ...]           # content read: project files, or folders ending in "/"
    lam: str                       # the function that makes it (module:function)
    khung: tuple[str, ...] = ()    # its wording: skeletons docgen/khung/<name>.yaml (or the project's)
    kiem_tra: str = ND30           # the checks that apply
    can_co: tuple[str, ...] = ()   # built only when the project has all these content files (its shape)

    def applies(self, root) -> bool:
        """The project in folder `root` has the shape this kind needs (docs/content-shapes.md):
        every content file of `can_co` is present (or the file standing in for it): no decision
        without quyet-dinh.yaml, no plan without ke-hoach.yaml, no appendix without an appendix."""
        return all(_present(root, f) for f in self.can_co)

    def matches(self, rel: str) -> bool:
        """`rel` (a path under the output folder) is a file of this kind."""
        pattern = re.escape(self.duong_dan)
        for slot in ("co-quan", "xa-phuong", "ten"):
            pattern = pattern.replace(re.escape(f"<{slot}>"), "[a-z0-9-]+")
        return re.fullmatch(pattern, rel) is not None


_DERIVED_READS = (*TOWN, "ke-hoach-con/")
_FROM_TASKS = ("ke-hoach.yaml", "phu-luc.yaml")   # derived plans and task sheets: a plan's appendix's tasks
_COMMUNE_READS = (*TOWN, "xa-phuong/")
_FROM_PLAN = ("ke-hoach.yaml",)   # commune plans: none for a decision alone (without an appendix: none, batch.py)

DOCTYPES: tuple[DocType, ...] = (
    DocType("quyet-dinh", "Quyết định", CORE, ("quyet-dinh",), "quyet-dinh.docx",
            ("don-vi.yaml", "quyet-dinh.yaml"), "docgen.pipeline.documents:quyet_dinh",
            can_co=("quyet-dinh.yaml",)),
    DocType("ke-hoach", "Kế hoạch", CORE, ("ke-hoach",), "ke-hoach.docx",
            ("don-vi.yaml", "quyet-dinh.yaml", "ke-hoach.yaml"), "docgen.pipeline.documents:ke_hoach",
            can_co=("ke-hoach.yaml",)),
    # reads ke-hoach.yaml: a plan issued directly (no decision) is what its appendix is "kèm theo"
    DocType("phu-luc", "Phụ lục nhiệm vụ", CORE, ("phu-luc", "phu-luc-cot", "phu-luc-nd"), "phu-luc.docx",
            TOWN, "docgen.pipeline.documents:phu_luc",
            can_co=("phu-luc.yaml",)),
    DocType("tron-bo", "Tệp trọn bộ (Quyết định, Kế hoạch, Phụ lục)", CORE,
            ("quyet-dinh", "ke-hoach", "phu-luc", "phu-luc-cot", "phu-luc-nd"), "tron-bo.docx", TOWN,
            "docgen.pipeline.documents:tron_bo"),
    DocType("kiem-tra", "Kế hoạch kiểm tra công tác CCHC", DERIVED, ("ke-hoach", "phu-luc"),
            "ke-hoach-con/<co-quan>/kiem-tra.docx", _DERIVED_READS, "docgen.derive.kiem_tra:derive",
            ("ke-hoach-con", "kiem-tra"), can_co=_FROM_TASKS),
    DocType("tuyen-truyen", "Kế hoạch tuyên truyền CCHC", DERIVED, ("ke-hoach", "phu-luc"),
            "ke-hoach-con/<co-quan>/tuyen-truyen.docx", _DERIVED_READS, "docgen.derive.tuyen_truyen:derive",
            ("ke-hoach-con", "tuyen-truyen"), can_co=_FROM_TASKS),
    DocType("ung-dung-cntt", "Kế hoạch ứng dụng công nghệ thông tin", DERIVED, ("ke-hoach", "phu-luc"),
            "ke-hoach-con/<co-quan>/ung-dung-cntt.docx", _DERIVED_READS, "docgen.derive.cntt:derive",
            ("ke-hoach-con", "ung-dung-cntt"), can_co=_FROM_TASKS),
    DocType("bang-phan-cong", "Bảng phân công nhiệm vụ của một cơ quan", DERIVED, ("phu-luc",),
            "ke-hoach-con/<co-quan>/bang-phan-cong.docx", _DERIVED_READS, "docgen.derive.phan_cong:sheet",
            ("bang-phan-cong",), can_co=_FROM_TASKS),
    DocType("ke-hoach-chung", "Kế hoạch khác suy ra từ một nhiệm vụ", DERIVED, ("ke-hoach", "phu-luc"),
            "ke-hoach-con/<co-quan>/<ten>.docx", _DERIVED_READS, "docgen.derive.chung:derive",
            ("ke-hoach-con", "ke-hoach-chung"), can_co=_FROM_TASKS),
    DocType("ke-hoach-xa-phuong", "Kế hoạch CCHC của xã, phường", COMMUNE, ("ke-hoach",),
            "xa-phuong/<xa-phuong>/ke-hoach.docx", _COMMUNE_READS,
            "docgen.derive.commune:ke_hoach_xa_phuong", ("xa-phuong",), can_co=_FROM_PLAN),
    DocType("phu-luc-xa-phuong", "Phụ lục nhiệm vụ của xã, phường", COMMUNE, ("phu-luc",),
            "xa-phuong/<xa-phuong>/phu-luc.docx", _COMMUNE_READS,
            "docgen.derive.commune:ke_hoach_xa_phuong", ("xa-phuong",), can_co=_FROM_PLAN),
)


def kind(ma: str) -> DocType:
    return next(d for d in DOCTYPES if d.ma == ma)


def of_target(target: str) -> tuple[DocType, ...]:
    return tuple(d for d in DOCTYPES if d.muc_tieu == target)


def template_names(doctypes=DOCTYPES) -> tuple[str, ...]:
    """Every template the given kinds are rendered from, in first-use order."""
    return tuple(dict.fromkeys(t for d in doctypes for t in d.mau))


def content_files(doctypes=DOCTYPES) -> tuple[str, ...]:
    """The project files (not folders) the given kinds read, in first-use order."""
    return tuple(dict.fromkeys(f for d in doctypes for f in d.doc if not f.endswith("/")))


def khung_names(doctypes=DOCTYPES) -> tuple[str, ...]:
    """The skeletons the given kinds are worded from, in first-use order."""
    return tuple(dict.fromkeys(k for d in doctypes for k in d.khung))


def kind_of(rel: str) -> DocType | None:
    """The kind of an output file (first match; the generic derived plan comes after the named ones)."""
    return next((d for d in DOCTYPES if d.matches(rel)), None)
