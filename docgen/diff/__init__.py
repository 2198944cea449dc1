"""Compare two builds of a document: paragraph/row diff and the appendix task summary.

`extract` reads a DOCX into comparable items, `textdiff` diffs them (terminal and HTML),
`tasks` summarises the appendix task table task by task, `command` holds the click commands.
"""
