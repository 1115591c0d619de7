"""The catalogue: YAML events -> located nodes -> checked drafts -> merged Catalogue.

Nothing is imported here, so importing a submodule stays cheap.
"""
