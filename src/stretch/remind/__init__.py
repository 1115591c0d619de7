"""Reminders: one description of the schedule, each system's scheduler file made from it.

Nothing is imported here, so importing a submodule stays cheap.
"""
