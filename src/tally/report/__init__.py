"""Result documents (JSON-ready dicts) and renderers. Only rich_text imports rich."""
