"""The read-only web app and JSON API over a tidings database (``tidings serve``)."""

from tidings.web.app import create_app

__all__ = ["create_app"]
