"""The session log in SQLite, the schedule and streak read from it, and its reports.

Nothing is imported here, so importing a submodule stays cheap.
"""
