"""Allow `python -m stretch`."""

from stretch.cli import main

main()
