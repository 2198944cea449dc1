"""The command line: the only package of docgen that imports click.

The command group is built explicitly in `app.make_group` from the command modules of this
package (no command registers itself by being imported). click's own strings are bound to the
Vietnamese catalog (`i18n.install`) before any command is declared, which is why the group is
imported only after it.
"""

from __future__ import annotations

from . import i18n

i18n.install()

from .app import main, main_group, run, utf8_output  # noqa: E402

__all__ = ["main", "main_group", "run", "utf8_output"]
