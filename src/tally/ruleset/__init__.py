"""Rule sets: the regulations as data, with citation and provenance on every parameter."""
