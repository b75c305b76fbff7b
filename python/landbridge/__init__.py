"""landbridge: the container-freight engine of this repository, from Python.

    import landbridge
    its = landbridge.route("JPHKT", "DEDUI", pareto=True)      # the built-in package
    its[0]["total"]                                           # {'days': ..., 'cost_usd': ...}
    landbridge.route("Hakata", "Duisburg", depart="2026-12-10")   # timetabled
    eng = landbridge.Engine("path/to/package")                # another package
    res = landbridge.simulate("data/scenarios/reference.toml", replications=4, records=True)

Every call goes through the same library entry points as the ``landbridge`` command line
(query::Engine, the corridor simulation), and answers with the same JSON it prints with
``--json``, as plain dicts and lists. Errors are exceptions that carry their context:
LoadError(.diagnostics), QueryError(.problem, .field), ScenarioError(.file, .line, .field).
The GIL is released while the engine works. docs/python.md has the whole API.
"""

from __future__ import annotations

import datetime as _dt
import os as _os
import threading as _threading
from typing import Any, Callable, Iterable, Optional, Union

from . import _landbridge as _native
from ._frames import to_dataframe, to_rows
from ._landbridge import Cancelled, Error, LoadError, QueryError, RequestError, ScenarioError
from ._results import Itineraries

__all__ = [
    "Engine", "default_engine", "locate", "route", "schedule", "chart", "node", "link", "simulate",
    "sweep", "to_dataframe", "to_rows", "Itineraries", "box_record_dtype",
    "Error", "LoadError", "RequestError", "QueryError", "ScenarioError", "Cancelled",
]

Path = Union[str, "_os.PathLike[str]"]
Instant = Union[str, _dt.date, _dt.datetime]


def _text(value: Optional[Instant]) -> str:
    """An instant as the engine reads it: ISO 8601 text ('' for None)."""
    if value is None:
        return ""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return str(value)


def _avoid(items: Union[str, Iterable[str], None]) -> list[str]:
    """--avoid items: a comma-separated string or any iterable of items."""
    if items is None:
        return []
    if isinstance(items, str):
        return [s.strip() for s in items.split(",") if s.strip()]
    return [str(s) for s in items]


def _query_error(field: str, message: str) -> QueryError:
    e = QueryError(message)
    e.problem = "bad_request"
    e.field = field
    return e


