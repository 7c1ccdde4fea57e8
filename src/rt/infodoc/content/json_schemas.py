"""JSON schema of the copies (exemplaires) of a Notice, still a JSON field.

Authors and speakers are rows now (``rows.py``, ``structured.py``).
"""

import json

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
