"""The clinician's report: one model (model.py), one printable form (html.py, chart.py).

Nothing is imported here, so importing a submodule stays cheap.
"""
