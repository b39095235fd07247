"""Curation: raw generated rows -> published splits (extract, validity, dedup, decontaminate, execute).

Each filter lives in its own module and works on lists of row dicts; :mod:`hfsynth.curate.stage`
chains them and counts every step in funnel.json. Importing this package is cheap on purpose (the
recipe schema imports :mod:`hfsynth.curate.languages`).
"""
