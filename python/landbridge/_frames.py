"""Flat tables of the answers: lists of row dicts always, pandas DataFrames when pandas is
importable (it is optional: nothing else in the package needs it)."""

from __future__ import annotations

from typing import Any

from ._results import Itineraries, itinerary_rows


def to_rows(result: Any) -> list[dict]:
    """Rows of a result, without pandas:

    * a route answer (Itineraries, or the dict route --json prints): one row per itinerary;
    * a simulate result: one row per KPI (group, key, metric, mean, half_width, stddev);
    * a sweep table: one row per cell, its axis values then every KPI's mean (column named
      by the KPI) and half width (``<KPI>.half_width``);
    * a NumPy structured array (simulate's records): one row per element;
    * a list of dicts (locate, a chart's series, ...): as it is.
    """
    if isinstance(result, Itineraries):
        return itinerary_rows(result)
    if isinstance(result, dict):
        if "itineraries" in result:
            return itinerary_rows(result["itineraries"])
        if "cells" in result and "axes" in result:
            return _sweep_rows(result)
        if "kpis" in result:
            return [dict(r) for r in result["kpis"]]
        if "series" in result:
            return [dict(s) for s in result["series"]]
        raise TypeError("to_rows: a dict without itineraries, kpis or series")
    dtype = getattr(result, "dtype", None)
    if dtype is not None and dtype.names:
        names = dtype.names
        return [{n: row[n].item() for n in names} for row in result]
    if isinstance(result, list) and all(isinstance(r, dict) for r in result):
        return [dict(r) for r in result]
    raise TypeError(f"to_rows: cannot tabulate a {type(result).__name__}")


def _sweep_rows(table: dict) -> list[dict]:
    rows = []
    for cell in table["cells"]:
        row: dict[str, Any] = {"cell": cell["cell"]}
        row.update(cell["values"])
        for name, est in cell["kpis"].items():
            row[name] = est["mean"]
            row[name + ".half_width"] = est["half_width"]
        rows.append(row)
    return rows


def to_dataframe(result: Any):
    """A pandas DataFrame of :func:`to_rows` (a structured array converts column by column,
    without going through row dicts). Raises ImportError when pandas is not installed."""
    try:
        import pandas as pd
    except ImportError as e:  # pandas is optional
        raise ImportError("landbridge.to_dataframe needs pandas (not installed); "
                          "landbridge.to_rows gives the same rows as dicts") from e
    dtype = getattr(result, "dtype", None)
    if dtype is not None and dtype.names:
        return pd.DataFrame({n: result[n] for n in dtype.names})
    return pd.DataFrame(to_rows(result))
