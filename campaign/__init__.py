"""Motietracker: the KinderpardonNU campaign's app. `create_app` builds it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask

from campaign.config import (
    Config,
    instance_path_from_environment,
    load_or_create_secret_key,
    make_private_directory,
    normalise_database_url,
    prepare_sqlite_file,
)
from campaign.extensions import csrf, db, limiter, login_manager, migrate
from campaign.urls import check_site_url, site_host

MIGRATIONS_DIRECTORY = str(Path(__file__).resolve().parent.parent / "migrations")


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=instance_path_from_environment(),
        instance_relative_config=True,
        template_folder="../templates",
        static_folder="../static",
    )
    configure(app, overrides or {})
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_commands(app)
    return app


def configure(app: Flask, overrides: dict[str, Any]) -> None:
    app.config.from_object(Config)
    if "DATABASE_URL" in os.environ:
        app.config["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
    if "SECRET_KEY" in os.environ:
        app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    app.config.from_prefixed_env("MOTIETRACKER")
    app.config.update(overrides)
    app.config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(
        app.config["SQLALCHEMY_DATABASE_URI"]
    )
    app.config["SITE_URL"] = check_site_url(app.config["SITE_URL"])
    hosts = app.config["TRUSTED_HOSTS"]
    if hosts is None:
        hosts = [site_host(app.config["SITE_URL"]), "localhost", "127.0.0.1"]
    elif isinstance(hosts, str):  # MOTIETRACKER_TRUSTED_HOSTS=a.example,b.example
        hosts = [host.strip() for host in hosts.split(",") if host.strip()]
    app.config["TRUSTED_HOSTS"] = hosts
    make_private_directory(Path(app.instance_path))
    prepare_sqlite_file(app.config["SQLALCHEMY_DATABASE_URI"], app.instance_path)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = load_or_create_secret_key(app.instance_path)


def register_extensions(app: Flask) -> None:
    from campaign import models  # noqa: F401  (every model is known before the mappers configure)
    from campaign.accounts.logins import user_for_login
    from campaign.assets import init_assets
    from campaign.audit.services import init_audit
    from campaign.cache import init_render_cache
    from campaign.dbtypes import render_migration_type
    from campaign.versions import init_versions

    db.init_app(app)
    migrate.init_app(
        app,
        db,
        directory=MIGRATIONS_DIRECTORY,
        render_as_batch=True,
        compare_type=True,
        render_item=render_migration_type,
    )
    login_manager.init_app(app)
    login_manager.user_loader(user_for_login)
    csrf.init_app(app)
    limiter.init_app(app)
    init_audit(app)
    init_versions(app)
    init_render_cache(app)
    init_assets(app)


def register_blueprints(app: Flask) -> None:
    from campaign.accounts import bp as accounts_bp
    from campaign.api import bp as api_bp
    from campaign.dashboard import bp as dashboard_bp
    from campaign.discovery import bp as discovery_bp
    from campaign.documents import bp as documents_bp
    from campaign.health import bp as health_bp
    from campaign.mail import bp as mail_bp
    from campaign.moties import bp as moties_bp
    from campaign.outreach import bp as outreach_bp
    from campaign.publiek import bp as publiek_bp
    from campaign.register import bp as register_bp
    from campaign.reports import bp as reports_bp
    from campaign.transfer import bp as transfer_bp
    from campaign.workspace import bp as workspace_bp

    for blueprint in (
        publiek_bp,
        api_bp,
        health_bp,
        accounts_bp,
        dashboard_bp,
        outreach_bp,
        workspace_bp,
        moties_bp,
        transfer_bp,
        documents_bp,
        mail_bp,
        reports_bp,
        discovery_bp,
        register_bp,
    ):
        app.register_blueprint(blueprint)
    csrf.exempt(api_bp)


def register_errorhandlers(app: Flask) -> None:
    from campaign.errors import register_error_handlers
    from campaign.formatting import register_filters
    from campaign.security import register_security_headers

    register_error_handlers(app)
    register_filters(app)
    register_security_headers(app)


def register_commands(app: Flask) -> None:
    from campaign.accounts.cli import users_cli
    from campaign.backup.cli import export_command, import_command
    from campaign.cli import init_command
    from campaign.digest.cli import digest_cli
    from campaign.discovery.cli import discover_command
    from campaign.documents.cli import motions_cli
    from campaign.kaart.cli import boundaries_cli
    from campaign.mail.cli import appeal_cli
    from campaign.register.cli import register_cli

    app.cli.add_command(init_command)
    app.cli.add_command(users_cli)
    app.cli.add_command(motions_cli)
    app.cli.add_command(boundaries_cli)
    app.cli.add_command(appeal_cli)
    app.cli.add_command(digest_cli)
    app.cli.add_command(register_cli)
    app.cli.add_command(export_command)
    app.cli.add_command(import_command)
    app.cli.add_command(discover_command)
