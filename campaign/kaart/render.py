"""The map as SVG: one linked, labelled shape per gemeente, coloured by status.

Colours are chosen to differ in lightness as well as hue, and four statuses also carry a
pattern, so the map reads for colour-blind visitors and in greyscale. Everything is drawn with
presentation attributes (no stylesheet), so the same SVG works inline, as a download, in an
embed and when rasterised to PNG.

Rendering 342 shapes costs tens of milliseconds, so finished SVGs are kept in the render cache
under the data version the caller passes (it changes with any status, name or boundary).
"""

from __future__ import annotations

import io
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from flask import abort, current_app, render_template
from markupsafe import Markup

from campaign.cache import render_cache
from campaign.gemeenten.models import CampaignStatus
from campaign.kaart.services import current_layer, map_entries
from campaign.urls import site_url_builder


@dataclass(frozen=True)
class StatusStyle:
    fill: str
    pattern: str | None = None  # an id in the SVG's <defs>
    text: str = "#000000"


STYLES = {
    CampaignStatus.NIET_BENADERD: StatusStyle("#e3e3e3"),
    CampaignStatus.OPROEP_VERSTUURD: StatusStyle("#c6dbef"),
    CampaignStatus.IN_GESPREK: StatusStyle("#6baed6"),
    CampaignStatus.MOTIE_INGEDIEND: StatusStyle("#fdd835"),
    CampaignStatus.AANGENOMEN: StatusStyle("#1b7837", text="#ffffff"),
    CampaignStatus.VERWORPEN: StatusStyle("#762a83", "streep", "#ffffff"),
    CampaignStatus.INGETROKKEN: StatusStyle("#bdbdbd", "stip"),
    CampaignStatus.AANGEHOUDEN: StatusStyle("#e08214", "lijn"),
    CampaignStatus.GEEN_INTERESSE: StatusStyle("#4d4d4d", "kruis", "#ffffff"),
}


def fill_for(status: CampaignStatus) -> str:
    style = STYLES[status]
    return f"url(#{style.pattern}-{status.value})" if style.pattern else style.fill


# The share image's title fits on one line up to this many characters, else it takes two.
TITLE_LINE_LENGTH = 16


def title_lines(name: str) -> list[str]:
    """A gemeente's name as the share image's title: one line, or two split at the space
    nearest the middle ("Nuenen, Gerwen en" / "Nederwetten"), so no name runs off the image."""
    if len(name) <= TITLE_LINE_LENGTH or " " not in name:
        return [name]
    spaces = [index for index, char in enumerate(name) if char == " "]
    split = min(spaces, key=lambda index: abs(len(name) / 2 - index))
    return [name[:split], name[split + 1 :]]


def render_map(version: str, variant: str = "page", highlight: str | None = None) -> Markup | None:
    """The SVG map, or None when no boundaries are loaded.

    Variants: "page" (inline, relative links), "embed" (links open on this site, in the top
    window), "download" (absolute links, a title and legend of its own), "share" (for share
    images: without `highlight` the base every share image starts from, with it the
    transparent layer for that gemeente).
    """

    def make() -> str:
        layer = current_layer()
        if layer is None:
            return ""
        entries = map_entries()
        named = [entry.gemeente.name for entry in entries if entry.gemeente.cbs_code == highlight]
        return render_template(
            "kaart/map.svg",
            layer=layer,
            entries=entries,
            variant=variant,
            highlight=highlight,
            title_lines=title_lines(named[0]) if named else [],
            styles=STYLES,
            statuses=list(CampaignStatus),
            fill_for=fill_for,
            # Bound once for the 342 absolute links of the download, embed and share maps.
            site_url=site_url_builder(),
        )

    # A gemeente's share layer is drawn once, for its share image, which is kept on disk.
    svg = make() if highlight else render_cache().get_or_make(("svg", variant, version), make)
    assert isinstance(svg, str)
    # The SVG comes out of an autoescaped template: every name in it is already escaped.
    return Markup(svg) if svg else None  # nosec B704


def render_png(
    version: str, variant: str, highlight: str | None = None, width: int = 1200
) -> bytes | None:
    """The map as PNG, rendered once per data version and kept on disk, not in memory: share
    images of all 342 gemeenten would otherwise take 30 MB in every worker.

    A share image is the share map's base (the same for every gemeente, rendered once) with a
    small layer for the gemeente laid over it: rasterising the whole map for each of 342
    gemeenten took half a second apiece and left every worker 60 MB larger."""
    folder = Path(current_app.instance_path) / "cache" / "png" / version
    path = folder / f"{variant}-{highlight or 'nl'}-{width}.png"

    def make() -> str:
        if not path.exists():
            png = _draw(version, variant, highlight, width)
            if png is None:
                return ""
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            _forget_other_versions(folder)
            partial = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.part")
            partial.write_bytes(png)
            partial.replace(path)  # atomic: another worker reads a whole file or none
        return str(path)

    if not render_cache().get_or_make(("png", str(path)), make):
        return None
    return path.read_bytes()


def _draw(version: str, variant: str, highlight: str | None, width: int) -> bytes | None:
    if variant == "share" and highlight:
        base = render_png(version, "share", None, width)
        layer = render_map(version, "share", highlight)
        if base is None or layer is None:
            return None
        return _overlay(base, _rasterise(str(layer), width))
    svg = render_map(version, variant, highlight)
    return None if svg is None else _rasterise(str(svg), width)


def _rasterise(svg: str, width: int) -> bytes:
    try:  # the Cairo library may be missing on a laptop; the rest of the site runs without it
        import cairosvg
    except OSError:
        abort(
            503,
            description="Afbeeldingen maken kan deze server nu niet. Download de kaart als SVG.",
        )
    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"), output_width=width)
    assert isinstance(png, bytes)
    return png


def _overlay(base: bytes, layer: bytes) -> bytes:
    """`layer` (a PNG with transparency) drawn over `base`, as one PNG. Only called after
    `_rasterise`, which found the Cairo library."""
    import cairocffi

    surface = cairocffi.ImageSurface.create_from_png(io.BytesIO(base))
    context = cairocffi.Context(surface)
    context.set_source_surface(cairocffi.ImageSurface.create_from_png(io.BytesIO(layer)))
    context.paint()
    out = io.BytesIO()
    surface.write_to_png(out)
    return out.getvalue()


def _forget_other_versions(current: Path) -> None:
    """Images of older data versions are never shown again: remove them."""
    for folder in current.parent.iterdir():
        if folder != current and folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
