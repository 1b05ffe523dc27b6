"""The JSON Schema of election.yaml, for editors (yaml-language-server) and other tools."""

from __future__ import annotations

from typing import Any

from tally import __version__
from tally.election import Election

SCHEMA_ID = "https://tally.invalid/schema/election.schema.json"


def election_schema() -> dict[str, Any]:
    schema = Election.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "tally election.yaml"
    schema["description"] = (
        f"An election folder's election.yaml (tally {__version__.split('.')[0]}.x, format version 1)"
    )
    return schema