class Engine:
    """One loaded network package and its planners.

    ``package`` is a package folder, a .txt text network, or None for the built-in Eurasian
    reference package. Loading reads the package, its services, rates and the place index
    (LoadError with every diagnostic when they have errors). An Engine may be shared by
    threads: the engine's planners are pooled and every call releases the GIL.
    """

    def __init__(self, package: Optional[Path] = None):
        self._native = _native.Engine("" if package is None else _os.fspath(package))

    def info(self) -> dict:
        """Name, version, description, folder and sizes (nodes, links, services) of the package."""
        return self._native.info()

    def warm_up(self) -> None:
        """Builds now what the first queries would otherwise pay for (indexes, planners)."""
        self._native.warm_up()

    def locate(self, text: str, limit: int = 10) -> list[dict]:
        """Places matching ``text`` (code prefix, name words): network nodes first, then
        UN/LOCODE places; each a dict with code, name, country, lat, lon, on_network, kind,
        timezone."""
        return self._native.locate(text, limit)

    def route(self, from_: str, to: str, *, pareto: bool = False, optimize: str = "time",
              unit: str = "teu", count: int = 1, avoid: Union[str, Iterable[str], None] = None,
              alternatives: int = 3, max_transshipments: Optional[int] = None,
              value_of_time: float = 0.0, carbon_price: float = 0.0, rates_on: Optional[Instant] = None,
              depart: Optional[Instant] = None, arrive_by: Optional[Instant] = None,
              window: Optional[str] = None, max_trips: int = 12, reliability: int = 0,
              background: Optional[Path] = None, arrive_by_prob: Optional[Instant] = None,
              seed: Optional[int] = None, threads: int = 0) -> Itineraries:
        """Door-to-door itineraries, as ``landbridge route FROM TO --json``.

        Static (no ``depart``/``arrive_by``): the ``alternatives`` fastest corridors, or the
        best by ``optimize`` (time, cost, co2, co2e, generalized with value_of_time and
        carbon_price), or with ``pareto=True`` every itinerary not dominated in time, cost and
        CO2e. With ``depart`` (or ``arrive_by``) the answer is timetabled: see :meth:`schedule`.
        Returns an :class:`Itineraries` (a list of itinerary dicts, each with ``total``).
        """
        if depart is not None or arrive_by is not None:
            if optimize != "time" or alternatives != 3:
                raise _query_error("optimize" if optimize != "time" else "alternatives",
                                   "optimize and alternatives apply to static routes; "
                                   "with depart or arrive_by use pareto")
            if rates_on is not None:
                raise _query_error("rates_on", "rates_on applies to static routes; a timetabled route "
                                               "prices each trip by its departure day")
            return self.schedule(from_, to, depart=depart, arrive_by=arrive_by, window=window,
                                 pareto=pareto, unit=unit, count=count, avoid=avoid, max_trips=max_trips,
                                 max_transshipments=max_transshipments, reliability=reliability,
                                 background=background, arrive_by_prob=arrive_by_prob, seed=seed,
                                 threads=threads)
        if window is not None:
            raise _query_error("window", "window needs depart or arrive_by")
        if arrive_by_prob is not None:
            raise _query_error("reliability.arrive_by", "arrive_by_prob needs depart (a static route has no date)")
        answer = self._native.route(
            from_, to, optimize=optimize, unit=unit, count=count, avoid=_avoid(avoid), pareto=pareto,
            alternatives=alternatives, max_transshipments=-1 if max_transshipments is None else max_transshipments,
            value_of_time=value_of_time, carbon_price=carbon_price, rates_on=_text(rates_on),
            reliability=reliability, background="" if background is None else _os.fspath(background),
            seed=seed, threads=threads)
        return Itineraries(answer, timetabled=False)

    def schedule(self, from_: str, to: str, *, depart: Optional[Instant] = None,
                 arrive_by: Optional[Instant] = None, window: Optional[str] = None, pareto: bool = False,
                 unit: str = "teu", count: int = 1, avoid: Union[str, Iterable[str], None] = None,
                 max_trips: int = 12, max_transshipments: Optional[int] = None, reliability: int = 0,
                 background: Optional[Path] = None, arrive_by_prob: Optional[Instant] = None,
                 seed: Optional[int] = None, threads: int = 0) -> Itineraries:
        """Timetabled itineraries on the package's services, as ``route --depart T --json``:
        the box is ready at ``depart`` (ISO 8601 text or a date/datetime; without an offset
        local time at the origin), or must arrive by ``arrive_by``; ``window`` ('7d', '36h')
        asks for every optimal journey over a span. Each itinerary carries depart/arrive in
        UTC and local time and its rides' services."""
        answer = self._native.schedule(
            from_, to, depart=_text(depart), arrive_by=_text(arrive_by), window=window or "", unit=unit,
            count=count, avoid=_avoid(avoid), pareto=pareto, max_trips=max_trips,
            max_transshipments=-1 if max_transshipments is None else max_transshipments,
            reliability=reliability, background="" if background is None else _os.fspath(background),
            arrive_by_prob=_text(arrive_by_prob), seed=seed, threads=threads)
        return Itineraries(answer, timetabled=True)

    def chart(self, from_: str, to: str, *, depart: Optional[Instant] = None, unit: str = "teu",
              count: int = 1, avoid: Union[str, Iterable[str], None] = None, alternatives: int = 0,
              reliability: int = 0, background: Optional[Path] = None, svg: bool = False,
              co2e_panel: bool = False) -> Union[dict, str]:
        """The time/cost-distance chart data (UN ESCAP), as ``landbridge chart --json``:
        {title, subtitle, series}; with ``svg=True`` the SVG the command line draws."""
        return self._native.chart(from_, to, depart=_text(depart), unit=unit, count=count, avoid=_avoid(avoid),
                                  alternatives=alternatives, reliability=reliability,
                                  background="" if background is None else _os.fspath(background),
                                  svg=svg, co2e_panel=co2e_panel)

    def node(self, code: str, *, after: Optional[Instant] = None, limit: int = 3) -> dict:
        """A node's figures, operations and the next departures of the services calling there
        (the service's GET /v1/nodes/{code})."""
        return self._native.node(code, after=_text(after), limit=limit)

    def link(self, id: str) -> dict:
        """A link's figures with their ranges and sources, and its CO2e per TEU
        (GET /v1/links/{id})."""
        return self._native.link(id)

    def __repr__(self) -> str:
        i = self.info()
        return f"<landbridge.Engine {i['name']!r}: {i['nodes']} nodes, {i['links']} links, {i['services']} services>"


