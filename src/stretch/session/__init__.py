"""A guided session: the clock, the engine, keys, the live and plain views, cues, the log.

Nothing is imported here, so importing a submodule stays cheap.
"""
