"""``python -m newsprism`` is the ``newsprism`` command."""

from .cli import main

main()
