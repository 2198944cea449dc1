"""PDF and PNG previews through LibreOffice headless: the only package that runs LibreOffice.

`pool` converts DOCX to PDF in batches on a pool of workers with their own profiles, `fonts`
tells whether Times New Roman is real or substituted, `png` renders pages with pdftoppm and
writes the HTML contact sheet, `command` holds the click commands `pdf` and `preview`.
"""
