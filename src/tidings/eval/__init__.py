"""Evaluators that measure tidings against public gold data."""
