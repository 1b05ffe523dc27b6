"""Ballot entry on the counting board's laptop: journals, sessions, reconciliation, the log."""
