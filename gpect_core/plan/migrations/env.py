"""Alembic environment: the store passes an open connection (already in a transaction) in the config."""

from alembic import context

from gpect_core.plan.model import metadata

VERSION_TABLE = "plan_alembic_version"

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, version_table=VERSION_TABLE,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
