// A link's panel: its ends, mode and gauge, and the figures a route is built from (distance,
// time, cost per TEU and FEU, capacity), its emissions per TEU well-to-wheel and tank-to-wheel
// with the factor they come from, and the sources behind them.
import type { ComponentChildren } from 'preact';
import { useT } from '../../i18n';
import { formatCo2, formatNumber } from '../../format';
import type { Selection } from '../../map/mapview';
import { linkColour, linkLayer } from '../../map/style';
import type { LinkDetail } from './detail';
import { durationRange, kmRange, usdRange } from './ranges';
import { SourceList } from './sources';

function Row({ label, children, testid }: { label: string; children: ComponentChildren; testid?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testid}>{children}</dd>
    </>
  );
}

export function passagesOf(p: string | string[] | undefined): string[] {
  if (!p) return [];
  return (Array.isArray(p) ? p : p.split(/[;,+]/)).map((x) => x.trim()).filter(Boolean);
}

export function LinkPanel({ link, onSelect }: { link: LinkDetail; onSelect: (s: Selection) => void }) {
  const t = useT('network');
  const layer = linkLayer({ mode: link.mode, gauge: link.gauge ?? null });
  const passages = passagesOf(link.passages);
  const ef = link.emissionFactor;
  const end = (code: string, name?: string) => (
    <button type="button" class="link" onClick={() => onSelect({ type: 'node', code })} data-testid={`link-end-${code}`}>
      {name || code}
    </button>
  );
  const distance = kmRange(link.distanceKm);
  const hours = durationRange(link.hours);
  const teu = usdRange(link.costUsdTeu);
  const feu = usdRange(link.costUsdFeu);
  return (
    <article class="net-detail" data-testid="link-panel">
      <h2>
        {end(link.from, link.fromName)} → {end(link.to, link.toName)}
      </h2>
      <p class="muted facts">
        <span class="legend-line" style={{ background: linkColour({ mode: link.mode, gauge: link.gauge ?? null }) }} aria-hidden="true" />
        {t(`layer.${layer}`, { defaultValue: link.mode })} · <span class="code">{link.id}</span>
      </p>
      {link.partial && (
        <p class="notice" data-testid="partial">
          {t('partialLink')}
        </p>
      )}
      <dl class="net-facts">
        {distance && (
          <Row label={t('link.distance')} testid="link-distance">
            {distance}
            {link.distanceBasis && <div class="muted small">{link.distanceBasis}</div>}
          </Row>
        )}
        {hours && (
          <Row label={t('link.time')} testid="link-time">
            {hours}
          </Row>
        )}
        {link.speedKnots != null && <Row label={t('link.speed')}>{t('link.knots', { value: formatNumber(link.speedKnots, 1) })}</Row>}
        {(teu || feu) && (
          <Row label={t('link.cost')} testid="link-cost">
            {teu && <div>{t('link.perTeu', { value: teu })}</div>}
            {feu && <div>{t('link.perFeu', { value: feu })}</div>}
          </Row>
        )}
        {link.capacityTeuPerDay != null && <Row label={t('link.capacity')}>{t('link.teuPerDay', { value: formatNumber(link.capacityTeuPerDay) })}</Row>}
        {link.co2eKgPerTeu != null && (
          <Row label={t('link.emissions')} testid="link-emissions">
            <div>{t('link.wtw', { value: formatCo2(link.co2eKgPerTeu) })}</div>
            {link.co2eTtwKgPerTeu != null && <div>{t('link.ttw', { value: formatCo2(link.co2eTtwKgPerTeu) })}</div>}
          </Row>
        )}
        {ef && (
          <Row label={t('link.factor')}>
            <div>{ef.description || ef.id}</div>
            {ef.wtwGPerTkm != null && (
              <div class="muted small">
                {t('link.factorValues', { wtw: formatNumber(ef.wtwGPerTkm, 1), ttw: ef.ttwGPerTkm != null ? formatNumber(ef.ttwGPerTkm, 1) : '—' })}
              </div>
            )}
          </Row>
        )}
        {passages.length > 0 && <Row label={t('link.passages')}>{passages.map((p) => t(`passage.${p}`, { defaultValue: p })).join(', ')}</Row>}
      </dl>
      {link.note && <p class="note">{link.note}</p>}
      <SourceList sources={link.sources ?? []} testid="link-sources" />
    </article>
  );
}
