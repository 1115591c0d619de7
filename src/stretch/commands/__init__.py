"""What each command does, free of Typer: the command line parses and delegates here.

One module per family of commands. Every heavy import is inside the function that
needs it, so `stretch --help` never pays for yaml, the catalogue or the session.
Errors are raised as StretchError for the command line to turn into one line and an
exit code.
"""
