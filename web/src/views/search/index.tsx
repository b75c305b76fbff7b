// The route search: a form, then the itineraries side by side (table, map, chart, timeline).
// Everything a shared link must restore is in the URL: the inputs (query.ts), the sort, the
// chosen itinerary (sel), the day of a window (day) and the chart's y quantity (chart).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { get } from '../../api/client';
import { loadNetwork, type Network } from '../../api/network';
import { ProblemBox } from '../../components/problem';
import { useT } from '../../i18n';
import { formatNumber } from '../../format';
import { whenMap } from '../../map/mapview';
import { ITINERARY_COLOURS } from '../../map/style';
import { setParams, useParams } from '../../state/url';
import { TcdChart } from './chart';
import { CHART_METRICS, chartLines, type ChartMetric } from './chartdata';
import { DayTable } from './days';
import { SearchForm } from './form';
import { itineraryLines, type Places } from './mapdraw';
import { chartQuery, FORM_FIELDS, inputFromParams, isComplete, paramsFromInput, routesQuery, type SearchInput } from './query';
import { byDepartureDay, formatSort, localDay, parseSort, sortItineraries } from './results';
import { ResultsTable } from './table';
import { Timeline } from './timeline-view';
import type { ChartAnswer, Location, RoutesAnswer } from './types';
import './search.css';

const colourOf = (rank: number) => ITINERARY_COLOURS[(rank - 1) % ITINERARY_COLOURS.length];

type Result = { key: string; answer?: RoutesAnswer; error?: unknown; ms?: number };

