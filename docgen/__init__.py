"""docgen: Decree 30/2020/NĐ-CP administrative documents (DOCX) from structured content."""

import time as _time

__version__ = "0.1.0"
STARTED = _time.perf_counter()  # when docgen was first imported: the start of a command
