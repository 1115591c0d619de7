"""The routine sheet: one model, laid out as terminal, text, Markdown and HTML.

Nothing is imported here, so importing a submodule stays cheap.
"""
