"""The session log in SQLite, the calendar and streak read from it; rows and numbers, no rich.

Nothing is imported here, so importing a submodule stays cheap.
"""
