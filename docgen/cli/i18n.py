"""click's own strings in Vietnamese: usage, help, errors, choices, ranges.

click wraps every string it prints in `gettext` (`from gettext import gettext as _` in each of
its modules). The stdlib's module-level `gettext.gettext` picks its language from environment
variables (LANGUAGE, LC_ALL, LANG), which the offices' Windows machines do not set, and changing
them would leak into LibreOffice child processes. So docgen gives click one in-memory catalog
(`Vietnamese`, a `gettext.NullTranslations` with a dict, no compiled .mo file to build or ship)
and binds click's `_` / `ngettext` names to it, for every click module that imported them.
`tests/test_cli_language.py` extracts every string click marks for translation (babel) and
fails if one is missing here, so a click upgrade cannot bring English back silently.

What gettext cannot reach is done where docgen defines its commands: metavars (`[OPTIONS]`,
`PATH`, `INTEGER RANGE`) are set by `localize` (called by the command group for every command
it registers), and the list of choices is written "'a', 'b' hoặc 'c'" by `Choice`.
"""

from __future__ import annotations

import gettext
import sys

import click

# msgid -> Vietnamese. Placeholders are click's own; a placeholder left out is simply not shown.
MESSAGES: dict[str, str] = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Positional arguments": "Tham số",
    "Commands": "Lệnh",
    "Show this message and exit.": "In hướng dẫn này rồi thoát.",
    "Show the version and exit.": "In phiên bản rồi thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "default: {default}": "mặc định: {default}",
    "env var: {var}": "biến môi trường: {var}",
    "required": "bắt buộc",
    "(dynamic)": "(tùy lúc chạy)",
    "deprecated": "không còn dùng",
    "Aborted!": "Đã dừng.",
    "Missing command.": "thiếu tên lệnh.",
    "Value must be an iterable.": "giá trị phải là một danh sách.",
    "Error: {message}": "Lỗi: {message}",
    "Try '{command} {option}' for help.": "Xem hướng dẫn: '{command} {option}'.",
    "Invalid value: {message}": "giá trị không hợp lệ: {message}",
    "Invalid value for {param_hint}: {message}": "giá trị của {param_hint} không hợp lệ: {message}",
    "Missing argument": "thiếu tham số",
    "Missing option": "thiếu tùy chọn",
    "Missing parameter": "thiếu tham số",
    "Missing {param_type}": "thiếu {param_type}",
    "Missing parameter: {param_name}": "thiếu tham số: {param_name}",
    "No such option {name!r}.": "không có tùy chọn {name!r}.",
    "No such command {name!r}.": "không có lệnh {name!r}.",
    "unknown error": "lỗi không rõ",
    "Could not open file {filename!r}: {message}": "không mở được tệp {filename!r}: {message}",
    "Invalid start character for option ({option})": "tùy chọn bắt đầu bằng ký tự không hợp lệ ({option})",
    "Argument {name!r} takes {nargs} values.": "tham số {name!r} cần {nargs} giá trị.",
    "Option {name!r} does not take a value.": "tùy chọn {name!r} không nhận giá trị.",
    "Choose from:\n\t{choices}": "chọn một trong:\n\t{choices}",
    "Choice({choices})": "Lựa chọn({choices})",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là số hợp lệ.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng cho phép ({range}).",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} không phải là giá trị đúng/sai. Các giá trị nhận: {states}",
    "{value!r} is not a valid UUID.": "{value!r} không phải là UUID hợp lệ.",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp, không phải thư mục.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục, không phải tệp.",
    "{name} {filename!r} is not readable.": "không đọc được {name} {filename!r}.",
    "{name} {filename!r} is not writable.": "không ghi được vào {name} {filename!r}.",
    "{name} {filename!r} is not executable.": "không chạy được {name} {filename!r}.",
    "Do you want to continue?": "Tiếp tục?",
    "Confirm the action without prompting.": "Xác nhận luôn, không hỏi lại.",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Error: The two entered values do not match.": "Lỗi: hai giá trị đã nhập không khớp.",
    "Error: invalid input": "Lỗi: giá trị nhập không hợp lệ",
    "Press any key to continue...": "Nhấn một phím bất kỳ để tiếp tục…",
    "d": " ngày",
    "{editor}: Editing failed": "{editor}: không sửa được",
    "{editor}: Editing failed: {e}": "{editor}: không sửa được: {e}",
    "Windows error: {error}": "lỗi Windows: {error}",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "cảnh báo: lệnh {name!r} không còn dùng.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "cảnh báo: {param_type} {name!r} không còn dùng.{extra_message}",
    "Unknown color {colour!r}": "màu không rõ {colour!r}",
    "Unknown standard stream '{name}'": "không có luồng chuẩn '{name}'",
    "Shell completion is not supported for Bash versions older than 4.4.":
        "Bash cũ hơn 4.4 không hỗ trợ gợi ý lệnh.",
    "Couldn't detect Bash version, shell completion is not supported.":
        "không xác định được phiên bản Bash; không có gợi ý lệnh.",
}

