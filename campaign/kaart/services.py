"""Loading boundaries into the database, and what the map shows."""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select

from campaign.extensions import db
from campaign.gemeenten.models import Gemeente
from campaign.kaart.geometry import (
    Area,
    BoundaryError,
    Projection,
    neighbours,
    read_areas,
    svg_path,
    to_geojson_geometry,
)
from campaign.kaart.models import MapLayer, MapShape

CREDIT = "Bron: CBS / Kadaster, via PDOK; vereenvoudigd door cartomap/nl"
MAX_DOWNLOAD = 100 * 1024 * 1024


@dataclass
class LoadReport:
    loaded: int
    missing_in_file: list[str] = field(default_factory=list)
    unknown_in_database: list[str] = field(default_factory=list)


def read_source(source: str) -> Any:
    """Parse boundaries from a local path or an http(s) URL."""
    if source.startswith(("http://", "https://")):
        try:
            # Only http(s) gets here (checked above), never file: or custom schemes.
            with urllib.request.urlopen(source, timeout=60) as response:  # nosec B310
                raw = response.read(MAX_DOWNLOAD + 1)
        except OSError as error:
            raise BoundaryError(f"could not download {source}: {error}") from None
        if len(raw) > MAX_DOWNLOAD:
            raise BoundaryError("the download is larger than 100 MB")
    else:
        path = Path(source)
        if not path.is_file():
            raise BoundaryError(f"no such file: {source}")
        raw = path.read_bytes()
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BoundaryError(f"not JSON: {error}") from None


def load_boundaries(
    data: Any,
    source: str,
    code_property: str = "statcode",
    name_property: str = "statnaam",
    credit: str = CREDIT,
) -> LoadReport:
    """Replace the stored map with these areas, in one transaction."""
    areas = read_areas(data, code_property, name_property)
    if not areas:
        raise BoundaryError("the file has no areas")
    projection = Projection.fitting(areas)
    adjacency = neighbours(areas)
    known = set(db.session.scalars(select(Gemeente.cbs_code).where(Gemeente.ceased_on.is_(None))))
    codes = {area.code for area in areas}
    layer = MapLayer(source=source[:500], credit=credit[:300], view_box=projection.view_box)
    layer.shapes = [_shape(area, projection, adjacency[area.code]) for area in areas]
    db.session.execute(delete(MapShape))
    db.session.execute(delete(MapLayer))
    db.session.add(layer)
    db.session.commit()
    return LoadReport(
        loaded=len(areas),
        missing_in_file=sorted(known - codes),
        unknown_in_database=sorted(codes - known),
    )


def _shape(area: Area, projection: Projection, neighbour_codes: list[str]) -> MapShape:
    return MapShape(
        cbs_code=area.code,
        name=area.name,
        svg_path=svg_path(area.polygons, projection),
        geometry=to_geojson_geometry(area.polygons),
        neighbour_codes=neighbour_codes,
    )


def derived_geojson(
    data: Any, code_property: str, name_property: str, credit: str
) -> dict[str, Any]:
    """What seed_data/ keeps of a boundaries file: code, name and a rounded outline."""
    areas = read_areas(data, code_property, name_property)
    return {
        "type": "FeatureCollection",
        "credit": credit,
        "features": [
            {
                "type": "Feature",
                "properties": {"statcode": area.code, "statnaam": area.name},
                "geometry": to_geojson_geometry(area.polygons, decimals=4),
            }
            for area in areas
        ],
    }


def current_layer() -> MapLayer | None:
    return db.session.scalar(select(MapLayer).order_by(MapLayer.id.desc()).limit(1))


@dataclass(frozen=True)
class MapEntry:
    """What the map draws of one gemeente: plain columns, no ORM objects, so rendering the
    whole country reads 342 short rows (the outlines' GeoJSON stays in the database)."""

    gemeente: Any  # a row with cbs_code, name, slug and status
    svg_path: str


def map_entries() -> list[MapEntry]:
    """Every active gemeente that has a shape, with its outline, in one query."""
    rows = db.session.execute(
        select(Gemeente.cbs_code, Gemeente.name, Gemeente.slug, Gemeente.status, MapShape.svg_path)
        .join(MapShape, MapShape.cbs_code == Gemeente.cbs_code)
        .where(Gemeente.ceased_on.is_(None))
        .order_by(Gemeente.name)
    )
    return [MapEntry(row, row.svg_path) for row in rows]


def map_features() -> list[tuple[Gemeente, dict[str, Any]]]:
    """Every active gemeente with a shape, with its GeoJSON geometry (for open data)."""
    rows = db.session.execute(
        select(Gemeente, MapShape.geometry)
        .join(MapShape, MapShape.cbs_code == Gemeente.cbs_code)
        .where(Gemeente.ceased_on.is_(None))
        .order_by(Gemeente.name)
    )
    return [(gemeente, geometry) for gemeente, geometry in rows]


def shape_of(gemeente: Gemeente) -> MapShape | None:
    return db.session.scalar(select(MapShape).where(MapShape.cbs_code == gemeente.cbs_code))


def neighbours_of(gemeente: Gemeente, shape: MapShape | None) -> list[Gemeente]:
    """Bordering gemeenten from the map; without a shape, the others in the same province."""
    if shape is not None:
        statement = select(Gemeente).where(Gemeente.cbs_code.in_(shape.neighbour_codes))
    else:
        statement = select(Gemeente).where(
            Gemeente.province == gemeente.province, Gemeente.id != gemeente.id
        )
    return list(
        db.session.scalars(statement.where(Gemeente.ceased_on.is_(None)).order_by(Gemeente.name))
    )
