"""Temporal expressions (TIMEX3) and their normalisation against the article date."""

from tidings.time.extract import find_timexes

__all__ = ["find_timexes"]
