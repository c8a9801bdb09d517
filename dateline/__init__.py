"""Dateline: a deduplicated, source-linked timeline of political events from news text."""

__version__ = "0.1.0"
