"""Reading boundaries: TopoJSON (delta-encoded, quantized arcs) and GeoJSON into plain polygons.

A polygon is a list of rings; a ring a list of (longitude, latitude) points. Every gemeente
becomes a list of polygons, whether the source said Polygon or MultiPolygon.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import shapely
from shapely.geometry.polygon import orient

Point = tuple[float, float]
Ring = list[Point]
Polygons = list[list[Ring]]


class BoundaryError(ValueError):
    """The file is not usable boundaries; the message says why (in English, for the CLI)."""


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    polygons: Polygons


def _decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    transform = topology.get("transform")
    decoded = []
    for arc in topology["arcs"]:
        if transform:
            (scale_x, scale_y), (shift_x, shift_y) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy, *_ in arc:
                x, y = x + dx, y + dy
                points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        decoded.append(points)
    return decoded


def _ring_from_arcs(indexes: list[int], arcs: list[list[Point]]) -> Ring:
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        ring.extend(points if not ring else points[1:])
    return ring


def _topojson_polygons(geometry: dict[str, Any], arcs: list[list[Point]]) -> Polygons:
    if geometry["type"] == "Polygon":
        return [[_ring_from_arcs(ring, arcs) for ring in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[_ring_from_arcs(ring, arcs) for ring in polygon] for polygon in geometry["arcs"]]
    raise BoundaryError(f"unsupported geometry type {geometry['type']!r}")


def _geojson_polygons(geometry: dict[str, Any]) -> Polygons:
    def ring(points: list[list[float]]) -> Ring:
        return [(float(p[0]), float(p[1])) for p in points]

    if geometry["type"] == "Polygon":
        return [[ring(r) for r in geometry["coordinates"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring(r) for r in polygon] for polygon in geometry["coordinates"]]
    raise BoundaryError(f"unsupported geometry type {geometry['type']!r}")


def read_areas(data: Any, code_property: str, name_property: str) -> list[Area]:
    """Areas from a parsed TopoJSON Topology or GeoJSON FeatureCollection."""
    if not isinstance(data, dict) or data.get("type") not in ("Topology", "FeatureCollection"):
        raise BoundaryError("expected a TopoJSON Topology or a GeoJSON FeatureCollection")
    try:
        if data["type"] == "Topology":
            arcs = _decode_arcs(data)
            objects = list(data["objects"].values())
            if len(objects) != 1:
                raise BoundaryError(f"expected one object in the topology, found {len(objects)}")
            items = [
                (g.get("properties") or {}, _topojson_polygons(g, arcs))
                for g in objects[0]["geometries"]
            ]
        else:
            items = [
                (f.get("properties") or {}, _geojson_polygons(f["geometry"]))
                for f in data["features"]
            ]
    except (KeyError, IndexError, TypeError) as error:
        raise BoundaryError(f"malformed boundaries: missing or wrong {error}") from None
    areas = []
    for properties, polygons in items:
        code, name = properties.get(code_property), properties.get(name_property)
        if not isinstance(code, str) or not isinstance(name, str):
            raise BoundaryError(
                f"a feature lacks the properties {code_property!r} and {name_property!r}"
            )
        if not all(len(ring) >= 4 for polygon in polygons for ring in polygon):
            raise BoundaryError(f"{code}: a ring has fewer than four points")
        areas.append(Area(code.upper(), name, polygons))
    codes = [area.code for area in areas]
    if len(set(codes)) != len(codes):
        raise BoundaryError("the same code appears more than once")
    return areas


def to_geojson_geometry(polygons: Polygons, decimals: int = 4) -> dict[str, Any]:
    """The outline as RFC 7946 wants it: valid (no ring crosses itself or another), exterior
    rings counter-clockwise and holes clockwise (§3.1.6), coordinates rounded to `decimals`.

    Simplified boundaries may cross themselves already (Schouwen-Duiveland in the 2025 file
    has a spike of no width that runs out and back), and rounding can make a valid outline
    cross itself (Westervoort at 4 decimals touches itself in a point, so it becomes two
    polygons). Such a shape is repaired by GEOS's make_valid, which keeps the area it covers,
    and snapped to the grid of `decimals` in a way that keeps it valid; outlines that are valid
    once rounded keep their points as they are. The map looks the same: it fills areas, and
    the repairs change none.
    """

    def multipolygon(polygons: Polygons) -> shapely.Geometry:
        return shapely.MultiPolygon(
            [shapely.Polygon(polygon[0], polygon[1:]) for polygon in polygons]
        )

    rounded = [
        [[(round(x, decimals), round(y, decimals)) for x, y in ring] for ring in polygon]
        for polygon in polygons
    ]
    shape = multipolygon(rounded)
    if not shape.is_valid:
        # Repair the outline as given, then round it: rounding the repair could break it again.
        shape = multipolygon(polygons)
        if not shape.is_valid:
            shape = shapely.make_valid(shape, method="structure", keep_collapsed=False)
        shape = shapely.set_precision(shape, 10.0**-decimals)
    parts = [
        orient(part, sign=1.0)
        for part in shapely.get_parts(shape)
        if isinstance(part, shapely.Polygon) and not part.is_empty
    ]
    if not parts:
        raise BoundaryError("an outline covers no area")
    coordinates = [
        [
            [[round(x, decimals), round(y, decimals)] for x, y in ring.coords]
            for ring in (part.exterior, *part.interiors)
        ]
        for part in parts
    ]
    if len(coordinates) == 1:
        return {"type": "Polygon", "coordinates": coordinates[0]}
    return {"type": "MultiPolygon", "coordinates": coordinates}


@dataclass(frozen=True)
class Projection:
    """Longitude/latitude to SVG pixels; equirectangular, corrected for the Dutch latitude."""

    west: float
    north: float
    scale: float
    x_factor: float
    width: int
    height: int

    @classmethod
    def fitting(cls, areas: list[Area], width: int = 800) -> Projection:
        points = [p for a in areas for polygon in a.polygons for ring in polygon for p in ring]
        if not points:
            raise BoundaryError("no coordinates in the file")
        west, east = min(p[0] for p in points), max(p[0] for p in points)
        south, north = min(p[1] for p in points), max(p[1] for p in points)
        x_factor = math.cos(math.radians((north + south) / 2))
        scale = width / max((east - west) * x_factor, 1e-9)
        height = math.ceil((north - south) * scale)
        return cls(west, north, scale, x_factor, width, height)

    def project(self, point: Point) -> tuple[float, float]:
        return (
            round((point[0] - self.west) * self.x_factor * self.scale, 1),
            round((self.north - point[1]) * self.scale, 1),
        )

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


def svg_path(polygons: Polygons, projection: Projection) -> str:
    parts = []
    for polygon in polygons:
        for ring in polygon:
            points: list[tuple[float, float]] = []
            for point in ring:
                projected = projection.project(point)
                if not points or projected != points[-1]:
                    points.append(projected)
            if len(points) < 3:
                continue
            first, *rest = points
            parts.append(
                f"M{first[0]:g} {first[1]:g}" + "".join(f"L{x:g} {y:g}" for x, y in rest) + "Z"
            )
    return "".join(parts)


def neighbours(areas: list[Area], decimals: int = 5) -> dict[str, list[str]]:
    """Gemeenten sharing a border: they share a boundary segment (two consecutive points)."""
    owners: dict[tuple[Point, Point], set[str]] = {}
    for area in areas:
        for polygon in area.polygons:
            for ring in polygon:
                rounded = [(round(x, decimals), round(y, decimals)) for x, y in ring]
                for a, b in pairwise(rounded):
                    if a != b:
                        owners.setdefault((min(a, b), max(a, b)), set()).add(area.code)
    result: dict[str, set[str]] = {area.code: set() for area in areas}
    for codes in owners.values():
        for code in codes:
            result[code] |= codes - {code}
    return {code: sorted(others) for code, others in result.items()}
