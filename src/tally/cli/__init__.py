"""The command line: click commands over the core; the only package that imports click."""
