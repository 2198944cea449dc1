"""docgen: Decree 30/2020/NĐ-CP administrative documents (DOCX) from structured content."""

__version__ = "0.1.0"
