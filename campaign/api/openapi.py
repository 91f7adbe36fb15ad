"""The OpenAPI 3.1 description of /api/v1, kept next to the views it describes."""

from __future__ import annotations

from typing import Any

from campaign.gemeenten.models import RAADSPERIODES, CampaignStatus
from campaign.moties.models import Outcome, Vote

PARTIAL_DATE = {
    "type": ["string", "null"],
    "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    "description": "YYYY, YYYY-MM or YYYY-MM-DD: only as precise as known.",
}


def openapi_document(server_url: str) -> dict[str, Any]:
    gemeente = {
        "type": "object",
        "required": [
            "code",
            "name",
            "slug",
            "province",
            "status",
            "status_since",
            "noodopvang",
            "inhabitants",
        ],
        "properties": {
            "code": {"type": "string", "pattern": "^GM[0-9]{4}$", "example": "GM0307"},
            "name": {"type": "string", "example": "Amersfoort"},
            "slug": {"type": "string", "example": "amersfoort"},
            "province": {"type": "string"},
            "status": {"type": "string", "enum": [s.value for s in CampaignStatus]},
            "status_since": {
                **PARTIAL_DATE,
                "description": "Since when the gemeente has its status, as precise as known "
                "(the vote on an adopted motion); null when not known.",
            },
            "noodopvang": {"type": "boolean"},
            "inhabitants": {
                "type": ["integer", "null"],
                "description": "From the Register van Overheidsorganisaties.",
            },
        },
    }
    source = {
        "type": ["object", "null"],
        "required": ["title", "date"],
        "properties": {
            "title": {"type": "string"},
            "date": {"type": ["string", "null"], "format": "date"},
        },
        "description": "Where a fact comes from: the register's export and its date, or the "
        "campaign and the day a volunteer entered it.",
    }
    raad = {
        "type": "object",
        "required": ["raadsperiode", "known", "total_seats", "fracties", "source", "doubts"],
        "properties": {
            "raadsperiode": {"type": "string", "enum": list(RAADSPERIODES)},
            "known": {"type": "boolean"},
            "total_seats": {"type": ["integer", "null"]},
            "fracties": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "name": {"type": "string"},
                        "seats": {"type": ["integer", "null"]},
                        "party": {"type": ["string", "null"]},
                    },
                },
            },
            "source": {"$ref": "#/components/schemas/Source"},
            "doubts": {"type": "array", "items": {"type": "string"}},
        },
    }
    motie = {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "title": {
                "type": "string",
                "description": "The motion's one title: the model motion's when made from it, "
                "else the title recorded, else 'Motie (titel onbekend)'.",
            },
            "title_recorded": {"type": ["string", "null"]},
            "submitted_on": PARTIAL_DATE,
            "voted_on": PARTIAL_DATE,
            "outcome": {"type": ["string", "null"], "enum": [o.value for o in Outcome] + [None]},
            "raadsperiode": {"type": ["string", "null"], "enum": [*RAADSPERIODES, None]},
            "adopted_by_previous_council": {"type": "boolean"},
            "votes_for": {"type": ["integer", "null"]},
            "votes_against": {"type": ["integer", "null"]},
            "record_url": {"type": ["string", "null"]},
            "indieners": {"type": "array", "items": {"type": "string"}},
            "votes": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "fractie": {"type": "string"},
                        "raadsperiode": {"type": "string"},
                        "seats": {"type": ["integer", "null"]},
                        "party": {"type": ["string", "null"]},
                        "vote": {"type": "string", "enum": [v.value for v in Vote]},
                        "recorded": {"type": "boolean"},
                    },
                },
                "description": "Every fractie of the voting council; `onbekend` (and recorded "
                "false) where its vote is not known.",
            },
            "source": {"type": ["string", "null"]},
            "sources": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "title": {"type": "string"},
                        "url": {"type": ["string", "null"]},
                    },
                },
            },
        },
    }
    error = {
        "type": "object",
        "required": ["error", "message"],
        "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Motietracker API",
            "version": "1",
            "description": "Read-only data of the KinderpardonNU campaign: gemeenten and motions.",
            "license": {"name": "CC BY 4.0", "identifier": "CC-BY-4.0"},
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/gemeenten": {
                "get": {
                    "operationId": "listGemeenten",
                    "summary": "All gemeenten with their campaign status",
                    "responses": {
                        "200": {
                            "description": "Every gemeente",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "array",
                                        "items": {"$ref": "#/components/schemas/Gemeente"},
                                    }
                                }
                            },
                        }
                    },
                }
            },
            "/gemeenten/{key}": {
                "get": {
                    "operationId": "getGemeente",
                    "summary": "One gemeente by CBS code or slug, with its motions",
                    "parameters": [
                        {
                            "name": "key",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                            "description": "CBS code (GM0307) or slug (amersfoort)",
                            "examples": {
                                "code": {"value": "GM0307"},
                                "slug": {"value": "amersfoort"},
                            },
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "The gemeente",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "allOf": [
                                            {"$ref": "#/components/schemas/Gemeente"},
                                            {
                                                "type": "object",
                                                "properties": {
                                                    "website": {"type": ["string", "null"]},
                                                    "sources": {
                                                        "type": "object",
                                                        "additionalProperties": {
                                                            "$ref": "#/components/schemas/Source"
                                                        },
                                                    },
                                                    "raden": {
                                                        "type": "array",
                                                        "items": {
                                                            "$ref": "#/components/schemas/Raad"
                                                        },
                                                    },
                                                    "moties": {
                                                        "type": "array",
                                                        "items": {
                                                            "$ref": "#/components/schemas/Motie"
                                                        },
                                                    },
                                                },
                                            },
                                        ]
                                    }
                                }
                            },
                        },
                        "404": {
                            "description": "No such gemeente",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Error"}
                                }
                            },
                        },
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Gemeente": gemeente,
                "Source": source,
                "Raad": raad,
                "Motie": motie,
                "Error": error,
            }
        },
    }
