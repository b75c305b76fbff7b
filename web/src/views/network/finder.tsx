// Find a node by code or name and select it: the keyboard's way into the map.
import { useState } from 'preact/hooks';
import { useT } from '../../i18n';
import type { Network } from '../../api/network';
import { nodeColour } from '../../map/style';
import { matchNodes } from './find';

export function NodeFinder({ net, onPick }: { net: Network | null; onPick: (code: string) => void }) {
  const t = useT('network');
  const [q, setQ] = useState('');
  const found = net ? matchNodes(net.nodes.values(), q) : [];
  const pick = (code: string) => {
    onPick(code);
    setQ('');
  };
  return (
    <div class="field net-finder">
      <label for="net-find">{t('find.label')}</label>
      <input
        id="net-find"
        type="search"
        value={q}
        placeholder={t('find.placeholder')}
        autocomplete="off"
        onInput={(e) => setQ((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && found.length) pick(found[0].code);
        }}
        data-testid="net-find"
      />
      {q.trim() && (
        <ul class="finder-list" data-testid="net-find-results">
          {found.length ? (
            found.map((n) => (
              <li key={n.code}>
                <button type="button" class="link" onClick={() => pick(n.code)}>
                  <span class="legend-dot" style={{ background: nodeColour(n.kind) }} aria-hidden="true" />
                  {n.name} <span class="code">{n.code}</span>
                </button>
              </li>
            ))
          ) : (
            <li class="muted">{t('find.none')}</li>
          )}
        </ul>
      )}
    </div>
  );
}
