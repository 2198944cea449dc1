"""Agencies named in an imported appendix, matched to don-vi.yaml or added to it.

`CoQuanMatcher(existing)` takes the `co_quan` mapping of an existing don-vi.yaml (plain data,
as YAML gives it) or None. `ref(text)` returns the key of the agency `text` names (by key,
name, short name or alias, NFC, case and spacing folded, "Ủy ban nhân dân" = "UBND"), adds a
new entry with a generated ASCII key when none matches, or returns `{"ghi": text}` for text
that is not an agency ("Theo phân công tại Quyết định số …"). `refs(lines)` splits one table
cell into its agencies first. `added()` lists the new entries in don-vi.yaml form.

Contract: /work/briefs/schema-13.md §D (the new entries use don-vi.yaml's own key for aliases,
`bi_danh`, so that they can be written into don-vi.yaml as they are).
"""
from __future__ import annotations

import re
import unicodedata

_UBND = re.compile(r"\b(?:ủy|uỷ) ban nhân dân\b")
_HDND = re.compile(r"\bhội đồng nhân dân\b")
_LEAD = re.compile(r"^\s*(?:[-+•–]\s+|\d+[.)]\s+)")
_DOC_NUMBER = re.compile(r"\d+/\d*\s*[A-ZĐa-z]")
_NOT_AGENCY_START = ("theo ", "như ", "tại ", "căn cứ ", "xem ", "do ", "trong ", "đã ")
_GROUP_START = ("các ", "ubnd các ", "cơ quan, ", "cơ quan có liên quan", "cơ quan, đơn vị", "đơn vị có liên quan")
_COMMUNE_WORDS = ("xã", "phường", "thị trấn", "đặc khu", "địa phương")
_STOP_WORDS = {"và", "các", "của", "có", "thuộc", "trên", "tại", "với", "cho"}


def fold(text: str) -> str:
    """The form names are compared in: NFC, lower case, single spaces, no end punctuation,
    "Ủy ban nhân dân"/"Hội đồng nhân dân" written UBND/HĐND."""
    t = " ".join(unicodedata.normalize("NFC", text).split()).lower().strip(" .;:,")
    t = _UBND.sub("ubnd", t)
    return _HDND.sub("hđnd", t)


def clean(text: str) -> str:
    """The text as it is kept: NFC, single spaces, no leading bullet, no end full stop."""
    t = _LEAD.sub("", " ".join(unicodedata.normalize("NFC", text).split()))
    return t.rstrip(" .;,")


def ascii_letters(word: str) -> str:
    """A word without diacritics ("Đặc" -> "Dac")."""
    word = word.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", word) if c.isascii() and c.isalnum())


def key_for(name: str) -> str:
    """A generated ASCII key: initials ("Sở Nội vụ" -> SNV), acronyms kept ("UBND")."""
    out = []
    for word in re.split(r"[\s,;()/\-–&]+", name):
        plain = ascii_letters(word)
        if not plain or unicodedata.normalize("NFC", word).lower() in _STOP_WORDS:
            continue
        if len(plain) > 1 and word.isupper():
            out.append(plain.upper())
        elif plain.isdigit():
            out.append(plain)
        else:
            out.append(plain[0].upper())
    key = "".join(out)[:12]
    return key if key and key[0].isalpha() else f"CQ{key}"


def is_agency_text(text: str) -> bool:
    """False for text that names no agency: a reference to a document, a sentence."""
    t = fold(text)
    return not (t.startswith(_NOT_AGENCY_START) or _DOC_NUMBER.search(text)
                or len(t.split()) > 20)


class CoQuanMatcher:
    def __init__(self, existing: dict | None):
        self._index: dict[str, str] = {}
        self._keys: set[str] = set()
        self._added: dict[str, dict] = {}
        self.matched: dict[str, str] = {}       # folded text -> key, for texts found existing
        self._keys.update(str(k) for k in existing or {})
        names = []                               # keys first, then names, aliases, short names
        for key, entry in (existing or {}).items():
            entry = entry if isinstance(entry, dict) else {}
            names += [(str(key), key), (entry.get("ten"), key)]
            names += [(a, key) for a in entry.get("bi_danh") or ()]
            names.append((entry.get("ten_ngan"), key))
        for name, key in names:
            if isinstance(name, str) and name.strip():
                self._index.setdefault(fold(name), str(key))

    def known(self, text: str) -> str | None:
        """The key `text` names, existing or added, None if none."""
        return self._index.get(fold(text))

    def ref(self, text: str) -> str | dict:
        """The key of the agency `text` names (added when new), or {"ghi": text}."""
        name = clean(text)
        key = self.known(name)
        if key is not None:
            if key not in self._added:
                self.matched[fold(name)] = key
            return key
        if not is_agency_text(name):
            return {"ghi": name}
        return self._add(name)

    def refs(self, lines: list[str]) -> list[str | dict]:
        """The entries of one agency cell: one per line, per ";", and per ", " where the
        pieces are agencies ("Sở Tư pháp, Văn phòng UBND tỉnh"; "Các sở, ban, ngành" stays)."""
        out: list[str | dict] = []
        for line in lines:
            for piece in line.split(";"):
                piece = clean(piece)
                if piece:
                    out += [self.ref(p) for p in self._split_commas(piece)]
        return out

    def _split_commas(self, piece: str) -> list[str]:
        if self.known(piece) is not None or not is_agency_text(piece) or "," not in piece:
            return [piece]
        tokens = [t.strip() for t in piece.split(",")]
        cover = self._cover(tokens)
        if cover and len(cover) > 1:
            return cover
        parts = [""]
        for token in piece.split(","):              # a comma before a capital starts a name
            if parts[-1] and token.strip()[:1].isupper():
                parts.append(token.strip())
            else:
                parts[-1] = f"{parts[-1]},{token}" if parts[-1] else token.strip()
        return [p.strip() for p in parts if p.strip()]

    def _cover(self, tokens: list[str]) -> list[str] | None:
        """The comma tokens joined into known names only, fewest pieces first; None if none."""
        best: dict[int, list[str]] = {0: []}
        for end in range(1, len(tokens) + 1):
            for start in range(end):
                if start in best:
                    name = ", ".join(tokens[start:end])
                    if self.known(name) is not None and (
                            end not in best or len(best[start]) + 1 < len(best[end])):
                        best[end] = best[start] + [name]
        return best.get(len(tokens))

    def _add(self, name: str) -> str:
        base = key_for(name)
        key, n = base, 1
        while key in self._keys:
            n += 1
            key = f"{base}{n}"
        self._keys.add(key)
        entry: dict = {"ten": name[:1].upper() + name[1:]}
        low = fold(name)
        if low.startswith(_GROUP_START):
            entry["nhom"] = True
            if any(re.search(rf"\b{w}\b", low) for w in _COMMUNE_WORDS):
                entry["gom_xa_phuong"] = True
        self._added[key] = entry
        self._index[fold(name)] = key
        return key

    def added(self) -> dict[str, dict]:
        """The new co_quan entries, in the order they were met (key -> {ten, nhom?, …})."""
        return dict(self._added)

    def listed(self) -> list[str]:
        """The additions as they are listed to the user: "SNV: Sở Nội vụ"."""
        return [f"{k}: {v['ten']}" for k, v in self._added.items()]
