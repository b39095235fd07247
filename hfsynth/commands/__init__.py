"""One module per ``hfsynth`` subcommand: ``add_parser(subparsers)`` declares it, ``main(args)`` runs it.

Command modules import the heavy parts (the runner, torch, datasets) inside ``main``, so that
``hfsynth --help`` and bad arguments answer at once.
"""
