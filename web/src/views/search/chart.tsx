// The time/cost–distance chart of the search (UN ESCAP style): GET /v1/chart, drawn with
// Chart.js (only the pieces registered here). Each series in its itinerary's colour; the chosen
// itinerary drawn thicker; the y quantity (days, USD, kg CO2e) is in the URL.
import { useEffect, useRef } from 'preact/hooks';
import { Chart, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import { currentLanguage, useT } from '../../i18n';
import { formatCo2, formatDays, formatKm, formatMoney } from '../../format';
import { CHART_METRICS, type ChartLine, type ChartMetric } from './chartdata';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);

function formatY(metric: ChartMetric, v: number): string {
  return metric === 'days' ? formatDays(v) : metric === 'usd' ? formatMoney(v) : formatCo2(v);
}

interface Props {
  lines: ChartLine[];
  metric: ChartMetric;
  selected: number | null;
  onMetric: (m: ChartMetric) => void;
  onSelect: (rank: number) => void;
}

export function TcdChart({ lines, metric, selected, onMetric, onSelect }: Props) {
  const t = useT('search');
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'line', { x: number; y: number }[]> | null>(null);
  const lang = currentLanguage();

  useEffect(() => {
    const datasets = lines.map((l) => {
      const on = l.rank !== null && l.rank === selected;
      return {
        label: l.label,
        data: l.points.map((p) => ({ x: p.x, y: p.y })),
        borderColor: l.colour,
        backgroundColor: l.colour,
        borderWidth: on ? 4 : selected !== null ? 1.5 : 2.5,
        pointRadius: on ? 3 : 2,
        order: on ? 0 : 1,
      };
    });
    const options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false as const,
      parsing: false as const,
      interaction: { mode: 'nearest' as const, intersect: false },
      scales: {
        x: { type: 'linear' as const, title: { display: true, text: t('chart.distance') }, ticks: { callback: (v: number | string) => formatKm(Number(v)) } },
        y: { type: 'linear' as const, title: { display: true, text: t(`chart.metric.${metric}`) }, ticks: { callback: (v: number | string) => formatY(metric, Number(v)) } },
      },
      plugins: {
        tooltip: {
          callbacks: {
            title: (items: { datasetIndex: number; dataIndex: number }[]) => {
              const it = items[0];
              const p = lines[it.datasetIndex]?.points[it.dataIndex];
              return p ? `${p.node}${p.what ? ` · ${p.what}` : ''}` : '';
            },
            label: (item: { datasetIndex: number; dataIndex: number }) => {
              const p = lines[item.datasetIndex]?.points[item.dataIndex];
              return p ? `${formatKm(p.x)} · ${formatY(metric, p.y)}` : '';
            },
          },
        },
      },
      onClick: (_e: unknown, els: { datasetIndex: number }[]) => {
        const rank = els.length ? lines[els[0].datasetIndex]?.rank : null;
        if (rank != null) onSelect(rank);
      },
    };
    if (!chart.current) {
      chart.current = new Chart(canvas.current!, { type: 'line', data: { datasets }, options });
    } else {
      chart.current.data.datasets = datasets;
      chart.current.options = options;
      chart.current.update();
    }
  }, [lines, metric, selected, lang]);
  useEffect(() => () => chart.current?.destroy(), []);

  return (
    <div class="tcd" data-testid="chart">
      <div class="chips" role="group" aria-label={t('chart.yAxis')}>
        {CHART_METRICS.map((m) => (
          <button type="button" class="chip" aria-pressed={m === metric} data-testid={`chart-${m}`} onClick={() => onMetric(m)}>
            {t(`chart.metric.${m}`)}
          </button>
        ))}
      </div>
      <div class="tcd-canvas">
        <canvas ref={canvas} role="img" aria-label={t('chart.label', { metric: t(`chart.metric.${metric}`) })} data-testid="chart-canvas" />
      </div>
    </div>
  );
}
