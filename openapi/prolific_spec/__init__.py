"""The spec pipeline: Prolific's published endpoint sources → one clean OpenAPI document.

load → clean (``clean.py``: one named function per defect) → name (``naming.py``: the explicit
table in ``openapi/names.yaml``) → merge (``merge.py``) → validate, then generate (``build.py``).
Nothing here imports the generated package or the overlay.
"""
