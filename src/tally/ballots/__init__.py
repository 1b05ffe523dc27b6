"""Ballot readers: per-ballot CSV and tally sheets. Structure only; meaning is in count."""
