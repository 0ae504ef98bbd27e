"""The SQLite store: the only module that writes the database."""

from tidings.store.db import BatchResult, Store
from tidings.store.events import EventFilter

__all__ = ["BatchResult", "EventFilter", "Store"]
