"""Pydantic field types shared by election.yaml and the rule sets: counts and exact shares.

They sit below both models (a type both need goes to the lower layer); the arithmetic behind
them is :mod:`tally.shares`, which knows nothing of pydantic.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Annotated

from pydantic import Field, PlainSerializer, PlainValidator, WithJsonSchema

from tally.shares import SHARE_PATTERN, format_quantity, format_share, parse_quantity, parse_share

PositiveInt = Annotated[int, Field(strict=True, gt=0)]
Count = Annotated[int, Field(strict=True, ge=0)]

Share = Annotated[
    Fraction,
    PlainValidator(parse_share),
    PlainSerializer(format_share, return_type=str),
    WithJsonSchema({"type": "string", "pattern": SHARE_PATTERN, "examples": ["15%", "1/3"]}),
]

Quantity = Annotated[
    int | Fraction,
    PlainValidator(parse_quantity),
    PlainSerializer(format_quantity),
    WithJsonSchema(
        {
            "oneOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": SHARE_PATTERN},
            ],
            "examples": [2, "15%", "1/3"],
        }
    ),
]
