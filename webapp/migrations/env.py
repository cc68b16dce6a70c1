"""Alembic's entry point, run by ``flask --app webapp db …`` inside the app context.

The connection and the target metadata are the app's; objects that exist on one back end
only (:mod:`webapp.models.indexes`) are left out of autogenerate's comparison. Flask-Migrate's
defaults apply: batch mode (SQLite can only alter a table by copying it) and column types
compared by autogenerate.
"""

from __future__ import annotations

from alembic import context
from flask import current_app

from webapp import models  # noqa: F401 - every table on the metadata, for autogenerate
from webapp.models.indexes import include_object

db = current_app.extensions["migrate"].db


def run_migrations_online() -> None:
    """Run the migrations on the app's engine, in one transaction."""
    engine = db.engine
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            # Batch mode copies a table and drops the old one; with foreign keys enforced,
            # that drop would cascade into the tables that point at it.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()  # ends the implicit transaction, so the migrations get their own
        context.configure(
            connection=connection,
            target_metadata=db.metadata,
            include_object=include_object,
            **current_app.extensions["migrate"].configure_args,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("Offline (--sql) migrations are not supported: run them against a database.")
run_migrations_online()
