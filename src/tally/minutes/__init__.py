"""The minutes of the count: a data model and its renderers (Markdown, HTML, DOCX)."""
