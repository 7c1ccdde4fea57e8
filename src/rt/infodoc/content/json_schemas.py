"""JSON schemas of the structured list fields (authors, speakers, copies)."""

import json

AUTHORS = json.dumps(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "role": {"type": "string"},
                "kind": {"type": "string", "enum": ["person", "corporate"]},
                "function": {"type": "string"},
            },
            "required": ["name"],
        },
    }
)

SPEAKERS = json.dumps(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "title": {"type": "string"},
                "affiliation": {"type": "string"},
            },
            "required": ["name"],
        },
    }
)

ITEMS = json.dumps(
    {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "barcode": {"type": "string"},
                "call_number": {"type": "string"},
                "doc_type": {"type": "string"},
                "section": {"type": "string"},
                "status": {"type": "string"},
                "site": {"type": "string"},
            },
        },
    }
)
