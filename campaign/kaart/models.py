"""The loaded boundaries: one layer at a time, one shape per gemeente."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaign.dates import utcnow
from campaign.dbtypes import UTCDateTime
from campaign.extensions import Model


class MapLayer(Model):
    __tablename__ = "map_layers"
    # Reloadable copies of a public source, not campaign work: the audit log skips them.
    audited = False

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(500))
    credit: Mapped[str] = mapped_column(String(300))
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The SVG coordinate system all shapes are drawn in: "0 0 width height".
    view_box: Mapped[str] = mapped_column(String(60))
    shapes: Mapped[list[MapShape]] = relationship(
        back_populates="layer", cascade="all, delete-orphan", order_by="MapShape.cbs_code"
    )


class MapShape(Model):
    __tablename__ = "map_shapes"
    audited = False

    id: Mapped[int] = mapped_column(primary_key=True)
    layer_id: Mapped[int] = mapped_column(
        ForeignKey("map_layers.id", ondelete="CASCADE"), index=True
    )
    layer: Mapped[MapLayer] = relationship(back_populates="shapes")
    cbs_code: Mapped[str] = mapped_column(String(6), index=True)
    name: Mapped[str] = mapped_column(String(120))
    # The outline in the layer's SVG coordinates, ready for <path d="…">.
    svg_path: Mapped[str] = mapped_column(Text)
    # The same outline in WGS84 longitude/latitude, as a GeoJSON geometry (for open data).
    geometry: Mapped[dict[str, Any]] = mapped_column(JSON)
    # CBS codes of the gemeenten that share a border with this one.
    neighbour_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