_default: Optional[Engine] = None
_default_lock = _threading.Lock()


def default_engine() -> Engine:
    """The engine on the built-in package, opened on first use and shared by the module-level
    functions (locate, route, schedule, chart, node, link)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Engine()
        return _default


def locate(text: str, limit: int = 10) -> list[dict]:
    """Engine.locate on the built-in package."""
    return default_engine().locate(text, limit)


def route(from_: str, to: str, **options: Any) -> Itineraries:
    """Engine.route on the built-in package."""
    return default_engine().route(from_, to, **options)


def schedule(from_: str, to: str, **options: Any) -> Itineraries:
    """Engine.schedule on the built-in package."""
    return default_engine().schedule(from_, to, **options)


def chart(from_: str, to: str, **options: Any) -> Union[dict, str]:
    """Engine.chart on the built-in package."""
    return default_engine().chart(from_, to, **options)


def node(code: str, **options: Any) -> dict:
    """Engine.node on the built-in package."""
    return default_engine().node(code, **options)


def link(id: str) -> dict:
    """Engine.link on the built-in package."""
    return default_engine().link(id)


def simulate(scenario: Path, replications: Optional[int] = None, seed: Optional[int] = None,
             threads: int = 0, records: bool = False,
             progress: Optional[Callable[[int, int], Any]] = None,
             network: Optional[Path] = None) -> dict:
    """Runs a corridor scenario (TOML, docs/corridor-simulation.md) as
    ``landbridge simulate SCENARIO --json`` does: replications and seed override the
    scenario's; threads=0 uses every core (results never depend on it). Returns the KPI
    summary dict (scenario, replications, seed, confidence, flows, kpis); with records=True
    also ``records``, replication 0's per-box records as a NumPy structured array (dtype
    ``box_record_dtype``; ``flow`` indexes ``flows``) viewing the engine's memory.
    ``progress(done, total)`` is called on the calling thread as replications finish; Ctrl-C
    stops the run (KeyboardInterrupt)."""
    return _native.simulate(_os.fspath(scenario), replications=replications, seed=seed, threads=threads,
                            records=records, progress=progress,
                            network="" if network is None else _os.fspath(network))


def sweep(sweep_toml: Path, out: Optional[Path] = None, replications: Optional[int] = None,
          seed: Optional[int] = None, threads: int = 0, plots: Iterable[str] = (), fresh: bool = False,
          progress: Optional[Callable[[int, int], Any]] = None) -> dict:
    """Runs a scenario sweep (TOML, docs/sweeps.md) as ``landbridge sweep SWEEP --json`` does
    and returns its table (what table.json holds: every KPI per cell with its confidence
    interval). ``out`` is the output folder (default beside the sweep file, named after it);
    finished cells are kept there, so a sweep stopped by Ctrl-C (KeyboardInterrupt) resumes
    on the next call; ``fresh=True`` discards cells another sweep left. ``plots`` adds KPIs to
    draw (group.key.metric). ``progress(done, total)`` counts the replications this call runs.
    Only in builds with the sweep library (``landbridge.has_sweep``)."""
    if not hasattr(_native, "sweep"):
        raise NotImplementedError("this build of landbridge has no sweep library")
    return _native.sweep(_os.fspath(sweep_toml), out="" if out is None else _os.fspath(out),
                         replications=replications, seed=seed, threads=threads, plots=list(plots),
                         fresh=fresh, progress=progress)


has_sweep = hasattr(_native, "sweep")


def __getattr__(name: str) -> Any:
    # box_record_dtype: made on first use, so that `import landbridge` needs no NumPy (only
    # simulate's records do).
    if name == "box_record_dtype":
        return _native.box_record_dtype()
    raise AttributeError(f"module 'landbridge' has no attribute {name!r}")
__version__ = getattr(_native, "__version__", "0")
