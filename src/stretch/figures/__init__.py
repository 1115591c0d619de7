"""A move's figure drawn: SVG for the sheet, braille for the terminal, from one geometry.

Nothing is imported here, so importing a submodule stays cheap.
"""
