// The dashboard's two kinds of chart, drawn by Chart.js (only the parts registered here are
// bundled): a transit-time histogram (share of boxes per bin; base and what-if as two series on
// the same axes) and a crane-queue chart (median line and min–max band over simulated days,
// warm-up, drain and closures shaded).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { intlLocale } from '../../format';
import type { HistogramData, Interval, QueueSeriesData } from './plots';
import { SERIES_COLOURS, withAlpha } from './plots';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Filler, Legend, Tooltip);

// One canvas with its chart, rebuilt when the configuration changes, destroyed on unmount.
function ChartCanvas({ config, label, testid, series }: { config: ChartConfiguration; label: string; testid: string; series: string[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config);
    return () => chart.destroy();
  }, [config]);
  return (
    <div class="sim-chart" data-testid={testid} data-series={series.join('|')} data-series-count={series.length}>
      <canvas ref={canvas} role="img" aria-label={label}>
        {label}
      </canvas>
    </div>
  );
}

const tickFont = { size: 11 };

export function HistogramChart(props: {
  data: HistogramData;
  labels: string[]; // the series' names as the page shows them
  xTitle: string;
  yTitle: string;
  summary: string; // a sentence for screen readers
  testid: string;
}) {
  const { data, labels, xTitle, yTitle, summary, testid } = props;
  const lang = intlLocale();
  const fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const bars = data.series.length <= 2;
  const config = useMemo((): ChartConfiguration => ({
    type: bars ? 'bar' : 'line',
    data: {
      labels: data.edges.slice(0, -1).map((e) => fmt.format(e)),
      datasets: data.series.map((s, i) => {
        const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
        return bars
          ? { type: 'bar' as const, label: labels[i], data: s.percent, backgroundColor: withAlpha(colour, 0.75), borderColor: colour, borderWidth: 1, categoryPercentage: 0.9, barPercentage: 1 }
          : { type: 'line' as const, label: labels[i], data: s.percent, borderColor: colour, backgroundColor: withAlpha(colour, 0.1), stepped: 'middle' as const, pointRadius: 0, borderWidth: 2, fill: false };
      }),
    },
    options: {
      locale: lang,
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { title: { display: true, text: xTitle }, ticks: { font: tickFont, maxRotation: 0, autoSkipPadding: 8 }, grid: { display: false } },
        y: { title: { display: true, text: yTitle }, beginAtZero: true, ticks: { font: tickFont } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 12 } } },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${fmt.format(Number(c.raw))} %` } },
      },
    },
  }), [data, labels.join('|'), xTitle, yTitle, lang]);
  return <ChartCanvas config={config} label={summary} testid={testid} series={labels} />;
}

// Shades the x ranges of the intervals (warm-up, drain, closures) behind the lines, and names
// them at the top of the plot area.
function shading(intervals: (Interval & { name: string })[]): Plugin<'line'> {
  return {
    id: 'simIntervals',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea: a, scales } = chart;
      const x = scales.x;
      ctx.save();
      for (const iv of intervals) {
        const left = Math.max(a.left, x.getPixelForValue(iv.from));
        const right = Math.min(a.right, x.getPixelForValue(iv.to));
        if (right <= left) continue;
        ctx.fillStyle = iv.kind === 'closure' ? 'rgba(179, 38, 30, 0.10)' : 'rgba(93, 107, 120, 0.12)';
        ctx.fillRect(left, a.top, right - left, a.bottom - a.top);
        ctx.fillStyle = '#5d6b78';
        ctx.font = '11px system-ui, sans-serif';
        ctx.textBaseline = 'top';
        const w = ctx.measureText(iv.name).width;
        if (w < right - left - 4) ctx.fillText(iv.name, left + 4, a.top + 3);
      }
      ctx.restore();
    },
  };
}

export function QueueChart(props: {
  series: QueueSeriesData[];
  labels: string[];
  bandLabel: string;
  intervals: (Interval & { name: string })[];
  xTitle: string;
  yTitle: string;
  summary: string;
  testid: string;
}) {
  const { series, labels, bandLabel, intervals, xTitle, yTitle, summary, testid } = props;
  const lang = intlLocale();
  const fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const config = useMemo(() => {
  // The axis spans the run: from its first bucket to the end of its last.
  const xs = series.flatMap((s) => (s.centre.length ? [s.centre[0].x, s.centre[s.centre.length - 1].x + (s.centre.length > 1 ? s.centre[1].x - s.centre[0].x : 0)] : []));
  const xMin = xs.length ? Math.min(...xs) : undefined;
  const xMax = xs.length ? Math.max(...xs) : undefined;
  const band = new Set<number>(); // dataset indices of the band edges: no legend, no tooltip
  const datasets: ChartConfiguration<'line'>['data']['datasets'] = [];
  series.forEach((s, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length];
    band.add(datasets.length);
    datasets.push({ label: `${labels[i]} (${bandLabel})`, data: s.lo, borderWidth: 0, pointRadius: 0, fill: false, stepped: true, borderColor: 'transparent' });
    band.add(datasets.length);
    datasets.push({ label: `${labels[i]} (${bandLabel})`, data: s.hi, borderWidth: 0, pointRadius: 0, fill: '-1', stepped: true, borderColor: 'transparent', backgroundColor: withAlpha(colour, 0.14) });
    datasets.push({ label: labels[i], data: s.centre, borderColor: colour, backgroundColor: colour, borderWidth: 1.25, pointRadius: 0, fill: false, stepped: true });
  });
  const config: ChartConfiguration<'line'> = {
    type: 'line',
    data: { datasets },
    options: {
      locale: lang,
      animation: false,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: { type: 'linear', title: { display: true, text: xTitle }, ticks: { font: tickFont }, min: xMin, max: xMax },
        y: { title: { display: true, text: yTitle }, beginAtZero: true, ticks: { font: tickFont, precision: 0 } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12, font: { size: 12 }, filter: (item) => !band.has(item.datasetIndex ?? -1) } },
        tooltip: {
          filter: (item) => !band.has(item.datasetIndex),
          callbacks: { title: (items) => (items[0] ? `${xTitle}: ${fmt.format(items[0].parsed.x ?? 0)}` : '') },
        },
      },
    },
    plugins: [shading(intervals)],
  };
  return config as unknown as ChartConfiguration;
  }, [series, labels.join('|'), bandLabel, intervals.map((i) => i.name).join('|'), xTitle, yTitle, lang]);
  return <ChartCanvas config={config} label={summary} testid={testid} series={labels} />;
}
