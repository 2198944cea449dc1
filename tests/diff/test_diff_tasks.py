"""Task-level summary of the appendix, and the paragraph/row diff, on DOCX files made here."""

from docgen.diff.compare import compare_files
from docgen.diff.extract import extract
from docgen.diff.tasks import find_tasks, summarize
from docgen.diff.textdiff import terminal_lines
from tests.diff.conftest import task

G1 = ("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", [task("Ban hành Kế hoạch CCHC năm 2021"),
                                     task("Ban hành Kế hoạch kiểm tra công tác CCHC")])
G2_TASKS = [task("Ban hành Kế hoạch ban hành văn bản QPPL", chu_tri="Phòng Tư pháp"),
            task("Rà soát, hệ thống hóa văn bản QPPL", chu_tri="Phòng Tư pháp"),
            task("Kiểm tra việc thực hiện văn bản QPPL", chu_tri="Phòng Tư pháp",
                 thoi_gian="Quý I")]


def summary(mk, old_groups, new_groups):
    return summarize(extract(mk("a.docx", groups=old_groups)),
                     extract(mk("b.docx", groups=new_groups)))


def test_task_ids_from_group_and_tt(mk):
    tasks, groups = find_tasks(extract(mk("a.docx", ["Phụ lục"], [G1, ("CẢI CÁCH THỂ CHẾ", G2_TASKS)])))
    assert [t.ma for t in tasks] == ["I.1", "I.2", "II.1", "II.2", "II.3"]
    assert groups == {"I": "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "II": "CẢI CÁCH THỂ CHẾ"}
    assert tasks[4].values[2] == "Phòng Tư pháp"


def test_agency_and_deadline_changed(mk):
    changed = list(G2_TASKS)
    changed[2] = task("Kiểm tra việc thực hiện văn bản QPPL", chu_tri="Văn phòng HĐND và UBND",
                      thoi_gian="Quý II")
    assert summary(mk, [G1, ("CẢI CÁCH THỂ CHẾ", G2_TASKS)], [G1, ("CẢI CÁCH THỂ CHẾ", changed)]) == [
        "Nhiệm vụ II.3: chủ trì Phòng Tư pháp → Văn phòng HĐND và UBND; thời gian Quý I → Quý II"]


def test_deadline_only(mk):
    changed = [G1[1][0], task("Ban hành Kế hoạch kiểm tra công tác CCHC", thoi_gian="Quý III/2021")]
    assert summary(mk, [G1], [(G1[0], changed)]) == [
        "Nhiệm vụ I.2: thời gian Quý I/2021 → Quý III/2021"]


def test_tasks_added_at_the_end(mk):
    more = G2_TASKS + [task("Nhiệm vụ mới một"), task("Nhiệm vụ mới hai")]
    assert summary(mk, [G1, ("CẢI CÁCH THỂ CHẾ", G2_TASKS)], [G1, ("CẢI CÁCH THỂ CHẾ", more)]) == [
        "thêm 2 nhiệm vụ: II.4, II.5"]


def test_task_inserted_renumbers_without_moving(mk):
    more = [task("Nhiệm vụ chen vào đầu")] + G2_TASKS
    assert summary(mk, [("CẢI CÁCH THỂ CHẾ", G2_TASKS)], [("CẢI CÁCH THỂ CHẾ", more)]) == [
        "thêm 1 nhiệm vụ: I.1",
        "đánh số lại 3 nhiệm vụ: I.1 → I.2, I.2 → I.3, I.3 → I.4"]


def test_task_removed(mk):
    assert summary(mk, [G1, ("CẢI CÁCH THỂ CHẾ", G2_TASKS)], [G1, ("CẢI CÁCH THỂ CHẾ", G2_TASKS[:2])]) == [
        "bỏ 1 nhiệm vụ: II.3"]


def test_task_moved_to_another_group(mk):
    old = [G1, ("CẢI CÁCH THỂ CHẾ", G2_TASKS)]
    new = [(G1[0], G1[1] + [G2_TASKS[0]]), ("CẢI CÁCH THỂ CHẾ", G2_TASKS[1:])]
    assert summary(mk, old, new) == [
        "Nhiệm vụ II.1 chuyển thành I.3 (nhóm II → I)",
        "đánh số lại 2 nhiệm vụ: II.2 → II.1, II.3 → II.2"]


def test_task_reworded_is_a_change_not_a_replacement(mk):
    reworded = [G1[1][0], task("Ban hành Kế hoạch kiểm tra công tác CCHC năm 2021")]
    assert summary(mk, [G1], [(G1[0], reworded)]) == [
        "Nhiệm vụ I.2: nội dung “Ban hành Kế hoạch kiểm tra công tác CCHC” → "
        "“Ban hành Kế hoạch kiểm tra công tác CCHC năm 2021”"]


def test_group_renamed_and_added(mk):
    assert summary(mk, [G1], [("CHỈ ĐẠO, ĐIỀU HÀNH", G1[1]), ("CẢI CÁCH THỂ CHẾ", [])]) == [
        "Nhóm I: tên “CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH” → “CHỈ ĐẠO, ĐIỀU HÀNH”",
        "thêm nhóm II: CẢI CÁCH THỂ CHẾ"]


def test_no_task_table_gives_no_summary(mk):
    assert summary(mk, None, None) is None


def test_changed_paragraph(mk):
    a = mk("a.docx", ["QUYẾT ĐỊNH", "Hoài Nhơn, ngày      tháng 12 năm 2020", "Điều 1. Ban hành."])
    b = mk("b.docx", ["QUYẾT ĐỊNH", "Hoài Nhơn, ngày 28 tháng 12 năm 2020", "Điều 1. Ban hành."])
    assert terminal_lines(compare_files(a, b)) == [
        "b.docx: thay đổi (1 bỏ, 1 thêm)",
        "  - Hoài Nhơn, ngày      tháng 12 năm 2020",
        "  + Hoài Nhơn, ngày 28 tháng 12 năm 2020"]


def test_added_and_removed_rows(mk):
    a = mk("a.docx", ["Phụ lục"], [G1])
    b = mk("b.docx", ["Phụ lục"], [(G1[0], G1[1][:1] + [task("Công bố Chỉ số CCHC")])])
    lines = terminal_lines(compare_files(a, b))
    assert lines[1:] == [
        "  * thêm 1 nhiệm vụ: I.2",
        "  * bỏ 1 nhiệm vụ: I.2",
        "  - [hàng] 2 | Ban hành Kế hoạch kiểm tra công tác CCHC | Kế hoạch của UBND thị xã | "
        "Phòng Nội vụ | Các cơ quan, đơn vị, địa phương | Quý I/2021 | ",
        "  + [hàng] 2 | Công bố Chỉ số CCHC | Kế hoạch của UBND thị xã | Phòng Nội vụ | "
        "Các cơ quan, đơn vị, địa phương | Quý I/2021 | "]


def test_merged_cells_read_once(mk):
    items = extract(mk("a.docx", groups=[G1]))
    assert items[1].cells == ("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH")


def test_multi_line_deadline_reports_only_the_changed_line(mk):
    old = [task("Xây dựng Kế hoạch tuyên truyền", chu_tri="Phòng Tư pháp",
                thoi_gian="- Ban hành Kế hoạch: Quý I/2021\n- Thực hiện: Cả năm")]
    new = [task("Xây dựng Kế hoạch tuyên truyền", chu_tri="Văn phòng HĐND và UBND",
                thoi_gian="- Ban hành Kế hoạch: Quý II/2021\n- Thực hiện: Cả năm")]
    assert summary(mk, [("CẢI CÁCH THỂ CHẾ", old)], [("CẢI CÁCH THỂ CHẾ", new)]) == [
        "Nhiệm vụ I.1: chủ trì Phòng Tư pháp → Văn phòng HĐND và UBND; "
        "thời gian Ban hành Kế hoạch: Quý I/2021 → Quý II/2021"]
