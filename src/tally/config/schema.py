"""The JSON Schema of election.yaml, for editors (yaml-language-server) and other tools."""

from __future__ import annotations

import json
from typing import Any

from tally import __version__
from tally.election import Election

SCHEMA_ID = "https://tally.invalid/schema/election.schema.json"
# The file `tally init` writes next to election.yaml, named by the file's first line, so that an
# editor completes and checks keys in a new folder without a network (issue 18).
SCHEMA_FILE = "election.schema.json"


def election_schema() -> dict[str, Any]:
    schema = Election.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "tally election.yaml"
    schema["description"] = (
        f"An election folder's election.yaml (tally {__version__.split('.')[0]}.x, format version 1)"
    )
    return schema


def schema_text() -> str:
    """The schema as `tally schema` prints it and `tally init` writes it (same bytes)."""
    return json.dumps(election_schema(), ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def modeline(schema: str = SCHEMA_FILE) -> str:
    """The first line of election.yaml: yaml-language-server reads the schema from ``schema``,
    a path relative to the election file."""
    return f"# yaml-language-server: $schema={schema}"
