"""Every Rich renderable that is not the live session or the sheet: the tables, panels and
charts of list, show, moves, avoid, config, week, history, progress and the routine
picker, and the JSON shapes beside them. Nothing is imported here (start-up stays lazy)."""
