"""stretch: a guided stretching routine for the terminal."""

__version__ = "0.2.0"
