"""The pipeline's one error type: every message says which file and what to do."""


class SpecError(Exception):
    """A source, table or merged document cannot be turned into a clean spec.

    The message names the file(s) involved and, where it can, the JSON pointer inside them.
    """
