"""The coach: the person's levels and doses, the rules that move them, and what is said
around a session. Nothing is imported here, so importing a submodule stays cheap."""