export function SearchView() {
  const t = useT('search');
  const params = useParams();
  const input = useMemo(() => inputFromParams(params), [params]);
  const query = routesQuery(input);
  const key = isComplete(input) ? JSON.stringify(query) : '';
  const [result, setResult] = useState<Result>({ key: '' });
  const [chart, setChart] = useState<{ key: string; data?: ChartAnswer; error?: unknown }>({ key: '' });
  const [net, setNet] = useState<Network | null>(null);
  const places = useRef<Places>(new Map());
  const [placesVersion, setPlacesVersion] = useState(0);

  useEffect(() => {
    loadNetwork().then(setNet).catch(() => undefined);
  }, []);

  // Run the search the URL describes.
  useEffect(() => {
    if (!key) {
      setResult({ key: '' });
      return;
    }
    const ctl = new AbortController();
    const t0 = performance.now();
    setResult({ key, answer: undefined });
    get<RoutesAnswer>('/v1/routes', query, ctl.signal)
      .then((answer) => setResult({ key, answer, ms: performance.now() - t0 }))
      .catch((error) => {
        if ((error as Error).name !== 'AbortError') setResult({ key, error });
      });
    return () => ctl.abort();
  }, [key]);

  // Ends off the network (door-to-door places): their coordinates for the map.
  const answer = result.key === key ? result.answer : undefined;
  useEffect(() => {
    if (!answer || !net) return;
    const missing = [answer.from, answer.to].filter((c) => !net.nodes.has(c) && !places.current.has(c));
    missing.forEach((code) =>
      get<{ locations: Location[] }>('/v1/locations', { q: code, limit: 1 })
        .then((r) => {
          const l = r.locations.find((x) => x.code === code);
          if (l) {
            places.current.set(code, l);
            setPlacesVersion((v) => v + 1);
          }
        })
        .catch(() => undefined),
    );
  }, [answer, net]);

  const error = result.key === key ? result.error : undefined;
  const busy = !!key && result.key === key && !answer && !error;
  const sort = parseSort(params.sort);
  const day = params.day ?? null;
  const all = answer?.itineraries ?? [];
  const windowed = !!answer?.window_days;
  const days = useMemo(() => (windowed ? byDepartureDay(all) : []), [answer]);
  const shown = useMemo(() => sortItineraries(day ? all.filter((i) => localDay(i.depart_local ?? i.ready_local) === day) : all, sort), [answer, params.sort, day]);
  const sel = params.sel ? Number(params.sel) : null;
  const chosen = all.find((i) => i.rank === sel) ?? null;
  const metric: ChartMetric | null = CHART_METRICS.includes(params.chart as ChartMetric) ? (params.chart as ChartMetric) : null;

  // The chart, when it is open.
  const chartKey = metric && answer ? JSON.stringify(chartQuery(input)) : ''; // after the routes answered
  useEffect(() => {
    if (!chartKey || chart.key === chartKey) return;
    const ctl = new AbortController();
    setChart({ key: chartKey });
    get<ChartAnswer>('/v1/chart', chartQuery(input), ctl.signal)
      .then((data) => setChart({ key: chartKey, data }))
      .catch((e) => (e as Error).name !== 'AbortError' && setChart({ key: chartKey, error: e }));
    return () => ctl.abort();
  }, [chartKey]);
  const lines = useMemo(
    () => (chart.data && chart.key === chartKey ? chartLines(chart.data, all, metric ?? 'days', colourOf) : []),
    [chart, chartKey, answer, metric],
  );

  // The itineraries on the map, each in its colour; the chosen one on top and thicker.
  useEffect(() => {
    let live = true;
    whenMap().then((m) => {
      if (!live) return;
      if (!net || !shown.length) {
        m.setOverlay('search', null);
        m.setNetworkMuted(false);
        return;
      }
      const ordered = [...shown].sort((a, b) => (a.rank === sel ? 1 : b.rank === sel ? -1 : 0));
      const linesOut = ordered.flatMap((it) =>
        itineraryLines(net, it, places.current).map(({ step, coords }) => ({
          coords,
          color: colourOf(it.rank),
          weight: it.rank === sel ? 6 : 3.5,
          opacity: sel === null || it.rank === sel ? 0.9 : 0.45,
          tooltip: `${it.rank} · ${it.label} · ${step.from} → ${step.to}${step.service ? ` (${step.service})` : ''}`,
          onClick: () => setParams({ sel: String(it.rank) }),
        })),
      );
      const ends = [answer!.from, answer!.to]
        .map((c) => {
          const n = net.nodes.get(c) ?? places.current.get(c);
          return n ? { lat: n.lat, lon: n.lon, color: '#1d2730', radius: 7, tooltip: `${n.name ?? c} (${c})`, permanentLabel: true } : null;
        })
        .filter((p): p is NonNullable<typeof p> => p !== null);
      m.setNetworkMuted(true);
      m.setOverlay('search', { lines: linesOut, points: ends }, true);
    });
    return () => {
      live = false;
    };
  }, [net, shown, sel, answer, placesVersion]);
  useEffect(
    () => () => {
      whenMap().then((m) => {
        m.setOverlay('search', null);
        m.setNetworkMuted(false);
      });
    },
    [],
  );

  const submit = (s: SearchInput) => {
    // the same search again keeps its result and history entry
    const again = JSON.stringify(routesQuery(s)) === key;
    setParams({ view: 'search', ...paramsFromInput(s), ...(again ? {} : { sel: undefined, day: undefined }) }, !again);
  };

  return (
    <div class="search-view">
      <h2>{t('title')}</h2>
      <SearchForm initial={input} error={error} busy={busy} onSubmit={submit} onPlace={(l) => places.current.set(l.code, l)} />
      <ProblemBox error={error} ownFields={FORM_FIELDS} />
      {busy && <p class="muted" role="status">{t('results.searching')}</p>}
      {answer && (
        <section class="results-section" aria-labelledby="results-title">
          <h3 id="results-title">
            {answer.from_name} ({answer.from}) → {answer.to_name} ({answer.to})
          </h3>
          <p class="muted" role="status" data-testid="search-status" data-ms={Math.round(result.ms ?? 0)}>
            {t('results.summary', {
              count: all.length,
              kind: t(answer.pareto ? 'results.kindPareto' : answer.timetabled ? 'results.kindArrival' : `objective.${answer.objective}`, { defaultValue: answer.objective }),
              ms: formatNumber(result.ms ?? 0),
            })}
            {(answer.truncated || answer.capped) && ` ${t('results.truncated')}`}
          </p>
          {all.length === 0 && <p>{t('results.none')}</p>}
          {windowed && days.length > 0 && <DayTable days={days} chosen={day} onChoose={(d) => setParams({ day: d ?? undefined, sel: undefined })} />}
          {shown.length > 0 && (
            <ResultsTable
              rows={shown}
              sort={sort}
              selected={sel}
              colourOf={colourOf}
              fromZone={answer.from_zone}
              showDepart={windowed}
              onSort={(s) => setParams({ sort: formatSort(s) })}
              onSelect={(rank) => setParams({ sel: String(rank) })}
              onBook={answer.timetabled ? (it) => setParams({ view: 'bookings', ref: it.routingReference }, true) : undefined}
            />
          )}
          {!answer.timetabled && all.length > 0 && <p class="muted small">{t('results.staticNoBooking')}</p>}
          <div class="chart-section">
            {metric ? (
              <>
                <div class="section-head">
                  <h3>{t('chart.title')}</h3>
                  <button type="button" class="link" data-testid="chart-close" onClick={() => setParams({ chart: undefined })}>
                    {t('chart.hide')}
                  </button>
                </div>
                {chart.error ? (
                  <ProblemBox error={chart.error} />
                ) : lines.length ? (
                  <TcdChart lines={lines} metric={metric} selected={sel} onMetric={(m) => setParams({ chart: m })} onSelect={(r) => setParams({ sel: String(r) })} />
                ) : (
                  <p class="muted">{t('common:loading')}</p>
                )}
              </>
            ) : (
              all.length > 0 && (
                <button type="button" class="secondary" data-testid="chart-open" onClick={() => setParams({ chart: 'days' })}>
                  {t('chart.show')}
                </button>
              )
            )}
          </div>
          {chosen ? (
            <Timeline it={chosen} net={net} colour={colourOf(chosen.rank)} />
          ) : (
            all.length > 0 && <p class="muted">{t('timeline.choose')}</p>
          )}
        </section>
      )}
    </div>
  );
}
