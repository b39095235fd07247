"""The one exception type that means "the user's input is wrong".

The CLI turns it into a single line on stderr and exit status 2, never a traceback. Anything else
that escapes is a bug in hfsynth and keeps its traceback.
"""


class HfsynthError(Exception):
    """Bad input from the user (recipe, file, repo, environment): one clear line, exit 2."""

    exit_code = 2


class RecipeError(HfsynthError):
    """A recipe that does not parse or does not validate."""
