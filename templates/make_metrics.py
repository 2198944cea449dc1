"""Generate docgen/vn/metrics.json from the Liberation Serif fonts (Times New Roman metrics).

Run: python templates/make_metrics.py [--fonts DIR] [--out FILE]

Only this script imports fontTools; docgen.vn.metrics reads the JSON with the standard library.
"""
from __future__ import annotations

import argparse
import json
import unicodedata
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
FONTS = Path("/usr/share/fonts/truetype/liberation2")
FACES = {
    "regular": "LiberationSerif-Regular.ttf",
    "bold": "LiberationSerif-Bold.ttf",
    "italic": "LiberationSerif-Italic.ttf",
    "bolditalic": "LiberationSerif-BoldItalic.ttf",
}


def code_points() -> list[int]:
    """ASCII, Latin-1, the letters Vietnamese needs and common typographic punctuation."""
    cps = set(range(0x20, 0x7F))
    cps |= set(range(0xA0, 0x100))          # Latin-1 supplement (À Á Â Ã È É Ê Ì Í Ò Ó Ô Õ Ù Ú Ý à …)
    cps |= set(range(0x100, 0x180))         # Latin Extended-A (Ă ă Đ đ Ĩ ĩ Ũ ũ …)
    cps |= {0x1A0, 0x1A1, 0x1AF, 0x1B0}     # Ơ ơ Ư ư
    cps |= set(range(0x1EA0, 0x1EFA))       # Latin Extended Additional: Vietnamese tones
    cps |= set(range(0x2010, 0x2027))       # ‐ ‑ ‒ – — ― ‖ ‗ ' ' ‚ ‛ " " „ ‟ † ‡ • ‣ ․ ‥ …
    cps |= {0x2030, 0x2039, 0x203A, 0x20AB, 0x20AC, 0x2116, 0x2122, 0x2212}
    cps |= set(range(0x300, 0x310)) | {0x323}  # combining marks (for text that is not NFC)
    return sorted(cps)


def build(fonts_dir: Path) -> dict:
    out: dict = {"font": "Liberation Serif (metric-compatible with Times New Roman)", "faces": {}}
    upem = None
    for face, fname in FACES.items():
        font = TTFont(fonts_dir / fname)
        u = font["head"].unitsPerEm
        if upem is None:
            upem = u
        assert u == upem, "all faces must share units_per_em"
        cmap = font.getBestCmap()
        hmtx = font["hmtx"]
        widths = {}
        for cp in code_points():
            g = cmap.get(cp)
            if g is None:
                continue
            adv = hmtx[g][0]
            if unicodedata.combining(chr(cp)):
                adv = 0  # combining marks take no advance when composed by the shaper
            widths[f"{cp:04X}"] = adv
        out["faces"][face] = widths
    out["units_per_em"] = upem
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--fonts", type=Path, default=FONTS)
    ap.add_argument("--out", type=Path, default=ROOT / "docgen" / "vn" / "metrics.json")
    a = ap.parse_args()
    data = build(a.fonts)
    text = json.dumps(data, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    a.out.write_text(text + "\n", encoding="ascii")
    print(f"wrote {a.out} ({len(text)} bytes)")


if __name__ == "__main__":
    main()
