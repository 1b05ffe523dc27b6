"""Loading an election folder: the loader, its cross-reference checks, the JSON Schema and
the template of a new election. The models of election.yaml are :mod:`tally.election`."""
