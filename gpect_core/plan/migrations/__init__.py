"""Alembic migrations of the action-plan store, run programmatically when a store is opened."""
