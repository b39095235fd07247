"""Curation: raw generated rows -> published splits (extract, validity, dedup, decontaminate, execute).

Each filter lives in its own module and works on lists of row dicts; :mod:`hfsynth.curate.stage`
chains them and counts every step in funnel.json. Language names are :mod:`hfsynth.languages`
(shared with the recipe schema).
"""
