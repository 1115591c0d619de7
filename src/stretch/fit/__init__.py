"""Fitting a routine into the minutes a person has: the choice (cuts.py) and what it
changed, in words (fitted.py)."""