# Vietnamese has one form: (singular msgid, plural msgid) -> Vietnamese.
PLURALS: dict[tuple[str, str], str] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        "thừa tham số ({args})",
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."):
        "cần {nargs} giá trị nhưng có {len}.",
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        "(Có phải {possibility}{possibilities}?)",
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        "tùy chọn {name!r} cần {nargs} giá trị.",
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        "{value!r} không phải là {choice}{choices}.",
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."):
        "{value!r} không đúng định dạng {format}{formats}.",
    ("{len_type} values are required, but {len_value} was given.",
     "{len_type} values are required, but {len_value} were given."):
        "cần {len_type} giá trị nhưng có {len_value}.",
}

# Messages developers see when they declare a command wrongly: never shown to a user.
DEVELOPER_ONLY = {
    "Name '{name}' defined twice",
    "Boolean option {decl!r} cannot use the same flag for true/false.",
    "Could not determine name for option with declarations {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument "
    "instead? Did you mean to pass '--{name}'?",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.",
}


class Vietnamese(gettext.NullTranslations):
    """A catalog in a dict. A format placeholder of the other number is filled with ""."""

    def gettext(self, message: str) -> str:
        return MESSAGES.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        vi = PLURALS.get((msgid1, msgid2))
        if vi is None:
            return msgid1 if n == 1 else msgid2
        # click formats both forms with every placeholder; keep the one of this number.
        return vi.replace("{possibilities}" if n == 1 else "{possibility}", "") \
                 .replace("{choices}" if n == 1 else "{choice}", "") \
                 .replace("{formats}" if n == 1 else "{format}", "")


CATALOG = Vietnamese()


def install() -> None:
    """Bind `_` and `ngettext` of every click module that uses gettext to the catalog.

    The modules click imports lazily (the progress bar's, shell completion's, the Windows
    console's) are imported here first, so that none is left speaking English.
    """
    import importlib

    names = ["core", "decorators", "exceptions", "formatting", "parser", "termui", "types",
             "utils", "_termui_impl", "shell_completion"]
    if sys.platform == "win32":
        names.append("_winconsole")   # the Windows console's messages
    for name in names:
        importlib.import_module(f"click.{name}")
    for name, module in list(sys.modules.items()):
        if name != "click" and not name.startswith("click."):
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = CATALOG.gettext
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = CATALOG.ngettext


def join_or(values) -> str:
    """'a', 'b' hoặc 'c' (the Vietnamese way to list alternatives)."""
    items = [repr(v) if not isinstance(v, str) else f"'{v}'" for v in values]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} hoặc {items[-1]}"


def usage_message(exc: click.UsageError) -> str:
    """The message of a usage error; suggestions listed the Vietnamese way ("a hoặc b")."""
    if isinstance(exc, click.NoSuchOption) and exc.possibilities:
        return (f"không có tùy chọn '{exc.option_name}'. "
                f"(Có phải {join_or(sorted(exc.possibilities))}?)")
    return exc.format_message()


class Choice(click.Choice):
    """click.Choice whose error lists the choices the Vietnamese way."""

    def get_invalid_choice_message(self, value, ctx) -> str:
        return f"'{value}' không phải là {join_or(self.choices)}."

    def get_missing_message(self, param, ctx) -> str:
        return f"chọn {join_or(self.choices)}."


_METAVARS = ((click.types.IntParamType, "SỐ"), (click.types.FloatParamType, "SỐ"),
             (click.Path, "ĐƯỜNG_DẪN"), (click.types.StringParamType, "VĂN_BẢN"))


def _metavar(param: click.Parameter) -> str:
    for kind, name in _METAVARS:
        if isinstance(param.type, kind):
            return name
    return "GIÁ_TRỊ"


def localize(command: click.Command) -> click.Command:
    """Vietnamese metavars for a command (and its subcommands): what gettext cannot reach."""
    if command.options_metavar == "[OPTIONS]":
        command.options_metavar = "[TÙY_CHỌN]"
    if isinstance(command, click.Group):
        if command.subcommand_metavar == "COMMAND [ARGS]...":
            command.subcommand_metavar = "LỆNH [THAM_SỐ]..."
        for sub in command.commands.values():
            localize(sub)
    for param in command.params:
        if param.metavar is not None or isinstance(param.type, click.Choice):
            continue
        if isinstance(param, click.Option) and param.is_flag:
            continue
        base = _metavar(param)
        if isinstance(param, click.Argument):
            base = base if param.required else f"[{base}]"
            base += "..." if param.nargs != 1 else ""
        param.metavar = base
    return command


class Group(click.Group):
    """The docgen command group: every command registered on it gets Vietnamese metavars."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[TÙY_CHỌN]")
        kwargs.setdefault("subcommand_metavar", "LỆNH [THAM_SỐ]...")
        super().__init__(*args, **kwargs)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        super().add_command(localize(cmd), name)
