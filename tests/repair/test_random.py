"""Random damage to docgen's own documents (sizes, bold, italic, alignment, doubled spaces,
stray punctuation, line breaks, repeated properties), fixed seeds: `docgen sua` never fails,
never changes a word, and a repaired copy needs no second repair."""
from __future__ import annotations

import random

import pytest
from lxml import etree

from docgen.repair.engine import repair_bytes
from tests.check.xmledit import mutate, w
from tests.repair.words import document_text, words


def _damage(rnd: random.Random):
    def fn(root):
        paras = list(root.iter(w("p")))
        for _ in range(8):
            p = rnd.choice(paras)
            runs = p.findall(w("r"))
            if not runs:
                continue
            r = rnd.choice(runs)
            rpr = r.find(w("rPr"))
            if rpr is None:
                rpr = etree.Element(w("rPr"))
                r.insert(0, rpr)
            kind = rnd.randrange(6)
            if kind == 0:
                etree.SubElement(rpr, w("sz")).set(w("val"), str(rnd.choice([16, 22, 24, 30])))
            elif kind in (1, 2):
                etree.SubElement(rpr, w("bi"[kind - 1])).set(w("val"), rnd.choice(["0", "1"]))
            elif kind == 3 and r.find(w("t")) is not None and r.find(w("t")).text:
                t = r.find(w("t"))
                t.text = t.text.replace(" ", "  ", 1) + rnd.choice(["", ";", ".", " "])
            elif kind == 4:
                etree.SubElement(r, w("br"))
            elif kind == 5:
                ppr = p.find(w("pPr"))
                if ppr is None:
                    ppr = etree.Element(w("pPr"))
                    p.insert(0, ppr)
                etree.SubElement(ppr, w("jc")).set(w("val"), rnd.choice(["left", "right", "both"]))
    return fn


@pytest.mark.parametrize("seed", range(8))
def test_random_damage(built, seed):
    rnd = random.Random(seed)
    name = rnd.choice(sorted(built))
    data = mutate(built[name], fn=_damage(rnd))
    result = repair_bytes(data, name)
    assert words(document_text(result.data)) == words(document_text(data))
    assert [str(f) for f in repair_bytes(result.data, name).fixes] == []
    tracked = repair_bytes(data, name, track=True)
    assert {f.code for f in tracked.remaining} <= {f.code for f in result.remaining} | \
        {f.code for f in result.before}
