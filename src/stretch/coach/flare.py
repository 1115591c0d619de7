"""The flare watch: pain 2 or more points above the person's usual that has not settled
within two days, or pain climbing over three sessions in a row (rules.py has the numbers).

The usual rating is the median of the ratings at rest (check-ins and "before" ratings) in
the four weeks before, leaving out the last two days (so a flare does not make itself
usual); with fewer than three such ratings there is no usual yet, and no flare by level.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from statistics import median

from stretch.coach import rules
from stretch.history.rows import SessionRow


@dataclass(slots=True)
class Flare:
    """Whether the back is in a flare now, told rating by rating and session by session."""

    on: bool = False
    since: datetime | None = None  # when the flare began
    _ratings: list[tuple[date, int]] = field(default_factory=list)
    _high_since: datetime | None = None  # the first of the ratings above usual, in a row
    _befores: list[int] = field(default_factory=list)

    def usual(self, day: date) -> float | None:
        """The median rating at rest in the weeks before `day` (None: too few yet)."""
        start = day - timedelta(days=rules.USUAL_DAYS)
        end = day - timedelta(days=rules.FLARE_DAYS)
        found = [r for d, r in self._ratings if start <= d < end]
        return float(median(found)) if len(found) >= rules.USUAL_RATINGS else None

    def rating(self, at: datetime, rating: int) -> rules.Event | None:
        """A rating at rest; the flare beginning or settling, if this is when."""
        usual = self.usual(at.date())
        self._ratings.append((at.date(), rating))
        high = usual is not None and rating >= usual + rules.FLARE_ABOVE
        if not high:
            self._high_since = None
            return self._settled(at) if self.on and not self._climbing() else None
        if self._high_since is None:
            self._high_since = at
        lasted = at.date() - self._high_since.date() >= timedelta(days=rules.FLARE_DAYS)
        if lasted and not self.on:
            assert usual is not None
            return self._began(at, rules.flare_began(rating, usual))
        return None

    def session(self, row: SessionRow) -> rules.Event | None:
        """A session's "before" rating, for pain that climbs session after session."""
        if row.pain_before is None:
            return None
        self._befores.append(row.pain_before)
        if self._climbing() and not self.on:
            return self._began(row.started, rules.CLIMBING)
        return None

    def _climbing(self) -> bool:
        last = self._befores[-rules.CLIMB_SESSIONS:]
        return (len(last) == rules.CLIMB_SESSIONS
                and all(a < b for a, b in itertools.pairwise(last))
                and last[-1] - last[0] >= rules.FLARE_ABOVE)

    def _began(self, at: datetime, said: str) -> rules.Event:
        self.on, self.since = True, at
        return rules.Event("flare", at, said)

    def _settled(self, at: datetime) -> rules.Event:
        self.on, self.since = False, None
        return rules.Event("flare-end", at, "your back is back near its usual: the flare "
                           "has settled")
