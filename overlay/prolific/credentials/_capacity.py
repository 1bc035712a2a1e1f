"""Are there enough credentials for a study? Prolific's advice, as one rule.

Prolific advises a credential pool with 50% more credentials than the study has places
(``total_available_places``): participants who return or time out keep the credential they
were handed, and a study whose pool runs out pauses itself. The rule applied here:

* ``required = ceil(1.5 × places)`` credentials for the study over its whole life;
* what the study has is ``used + available`` (credentials already handed out count: they
  were part of the pool the advice is about);
* ``shortfall = max(0, required - used - available)`` credentials to add; the pool meets the
  advice when the shortfall is 0.

For a study with 100 places, 40 credentials used and 60 left: ``required`` is 150, the study
has 100, so 50 more are advised. A study with no pool attached has nothing: its shortfall is
``required``.

>>> c = Capacity(study_id="s1", status="UNPUBLISHED", places=100, pool_id="ws_1", used=40, available=60)
>>> c.required, c.shortfall, c.meets_advice
(150, 50, False)
>>> Capacity(study_id="s1", status="ACTIVE", places=7, pool_id="ws_1", used=0, available=11).required
11
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

__all__ = ["ADVISED_RATIO", "Capacity", "required_credentials"]

#: Credentials per place that Prolific advises (50% more credentials than places).
ADVISED_RATIO = Fraction(3, 2)


def required_credentials(places: int | float) -> int:
    """``ceil(1.5 × places)``, exactly (no floating-point rounding).

    >>> [required_credentials(n) for n in (0, 1, 2, 7, 10)]
    [0, 2, 3, 11, 15]
    """
    return math.ceil(ADVISED_RATIO * Fraction(places))


@dataclass(frozen=True, slots=True)
class Capacity:
    """A study's places against the credentials of its pool (the rule: :mod:`prolific.credentials._capacity`).

    ``status`` is the study's status; ``pool_id`` is ``None`` when no pool is attached; ``used``
    and ``available`` count the report's ``USED`` and ``UNUSED`` rows. The repr shows every
    number, the derived ones included:

    >>> Capacity("s1", "UNPUBLISHED", places=10, pool_id="p", used=0, available=12)  # doctest: +ELLIPSIS
    Capacity(study_id='s1', ..., available=12, required=15, shortfall=3, meets_advice=False)
    """

    study_id: str
    status: str
    places: int
    pool_id: str | None
    used: int
    available: int

    @property
    def required(self) -> int:
        """Credentials the advice asks for: ``ceil(1.5 × places)``."""
        return required_credentials(self.places)

    @property
    def shortfall(self) -> int:
        """How many credentials to add to meet the advice (0 when it is met)."""
        return max(0, self.required - self.used - self.available)

    @property
    def meets_advice(self) -> bool:
        """Whether the pool holds at least 1.5 credentials per place (used ones included)."""
        return self.shortfall == 0

    def __repr__(self) -> str:
        # The derived numbers are what a reader looks for: show them beside the stored ones.
        return (
            f"Capacity(study_id={self.study_id!r}, status={self.status!r}, places={self.places}, "
            f"pool_id={self.pool_id!r}, used={self.used}, available={self.available}, required={self.required}, "
            f"shortfall={self.shortfall}, meets_advice={self.meets_advice})"
        )
