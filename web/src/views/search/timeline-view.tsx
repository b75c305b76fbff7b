// The chosen itinerary step by step: each leg and stay with its start and end at the place's
// own wall clock (timetabled), or hours from the start (static).
import { useT } from '../../i18n';
import { formatCo2, formatDateTime, formatHours, formatKm, formatMoney } from '../../format';
import type { Network } from '../../api/network';
import { buildTimeline } from './timeline';
import type { Itinerary } from './types';

export function Timeline({ it, net, colour }: { it: Itinerary; net: Network | null; colour: string }) {
  const t = useT('search');
  const name = (code: string) => net?.nodes.get(code)?.name ?? code;
  const entries = buildTimeline(it);
  const what = (kind: string, w: string) => {
    if (kind === 'leg') {
      const [mode, gauge] = w.split(' ');
      return gauge ? t('timeline.legGauge', { mode: t(`mode.${mode}`, { defaultValue: mode }), gauge }) : t(`mode.${mode}`, { defaultValue: mode });
    }
    return w.split('+').map((op) => t(`operation.${op}`, { defaultValue: op })).join(' + ');
  };
  return (
    <div class="card" data-testid="timeline">
      <h3>
        <span class="swatch" style={{ background: colour }} aria-hidden="true" />
        {t('timeline.title', { rank: it.rank })} · {it.label}
      </h3>
      <ol class="timeline">
        {entries.map((e) => (
          <li class={`tl-${e.kind}`} data-testid="timeline-step">
            <div class="tl-head">
              <strong>{e.kind === 'leg' ? `${name(e.place)} → ${name(e.to!)}` : name(e.place)}</strong>{' '}
              <span class="tl-what">{what(e.kind, e.what)}</span>
              {e.service && <span class="muted"> · {e.service}</span>}
            </div>
            {e.start && e.end ? (
              <div class="tl-when">
                <time dateTime={e.start.at}>{formatDateTime(e.start.at, e.start.zone)}</time>
                {' → '}
                <time dateTime={e.end.at}>{formatDateTime(e.end.at, e.end.zone)}</time>
              </div>
            ) : (
              <div class="tl-when">{t('timeline.elapsed', { hours: formatHours(e.elapsedHours) })}</div>
            )}
            <div class="tl-facts muted">
              {formatHours(e.hours)}
              {e.km > 0 && ` · ${formatKm(e.km)}`}
              {e.usd > 0 && ` · ${formatMoney(e.usd)}`}
              {e.co2eKg > 0 && ` · ${formatCo2(e.co2eKg)} CO₂e`}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
