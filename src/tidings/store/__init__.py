"""The SQLite store: the only module that writes the database."""

from tidings.store.db import BatchResult, Store

__all__ = ["BatchResult", "Store"]
