"""`flask boundaries load SOURCE` and `flask boundaries derive SOURCE --out FILE`."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask.cli import AppGroup

from campaign.kaart.geometry import BoundaryError
from campaign.kaart.services import CREDIT, derived_geojson, load_boundaries, read_source

boundaries_cli = AppGroup("boundaries", help="Municipality boundaries for the map.")

code_option = click.option(
    "--code-property", default="statcode", show_default=True, help="Property with the CBS code."
)
name_option = click.option(
    "--name-property", default="statnaam", show_default=True, help="Property with the name."
)


@boundaries_cli.command("load")
@click.argument("source")
@code_option
@name_option
@click.option("--credit", default=CREDIT, show_default=True, help="Credit line shown with the map.")
def load_command(source: str, code_property: str, name_property: str, credit: str) -> None:
    """Replace the map with boundaries from a GeoJSON or TopoJSON file or URL."""
    try:
        report = load_boundaries(read_source(source), source, code_property, name_property, credit)
    except BoundaryError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Loaded {report.loaded} shapes from {source}.")
    if report.missing_in_file:
        click.echo(
            f"{len(report.missing_in_file)} gemeenten have no shape in this file: "
            + ", ".join(report.missing_in_file)
        )
    if report.unknown_in_database:
        click.echo(
            f"{len(report.unknown_in_database)} codes in the file are not gemeenten here: "
            + ", ".join(report.unknown_in_database)
        )


@boundaries_cli.command("derive")
@click.argument("source")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@code_option
@name_option
@click.option("--credit", default=CREDIT, show_default=True)
def derive_command(
    source: str, out: Path, code_property: str, name_property: str, credit: str
) -> None:
    """Write the shapes the site draws (code, name, rounded outline) for seed_data/."""
    try:
        derived = derived_geojson(read_source(source), code_property, name_property, credit)
    except BoundaryError as error:
        raise click.ClickException(str(error)) from None
    out.write_text(
        json.dumps(derived, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    click.echo(f"Wrote {len(derived['features'])} shapes to {out}.")
