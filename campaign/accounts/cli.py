"""`flask users ...`: manage accounts from the command line."""

from __future__ import annotations

import sys

import click
from flask.cli import AppGroup

from campaign.accounts.models import Role
from campaign.accounts.services import create_user
from campaign.errors import UserError

users_cli = AppGroup("users", help="Manage user accounts.")


@users_cli.command("create")
@click.option("--email", required=True, help="E-mail address, used to log in.")
@click.option("--name", required=True, help="Name shown to colleagues.")
@click.option(
    "--role", required=True, type=click.Choice([role.value for role in Role]), help="Role."
)
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from one line of standard input."
)
def create_command(email: str, name: str, role: str, password_stdin: bool) -> None:
    """Create a user; asks for the password twice unless --password-stdin is given."""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = create_user(email, name, Role(role), password)
    except UserError as error:
        raise click.ClickException(error.message) from None
    click.echo(f"Created {user.role.value} {user.email}.")
