"""Answers of the planners as plain Python objects.

A route answer is the JSON the command line prints with ``route --json`` (docs/routing.md): a
dict with the query's echo and an ``itineraries`` list. The package hands it back as an
:class:`Itineraries`, a ``list`` of the itinerary dicts (best first, each with ``total``,
``steps``, ``via``, ...) that also keeps the rest of the answer in ``.info``.
"""

from __future__ import annotations

from typing import Any


class Itineraries(list):
    """The itineraries of one answer (a list of dicts); ``.info`` holds the other keys of the
    answer (from, to, unit, count, constraints, ...) and ``.timetabled`` says whether the
    answer came from the timetables (depart or arrive_by given)."""

    def __init__(self, answer: dict, timetabled: bool):
        super().__init__(answer.get("itineraries", []))
        self.info = {k: v for k, v in answer.items() if k != "itineraries"}
        self.timetabled = timetabled

    def to_dict(self) -> dict:
        """The whole answer again, as the command line's ``--json`` prints it."""
        out = dict(self.info)
        out["itineraries"] = list(self)
        return out

    def __repr__(self) -> str:
        kind = "timetabled" if self.timetabled else "static"
        return (f"<Itineraries {self.info.get('from')}->{self.info.get('to')}: "
                f"{len(self)} {kind} itinerar{'y' if len(self) == 1 else 'ies'}>")


# The columns of an itinerary row (to_rows): these keys of the itinerary, then its totals.
_ITINERARY_KEYS = ("rank", "label", "transshipments", "depart", "arrive", "depart_local", "arrive_local")


def itinerary_rows(items: list[dict]) -> list[dict[str, Any]]:
    """One flat dict per itinerary: rank, label, transshipments (and depart/arrive times for a
    timetabled answer), every figure of ``total``, the corridor label's passages and the nodes
    passed (``via`` joined by spaces)."""
    rows = []
    for it in items:
        row = {k: it[k] for k in _ITINERARY_KEYS if k in it}
        for k, v in it.get("total", {}).items():
            row[k] = v
        row["passages"] = ",".join(it.get("passages", []))
        row["via"] = " ".join(it.get("via", []))
        rows.append(row)
    return rows
