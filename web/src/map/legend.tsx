// The network's legend: each node kind and each link mode/gauge with its colour and count, and a
// checkbox that shows or hides that layer on the map. The caller keeps which layers are hidden
// (the network view keeps them in the URL).
import { useT } from '../i18n';
import { formatNumber } from '../format';
import type { LayerInfo } from './layers';
import { MODE_COLOURS, NODE_COLOURS } from './style';

interface Props {
  layers: LayerInfo[];
  hidden: Set<string>;
  onToggle: (layer: string, visible: boolean) => void;
  onShowAll?: () => void;
}

function Swatch({ layer }: { layer: LayerInfo }) {
  const colour = (layer.group === 'node' ? NODE_COLOURS : MODE_COLOURS)[layer.key] ?? '#555';
  return layer.group === 'node' ? (
    <span class="legend-dot" style={{ background: colour }} aria-hidden="true" />
  ) : (
    <span class="legend-line" style={{ background: colour }} aria-hidden="true" />
  );
}

function Group({ title, layers, hidden, onToggle }: { title: string } & Omit<Props, 'onShowAll'>) {
  const t = useT('network');
  if (!layers.length) return null;
  return (
    <fieldset class="legend-group">
      <legend>{title}</legend>
      <ul>
        {layers.map((l) => {
          const id = `layer-${l.name.replace(/[^a-z0-9-]/gi, '-')}`;
          return (
            <li key={l.name}>
              <input
                type="checkbox"
                id={id}
                checked={!hidden.has(l.name)}
                onChange={(e) => onToggle(l.name, (e.target as HTMLInputElement).checked)}
                data-testid={`layer-${l.name}`}
              />
              <label for={id}>
                <Swatch layer={l} />
                <span class="legend-name">{t(`layer.${l.key}`, { defaultValue: l.key })}</span>
                <span class="legend-count">{formatNumber(l.count)}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function Legend({ layers, hidden, onToggle, onShowAll }: Props) {
  const t = useT('network');
  const anyHidden = layers.some((l) => hidden.has(l.name));
  return (
    <section class="legend" aria-label={t('legend.title')} data-testid="legend">
      <div class="legend-head">
        <h3>{t('legend.title')}</h3>
        {onShowAll && anyHidden && (
          <button type="button" class="link" onClick={onShowAll} data-testid="layers-all">
            {t('legend.showAll')}
          </button>
        )}
      </div>
      <div class="legend-groups">
        <Group title={t('legend.nodes')} layers={layers.filter((l) => l.group === 'node')} hidden={hidden} onToggle={onToggle} />
        <Group title={t('legend.links')} layers={layers.filter((l) => l.group === 'link')} hidden={hidden} onToggle={onToggle} />
      </div>
    </section>
  );
}
