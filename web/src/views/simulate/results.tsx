// A finished job's results: the KPI table (mean ± 95 % half-width; with a what-if, base and
// what-if side by side with the change) and the plots (transit-time histograms, crane queues).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { loadNetwork } from '../../api/network';
import { useT } from '../../i18n';
import { setParams, useParams } from '../../state/url';
import type { Plots, Summary } from './api';
import { HistogramChart, QueueChart } from './charts';
import { clearChanges, formatCi, groupRows, isComparison, keyPlaces, kpiRows, type KpiRow } from './kpis';
import { corridorOf, flowCorridors, flowOfLabel, histogramData, indexPlots, orderByFlows, queueData } from './plots';
import { currentLanguage } from '../../i18n';

// Node names by code, from the network the map draws (codes alone until it is loaded, or if it
// cannot be).
function useNodeNames(): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    loadNetwork()
      .then((net) => live && setNames(new Map([...net.nodes.values()].map((n) => [n.code, n.name]))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return names;
}

function Ci({ row, which }: { row: KpiRow; which: 'base' | 'whatIf' | 'change' }) {
  const e = row[which];
  if (!e) return <td />;
  const f = formatCi(e, row.metric, currentLanguage(), which === 'change');
  return (
    <td class={`num${which === 'change' && row.clear ? ' clear' : ''}`}>
      <span class="mean">{f.mean}</span> <span class="pm">± {f.halfWidth}</span>
    </td>
  );
}

export function KpiTable({ summary, corridors: fromPlots, names }: { summary: Summary; corridors?: Map<string, string>; names: ReadonlyMap<string, string> }) {
  const t = useT('sim');
  const params = useParams();
  const compare = isComparison(summary);
  const groups = useMemo(() => groupRows(kpiRows(summary)), [summary]);
  // Each flow's corridor: the one-run summary names it; a comparison's histograms do.
  const corridors = useMemo(
    () => new Map([...(fromPlots ?? []), ...('flows' in summary ? summary.flows : []).map((f) => [f.flow, f.corridor] as [string, string])]),
    [summary, fromPlots],
  );
  const group = groups.find((g) => g.group === params.kg) ?? groups.find((g) => g.group === 'flow') ?? groups[0];
  const onlyClear = compare && params.kc === '1';
  const rows = group ? (onlyClear ? clearChanges(group.rows) : group.rows) : [];
  // Rows of one key together; the key is written once, on its first row.
  const firstOfKey = rows.map((r, i) => i === 0 || rows[i - 1].key !== r.key);
  const span = (i: number) => {
    let n = 1;
    while (i + n < rows.length && rows[i + n].key === rows[i].key) n++;
    return n;
  };
  const keyText = (row: KpiRow) => {
    const places = keyPlaces(row.group, row.key, names);
    const corridor = corridors.get(row.key);
    return (
      <>
        {row.group === 'total' ? t('kpi.all') : row.key}
        {places && <small class="place">{places}</small>}
        {corridor && <small class="muted">{corridor}</small>}
      </>
    );
  };
  const seed = 'seed' in summary ? summary.seed : undefined;
  return (
    <section class="sim-kpis" aria-labelledby="sim-kpi-title">
      <h3 id="sim-kpi-title">{t('kpi.title')}</h3>
      <p class="muted" data-testid="sim-kpi-caption">
        {compare
          ? t('kpi.captionCompare', { base: summary.base, whatIf: summary.what_if, replications: summary.replications, confidence: Math.round(summary.confidence * 100) })
          : t('kpi.caption', { name: summary.scenario, replications: summary.replications, seed, confidence: Math.round(summary.confidence * 100) })}
      </p>
      <div class="sim-kpi-tools">
        <div class="chips" role="group" aria-label={t('kpi.groups')}>
          {groups.map((g) => (
            <button
              key={g.group}
              type="button"
              class="chip"
              aria-pressed={g.group === group?.group}
              onClick={() => setParams({ kg: g.group })}
              data-testid={`sim-group-${g.group}`}
            >
              {t(`kpi.group.${g.group}`, { defaultValue: g.group })}
            </button>
          ))}
        </div>
        {compare && (
          <label class="sim-check">
            <input type="checkbox" checked={onlyClear} onChange={(e) => setParams({ kc: (e.target as HTMLInputElement).checked ? '1' : undefined })} data-testid="sim-only-clear" />
            {t('kpi.onlyClear')}
          </label>
        )}
      </div>
      <div class="sim-table-wrap">
        <table data-testid="sim-kpi-table">
          <thead>
            <tr>
              <th scope="col">{t(`kpi.keyHead.${group?.group}`, { defaultValue: t('kpi.keyHead.other') })}</th>
              <th scope="col">{t('kpi.metricHead')}</th>
              {compare ? (
                <>
                  <th scope="col" class="num">{t('kpi.baseHead')}</th>
                  <th scope="col" class="num">{t('kpi.whatIfHead')}</th>
                  <th scope="col" class="num">{t('kpi.changeHead')}</th>
                </>
              ) : (
                <th scope="col" class="num">{t('kpi.meanHead')}</th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={compare ? 5 : 3} class="muted">
                  {t('kpi.noClear')}
                </td>
              </tr>
            )}
            {rows.map((r, i) => [
              // On a phone the key is a row of its own above its figures (simulate.css).
              firstOfKey[i] && (
                <tr key={`${r.key}/head`} class="keyrow">
                  <th colSpan={compare ? 4 : 2}>
                    {keyText(r)}
                  </th>
                </tr>
              ),
              <tr key={`${r.key}/${r.metric}`} class={firstOfKey[i] ? 'first' : ''} data-testid="sim-kpi-row">
                {firstOfKey[i] && (
                  <th scope="rowgroup" rowSpan={span(i)} class="key">
                    {keyText(r)}
                  </th>
                )}
                <td>{t(`metric.${r.metric}`, { defaultValue: r.metric })}</td>
                <Ci row={r} which="base" />
                {compare && <Ci row={r} which="whatIf" />}
                {compare && (
                  <td class={`num${r.clear ? ' clear' : ''}`}>
                    <span class="mean">{formatCi(r.change!, r.metric, currentLanguage(), true).mean}</span>{' '}
                    <span class="pm">± {formatCi(r.change!, r.metric, currentLanguage(), true).halfWidth}</span>
                    {r.clear && <span class="badge" title={t('kpi.clearHint')}>{t('kpi.clear')}</span>}
                  </td>
                )}
              </tr>,
            ])}
          </tbody>
        </table>
      </div>
      <p class="muted small">{compare ? t('kpi.noteCompare') : t('kpi.note')}</p>
    </section>
  );
}

export function PlotsSection({ summary, plots, names }: { summary: Summary; plots: Plots; names: ReadonlyMap<string, string> }) {
  const t = useT('sim');
  const index = useMemo(() => indexPlots(plots), [plots]);
  const compare = isComparison(summary);
  // Series named by role (base, what-if) when comparing; else by the server's label.
  const seriesName = (label: string) =>
    compare && label === summary.base
      ? t('series.base', { name: label })
      : compare && label === summary.what_if
        ? t('series.whatIf', { name: label })
        : label;
  const hist = useMemo(() => {
    const flows = [...new Set(kpiRows(summary).filter((r) => r.group === 'flow').map((r) => r.key))];
    return orderByFlows(index.histograms, flows).map((h) => ({ ...h, data: histogramData(h.plot) }));
  }, [index, summary]);
  const queues = useMemo(() => index.queues.map((q) => ({ ...q, data: queueData(q.plot) })), [index]);
  return (
    <>
      <section class="sim-plots" aria-labelledby="sim-hist-title">
        <h3 id="sim-hist-title">{t('plots.transitTitle')}</h3>
        <div class={`sim-grid${hist.length === 1 ? ' one' : ''}`}>
          {hist.map((h) => {
            // One plot of every flow: its series are named by flow (the corridors are in the table).
            const labels = h.data.series.map((s) => (h.flow ? seriesName(s.label) : flowOfLabel(s.label)));
            const title = h.flow ? t('plots.transitFlow', { flow: h.flow }) : t('plots.transitAll');
            const corridor = h.flow ? corridorOf(h.plot.title, h.flow) : undefined;
            const places = h.flow ? keyPlaces('flow', h.flow, names) : undefined;
            return (
              <figure key={h.key} class="card">
                <figcaption>
                  <strong>{title}</strong>
                  {places && <small class="place">{places}</small>}
                  {corridor && <small class="muted">{corridor}</small>}
                </figcaption>
                <HistogramChart
                  data={h.data}
                  labels={labels}
                  xTitle={t('plots.transitX')}
                  yTitle={t('plots.shareY')}
                  summary={t('plots.histSummary', { title, series: labels.join(', ') })}
                  testid={`sim-hist-${h.key}`}
                />
              </figure>
            );
          })}
        </div>
      </section>
      <section class="sim-plots" aria-labelledby="sim-queue-title">
        <h3 id="sim-queue-title">{t('plots.queueTitle')}</h3>
        <p class="muted small">{t('plots.queueNote')}</p>
        <div class="sim-grid one">
          {queues.map((q) => {
            const labels = q.data.series.map((s) => seriesName(s.label));
            const place = keyPlaces('node', q.node, names);
            const title = t('plots.queueAt', { node: place ? `${place} (${q.node})` : q.node });
            const intervals = q.data.intervals.map((iv) => ({ ...iv, name: iv.kind === 'closure' ? iv.label : t(`plots.interval.${iv.kind}`) }));
            return (
              <figure key={q.key} class="card">
                <figcaption>
                  <strong>{title}</strong>
                </figcaption>
                <QueueChart
                  series={q.data.series}
                  labels={labels}
                  bandLabel={t('plots.band')}
                  intervals={intervals}
                  xTitle={t('plots.dayX')}
                  yTitle={t('plots.queueY')}
                  summary={t('plots.queueSummary', { title, series: labels.join(', ') })}
                  testid={`sim-queue-${q.key}`}
                />
              </figure>
            );
          })}
        </div>
      </section>
    </>
  );
}

export function Results({ summary, plots }: { summary: Summary; plots: Plots }) {
  const corridors = useMemo(() => flowCorridors(indexPlots(plots)), [plots]);
  const names = useNodeNames();
  return (
    <div class="sim-results" data-testid="sim-results">
      <KpiTable summary={summary} corridors={corridors} names={names} />
      <PlotsSection summary={summary} plots={plots} names={names} />
    </div>
  );
}
