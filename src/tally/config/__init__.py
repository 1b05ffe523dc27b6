"""election.yaml: models, loader and reference checks."""
