from pathlib import Path

from docgen.content.yaml_loader import load_yaml


def _load(tmp_path: Path, text: str):
    path = tmp_path / "x.yaml"
    path.write_text(text, "utf-8")
    return load_yaml(path, "x.yaml")


def test_vietnamese_words_never_become_booleans_or_numbers(tmp_path):
    doc, problems = _load(tmp_path, "a: no\nb: yes\nc: on\nd: 1:20\ne: 07/12/2020\nf: 2021\ng: '05'\nh: true\n")
    assert problems == []
    assert doc.data == {"a": "no", "b": "yes", "c": "on", "d": "1:20", "e": "07/12/2020", "f": 2021,
                        "g": "05", "h": True}


def test_lines_of_keys_and_items(tmp_path):
    doc, _ = _load(tmp_path, "# c\na:\n  - x\n  - y: 1\n    z: 2\nb: 3\n")
    assert doc.line(("a",)) == 2
    assert doc.line(("a", 1)) == 4
    assert doc.line(("a", 1, "z")) == 5
    assert doc.line(("a", 1, "missing")) == 4
    assert doc.line(("b",)) == 6


def test_empty_and_non_mapping_files(tmp_path):
    assert _load(tmp_path, "# chỉ có ghi chú\n")[1][0].code == "content.empty-file"
    assert _load(tmp_path, "- a\n- b\n")[1][0].code == "content.type"
