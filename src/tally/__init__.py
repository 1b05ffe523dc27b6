"""tally: ballot tallying and election-rule checking for Party congress and state elections.

The core (``config``, ``ruleset``, ``ballots``, ``count``, ``decide``, ``checks``) is a plain
library: it imports neither click nor rich, prints nothing and never exits the process.
"""

__version__ = "0.1.0"
